"""The build runs its training jobs longest first and hands their results back by name
(warta.train.pipeline)."""

from __future__ import annotations

from pathlib import Path

from warta.train.pipeline import Job, _run_all

started: list[str] = []


def _train(name: str) -> Path:
    started.append(name)
    return Path(name)


def test_jobs_start_longest_first_and_come_back_by_name() -> None:
    started.clear()
    kinds = {"corpus1": "corpus", "member1": "vote", "ud": "ud", "ner": "ner",
             "member2": "vote", "corpus2": "corpus"}
    jobs = [Job(name, kind, _train, (name,), {}) for name, kind in kinds.items()]
    paths = _run_all(jobs, workers=1)
    assert started == ["ner", "ud", "member1", "member2", "corpus1", "corpus2"]
    assert paths == {name: Path(name) for name in kinds}

