"""warta.lang.data: the loader for language data files, and the sentence-splitting lists."""

import re

from warta.lang.data import DATA_DIR, alternation, load_json, load_words


def test_load_words_strips_comments_and_blank_lines():
    honorifics = load_words("honorifics")
    assert {"Prof", "dr", "Hj", "KH", "Yth"} <= honorifics
    assert not any(w.startswith("#") or " #" in w or not w.strip() for w in honorifics)
    assert "dr" in honorifics and "dr          # dokter (medical doctor)" not in honorifics


def test_load_words_is_cached_and_frozen():
    assert load_words("abbreviations") is load_words("abbreviations")
    assert isinstance(load_words("abbreviations"), frozenset)


def test_sentence_lists_have_the_documented_entries():
    assert {"Jl", "No", "Kab", "Kec", "Rp", "a.n", "s.d", "hlm"} <= load_words("abbreviations")
    assert {"dll", "dsb", "dst", "tsb", "Tbk"} <= load_words("abbreviations_final")
    assert {"S.H", "M.Si", "Ph.D", "Sp.PD"} <= load_words("academic_degrees")
    for name in ("abbreviations", "abbreviations_final", "academic_degrees", "honorifics"):
        assert not any(w.endswith(".") for w in load_words(name)), name


def test_load_json_reads_every_json_file():
    for path in sorted(DATA_DIR.glob("*.json")):
        assert load_json(path.stem) is load_json(path.stem)


def test_alternation_prefers_the_longest_word_and_keeps_case_variants_apart():
    words = ["se", "sebelas", "sepuluh", "puluhan", "puluhan ribu", "dua"]
    assert alternation(words) == "dua|puluhan(?:\\ ribu|)|se(?:belas|puluh|)"
    pattern = re.compile(rf"(?i:{alternation(words)})")
    assert [pattern.match(w).group(0) for w in ("Sebelas", "se", "puluhan ribu", "Puluhan")] \
        == ["Sebelas", "se", "puluhan ribu", "Puluhan"]
    # a word that is a prefix of another only when case is ignored: a longest-first list,
    # so that "(?i:…)" still takes "RP." whole
    assert alternation(["Rp", "rp.", "dua"]) == "dua|rp\\.|Rp"
    assert re.match(rf"(?i:{alternation(['Rp', 'rp.'])})", "RP. 5").group(0) == "RP."
