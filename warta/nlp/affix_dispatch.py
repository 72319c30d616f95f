"""Affix searches that skip the alternatives which cannot match.

Why: the tokenizer's suffix and infix patterns are alternations of about 90 and 20
branches, and ``re`` tries every branch at every position of every word it has not seen
before: about 4 µs a word for the suffixes, nearly a tenth of the whole analysis of new
text. But a branch anchored at the end of the string can only match a word ending in one
of its possible last characters, and an infix match starts with one of its branches'
possible first characters. Both sets are read off the parsed pattern, so:

* :class:`SuffixSearch` runs, for a word ending in ``c``, only the branches that can end
  in ``c`` (one compiled pattern per set of such branches, built when first needed): the
  same match, because a left-out branch cannot match at all and the rest keep their
  order;
* :class:`InfixFinditer` returns no matches without searching when no branch finds in the
  word a character it can start with, after one its one-character look-behind allows
  (97 % of the words of the benchmark), and the full pattern's matches otherwise.

Anything the analysis does not understand (a pattern compiled case-insensitively,
back-references, a branch not anchored at the end) counts as "can match anything", so
the answer is always the source pattern's. Both keep the source pattern as ``__self__``, as a bound
``re.Pattern.search`` does: spaCy serialises the tokenizer from it.

The sets come from :mod:`warta.text.pattern_edges` (``re``'s own parse tree); the
dispatched searches are checked against the plain patterns in
``tests/test_affix_dispatch.py``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _parser  # noqa: PLC2701 (the standard library's own regex tree)
from re._constants import ASSERT, AT, AT_END, AT_END_STRING, BRANCH, IN, LITERAL, NEGATE, RANGE
from typing import Any

from warta.text.pattern_edges import CASE_FLAGS, compiled, edge_chars, parsed_alternatives

_WIDE = 0x10000  # the first character beyond the Basic Multilingual Plane


def _branches(pattern: re.Pattern[str]) -> tuple[Any, list] | None:
    """The parse state and the top-level alternatives (parsed), or None if the pattern
    cannot be analysed (case-insensitive or locale flags)."""
    if pattern.flags & CASE_FLAGS:
        return None
    tree = _parser.parse(pattern.pattern, pattern.flags)
    return tree.state, parsed_alternatives(tree)


def _sub_pattern(state: Any, flags: int, branches: list) -> re.Pattern[str]:
    data = list(branches[0]) if len(branches) == 1 else [(BRANCH, (None, branches))]
    return compiled(state, data, flags)


class SuffixSearch:
    """``pattern.search`` for a tokenizer suffix pattern, over only the branches that can
    end with the word's last character."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.__self__ = pattern  # what spaCy reads the source pattern from
        self._search = pattern.search
        self._by_char: dict[str, Callable[[str], re.Match[str] | None] | None] = {}
        self._by_branches: dict[tuple[int, ...], Callable] = {}
        self._tests: list[re.Pattern[str] | None] = []  # None: the branch can match anything
        parsed = _branches(pattern)
        self._state, self._alternatives = parsed if parsed else (None, [])
        if parsed is None:
            return
        for alternative in self._alternatives:
            branch = list(alternative)
            anchored = bool(branch) and branch[-1][0] is AT \
                and branch[-1][1] in (AT_END, AT_END_STRING)
            ends = edge_chars(branch[:-1], last=True) if anchored else None
            self._tests.append(compiled(self._state, [(IN, ends)], pattern.flags)
                               if ends is not None else None)

    def __call__(self, string: str) -> re.Match[str] | None:
        if not string or string[-1] == "\n" or self._state is None:
            return self._search(string)  # "$" also matches before a final newline
        search = self._by_char.get(string[-1], _UNSEEN)
        if search is _UNSEEN:
            search = self._by_char[string[-1]] = self._search_for(string[-1])
        return search(string) if search is not None else None

    def _search_for(self, char: str) -> Callable[[str], re.Match[str] | None] | None:
        chosen = tuple(i for i, test in enumerate(self._tests)
                       if test is None or test.fullmatch(char))
        if not chosen:
            return None
        if len(chosen) == len(self._tests):
            return self._search
        if chosen not in self._by_branches:
            self._by_branches[chosen] = _sub_pattern(
                self._state, self.__self__.flags,
                [self._alternatives[i] for i in chosen]).search
        return self._by_branches[chosen]

    def __reduce__(self) -> tuple:
        return (SuffixSearch, (self.__self__,))


class InfixFinditer:
    """``pattern.finditer`` for a tokenizer infix pattern that skips, without searching,
    a word where no branch finds what it needs to start a match: one of its possible
    first characters, after a character its one-character look-behind allows (what
    keeps "Jakarta" from the branch that splits "diterimaKapolri" at the capital)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.__self__ = pattern
        self._finditer = pattern.finditer
        self._needs: re.Pattern[str] | None = None  # None: search every word
        parsed = _branches(pattern)
        if parsed is None:
            return
        state, alternatives = parsed
        by_before: dict[str, tuple[list, list]] = {}  # look-behind set -> (it, first chars)
        for alternative in alternatives:
            branch = list(alternative)
            found = edge_chars(branch)
            if found is None:
                return  # not listed, or a branch that matches with no character
            before = _one_char_lookbehind(branch)
            key = repr(before)
            by_before.setdefault(key, (before, []))[1].extend(found)
        # Any first character (``re`` skips ahead to one), then the one before it. A
        # character beyond the Basic Multilingual Plane (an emoji) stands for all of
        # them: ``re`` tests those one range after another, the rest with one table.
        wide = [(RANGE, (_WIDE, sys.maxunicode))]
        firsts = [item for _, first in by_before.values() for item in _narrow(first)] + wide
        checks = [_parser.SubPattern(state, [(ASSERT, (-1, _parser.SubPattern(
            state, [(IN, before), (IN, first)] if before else [(IN, first)])))])
            for before, first in by_before.values()]
        checks.append(_parser.SubPattern(state, [(ASSERT, (-1, _parser.SubPattern(
            state, [(IN, wide)])))]))
        self._needs = compiled(state, [(IN, firsts), (BRANCH, (None, checks))], pattern.flags)

    def __call__(self, string: str) -> Iterator[re.Match[str]]:
        if self._needs is not None and self._needs.search(string) is None:
            return iter(())
        return self._finditer(string)

    def __reduce__(self) -> tuple:
        return (InfixFinditer, (self.__self__,))


def _narrow(items: list) -> list:
    """The characters of a set that lie in the Basic Multilingual Plane."""
    kept = []
    for op, av in items:
        if op is LITERAL and av >= _WIDE or op is RANGE and av[0] >= _WIDE:
            continue
        kept.append((RANGE, (av[0], min(av[1], _WIDE - 1))) if op is RANGE else (op, av))
    return kept


def _one_char_lookbehind(branch: list) -> list:
    """The character set of a branch's opening look-behind of one character, else []."""
    if not branch or branch[0][0] is not ASSERT or branch[0][1][0] >= 0:
        return []
    inside = list(branch[0][1][1])
    if len(inside) != 1:
        return []
    op, av = inside[0]
    if op is LITERAL:
        return [(LITERAL, av)]
    if op is IN and not any(item[0] is NEGATE for item in av):
        return list(av)
    return []


_UNSEEN = object()


def dispatched(value: Any, kind: type[SuffixSearch] | type[InfixFinditer]) -> Any:
    """``value`` (a bound ``search``/``finditer`` of a compiled pattern) as ``kind``;
    anything else (None, a custom callable, one already dispatched) unchanged."""
    pattern = getattr(value, "__self__", None)
    if isinstance(value, (SuffixSearch, InfixFinditer)) or not isinstance(pattern, re.Pattern):
        return value
    name = "search" if kind is SuffixSearch else "finditer"
    if getattr(value, "__name__", None) != name or not isinstance(pattern.pattern, str):
        return value
    return kind(pattern)
