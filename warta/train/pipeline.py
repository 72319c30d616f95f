"""The shipped pipeline: NER and UD trained separately, assembled into one.

``warta train`` (and ``make models``) calls :func:`build_pipeline`.  The two parts
have their own tok2vec, so either can be retrained alone; assembling sources the
UD components into the NER pipeline (:func:`warta.train.ud.add_ud_components`)
and keeps the entity rulers last, where they were. The member parsers of the parse
vote (:mod:`warta.train.parse_vote`) and the idner-convention head's ensemble members
(:mod:`warta.train.corpus_ensemble`) are pipelines of their own beside it.

The trainings are independent single-threaded jobs, so they run in two worker
processes: the whole build fits the hour on a 2-core machine.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import spacy

from warta.nlp.corpus_ensemble import corpus_members_dir
from warta.nlp.parse_vote import vote_model_dir
from warta.train.corpus_ensemble import (
    MEMBER_SEED_OFFSETS,
    train_corpus_member,
    write_corpus_members,
)
from warta.train.ner import train_ner
from warta.train.output import write_pipeline
from warta.train.parse_vote import MEMBERS, build_vote_model, train_member
from warta.train.ud import add_ud_components, train_ud

WORKERS = 2  # this machine's cores; each training job is single-threaded


def assemble(ner_dir: Path | str, ud_dir: Path | str, output_dir: Path | str) -> Path:
    """NER pipeline + UD components → ``output_dir``.

    The UD components go after the entity rulers, not before them: a ruler runs every
    component before it over its patterns while loading (spaCy's ``EntityRuler``), and
    after ``ner`` only ``tok2vec`` and ``ner`` are worth running there (the rulers match
    ``ORTH``; the UD components neither read nor write entities)."""
    nlp = spacy.load(ner_dir)
    add_ud_components(nlp, spacy.load(ud_dir))
    return write_pipeline(nlp, output_dir)


def build_pipeline(output_dir: Path | str, data_dir: Path | str, *, seed: int = 0,
                   smoke: bool = False, workers: int = WORKERS) -> Path:
    """Train NER, UD, the idner-convention head's ensemble members and the vote members
    from ``data_dir`` (../shared/data); write the assembled pipeline to ``output_dir``
    and the members beside it (:func:`warta.nlp.corpus_ensemble.corpus_members_dir`,
    :func:`warta.nlp.parse_vote.vote_model_dir`). Smoke mode trains one member of each
    kind."""
    limits: dict[str, int] = {"max_sentences": 300, "max_epochs": 1} if smoke else {}
    members = MEMBERS[:1] if smoke else MEMBERS
    corpus_seeds = [seed + k for k in MEMBER_SEED_OFFSETS[:1 if smoke else None]]
    data_dir = Path(data_dir)
    with tempfile.TemporaryDirectory(prefix="warta-build-") as tmp:
        work = Path(tmp)
        jobs: list[tuple[Callable[..., Path], tuple[Any, ...], dict[str, Any]]] = [
            (train_ner, (work / "ner", data_dir), {"seed": seed, **limits}),
            (train_ud, (work / "ud", data_dir), {"seed": seed, **limits}),
            *((train_corpus_member, (work / f"corpus{k}", data_dir),
               {"seed": member_seed, "vectors_seed": seed, **limits})
              for k, member_seed in enumerate(corpus_seeds, start=1)),
            *((train_member, (work / f"member{k}", data_dir, recipe), {"seed": seed, **limits})
              for k, recipe in enumerate(members, start=1)),
        ]
        paths = _run_all(jobs, workers)
        output = assemble(paths[0], paths[1], output_dir)
        write_corpus_members(paths[2:2 + len(corpus_seeds)], corpus_members_dir(output),
                             spacy.load(paths[0]))
        build_vote_model(vote_model_dir(output), paths[2 + len(corpus_seeds):])
        return output


def _run_all(jobs: list[tuple[Callable[..., Path], tuple[Any, ...], dict[str, Any]]],
             workers: int) -> list[Path]:
    """Run the jobs (in order of submission) on ``workers`` processes; their results in
    job order. Fresh interpreters ("spawn"), so no thread pool state is inherited."""
    if workers <= 1:
        return [job(*args, **kwargs) for job, args, kwargs in jobs]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: list[Future[Path]] = [pool.submit(job, *args, **kwargs)
                                       for job, args, kwargs in jobs]
        return [future.result() for future in futures]
