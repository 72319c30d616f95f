"""The build runs its training jobs longest first and hands their results back by name
(warta.train.pipeline)."""

from __future__ import annotations

from pathlib import Path

from warta.train.parse_vote import MEMBERS, is_beam
from warta.train.pipeline import Job, _run_all

started: list[str] = []


def _train(name: str) -> Path:
    started.append(name)
    return Path(name)


def test_jobs_start_longest_first_and_come_back_by_name() -> None:
    started.clear()
    kinds = {"ner": "ner", "corpus1": "corpus", "member1": "vote_beam", "ud": "ud",
             "member2": "vote", "corpus2": "corpus"}
    jobs = [Job(name, kind, _train, (name,), {}) for name, kind in kinds.items()]
    paths = _run_all(jobs, workers=1)
    assert started == ["member1", "ner", "ud", "member2", "corpus1", "corpus2"]
    assert paths == {name: Path(name) for name in kinds}


def test_the_beam_members_are_known_as_such() -> None:
    assert [is_beam(recipe) for recipe in MEMBERS] == [True, False, True, False]
