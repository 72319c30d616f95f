"""Member parsers for the parse vote (:mod:`warta.nlp.parse_vote`).

Each member is the shipped UD recipe (stage 1 on the nlp-id POS corpus, stage 2 on
the treebanks) trained with another seed and one setting changed — the encoder's window, the
parser's features, more or less dropout — because parsers that differ in more than the seed
make more different mistakes, which is what a vote needs (docs/MODELS.md). Their
hash-embedding tables are smaller, so that four stay a modest download. Only the
parser is kept, with its own copy of the encoder (``nlp.replace_listeners``); the
members together are one spaCy pipeline, ``<model>_vote`` beside ``<model>``.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import spacy

from warta.train.output import empty_pipeline, write_pipeline
from warta.train.ud import (
    CONFIG,
    PRETRAIN,
    PRETRAIN_EPOCHS,
    encoder_overrides,
    nlpid_postag_path,
    pretrain_ud_tok2vec,
    train_ud,
)


@dataclass(frozen=True, slots=True)
class MemberRecipe:
    """One member: its seed (an offset from the shipped model's, the first voter), its
    epochs and what it changes in ``configs/ud.cfg``."""

    seed_offset: int
    epochs: int
    overrides: dict[str, Any] = field(default_factory=dict)


# Each member changes one setting of the shipped recipe: the encoder's window (two words
# each side instead of one), the parser's features (``extra_state_tokens``: more tokens
# of the state), or the dropout. All are greedy parsers trained for 24 epochs: until
# 2026-11-27 two were beam-search parsers trained for 40 (42.5 single-core minutes each
# on the AMD machine on blis, against 11.6 for a greedy one), which kept ``make models``
# over the hour there.
MEMBERS: tuple[MemberRecipe, ...] = (
    MemberRecipe(1, 24, {"components.tok2vec_ud.model.encode.window_size": 2}),
    MemberRecipe(2, 24, {"training.dropout": 0.3}),
    MemberRecipe(3, 24, {"components.parser.model.extra_state_tokens": True}),
    MemberRecipe(4, 24, {"training.dropout": 0.1}),
)
# NORM/PREFIX/SUFFIX/SHAPE rows: 6.3 MB per encoder instead of 12 (the shipped 20000/…).
MEMBER_ROWS: tuple[int, ...] = (8000, 1000, 2500, 1000)
MEMBER_PREFIX = "parser_seed"
_ENCODER = "components.tok2vec_ud."


def smoke_members() -> tuple[MemberRecipe, ...]:
    """The members a smoke build trains: one that changes the encoder (its setting goes
    to stage 1, or to stage 2 when there is no stage 1) and one that changes the parser."""
    return MEMBERS[0], MEMBERS[2]


def member_name(seed: int) -> str:
    return f"{MEMBER_PREFIX}{seed}"


def train_member(output_dir: Path | str, data_dir: Path | str, recipe: MemberRecipe, *,
                 seed: int = 0, max_sentences: int | None = None,
                 max_epochs: int | None = None) -> Path:
    """Train one member (``recipe``, its seed offset added to ``seed``); ``output_dir``
    holds a pipeline whose only component is the parser, under :func:`member_name`,
    with its encoder."""
    output_dir, data_dir = Path(output_dir), Path(data_dir)
    smoke = max_sentences is not None
    seed = seed + recipe.seed_offset
    # The encoder's settings go to stage 1, which builds it; stage 2 sources it from there.
    encoder = {"components.tok2vec_ud.model.embed.rows": list(MEMBER_ROWS),
               **{key: value for key, value in recipe.overrides.items()
                  if key.startswith(_ENCODER)}}
    rest = {key: value for key, value in recipe.overrides.items()
            if not key.startswith(_ENCODER)}
    with tempfile.TemporaryDirectory(prefix="warta-member-") as tmp:
        work = Path(tmp)
        pretrained: Path | bool = False
        if PRETRAIN and not smoke and nlpid_postag_path() is not None:
            pretrained = pretrain_ud_tok2vec(work / "pretag", data_dir, seed=seed,
                                             max_epochs=PRETRAIN_EPOCHS,
                                             overrides={**encoder_overrides(CONFIG), **encoder})
        ud = train_ud(work / "ud", data_dir, seed=seed, pretrained=pretrained,
                      max_sentences=max_sentences,
                      max_epochs=max_epochs if max_epochs is not None else recipe.epochs,
                      clitic_forms=[],
                      overrides={**rest, **({} if pretrained else encoder)})
        nlp = spacy.load(ud)
        nlp.replace_listeners("tok2vec_ud", "parser", ["model.tok2vec"])
        member = empty_pipeline()
        member.add_pipe("parser", name=member_name(seed), source=nlp)
        write_pipeline(member, output_dir)
    return output_dir



def build_vote_model(output_dir: Path | str, member_dirs: Sequence[Path | str]) -> Path:
    """Put the members' parsers into one pipeline at ``output_dir``."""
    combined = empty_pipeline()
    for member_dir in member_dirs:
        member = spacy.load(member_dir)
        for name in member.pipe_names:
            combined.add_pipe(name, source=member)
    combined.meta.update({
        "name": "warta_vote",
        "version": "0.1.0",
        "description": "Member parsers of Warta's parse vote (warta.nlp.parse_vote); "
                       "see docs/MODELS.md",
        "license": "CC BY-SA 4.0 (trained on UD Indonesian CSUI, GSD, PUD)",
    })
    return write_pipeline(combined, output_dir)
