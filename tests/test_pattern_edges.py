"""What a regular expression's match needs at its start or end, read off re's tree."""

import re
import re._parser as sre_parse
import sys

import pytest

from warta.text.pattern_edges import edge_chars


def chars(pattern, last=False, flags=0):
    found = edge_chars(sre_parse.parse(pattern, flags).data, last=last,
                       ignorecase=bool(flags & re.IGNORECASE))
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
    (r"(?i:a)b", "Aa", "b"),  # case-insensitive group: both cases
    (r"(?i:k)(?-i:x)", "Kk\u212a", "x"),  # and what re folds onto them
    (r"(?i:é)", None, None),  # a cased letter beyond ASCII: not listed
    (r"(?i:-)x", "-", "x"),
    (r".a", None, "a"),
    (r"(a)\1", "a", None),  # back-reference
])
def test_edge_characters(pattern, first, last):
    assert chars(pattern) == first
    assert chars(pattern, last=True) == last


def test_a_case_insensitive_pattern_lists_both_cases():
    # "(?-i:...)" turns it off again: only the capital M
    assert chars(r"hari|(?-i:Minggu)", flags=re.IGNORECASE) == "HMh"


def test_the_folds_listed_are_all_that_re_makes_onto_ascii_letters():
    from warta.text.pattern_edges import _FOLDED_ONTO

    everything = "".join(chr(c) for c in range(128, sys.maxunicode + 1)
                         if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        found = "".join(re.findall(f"(?i){letter}", everything))
        assert found == _FOLDED_ONTO.get(letter, ""), letter
