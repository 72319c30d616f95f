"""Which characters a match of a regular expression needs at its start or at its end.

Why: the tokenizer's affix patterns are long alternations that ``re`` tries branch by
branch at every position. Knowing which characters a branch can start (or end) a match
with lets the tokenizer skip the branches, or whole words, that cannot match:
:mod:`warta.nlp.prefix_guard` and :mod:`warta.nlp.affix_dispatch` are built on it.

The answer is read off the parse tree of ``re`` itself (``re._parser``, the module the
standard library compiles with) and errs only one way: a set may hold characters that
can never start a match, never miss one. Where it cannot be said (a negated class, a
case-insensitive group, a back-reference, a match that can be empty at that edge), the
answer is None and the callers leave the pattern as it is.
"""

from __future__ import annotations

from re._constants import (  # noqa: PLC2701 (the standard library's own regex tree)
    ASSERT,
    ASSERT_NOT,
    AT,
    ATOMIC_GROUP,
    BRANCH,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    NEGATE,
    POSSESSIVE_REPEAT,
    SRE_FLAG_IGNORECASE,
    SRE_FLAG_LOCALE,
    SUBPATTERN,
)
from typing import Any

CASE_FLAGS = SRE_FLAG_IGNORECASE | SRE_FLAG_LOCALE
_REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)


def edge_chars(items: list, *, last: bool = False) -> list | None:
    """The character-set items (``re``'s IN items) one of which every match of ``items``
    (a parsed pattern's ``data``) needs at its start, or, ``last``, as its last character;
    None when that cannot be said.

    A look-ahead at the start counts: the character there must start what it looks for
    ("(?=[A-Z])" needs a capital even though it consumes nothing). Look-behinds and
    other zero-width conditions are left out, which only widens the set.
    """
    chars, complete = _walk(items, last)
    return chars if complete else None


def _walk(items: list, last: bool) -> tuple[list | None, bool]:
    """(characters, complete): ``complete`` is False when the sequence can also match
    with no character at that edge; characters None when they cannot be listed."""
    chars: list = []
    for op, av in (reversed(items) if last else items):
        if op in (AT, ASSERT_NOT) or op is ASSERT and (last or av[0] < 0):
            continue  # zero width: leaving the condition out only widens the set
        if op is ASSERT:  # a look-ahead at the start
            inner, complete = _walk(list(av[1]), last=False)
            return (chars + inner, True) if inner is not None and complete else (None, False)
        if op is LITERAL:
            return chars + [(LITERAL, av)], True
        if op is IN:
            return (None, False) if any(i[0] is NEGATE for i in av) else (chars + list(av), True)
        if op is BRANCH:
            parts = [_walk(list(alternative), last) for alternative in av[1]]
            inner, complete = _union(parts)
        elif op is SUBPATTERN:
            if av[1] & CASE_FLAGS:
                return None, False
            inner, complete = _walk(list(av[3]), last)
        elif op is ATOMIC_GROUP:
            inner, complete = _walk(list(av), last)
        elif op in _REPEATS:
            inner, complete = _walk(list(av[2]), last)
            complete = complete and av[0] > 0
        else:
            return None, False  # any character, a negated literal, back-references
        if inner is None:
            return None, False
        chars += inner
        if complete:
            return chars, True
    return chars, False


def _union(parts: list[tuple[list | None, bool]]) -> tuple[list | None, bool]:
    if any(chars is None for chars, _ in parts):
        return None, False
    return [item for chars, _ in parts for item in chars], all(c for _, c in parts)


def parsed_alternatives(tree: Any) -> list:
    """The top-level alternatives of a parsed pattern (itself, when it has none)."""
    if len(tree.data) == 1 and tree.data[0][0] is BRANCH:
        return list(tree.data[0][1][1])
    return [tree]
