"""Tokens per CPU second of ``warta.load()``'s pipeline (parse vote included, the
``warta`` component left out) on the first 80 Detik articles, one thread.

Usage:
    .venv/bin/python scripts/bench_load_pipeline.py [MODEL_DIR] [--member-beam-width N]

CPU time of this process (``warta.eval.ud.words_per_second``, best of two passes), so a
job running beside it does not count; docs/MODELS.md, "The parse vote".
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
from itertools import islice  # noqa: E402
from pathlib import Path  # noqa: E402

import warta  # noqa: E402
from warta.eval.ud import words_per_second  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT.parent / "shared" / "data" / "news" / "detik-dev.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", nargs="?", default=str(ROOT / "warta" / "models" / "id_warta"))
    ap.add_argument("--member-beam-width", type=int, default=None)
    args = ap.parse_args()
    with ARTICLES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in islice(lines, 80)]
    nlp = warta.load(args.model)
    if args.member_beam_width is not None:
        nlp.get_pipe("parse_vote").member_beam_width = args.member_beam_width
    rate = words_per_second(nlp, texts, disable=["warta"], repeat=2)
    print(f"{args.model}: {rate:,.0f} tokens per CPU second ({', '.join(nlp.pipe_names)})")


if __name__ == "__main__":
    main()
