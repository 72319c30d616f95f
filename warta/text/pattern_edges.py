"""Which characters a match of a regular expression needs at its start or at its end.

Why: ``re`` tries a pattern at every position of the text unless the pattern opens on a
literal or a character class, and the tokenizer's affix patterns and the extractors'
look-behind-led patterns do not. Knowing which characters a match can start (or end)
with lets the caller skip the branches, words or positions that cannot match:
:mod:`warta.nlp.prefix_guard`, :mod:`warta.nlp.affix_dispatch` and
:mod:`warta.text.scanner` are built on it.

The answer is read off the parse tree of ``re`` itself (``re._parser``, the module the
standard library compiles with) and errs only one way: a set may hold characters that
can never start a match, never miss one. Case-insensitive parts give every character
``re`` matches case-insensitively (for ASCII letters: both cases and the four
non-ASCII letters ``re`` folds onto them). Where it cannot be said (a negated class, a
case-insensitive non-ASCII letter, a back-reference, a match that can be empty at that
edge), the answer is None and the callers leave the pattern as it is.
"""

from __future__ import annotations

import re
from re import _compiler, _parser  # noqa: PLC2701 (the standard library's own regex tree)
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
    RANGE,
    SRE_FLAG_IGNORECASE,
    SRE_FLAG_LOCALE,
    SUBPATTERN,
)
from typing import Any

CASE_FLAGS = SRE_FLAG_IGNORECASE | SRE_FLAG_LOCALE
_REPEATS = (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT)
# Characters beyond ASCII that ``re`` matches case-insensitively to an ASCII letter
# (checked over all of Unicode in tests/test_pattern_edges.py).
_FOLDED_ONTO = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def edge_chars(items: list, *, last: bool = False, ignorecase: bool = False) -> list | None:
    """The character-set items (``re``'s IN items) one of which every match of ``items``
    (a parsed pattern's ``data``) needs at its start, or, ``last``, as its last character;
    None when that cannot be said.

    A look-ahead at the start counts: the character there must start what it looks for
    ("(?=[A-Z])" needs a capital even though it consumes nothing). Look-behinds and
    other zero-width conditions are left out, which only widens the set.
    ``ignorecase``: the pattern was compiled with ``re.IGNORECASE``.
    """
    chars, complete = _walk(items, last, ignorecase)
    return chars if complete else None


def _walk(items: list, last: bool, fold: bool) -> tuple[list | None, bool]:
    """(characters, complete): ``complete`` is False when the sequence can also match
    with no character at that edge; characters None when they cannot be listed."""
    chars: list = []
    for op, av in (reversed(items) if last else items):
        if op in (AT, ASSERT_NOT) or op is ASSERT and (last or av[0] < 0):
            continue  # zero width: leaving the condition out only widens the set
        if op is ASSERT:  # a look-ahead at the start
            inner, complete = _walk(list(av[1]), False, fold)
            return (chars + inner, True) if inner is not None and complete else (None, False)
        if op in (LITERAL, IN):
            found = _set_items(op, av, fold)
            return (None, False) if found is None else (chars + found, True)
        if op is BRANCH:
            parts = [_walk(list(alternative), last, fold) for alternative in av[1]]
            inner, complete = _union(parts)
        elif op is SUBPATTERN:
            if (av[1] | av[2]) & SRE_FLAG_LOCALE:
                return None, False
            inner_fold = bool(av[1] & SRE_FLAG_IGNORECASE) or fold and not \
                av[2] & SRE_FLAG_IGNORECASE
            inner, complete = _walk(list(av[3]), last, inner_fold)
        elif op is ATOMIC_GROUP:
            inner, complete = _walk(list(av), last, fold)
        elif op in _REPEATS:
            inner, complete = _walk(list(av[2]), last, fold)
            complete = complete and av[0] > 0
        else:
            return None, False  # any character, a negated literal, back-references
        if inner is None:
            return None, False
        chars += inner
        if complete:
            return chars, True
    return chars, False


def _set_items(op: Any, av: Any, fold: bool) -> list | None:
    """The IN items of a literal or a class; under ``fold``, with every character ``re``
    matches case-insensitively to one of them (None for a cased non-ASCII letter)."""
    items = [(LITERAL, av)] if op is LITERAL else list(av)
    if any(item[0] is NEGATE for item in items):
        return None
    if not fold:
        return items
    folded: list = []
    for kind, value in items:
        if kind is LITERAL:
            codes = [value]
        elif kind is RANGE and value[1] - value[0] < 128:
            codes = list(range(value[0], value[1] + 1))
        elif kind is RANGE:
            return None
        else:
            folded.append((kind, value))  # a category: \w, \d, \s hold both cases
            continue
        for code in codes:
            variants = _case_variants(chr(code))
            if variants is None:
                return None
            folded += [(LITERAL, ord(c)) for c in variants]
    return folded


def _case_variants(char: str) -> str | None:
    lower, upper = char.lower(), char.upper()
    if lower == upper:
        return char  # not a letter with case
    if not char.isascii():
        return None
    return lower + upper + _FOLDED_ONTO.get(lower, "")


def _union(parts: list[tuple[list | None, bool]]) -> tuple[list | None, bool]:
    if any(chars is None for chars, _ in parts):
        return None, False
    return [item for chars, _ in parts for item in chars], all(c for _, c in parts)


def compiled(state: Any, data: list, flags: int) -> re.Pattern[str]:
    """A pattern compiled from parse-tree items (``data``) over a parsed pattern's state."""
    return _compiler.compile(_parser.SubPattern(state, data), flags)


def parsed_alternatives(tree: Any) -> list:
    """The top-level alternatives of a parsed pattern (itself, when it has none)."""
    if len(tree.data) == 1 and tree.data[0][0] is BRANCH:
        return list(tree.data[0][1][1])
    return [tree]
