"""Entities (placeholder)."""

from __future__ import annotations

from warta.nlp.document import AnalysedDocument
from warta.schema import Entity


def extract_entities(doc: AnalysedDocument) -> list[Entity]:
    return []
