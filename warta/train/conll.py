"""Reading the shared NER corpora (``token<TAB>tag`` BIO files) into a common label set.

Each source names its types differently (PERSON, PPL, PER, ...); the mapping to
PER/ORG/LOC is data kept here beside the reader because it describes the corpora,
not the language. Types without an equivalent (NERP's EVT and FNB) become ``O``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Source label -> Warta label; ``None`` means "no equivalent, tag as O".
LABEL_MAPS: dict[str, dict[str, str | None]] = {
    "idner": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"},
    "nerui": {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"},
    "nergrit": {"PERSON": "PER", "ORGANISATION": "ORG", "PLACE": "LOC"},
    "nerp": {"PPL": "PER", "IND": "ORG", "PLC": "LOC", "EVT": None, "FNB": None},
}

_NON_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One CoNLL sentence: tokens and entity spans over token indices (end exclusive)."""

    tokens: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]

    @property
    def normal_form(self) -> str:
        return normal_form(self.tokens)


def normal_form(tokens: Iterable[str]) -> str:
    """Tokens joined, lowercased, non-word characters removed (the corpora's dedup key)."""
    return _NON_WORD.sub("", "".join(tokens).lower()).replace("_", "")


def read_conll_raw(path: Path | str) -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(tokens, tags)`` per blank-line separated block; split on TAB only.

    Raises ``ValueError`` at a line that is not ``token<TAB>tag``: a file in another
    format would otherwise read as sentences without a single entity."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            tok, tab, tag = line.rpartition("\t")
            if not tab or not tok:
                raise ValueError(f"{path}, line {number}: expected TOKEN<TAB>TAG, "
                                 f"found {line[:40]!r}")
            tokens.append(tok)
            tags.append(tag.strip() or "O")
    if tokens:
        yield tokens, tags


def detect_scheme(labels: Iterable[str]) -> str:
    """Name of the source whose label set covers ``labels`` (bare types, no B-/I-)."""
    found = {lab for lab in labels if lab and lab != "O"}
    for name, mapping in LABEL_MAPS.items():
        if found <= set(mapping):
            return name
    raise ValueError(f"unknown NER label set: {sorted(found)}")


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Spans from BIO tags; an ``I-`` after ``O`` or another type starts a span (README rule)."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, typ = tag.partition("-")
        if tag == "O" or prefix == "B" or (prefix == "I" and typ != label):
            if start >= 0:
                spans.append((start, i, label))
            start, label = (i, typ) if tag != "O" else (-1, "")
    return spans


def read_conll(path: Path | str, scheme: str | None = None) -> list[Sentence]:
    """Read a corpus file and map its labels to PER/ORG/LOC (scheme detected if not given)."""
    raw = list(read_conll_raw(path))
    if scheme is None:
        scheme = detect_scheme(t.partition("-")[2] for _, tags in raw for t in tags)
    mapping = LABEL_MAPS[scheme]
    out: list[Sentence] = []
    for tokens, tags in raw:
        spans = []
        for start, end, lab in bio_spans(tags):
            mapped = mapping.get(lab)
            if mapped:
                spans.append((start, end, mapped))
        out.append(Sentence(tuple(tokens), tuple(spans)))
    return out
