"""Quotes (placeholder)."""

from __future__ import annotations

from warta.nlp.document import AnalysedDocument
from warta.schema import Entity, Quote


def extract_quotes(doc: AnalysedDocument, entities: list[Entity]) -> list[Quote]:
    return []
