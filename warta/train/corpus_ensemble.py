"""Training the idner-convention head's ensemble members and writing their pipeline.

Why: the head (:mod:`warta.train.corpus_head`) reads ``ner``'s frozen encoder, and more
heads over that one encoder err together (three of them averaged: no gain,
docs/MODELS.md). Models trained on the NER corpora alone, each with its own encoder,
err apart: the mean of their tag probabilities and the head's is better on idner dev
than any one of them. Each member is the two NER stages of :func:`warta.train.ner.train_ner`
without the 2025 news (idner's convention throughout, selection on idner dev alone),
with a seed of its own but the static vectors of the shipped pipeline, so that a member
adds its encoder and tagger (6–8 MB) and nothing else. Members of one recipe differ
only by their seed and still err much alike; a member that embeds each word from its
characters (spaCy's ``CharacterEmbed``: its first and last four bytes, instead of hashed
prefix, suffix and shape) sees words differently, and errs differently.

:func:`write_corpus_members` puts the members' taggers (their ``tok2vec`` copied in, so
each is self-contained) into a pipeline of their own, without the vectors, which
:mod:`warta.nlp.corpus_ensemble` hands to the head at load time.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.vectors import Vectors

from warta.nlp.entity_tagger import CORPUS_HEAD
from warta.train.ner import CONFIG, train_ner
from warta.train.output import empty_pipeline, write_pipeline


@dataclass(frozen=True, slots=True)
class CorpusMemberRecipe:
    """One member: its seed (an offset from the build's; the NER itself has offset 0)
    and whether its words are embedded from their characters (:data:`CHAR_EMBED`)."""

    seed_offset: int
    char_embed: bool = False


MEMBERS: tuple[CorpusMemberRecipe, ...] = (
    CorpusMemberRecipe(1), CorpusMemberRecipe(3),
    CorpusMemberRecipe(4, char_embed=True), CorpusMemberRecipe(5, char_embed=True))

# The embedding of a character member (spaCy's ``CharacterEmbed.v2``): the first and
# last four UTF-8 bytes of the word (case kept), its NORM hashed, the static vectors.
CHAR_EMBED: dict[str, object] = {
    "@architectures": "spacy.CharacterEmbed.v2",
    "width": "${components.tok2vec.model.encode.width}", "rows": 20000,
    "nM": 16, "nC": 8, "include_static_vectors": True, "feature": "NORM"}


def smoke_members() -> tuple[CorpusMemberRecipe, ...]:
    """The first member of each kind: what a smoke build trains."""
    firsts: dict[bool, CorpusMemberRecipe] = {}
    for recipe in MEMBERS:
        firsts.setdefault(recipe.char_embed, recipe)
    return tuple(firsts.values())


# Epochs of a member's first stage (the NER's is 8): each of the four shipped members
# had its best checkpoint of that stage by its fifth epoch, and the learning rate is
# constant, so stopping there keeps the same weights and saves about a third of the
# stage (docs/MODELS.md, "The ensemble").
MEMBER_EPOCHS = 5

# The members train on thinc's default ops (blis's matrix products), as the shipped ones
# were: on this project's machine that gives their weights back byte for byte. Trained
# on numpy's products they are another draw of the same recipe, and four such members
# scored 0.875 on idner dev with the head instead of 0.885 (docs/MODELS.md, "The build in
# 47 minutes"): which arithmetic a member is trained on is a choice like its seed, kept
# as shipped.
MEMBERS_ON_BLIS = True


def member_config(recipe: CorpusMemberRecipe, output_path: Path | str) -> Path:
    """``configs/ner.cfg`` with :data:`MEMBER_EPOCHS` and, for a character member,
    :data:`CHAR_EMBED` as the encoder's embedding, written to ``output_path``."""
    from spacy.util import load_config

    cfg = load_config(CONFIG, interpolate=False)
    cfg["training"]["max_epochs"] = MEMBER_EPOCHS
    if recipe.char_embed:
        cfg["components"]["tok2vec"]["model"]["embed"] = dict(CHAR_EMBED)
    cfg.to_disk(output_path)
    return Path(output_path)


def train_corpus_member(output_dir: Path | str, data_dir: Path | str,
                        recipe: CorpusMemberRecipe, *, seed: int, vectors_seed: int,
                        max_sentences: int | None = None,
                        max_epochs: int | None = None) -> Path:
    """One member (``recipe``, its seed offset added to ``seed``): the NER recipe on the
    NER corpora alone, in idner's convention."""
    output_dir = Path(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    config = member_config(recipe, output_dir.parent / f"{output_dir.name}_ner.cfg")
    return train_ner(output_dir, data_dir, seed=seed + recipe.seed_offset,
                     vectors_seed=vectors_seed, config=config,
                     news_repeat=0, select_news=False, corpus_head=False,
                     max_sentences=max_sentences, max_epochs=max_epochs,
                     finetunes=1, blis=MEMBERS_ON_BLIS)


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
