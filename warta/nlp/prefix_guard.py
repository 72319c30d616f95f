"""A first-character guard for spaCy's prefix pattern: same matches, a fraction of the time.

Why: spaCy's prefix pattern is an alternation of about 300 anchored alternatives
("^§|^%|^\\(|...|^US\\$|..."); Python's ``re`` tries them one by one, so every word the
tokenizer has not cached costs ~4 µs in ``find_prefix`` even though most words start
with a letter that no alternative accepts. Prepending ``^(?=[...])`` with the set of
characters an alternative can start with rejects those words in one character-class
test. The guarded pattern is still a plain pattern string, so the tokenizer serialises
and loads it like any other (no Warta code at load time).

The character set is read off the parsed pattern (:mod:`warta.text.pattern_edges`);
where an alternative could start with a character class that cannot be enumerated
(``\\w``, a negated set, a huge range) or could match the empty string, no guard is
built and the pattern is returned unchanged.
"""

from __future__ import annotations

import re
import re._constants as sre  # noqa: PLC2701 (the standard library's own regex tree)
import re._parser as sre_parse  # noqa: PLC2701

from warta.text.pattern_edges import edge_chars

MAX_RANGE = 20000  # larger character ranges are not enumerated: no guard then
GUARD_OPEN = "^(?=["


class _Unbounded(Exception):
    """The pattern can start with a character set that is not enumerated."""


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
    first = edge_chars(sre_parse.parse(pattern, compiled.flags).data)
    if not first:
        return pattern
    try:
        chars = _class_chars(first)
    except _Unbounded:
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
