"""``pattern.finditer`` that lets ``re`` skip ahead to where a match can start.

Why: ``re`` skips ahead through the text only when a pattern opens on a literal or a
character class. The extractors' patterns open on a look-behind ("not inside a word":
``(?<![\\w-])``) and an optional modifier, so ``re`` tries them at every one of an
article's ~3,000 positions; each such scan over the 553 benchmark articles costs about
0.05–0.1 s, and the date extractor alone runs over a dozen of them.

:func:`finditer` builds, once per pattern, a finder that opens on the class of the
characters a match can start with (:mod:`warta.text.pattern_edges`), checks the
pattern's opening look-behinds against the character before, and then the pattern
itself at that position (a look-ahead inside a one-character look-behind). ``re``
skips in C to those characters; only where the finder matches does Python ask the
pattern for its match there, so the matches, their groups and their order are the
pattern's own, non-overlapping as ``finditer`` gives them.

Only patterns that open on a look-behind get a finder, and only when their first
characters are few (at most a third of the ASCII letters and digits): ``re`` skips ahead
by itself for a pattern opening on a literal or a class, and a finder for words starting
with almost any letter costs more than it saves (measured over the benchmark articles:
from three times faster for "kuartal"/"semester" to a third slower for numbers that may
be written as words). Patterns that can match the empty string are scanned as before.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import lru_cache
from re import _parser  # noqa: PLC2701 (the standard library's own regex tree)
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    IN,
    SRE_FLAG_IGNORECASE,
    SRE_FLAG_LOCALE,
    SUBPATTERN,
)

from warta.text.pattern_edges import compiled, edge_chars

_PATTERN_CACHE = 512  # patterns built from data at run time: bounded like ``re``'s cache
_ALPHANUMERIC = string.ascii_letters + string.digits
_MOST_FIRST = len(_ALPHANUMERIC) // 3  # more possible first characters: no finder


def finditer(pattern: str | re.Pattern[str], text: str, flags: int = 0
             ) -> Iterator[re.Match[str]]:
    """What ``re.finditer(pattern, text, flags)`` yields, found faster."""
    compiled = pattern if isinstance(pattern, re.Pattern) else _compiled(pattern, flags)
    finder = _finder(compiled)
    if finder is None:
        yield from compiled.finditer(text)
        return
    match = compiled.match
    end = 0
    for start in finder.finditer(text):
        position = start.start()
        if position < end:
            continue  # inside the last match: finditer's matches do not overlap
        found = match(text, position)
        if found is not None:  # always, unless the pattern is not deterministic
            end = found.end()
            yield found


@lru_cache(maxsize=_PATTERN_CACHE)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@lru_cache(maxsize=_PATTERN_CACHE)
def _finder(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``[first](?<!behind·first)…(?<=(?=pattern)[first])``, or None."""
    if pattern.flags & SRE_FLAG_LOCALE or not isinstance(pattern.pattern, str):
        return None
    tree = _parser.parse(pattern.pattern, pattern.flags)
    if not tree.data or tree.data[0][0] not in (ASSERT, ASSERT_NOT) or tree.data[0][1][0] >= 0:
        return None  # no opening look-behind
    if tree.getwidth()[0] == 0:
        return None  # finditer's rules for empty matches are not reproduced here
    first = edge_chars(tree.data, ignorecase=bool(pattern.flags & SRE_FLAG_IGNORECASE))
    if not first:
        return None
    state = tree.state
    starts = compiled(state, [(IN, first)], pattern.flags)
    if sum(1 for c in _ALPHANUMERIC if starts.fullmatch(c)) > _MOST_FIRST:
        return None
    # case-sensitive, so that ``re`` can skip ahead by it (it lists every case already)
    data = [(SUBPATTERN, (None, 0, SRE_FLAG_IGNORECASE, _parser.SubPattern(
        state, [(IN, first)])))]
    for op, av in tree.data:  # the opening look-behinds, one character further back
        if op not in (ASSERT, ASSERT_NOT) or av[0] >= 0:
            break
        data.append((op, (-1, _parser.SubPattern(state, [*av[1], (IN, first)]))))
    ahead = _parser.SubPattern(state, [(ASSERT, (1, tree)), (IN, first)])
    data.append((ASSERT, (-1, ahead)))
    return compiled(state, data, pattern.flags)
