"""A first-character guard for spaCy's prefix pattern: same matches, a fraction of the time.

Why: spaCy's prefix pattern is an alternation of about 300 anchored alternatives
("^§|^%|^\\(|...|^US\\$|..."); Python's ``re`` tries them one by one, so every word the
tokenizer has not cached costs ~4 µs in ``find_prefix`` even though most words start
with a letter that no alternative accepts. Prepending ``^(?=[...])`` with the set of
characters an alternative can start with rejects those words in one character-class
test. The guarded pattern is still a plain pattern string, so the tokenizer serialises
and loads it like any other (no Warta code at load time).

The character set is read off the parsed pattern (``re._parser``, the standard
library's own parser); where an alternative could start with a character class that
cannot be enumerated (``\\w``, a negated set, a huge range) or could match the empty
string, no guard is built and the pattern is returned unchanged.
"""

from __future__ import annotations

import re
import re._constants as sre  # noqa: PLC2701 (the standard library's own regex tree)
import re._parser as sre_parse  # noqa: PLC2701

MAX_RANGE = 20000  # larger character ranges are not enumerated: no guard then
GUARD_OPEN = "^(?=["


class _Unbounded(Exception):
    """The pattern can start with a character set that is not enumerated."""


def _first_chars(items) -> tuple[set[str], bool]:
    """The characters a match of ``items`` can start with, and whether it can be empty."""
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero width: the next item decides
        if op is sre.LITERAL:
            chars.add(chr(arg))
            return chars, False
        if op is sre.IN:
            chars |= _class_chars(arg)
            return chars, False
        if op is sre.BRANCH:
            empty = False
            for alternative in arg[1]:
                first, can_be_empty = _first_chars(alternative.data)
                chars |= first
                empty |= can_be_empty
        elif op is sre.SUBPATTERN:
            first, empty = _first_chars(arg[-1].data)
            chars |= first
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            first, can_be_empty = _first_chars(arg[2].data)
            chars |= first
            empty = arg[0] == 0 or can_be_empty
        else:
            raise _Unbounded(op)
        if not empty:
            return chars, False
    return chars, True


def _class_chars(items) -> set[str]:
    chars: set[str] = set()
    for op, arg in items:
        if op is sre.LITERAL:
            chars.add(chr(arg))
        elif op is sre.RANGE and arg[1] - arg[0] <= MAX_RANGE:
            chars.update(chr(code) for code in range(arg[0], arg[1] + 1))
        else:
            raise _Unbounded(op)
    return chars


def guarded_prefix_pattern(pattern: str) -> str:
    """``pattern`` (every alternative anchored with ``^``) behind a first-character guard.

    ``re.search`` with the result finds exactly what it finds with ``pattern``: the guard
    only rejects strings no alternative can match, and the alternatives keep their order.
    """
    if pattern.startswith(GUARD_OPEN):
        return pattern
    compiled = re.compile(pattern)
    if compiled.flags & re.IGNORECASE:
        return pattern
    try:
        chars, can_be_empty = _first_chars(sre_parse.parse(pattern, compiled.flags).data)
    except _Unbounded:
        return pattern
    if can_be_empty or not chars:
        return pattern
    return f"{GUARD_OPEN}{_character_class(chars)}])(?:{pattern})"


def _character_class(chars: set[str]) -> str:
    """A compact class body: runs of consecutive code points as ranges."""
    codes = sorted(ord(c) for c in chars)
    parts: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], None]:
        if code is not None and code == previous + 1:
            previous = code
            continue
        first, last = re.escape(chr(start)), re.escape(chr(previous))
        parts.append(first if start == previous else f"{first}-{last}")
        if code is not None:
            start = previous = code
    return "".join(parts)
