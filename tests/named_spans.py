"""Shared set-up of the extractor specification tests.

The tests hand the extractors the NER spans a good model would give ("every
whole-word occurrence of these names"), so that they specify the rules, not the
shipped model; a few end-to-end tests run the shipped model itself.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

import warta
from warta.extract.entities import extract_entities
from warta.extract.quotes import extract_quotes
from warta.extract.speakers import add_speaker_mentions
from warta.nlp.document import AnalysedDocument, NamedSpan
from warta.nlp.pipeline import analyse_text, get_nlp
from warta.schema import Entity, Quote

PUBLISHED = datetime(2025, 10, 21)
NO_MODEL = str(Path(__file__).resolve().parent / "no-such-model")  # a blank pipeline
PER, ORG, GPE, LOC = "PER", "ORG", "GPE", "LOC"


def doc_of(text: str, names: dict[str, str]) -> AnalysedDocument:
    """The analysed ``text`` with exactly ``names`` as NER spans (every whole-word
    occurrence, longest names first)."""
    doc = analyse_text(text, PUBLISHED, model=NO_MODEL)
    spans, taken = [], [False] * len(text)
    for name, label in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(taken[m.start():m.end()]):
                spans.append(NamedSpan(m.start(), m.end(), label))
                taken[m.start():m.end()] = [True] * len(name)
    doc.names = sorted(spans, key=lambda s: s.start)
    doc.has_ner_model = True
    return doc


def entities_of(text: str, names: dict[str, str]) -> list[Entity]:
    """Entities of ``text`` when the NER proposes exactly ``names``."""
    return extract_entities(doc_of(text, names))


def read(text: str, names: dict[str, str]) -> tuple[list[Entity], list[Quote]]:
    """Entities and quotes of ``text`` when the NER proposes exactly ``names``."""
    doc = doc_of(text, names)
    entities = extract_entities(doc)
    return add_speaker_mentions(entities, extract_quotes(doc, entities))


def span(text: str, part: str, after: str = "") -> tuple[int, int]:
    """(start, end) of ``part``, searched from the end of ``after``."""
    start = text.index(part, text.index(after) + len(after) if after else 0)
    return start, start + len(part)


def entity_named(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [e.name for e in entities]
    return found[0]


@cache
def _analysed(text: str) -> warta.Analysis:
    return warta.analyze(text, published="2025-10-21")


def analysed_with_model(text: str) -> warta.Analysis:
    """``warta.analyze`` with the shipped model; skips the test when there is none."""
    if "ner" not in get_nlp(None).pipe_names:  # the key analyze() caches
        pytest.skip("no NER model in warta/models/id_warta")
    return _analysed(text)
