"""Sentence splitting (placeholder: split after . ! ? and at newlines)."""

from __future__ import annotations

import re

from warta.schema import Sentence

_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“A-Z0-9])|\n+")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() if text[m.start()] == "\n" else m.start() + len(m.group(0).rstrip())
        _add(sentences, text, start, m.start())
        start = m.end()
        del end
    _add(sentences, text, start, len(text))
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Sentence(start + lead, start + lead + len(stripped)))
