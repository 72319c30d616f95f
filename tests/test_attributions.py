"""Attributions: who produced or fed the article (contributing agencies, credit
lines, datelines, cited sources), each with the span that says so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import warta
from warta.extract.attributions import extract_attributions
from warta.nlp.pipeline import analyse_text
from warta.schema import Attribution

NO_MODEL = str(Path(__file__).resolve().parent / "no-such-model")  # a blank pipeline


def attributions(text: str) -> list[Attribution]:
    return extract_attributions(analyse_text(text, datetime(2025, 10, 21), model=NO_MODEL))


def span(text: str, part: str, after: str = "") -> tuple[int, int]:
    """(start, end) of ``part``, searched from the end of ``after``."""
    start = text.index(part, text.index(after) + len(after) if after else 0)
    return start, start + len(part)


def expected(text: str, part: str, name: str, role: str, after: str = "") -> Attribution:
    start, end = span(text, part, after)
    return Attribution(start, end, part, name, role)  # type: ignore[arg-type]


def test_contributor_sentence():
    text = ("Harga minyak mentah dunia naik tiga persen pada perdagangan Senin.\n\nReuters "
            "memberikan kontribusi untuk laporan ini.")
    assert attributions(text) == [
        expected(text, "Reuters memberikan kontribusi untuk laporan ini", "Reuters",
                 "contributor")]


def test_additional_reporting_line():
    text = "Pasukan Israel kembali menyerang Gaza pada Senin malam.\n\nLaporan tambahan: AFP"
    assert attributions(text) == [
        expected(text, "Laporan tambahan: AFP", "AFP", "contributor")]


def test_dateline_with_agency():
    text = ("Jakarta (ANTARA) - Pemerintah menaikkan harga eceran tertinggi beras medium mulai "
            "pekan depan.")
    assert attributions(text) == [expected(text, "Jakarta (ANTARA) -", "ANTARA", "source")]


def test_dateline_with_comma():
    text = "Surabaya, ANTARA - Hujan deras mengguyur Kota Surabaya sejak Selasa sore."
    assert attributions(text) == [expected(text, "Surabaya, ANTARA -", "ANTARA", "source")]


def test_dilansir_dari():
    text = ("Harga minyak dunia naik tiga persen, seperti dilansir dari Reuters, Selasa "
            "(21/10/2025).")
    assert attributions(text) == [
        expected(text, "seperti dilansir dari Reuters", "Reuters", "source")]


def test_dilansir_without_dari():
    text = "Gempa bermagnitudo 6,1 mengguncang Jepang utara, dilansir Kyodo, Selasa."
    assert attributions(text) == [expected(text, "dilansir Kyodo", "Kyodo", "source")]


def test_mengutip_opening_a_sentence():
    text = "Mengutip Bloomberg, harga emas dunia naik ke rekor tertinggi baru pada Selasa."
    assert attributions(text) == [expected(text, "Mengutip Bloomberg", "Bloomberg", "source")]


def test_credit_lines_author_and_editor():
    text = ("Jakarta - Hujan deras mengguyur Jakarta sejak Selasa sore.\n\nPenulis: Budi Santoso\n"
            "Editor: Rina Wulandari")
    assert attributions(text) == [
        expected(text, "Penulis: Budi Santoso", "Budi Santoso", "author"),
        expected(text, "Editor: Rina Wulandari", "Rina Wulandari", "editor"),
    ]


def test_credit_line_with_space_before_the_colon():
    text = "Banjir surut pada Rabu pagi.\nEditor : Rina Wulandari"
    assert attributions(text) == [
        expected(text, "Editor : Rina Wulandari", "Rina Wulandari", "editor")]


def test_agency_tag_in_a_photo_credit():
    text = "Petugas memeriksa tanggul yang jebol di Karawang. (ANTARA/Budi Santoso)"
    assert attributions(text) == [expected(text, "(ANTARA/Budi Santoso)", "ANTARA", "source")]


def test_agency_named_in_the_story_is_no_attribution():
    text = ("Wartawan Reuters melihat asap membubung dari gedung itu. Seorang juru bicara AFP "
            "menolak berkomentar.")
    assert attributions(text) == []


def test_label_word_inside_a_sentence_is_no_credit_line():
    text = "Menurut editor: Rina Wulandari sudah mengundurkan diri sejak bulan lalu."
    assert attributions(text) == []


def test_contributions_not_to_this_report_are_no_attribution():
    text = "Banyak warga Bandung memberikan kontribusi untuk pembangunan masjid itu."
    assert attributions(text) == []


def test_end_to_end_spans_index_the_original_text():
    # non-breaking spaces and curly quotes are normalised inside Warta; the spans
    # must still index the text as given
    text = ("Jakarta\u00a0(ANTARA) - “Harga beras turun,” kata Amalia.\n\n"
            "Laporan tambahan:\u00a0Reuters\nEditor: Rina Wulandari")
    analysis = warta.analyze(text, published="2025-10-21")
    assert [(a.start, a.end, a.text, a.name, a.role) for a in analysis.attributions] == [
        (*span(text, "Jakarta\u00a0(ANTARA) -"), "Jakarta\u00a0(ANTARA) -", "ANTARA", "source"),
        (*span(text, "Laporan tambahan:\u00a0Reuters"), "Laporan tambahan:\u00a0Reuters",
         "Reuters", "contributor"),
        (*span(text, "Editor: Rina Wulandari"), "Editor: Rina Wulandari", "Rina Wulandari",
         "editor"),
    ]
