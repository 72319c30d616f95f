from pathlib import Path

import warta

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed.txt"


def test_seed_runs_end_to_end():
    analysis = warta.analyze(SEED.read_text(encoding="utf-8"), published="2023-10-24")
    assert analysis.text_length == len(SEED.read_text(encoding="utf-8"))
    assert analysis.to_dict()["schema_version"] == warta.SCHEMA_VERSION
