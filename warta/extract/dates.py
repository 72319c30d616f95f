"""Dates, times and durations (placeholder until implemented)."""

from __future__ import annotations

from warta.nlp.document import AnalysedDocument
from warta.schema import DateFact


def extract_dates(doc: AnalysedDocument) -> list[DateFact]:
    return []
