"""The shipped pipeline: NER and UD trained separately, assembled into one.

``warta train`` (and ``make models``) calls :func:`build_pipeline`.  The two parts
have their own tok2vec, so either can be retrained alone; assembling sources the
UD components into the NER pipeline (:func:`warta.train.ud.add_ud_components`)
and keeps the entity rulers last, where they were. The member parsers of the parse
vote (:mod:`warta.train.parse_vote`) and the idner-convention head's ensemble members
(:mod:`warta.train.corpus_ensemble`) are pipelines of their own beside it.

The trainings are independent single-threaded jobs, so they run in two worker
processes, the longest first: 47 minutes on the project's 2-core AMD machine
(docs/MODELS.md, "The build in 47 minutes").
"""

from __future__ import annotations

import multiprocessing
import tempfile
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy

from warta.nlp.corpus_ensemble import corpus_members_dir
from warta.nlp.parse_vote import vote_model_dir
from warta.train.corpus_ensemble import MEMBERS as CORPUS_MEMBERS
from warta.train.corpus_ensemble import smoke_members as smoke_corpus_members
from warta.train.corpus_ensemble import train_corpus_member, write_corpus_members
from warta.train.ner import train_ner
from warta.train.output import write_pipeline
from warta.train.parse_vote import MEMBERS, build_vote_model, smoke_members, train_member
from warta.train.spacy_training import pin_threads
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


# Single-core minutes of each kind of training job in the build on this project's AMD
# machine (2026-11-27, two at a time; the NER with its three stage-2 runs, the idner
# ensemble's members on blis): the build starts the longest jobs first, so that no long
# one is left to run alone at the end while the other worker idles.
JOB_MINUTES: dict[str, float] = {"ner": 21, "ud": 10.6, "vote": 7.7, "corpus": 7.3}


@dataclass(frozen=True, slots=True)
class Job:
    """One training: ``function(*args, **kwargs)`` returns the directory it wrote."""

    name: str
    kind: str  # a key of JOB_MINUTES
    function: Callable[..., Path]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


def build_pipeline(output_dir: Path | str, data_dir: Path | str, *, seed: int = 0,
                   smoke: bool = False, workers: int = WORKERS) -> Path:
    """Train NER, UD, the idner-convention head's ensemble members and the vote members
    from ``data_dir`` (../shared/data); write the assembled pipeline to ``output_dir``
    and the members beside it (:func:`warta.nlp.corpus_ensemble.corpus_members_dir`,
    :func:`warta.nlp.parse_vote.vote_model_dir`). Smoke mode trains one member of each
    kind."""
    limits: dict[str, int] = {"max_sentences": 300, "max_epochs": 1} if smoke else {}
    members = smoke_members() if smoke else MEMBERS
    corpus_members = smoke_corpus_members() if smoke else CORPUS_MEMBERS
    data_dir = Path(data_dir)
    pin_threads()  # before the workers start, so that their numpy loads with it
    with tempfile.TemporaryDirectory(prefix="warta-build-") as tmp:
        work = Path(tmp)
        jobs = [
            Job("ner", "ner", train_ner, (work / "ner", data_dir), {"seed": seed, **limits}),
            Job("ud", "ud", train_ud, (work / "ud", data_dir), {"seed": seed, **limits}),
            *(Job(f"corpus{k}", "corpus", train_corpus_member,
                  (work / f"corpus{k}", data_dir, recipe),
                  {"seed": seed, "vectors_seed": seed, **limits})
              for k, recipe in enumerate(corpus_members, start=1)),
            *(Job(f"member{k}", "vote", train_member,
                  (work / f"member{k}", data_dir, recipe), {"seed": seed, **limits})
              for k, recipe in enumerate(members, start=1)),
        ]
        paths = _run_all(jobs, workers)
        output = assemble(paths["ner"], paths["ud"], output_dir)
        write_corpus_members([paths[f"corpus{k}"] for k in range(1, len(corpus_members) + 1)],
                             corpus_members_dir(output), spacy.load(paths["ner"]))
        build_vote_model(vote_model_dir(output),
                         [paths[f"member{k}"] for k in range(1, len(members) + 1)])
        return output


def _run_all(jobs: list[Job], workers: int) -> dict[str, Path]:
    """Run the jobs on ``workers`` processes, the longest (:data:`JOB_MINUTES`) first;
    their results by name. Each job is seeded on its own, so the order changes no
    weights. Fresh interpreters ("spawn"), so no thread pool state is inherited."""
    ordered = sorted(jobs, key=lambda job: -JOB_MINUTES[job.kind])  # stable: ties keep order
    if workers <= 1:
        return {job.name: job.function(*job.args, **job.kwargs) for job in ordered}
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: dict[str, Future[Path]] = {
            job.name: pool.submit(job.function, *job.args, **job.kwargs) for job in ordered}
        return {name: future.result() for name, future in futures.items()}
