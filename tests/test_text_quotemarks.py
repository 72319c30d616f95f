"""pair_quotes(): curly and straight, nested, unbalanced and multi-paragraph quotes."""

import json
import os
from pathlib import Path

import pytest

from warta.text.normalize import normalize
from warta.text.quotemarks import QuotePair, pair_quotes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
SHARED = Path(os.environ.get("WARTA_SHARED_DATA", ROOT.parent / "shared" / "data"))


def contents(text: str) -> list[tuple[str, int]]:
    """(quoted content, depth) of every pair, in order of the opening mark."""
    return [(text[p.content_start:p.content_end], p.depth) for p in pair_quotes(text)]


def test_balanced_curly_quote_exact_positions():
    text = "“Kami siap,” kata Budi."
    assert pair_quotes(text) == [QuotePair(open=0, close=11, end=12, depth=0)]
    pair = pair_quotes(text)[0]
    assert (pair.content_start, pair.content_end) == (1, 11)
    assert text[pair.content_start:pair.content_end] == "Kami siap,"


def test_nested_single_quotes_inside_curly_double_quotes():
    text = "“Dia bilang ‘tidak’ kepada saya,” ujar Ani."
    assert pair_quotes(text) == [QuotePair(0, 32, 33, 0), QuotePair(12, 18, 19, 1)]
    assert contents(text) == [("Dia bilang ‘tidak’ kepada saya,", 0), ("tidak", 1)]


def test_straight_double_quotes_open_and_close_by_context():
    text = 'Ia berkata, "Kami tidak takut." Lalu ia "pergi" begitu saja.'
    assert pair_quotes(text) == [
        QuotePair(text.index('"Kami'), text.index('" Lalu'), text.index('" Lalu') + 1, 0),
        QuotePair(text.index('"pergi'), text.index('" begitu'), text.index('" begitu') + 1, 0),
    ]
    assert contents(text) == [("Kami tidak takut.", 0), ("pergi", 0)]


def test_straight_single_inside_straight_double():
    text = "\"Aku bilang, 'kamu jangan sampai sakit'. Jangan lupa makan,\" kata ibunya."
    assert contents(text) == [
        ("Aku bilang, 'kamu jangan sampai sakit'. Jangan lupa makan,", 0),
        ("kamu jangan sampai sakit", 1),
    ]


def test_straight_double_nested_in_curly_double():
    text = "“Dia bilang \"tidak\" kepada saya,” kata Budi."
    assert pair_quotes(text) == [QuotePair(0, 32, 33, 0), QuotePair(12, 18, 19, 1)]


def test_apostrophes_inside_words_are_not_quote_marks():
    text = "Salat Jum'at di masjid itu penuh. Amar ma'ruf nahi munkar, kata Jum’at."
    assert pair_quotes(text) == []


def test_single_quotes_outside_doubles_are_depth_zero():
    text = "Aduan masuk melalui kanal 'Lapor Pak Purbaya' dan ‘Wadul Gubernur’ sejak Senin."
    assert contents(text) == [("Lapor Pak Purbaya", 0), ("Wadul Gubernur", 0)]
    assert pair_quotes(text)[0].open == text.index("'Lapor")


def test_contraction_does_not_open_a_quote():
    text = "Ia bilang 'kan sudah selesai. Itu terjadi tahun '98 dulu."
    assert pair_quotes(text) == []


def test_unclosed_quote_runs_to_paragraph_end():
    text = "“Kami belum selesai bekerja   \nBaris berikutnya bukan kutipan."
    end = text.index("bekerja") + len("bekerja")
    assert pair_quotes(text) == [QuotePair(0, None, end, 0)]
    assert pair_quotes(text)[0].content_end == end


def test_unclosed_quote_at_end_of_text():
    text = 'Ia berteriak, "Tolong'
    assert pair_quotes(text) == [QuotePair(14, None, len(text), 0)]


def test_multi_paragraph_quote_each_paragraph_opens_only_last_closes():
    text = ("“Kami akan terus berjuang.\n"
            "“Tidak ada yang bisa menghentikan kami.\n\n"
            "“Rakyat bersama kami,” kata Budi.")
    p2 = text.index("“Tidak")
    p3 = text.index("“Rakyat")
    assert pair_quotes(text) == [
        QuotePair(0, None, text.index("\n"), 0),
        QuotePair(p2, None, text.index("\n", p2), 0),
        QuotePair(p3, text.index("”"), text.index("”") + 1, 0),
    ]


def test_multi_paragraph_with_straight_quotes():
    text = '"Paragraf pertama.\n"Paragraf kedua," ujar dia.'
    assert contents(text) == [("Paragraf pertama.", 0), ("Paragraf kedua,", 0)]
    assert pair_quotes(text)[0].close is None


def test_new_clear_opening_mark_ends_an_unclosed_quote():
    text = '"Satu dua. "Tiga empat," kata dia.'
    assert pair_quotes(text) == [QuotePair(0, None, 10, 0), QuotePair(11, 23, 24, 0)]


def test_wrong_direction_curly_marks_are_tolerated():
    text = "”Halo,” kata dia."
    assert pair_quotes(text) == [QuotePair(0, 6, 7, 0)]


def test_missing_space_after_straight_closing_and_before_opening_mark():
    text = 'Ia datang,"Kami siap," katanya."Melalui program ini," ujar dia.'
    assert contents(text) == [("Kami siap,", 0), ("Melalui program ini,", 0)]


def test_stray_closing_mark_without_opening_is_ignored():
    text = 'tanggung jawab pemda (pemerintah daerah),"kata Prof. Ghufron di Jakarta.'
    assert pair_quotes(text) == []


def test_pairs_are_sorted_by_opening_mark():
    text = "“A ‘b’ c,” kata X. 'D' dan “E ‘f’.”"
    pairs = pair_quotes(text)
    assert [p.open for p in pairs] == sorted(p.open for p in pairs)
    assert contents(text) == [("A ‘b’ c,", 0), ("b", 1), ("D", 0), ("E ‘f’.", 0), ("f", 1)]


def test_seed_article_quotes():
    text = normalize(SEED.read_text(encoding="utf-8"))
    got = contents(text)
    assert [depth for _, depth in got] == [0, 0, 0]
    assert got[0][0].startswith("Prancis siap untuk koalisi") and got[0][0].endswith("Hamas,")
    assert got[1][0] == "harus tanpa ampun tapi tidak tanpa aturan."
    assert got[2][0].startswith("Jika Anda ingin") and got[2][0].endswith("di daerah Anda,")
    assert all(p.close is not None for p in pair_quotes(text))


def test_detik_articles_pairs_are_well_formed():
    path = SHARED / "news" / "detik-dev.jsonl"
    if not path.exists():
        pytest.skip(f"shared data not found at {path}")
    with path.open(encoding="utf-8") as f:
        texts = [normalize(json.loads(line)["text"]) for line in f]
    unclosed = total = 0
    for text in texts:
        pairs = pair_quotes(text)
        outer_end = -1
        for p in pairs:
            total += 1
            assert text[p.open] in "“”\"‘’'"
            assert p.content_start <= p.content_end <= p.end <= len(text)
            assert "\n" not in text[p.open:p.end]
            if p.close is None:
                unclosed += 1
            else:
                assert p.end == p.close + 1 and text[p.close] in "“”\"‘’'"
            if p.depth == 0:
                assert p.open >= outer_end  # depth-0 quotes never overlap
                outer_end = p.end
    assert total > 2000 and unclosed < total * 0.01


def test_curly_opening_closed_by_straight_mark():
    text = '“Kami siap," kata Budi.'
    assert pair_quotes(text) == [QuotePair(0, 11, 12, 0)]


def test_quote_spanning_sentences_is_one_pair():
    text = "“Kami siap. Kami akan berjuang,” kata Budi."
    assert contents(text) == [("Kami siap. Kami akan berjuang,", 0)]
