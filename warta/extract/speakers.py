"""Speaker mentions (placeholder)."""

from __future__ import annotations

from warta.schema import Entity, Quote


def add_speaker_mentions(entities: list[Entity], quotes: list[Quote]) -> list[Entity]:
    return entities
