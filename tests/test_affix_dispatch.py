"""Affix searches that try only the branches that can match: same answers as ``re``."""

import pickle
import random
import re
from functools import cache
from pathlib import Path

import pytest

from warta.nlp.affix_dispatch import InfixFinditer, SuffixSearch, dispatched

MODEL = Path(__file__).resolve().parents[1] / "warta" / "models" / "id_warta"

SUFFIXES = re.compile(r"…$|,$|\)$|'s$|(?<=[0-9])(?:km|kg|%)$|(?<=[a-z])\.$|\.\.+$|[😀-🙏]$")
INFIXES = re.compile(r"\.\.+|(?<=[0-9])[+\-*^](?=[0-9-])|(?<=[A-Za-z]),(?=[A-Za-z])"
                     r"|(?<=[a-z])(?=[A-Z])")


def spans(match):
    return None if match is None else match.span()


def test_a_suffix_search_tries_only_branches_that_end_in_the_last_character():
    search = SuffixSearch(SUFFIXES)
    for word in ("10km", "jalan.", "Jakarta,", "Ali's", "5%", "ya...", "km", "(KPK)",
                 "senyum😀", "jalan", "10km\n", "", "x…"):
        assert spans(search(word)) == spans(SUFFIXES.search(word)), word
    assert search._search_for("n") is None  # no branch ends in "n": no search at all
    assert search._search_for("m") is not None  # "km", after a digit


def test_branches_the_analysis_cannot_read_count_as_matching_anything():
    # not anchored at the end; a case-insensitive group; a negated set
    pattern = re.compile(r"ab|(?i:X)$|[^a-z]$|,$")
    search = SuffixSearch(pattern)
    assert search._search_for("q") is not None
    for word in ("abq", "kax", "kaX", "ka1", "ka,", "kaq"):
        assert spans(search(word)) == spans(pattern.search(word)), word
    insensitive = re.compile(r"km$|,$", re.IGNORECASE)
    assert spans(SuffixSearch(insensitive)("10KM")) == (2, 4)


def test_an_infix_search_skips_words_no_branch_can_start_in():
    finditer = InfixFinditer(INFIXES)
    for word in ("Jakarta", "diterimaKapolri", "3+4", "a,b", "ya..tidak", "2-3-4",
                 "DKI", "a😀b", "Jakarta,", ""):
        assert [m.span() for m in finditer(word)] == \
            [m.span() for m in INFIXES.finditer(word)], word
    assert finditer._needs.search("Jakarta") is None  # a capital, but no lowercase before
    assert finditer._needs.search("diterimaKapolri") is not None


def test_an_infix_branch_that_can_match_nothing_turns_the_shortcut_off():
    pattern = re.compile(r"-|(?<=[a-z])")  # matches between letters with no character
    finditer = InfixFinditer(pattern)
    assert finditer._needs is None
    assert [m.span() for m in finditer("ab")] == [m.span() for m in pattern.finditer("ab")]


def test_dispatched_wraps_bound_searches_only_and_keeps_the_source_pattern():
    search = dispatched(SUFFIXES.search, SuffixSearch)
    assert isinstance(search, SuffixSearch) and search.__self__ is SUFFIXES
    assert dispatched(search, SuffixSearch) is search
    assert dispatched(None, SuffixSearch) is None
    custom = lambda s: None  # noqa: E731 - any other callable stays as it is
    assert dispatched(custom, SuffixSearch) is custom
    assert dispatched(SUFFIXES.match, SuffixSearch) == SUFFIXES.match
    again = pickle.loads(pickle.dumps(dispatched(INFIXES.finditer, InfixFinditer)))
    assert isinstance(again, InfixFinditer) and again.__self__.pattern == INFIXES.pattern


@cache
def _shipped_patterns():
    import spacy

    stock = spacy.blank("id").tokenizer.from_disk(MODEL / "tokenizer")
    return stock.suffix_search.__self__, stock.infix_finditer.__self__


@pytest.mark.skipif(not (MODEL / "tokenizer").exists(), reason="no shipped model")
def test_the_shipped_patterns_give_the_same_answers_on_random_words():
    suffixes, infixes = _shipped_patterns()
    search, finditer = SuffixSearch(suffixes), InfixFinditer(infixes)
    alphabet = "aAkmKz059.,;:-–—/\\%+*^'\"’”()[]<>=…°²$€😀\n"
    rng = random.Random(0)
    for _ in range(5000):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert spans(search(word)) == spans(suffixes.search(word)), word
        assert [m.span() for m in finditer(word)] == \
            [m.span() for m in infixes.finditer(word)], word
    for word in ("10km²", "diterimaKapolri", "WakilPresiden", "5%-nya", "2-3", "x...",
                 "Rp10.000,-", "(KPK).", "it's", "A.S.", "2°C.", "km/h", "senyum😀"):
        assert spans(search(word)) == spans(suffixes.search(word)), word
        assert [m.span() for m in finditer(word)] == \
            [m.span() for m in infixes.finditer(word)], word


@pytest.mark.skipif(not (MODEL / "tokenizer").exists(), reason="no shipped model")
def test_the_shipped_tokenizer_uses_them():
    from warta.nlp.pipeline import load_tokenizer_only

    tokenizer = load_tokenizer_only(MODEL).tokenizer
    assert isinstance(tokenizer.suffix_search, SuffixSearch)
    assert isinstance(tokenizer.infix_finditer, InfixFinditer)
    assert [t.text for t in tokenizer("diterimaKapolri, 10km dan 5%-nya.")] == [
        "diterima", "Kapolri", ",", "10", "km", "dan", "5", "%", "-nya", "."]


def test_a_suffix_branch_that_can_be_empty_is_always_tried():
    pattern = re.compile(r",$|(?:x|)$")
    search = SuffixSearch(pattern)
    for word in ("kata", "katax", "kata,"):
        assert spans(search(word)) == spans(pattern.search(word)), word
