"""The idner-convention head as an ensemble: the head plus taggers with encoders of their own.

Why: the head (:mod:`warta.train.corpus_head`) reads ``ner``'s frozen encoder, and more
heads over that one encoder err together (three of them averaged: no gain,
docs/MODELS.md). Models trained on the NER corpora alone, each with its own encoder,
err apart: the mean of their tag probabilities and the head's is better on idner dev
than any one of them. Each member is the two NER stages of :func:`warta.train.ner.train_ner`
without the 2025 news (idner's convention throughout, selection on idner dev alone),
with a seed of its own but the static vectors of the shipped pipeline, so that the
members add their encoders (about 8 MB each) and nothing else.

``add_corpus_ensemble`` replaces the ``ner_corpus`` component's model by a
``warta.EntityEnsemble.v1`` of the head's model and the members' (their ``tok2vec``
copied in, so each is self-contained); labels and the learned bracket habit stay the
head's. ``doc.ents`` and everything ``warta.analyze`` runs are untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.language import Language
from thinc.api import Model

from warta.nlp.entity_tagger import CORPUS_HEAD
from warta.train.ner import train_ner

# Seeds of the members, as offsets from the build's seed (the NER itself has offset 0).
MEMBER_SEED_OFFSETS: tuple[int, ...] = (1, 3)


def train_corpus_member(output_dir: Path | str, data_dir: Path | str, *, seed: int,
                        vectors_seed: int, max_sentences: int | None = None,
                        max_epochs: int | None = None) -> Path:
    """One member: the NER recipe on the NER corpora alone, in idner's convention."""
    return train_ner(output_dir, data_dir, seed=seed, vectors_seed=vectors_seed,
                     news_repeat=0, select_news=False, corpus_head=False,
                     max_sentences=max_sentences, max_epochs=max_epochs)


def _standalone_tagger(member_dir: Path | str, vocab_of: Language
                       ) -> tuple[dict[str, Any], Model, tuple[str, ...]]:
    """A member's ``ner`` with its ``tok2vec`` copied inside: config, model, labels."""
    member = spacy.load(member_dir)
    if not _same_vectors(member, vocab_of):
        raise ValueError(f"{member_dir}: its static vectors are not the pipeline's; train "
                         "it with vectors_seed set to the pipeline's seed")
    member.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    ner = member.get_pipe("ner")
    return dict(member.config["components"]["ner"]["model"]), ner.model, tuple(ner.labels)


def _same_vectors(a: Language, b: Language) -> bool:
    va, vb = a.vocab.vectors, b.vocab.vectors
    return va.shape == vb.shape and dict(va.key2row) == dict(vb.key2row) and \
        numpy.array_equal(va.data, vb.data)


def add_corpus_ensemble(nlp: Language, member_dirs: list[Path] | list[str]) -> Language:
    """Make ``nlp``'s ``ner_corpus`` the ensemble of itself and the trained members."""
    if not member_dirs:
        return nlp
    head = nlp.get_pipe(CORPUS_HEAD)
    configs: dict[str, Any] = {"head": nlp.config["components"][CORPUS_HEAD]["model"]}
    models: list[Model] = [head.model]
    for k, member_dir in enumerate(member_dirs, start=1):
        config, model, labels = _standalone_tagger(member_dir, nlp)
        if labels != tuple(head.labels):
            raise ValueError(f"{member_dir}: labels {labels} are not the head's {head.labels}")
        configs[f"member{k}"] = config
        models.append(model)
    settings = {k: v for k, v in nlp.config["components"][CORPUS_HEAD].items() if k != "factory"}
    settings["model"] = {"@architectures": "warta.EntityEnsemble.v1", "*": configs}
    cfg = dict(head.cfg)
    ensemble = nlp.replace_pipe(CORPUS_HEAD, "warta_entity_tagger", config=settings)
    ensemble.cfg.update(cfg)
    for layer, trained in zip(ensemble.model.layers, models, strict=True):
        layer.from_bytes(trained.to_bytes())
    return nlp
