"""What a regular expression's match needs at its start or end, read off re's tree."""

import re._parser as sre_parse

import pytest

from warta.nlp.pattern_edges import edge_chars


def chars(pattern, last=False):
    found = edge_chars(sre_parse.parse(pattern).data, last=last)
    if found is None:
        return None
    listed = set()
    for op, av in found:
        listed |= {chr(av)} if str(op) == "LITERAL" else {chr(c) for c in range(av[0], av[1] + 1)}
    return "".join(sorted(listed))


@pytest.mark.parametrize(("pattern", "first", "last"), [
    (r"km|kg", "k", "gm"),
    (r"(?<=[0-9])(?:km|%)$", "%k", "%m"),  # look-behinds and anchors are left out
    (r"a?b", "ab", "b"),
    (r"[a-c]+x", "abc", "x"),
    (r"(?<=[a-z])(?=[A-Z])", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", None),  # a look-ahead counts
    (r"(?:x|)", None, None),  # can match nothing
    (r"x*", None, None),
    (r"[^a-z]", None, None),  # negated: not listed
    (r"(?i:a)b", None, "b"),  # case-insensitive group
    (r".a", None, "a"),
    (r"(a)\1", "a", None),  # back-reference
])
def test_edge_characters(pattern, first, last):
    assert chars(pattern) == first
    assert chars(pattern, last=True) == last
