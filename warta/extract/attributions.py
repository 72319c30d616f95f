"""Contributing agencies (placeholder)."""

from __future__ import annotations

from warta.nlp.document import AnalysedDocument
from warta.schema import Attribution


def extract_attributions(doc: AnalysedDocument) -> list[Attribution]:
    return []
