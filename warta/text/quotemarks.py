"""Pairing of quotation marks (placeholder: straight and curly double quotes)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuotePair:
    """An opening mark at ``open`` and its closing mark at ``close``.

    The quoted content is ``text[open + 1:close]``.  ``close`` is None when the
    quote is never closed (the content then runs to the end of the paragraph,
    ``end``).  ``depth`` is 0 for outer quotes, 1 for quotes nested inside.
    """

    open: int
    close: int | None
    end: int
    depth: int = 0

    @property
    def content_start(self) -> int:
        return self.open + 1

    @property
    def content_end(self) -> int:
        return self.close if self.close is not None else self.end


def pair_quotes(text: str) -> list[QuotePair]:
    pairs: list[QuotePair] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and opened is not None:
            pairs.append(QuotePair(opened, None, i))
            opened = None
        elif ch in "“”\"":
            if opened is None and ch != "”":
                opened = i
            elif opened is not None and ch != "“":
                pairs.append(QuotePair(opened, i, i + 1))
                opened = None
    if opened is not None:
        pairs.append(QuotePair(opened, None, len(text)))
    return pairs
