"""Amounts (placeholder until implemented)."""

from __future__ import annotations

from warta.nlp.document import AnalysedDocument
from warta.schema import Amount


def extract_amounts(doc: AnalysedDocument) -> list[Amount]:
    return []
