"""Language identification (placeholder)."""

from __future__ import annotations

from warta.schema import Language


def detect_language(text: str) -> Language:
    return Language("id", 0.0)
