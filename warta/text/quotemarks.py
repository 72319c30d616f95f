"""Pairing of quotation marks.

Double marks (“ ” and straight ``"``) are paired first, paragraph by
paragraph; single marks (‘ ’ and ``'``) are paired afterwards inside the
regions the double quotes leave: inside a double quote a single pair is nested
(depth 1), outside it is a depth-0 quote ('Lapor Pak Purbaya').

Straight marks carry no direction, so each mark is given a role from its
neighbours: after a space or an opening bracket and before a word it opens;
after a word or punctuation and before a space or punctuation it closes;
anything else (``),"kata``, ``katanya."Kami``) follows the state: it closes
an open quote, or opens one.  Curly marks keep their direction unless the
context clearly says the writer used the wrong one (``”Halo”``).

An apostrophe between letters (``Jum'at``, ``ma'ruf``, ``don’t``) is not a
quote mark, and a single opening mark is only accepted when a closing single
mark follows it in the same region, so contractions such as ``'kan`` or
``'98`` do not open runaway quotes.

Unbalanced text: a quote still open at the end of its paragraph is closed
there (``close=None``, ``end`` = paragraph end without trailing spaces).
Indonesian news continues long quotes over paragraphs that each start with an
opening mark and only the last one closes; each paragraph then gives its own
pair, the unclosed ones with ``close=None``.  A clear opening mark met while a
quote of the same kind is open means the earlier one was never closed: it ends
(``close=None``) just before the new mark.
"""

from __future__ import annotations

import re
from bisect import bisect_right
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


_DOUBLE = re.compile("[“”\"]")
_SINGLE = re.compile("[‘’']")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPEN_PUNCT = frozenset("([{“‘\"'-/")
_CLOSE_PUNCT = frozenset(".,;:!?)]}…”’\"'-/")

OPEN, CLOSE, EITHER, NONE = "open", "close", "either", "none"


def pair_quotes(text: str) -> list[QuotePair]:
    """All depth-0 and depth-1 quotation pairs of ``text``, sorted by ``open``."""
    pairs: list[QuotePair] = []
    for para in _PARAGRAPH.finditer(text):
        start, end = para.span()
        doubles = _pair_doubles(text, start, end)
        pairs.extend(doubles)
        if "'" in para.group() or "‘" in para.group() or "’" in para.group():
            pairs.extend(_pair_singles(text, start, end, doubles))
    pairs.sort(key=lambda p: p.open)
    return pairs


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """Opening, closing or undecided, from the characters around the mark at ``i``."""
    p = text[i - 1] if i > lo else " "
    n = text[i + 1] if i + 1 < hi else " "
    p_space, n_space = p.isspace(), n.isspace()
    if (p_space or p in _OPEN_PUNCT) and not n_space and not (n in _CLOSE_PUNCT and p != "("):
        return OPEN
    if (n_space or n in _CLOSE_PUNCT) and not p_space:
        return CLOSE
    if p_space and n_space:
        return NONE
    return EITHER


def _pair_doubles(text: str, lo: int, hi: int) -> list[QuotePair]:
    out: list[QuotePair] = []
    stack: list[tuple[int, bool]] = []  # (position, curly)
    for m in _DOUBLE.finditer(text, lo, hi):
        i, ch = m.start(), m.group()
        role = _role(text, i, lo, hi)
        if ch == "“" and role != CLOSE or ch == "”" and role == OPEN and not stack:
            role = OPEN
        elif ch in "“”":
            role = CLOSE if stack else NONE
        elif role in (EITHER, NONE):  # straight mark, direction unclear from context
            if stack:
                role = CLOSE
            elif i > lo and text[i - 1] in ",.;:!?" and text[i + 1:i + 2].islower():
                continue  # ',"kata': closes a quote whose opening mark is missing
            else:
                role = OPEN
        if role == OPEN:
            if not stack:
                stack.append((i, ch != '"'))
            elif len(stack) == 1 and stack[0][1] and ch == '"':
                stack.append((i, False))  # straight quote nested in a curly one
            else:
                _flush(out, stack, _trim_end(text, lo, i))
                stack.append((i, ch != '"'))
        elif role == CLOSE and stack:
            if ch == "”" and not stack[-1][1] and stack[0][1]:
                # a curly close ends the curly quote; the straight one inside stays open
                _flush(out, stack, _trim_end(text, lo, i), first=1)
            pos, _ = stack.pop()
            out.append(QuotePair(pos, i, i + 1, len(stack)))
    _flush(out, stack, _trim_end(text, lo, hi))
    return out


def _pair_singles(text: str, lo: int, hi: int, doubles: list[QuotePair]) -> list[QuotePair]:
    """Single-mark pairs, each inside one region: a depth-0 double quote or the outside."""
    outer = [q for q in doubles if q.depth == 0]
    inner = [q for q in doubles if q.depth == 1]
    starts = [q.content_start for q in outer]
    regions: dict[int, list[tuple[int, str]]] = {}
    for m in _SINGLE.finditer(text, lo, hi):
        i = m.start()
        if any(q.content_start <= i < q.content_end for q in inner):
            continue  # would be depth 2
        k = bisect_right(starts, i) - 1
        region = k if k >= 0 and i < outer[k].content_end else -1
        if region >= 0:
            rlo, rhi = outer[region].content_start, outer[region].content_end
        else:
            rlo, rhi = lo, hi
        role = _single_role(text, i, rlo, rhi, m.group())
        if role != NONE:
            regions.setdefault(region, []).append((i, role))

    out: list[QuotePair] = []
    for region, marks in regions.items():
        depth = 0 if region < 0 else 1
        can_close_after = [False] * (len(marks) + 1)
        for j in range(len(marks) - 1, -1, -1):
            can_close_after[j] = can_close_after[j + 1] or marks[j][1] in (CLOSE, EITHER)
        opened: int | None = None
        for j, (i, role) in enumerate(marks):
            if opened is not None and role in (CLOSE, EITHER):
                out.append(QuotePair(opened, i, i + 1, depth))
                opened = None
            elif opened is None and role in (OPEN, EITHER) and can_close_after[j + 1]:
                opened = i
    return out


def _single_role(text: str, i: int, lo: int, hi: int, ch: str) -> str:
    p = text[i - 1] if i > lo else " "
    n = text[i + 1] if i + 1 < hi else " "
    if p.isalnum() and n.isalnum():
        return NONE  # apostrophe: Jum'at, ma'ruf
    role = _role(text, i, lo, hi)
    if ch == "‘" and role == EITHER:
        return OPEN
    if ch == "’" and role == EITHER:
        return CLOSE
    return role


def _flush(out: list[QuotePair], stack: list[tuple[int, bool]], end: int,
           first: int = 0) -> None:
    """Record the quotes open in ``stack[first:]`` as unclosed, ending at ``end``."""
    for depth in range(first, len(stack)):
        pos = stack[depth][0]
        out.append(QuotePair(pos, None, max(end, pos + 1), depth))
    del stack[first:]


def _trim_end(text: str, lo: int, end: int) -> int:
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end
