"""Training the idner-convention head's ensemble members and writing their pipeline.

Why: the head (:mod:`warta.train.corpus_head`) reads ``ner``'s frozen encoder, and more
heads over that one encoder err together (three of them averaged: no gain,
docs/MODELS.md). Models trained on the NER corpora alone, each with its own encoder,
err apart: the mean of their tag probabilities and the head's is better on idner dev
than any one of them. Each member is the two NER stages of :func:`warta.train.ner.train_ner`
without the 2025 news (idner's convention throughout, selection on idner dev alone),
with a seed of its own but the static vectors of the shipped pipeline, so that a member
adds its encoder and tagger (about 8 MB) and nothing else.

:func:`write_corpus_members` puts the members' taggers (their ``tok2vec`` copied in, so
each is self-contained) into a pipeline of their own, without the vectors, which
:mod:`warta.nlp.corpus_ensemble` hands to the head at load time.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.vectors import Vectors

from warta.nlp.entity_tagger import CORPUS_HEAD
from warta.train.ner import train_ner
from warta.train.output import empty_pipeline, write_pipeline

# Seeds of the members, as offsets from the build's seed (the NER itself has offset 0).
MEMBER_SEED_OFFSETS: tuple[int, ...] = (1, 3)


def train_corpus_member(output_dir: Path | str, data_dir: Path | str, *, seed: int,
                        vectors_seed: int, max_sentences: int | None = None,
                        max_epochs: int | None = None) -> Path:
    """One member: the NER recipe on the NER corpora alone, in idner's convention."""
    return train_ner(output_dir, data_dir, seed=seed, vectors_seed=vectors_seed,
                     news_repeat=0, select_news=False, corpus_head=False,
                     max_sentences=max_sentences, max_epochs=max_epochs)


def write_corpus_members(member_dirs: list[Path] | list[str], output_dir: Path | str,
                         pipeline: Language) -> Path:
    """The members' taggers as one pipeline (``member1``, ``member2`` …) at
    ``output_dir``, without static vectors: they must have been trained with
    ``pipeline``'s, which they read at run time."""
    nlp = empty_pipeline()  # the members never tokenise
    head = pipeline.get_pipe(CORPUS_HEAD)
    for k, member_dir in enumerate(member_dirs, start=1):
        member = spacy.load(member_dir)
        if not _same_vectors(member, pipeline):
            raise ValueError(f"{member_dir}: its static vectors are not the pipeline's; "
                             "train it with vectors_seed set to the pipeline's seed")
        if tuple(member.get_pipe("ner").labels) != tuple(head.labels):
            raise ValueError(f"{member_dir}: its labels are not the head's {head.labels}")
        member.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
        with warnings.catch_warnings():  # W113: the vectors differ on purpose (none here)
            warnings.simplefilter("ignore", UserWarning)
            nlp.add_pipe("ner", name=f"member{k}", source=member)
    nlp.vocab.vectors = Vectors(shape=(0, 0))
    return write_pipeline(nlp, output_dir)


def _same_vectors(a: Language, b: Language) -> bool:
    va, vb = a.vocab.vectors, b.vocab.vectors
    return va.shape == vb.shape and dict(va.key2row) == dict(vb.key2row) and \
        numpy.array_equal(va.data, vb.data)
