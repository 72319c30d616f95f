"""The prefix guard changes how fast the tokenizer finds prefixes, never what it finds."""

import re
from pathlib import Path

import pytest
import spacy

from warta.nlp.pipeline import load_tokenizer_only
from warta.nlp.prefix_guard import guarded_prefix_pattern

MODEL = Path(__file__).resolve().parents[1] / "warta" / "models" / "id_warta"
WORDS = ['"Kami', "(KPK)", "Jakarta", "pemerintah", "US$5", "C$", "Rp5", "...ya", "…",
         "+62", "+a", "«Tidak", "§3", "2025.", "'", "", "A", "US", "%"]


def _matches(pattern, words):
    search = re.compile(pattern).search
    return [(m.start(), m.group()) if (m := search(w)) else None for w in words]


def test_spacy_indonesian_prefixes_match_the_same_with_the_guard():
    pattern = spacy.blank("id").tokenizer.prefix_search.__self__.pattern
    guarded = guarded_prefix_pattern(pattern)
    assert guarded.startswith("^(?=[") and guarded != pattern
    assert _matches(guarded, WORDS) == _matches(pattern, WORDS)
    assert _matches(guarded, ['"Kami', "(KPK)", "US$5", "Jakarta"]) == [
        (0, '"'), (0, "("), (0, "US$"), None]


def test_guard_lists_the_letters_an_alternative_can_start_with():
    guarded = guarded_prefix_pattern(r"^\(|^US\$|^\.\.+|^(?:Rp|IDR)(?=\d)")
    assert guarded == r"^(?=[\(\.IRU])(?:^\(|^US\$|^\.\.+|^(?:Rp|IDR)(?=\d))"
    assert guarded_prefix_pattern(guarded) == guarded  # applied once only


@pytest.mark.parametrize("pattern", [r"^\w+", r"^[^a-z]", r"^x*", r"^(?:a|)"])
def test_no_guard_where_the_first_characters_cannot_be_listed(pattern):
    assert guarded_prefix_pattern(pattern) == pattern


@pytest.mark.skipif(not (MODEL / "tokenizer").exists(), reason="no shipped model")
def test_shipped_tokenizer_carries_the_guard():
    nlp = load_tokenizer_only(MODEL)
    assert nlp.tokenizer.prefix_search.__self__.pattern.startswith("^(?=[")
    assert [t.text for t in nlp('"Kami (KPK) bayar US$5."')] == [
        '"', "Kami", "(", "KPK", ")", "bayar", "US$", "5", ".", '"']
