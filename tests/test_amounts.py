"""Specification of the amounts extractor: spans, values, units and qualifiers."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from warta.extract.amounts import extract_amounts
from warta.extract.dates import extract_dates
from warta.nlp.pipeline import analyse_text
from warta.schema import Amount

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
PUBLISHED = datetime(2023, 10, 24)


def amounts(text: str) -> list[Amount]:
    return extract_amounts(analyse_text(text, PUBLISHED))


def one(text: str, phrase: str) -> Amount:
    """The first amount whose span is exactly an occurrence of ``phrase``."""
    got = amounts(text)
    found = [a for a in got if text[a.start:a.end] == phrase]
    assert found, f"no amount spanning {phrase!r}; got {[a.text for a in got]}"
    assert found[0].text == phrase
    return found[0]


def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    got = [(a.start, a.end, a.text, a.value, a.qualifier, a.unit) for a in amounts(text)]
    assert got == [
        (936, 960, "dua kelompok kapal induk", 2, "exact", "kelompok kapal induk"),
        (1458, 1480, "lebih dari 200 sandera", 200, "more-than", "sandera"),
        (1550, 1569, "dua warga negara AS", 2, "exact", "warga negara AS"),
        (1574, 1590, "dua warga Israel", 2, "exact", "warga Israel"),
    ]


# --- money, percentages, counted things ----------------------------------------------------------


@pytest.mark.parametrize(("phrase", "value", "unit"), [
    ("Rp 1.275,6 triliun", 1_275_600_000_000_000, "Rp"),
    ("Rp50 ribu", 50_000, "Rp"),
    ("Rp 2,5 miliar", 2_500_000_000, "Rp"),
    ("US$ 3 juta", 3_000_000, "US$"),
    ("Rp 321,6 T", 321_600_000_000_000, "Rp"),
    ("Rp 15.500", 15_500, "Rp"),
    ("62,8%", 62.8, "%"),
    ("62,8 persen", 62.8, "%"),
    ("3.000 orang", 3000, "orang"),
    ("1,5 juta ton", 1_500_000, "ton"),
    ("dua puluh lima siswa", 25, "siswa"),
    ("seratus rumah", 100, "rumah"),
    ("seribu relawan", 1000, "relawan"),
    ("setengah harga", 0.5, "harga"),
    ("5 juta dolar AS", 5_000_000, "dolar AS"),
    ("25 basis poin", 25, "basis poin"),
    ("Rp 17 Ribu", 17_000, "Rp"),
    ("3 kilo", 3, "kilo"),  # "3 kilo emas": a measure word ends the unit
    ("USD1,2 miliar", 1_200_000_000, "USD"),
    ("2.000 orang", 2000, "orang"),  # "2.000 orang hadir": a bare verb ends the unit
])
def test_values_and_units(phrase, value, unit):
    text = f"Menurut data itu, {phrase} tercatat pekan ini."
    found = one(text, phrase)
    assert (found.start, found.end) == (18, 18 + len(phrase))
    assert (found.value, found.unit, found.qualifier) == (value, unit, "exact")


def test_unit_is_the_counted_noun_without_rate_adjectives_or_verbs():
    text = "Lifting mencapai 619.000 barel per hari, lalu 1,8 juta kunjungan internasional."
    assert one(text, "619.000 barel").unit == "barel"
    assert one(text, "1,8 juta kunjungan").unit == "kunjungan"
    text = "Sebanyak 37 provinsi mengalami inflasi dan hanya satu provinsi yang deflasi."
    assert one(text, "37 provinsi").value == 37
    assert one(text, "satu provinsi").value == 1
    text = "Harga sekitar 1 juta barel minyak per hari; gudang seluas 300 meter persegi."
    assert one(text, "sekitar 1 juta barel").unit == "barel"
    assert one(text, "300 meter persegi").unit == "meter persegi"


def test_title_case_unit_and_bare_numbers():
    text = "Kurs 1 Dolar AS Jadi Rp 8.170 menurut Google."
    assert one(text, "1 Dolar AS").unit == "Dolar AS"
    text = "Indeks naik dari 108,27 menjadi 108,60, sementara klaim turun ke 218 ribu."
    assert [(a.text, a.value, a.unit) for a in amounts(text)] == [
        ("108,27", 108.27, None), ("108,60", 108.6, None), ("218 ribu", 218_000, None)]


# --- qualifiers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "qualifier"), [
    ("lebih dari", "more-than"),
    ("di atas", "more-than"),
    ("kurang dari", "less-than"),
    ("di bawah", "less-than"),
    ("sekitar", "about"),
    ("kira-kira", "about"),
    ("sekira", "about"),
    ("lebih kurang", "about"),
    ("hampir", "almost"),
    ("nyaris", "almost"),
    ("setidaknya", "at-least"),
    ("sedikitnya", "at-least"),
    ("minimal", "at-least"),
    ("paling sedikit", "at-least"),
    ("maksimal", "at-most"),
    ("paling banyak", "at-most"),
    ("tidak lebih dari", "at-most"),
])
def test_qualifier_is_part_of_the_span(words, qualifier):
    text = f"Polisi menyebut {words} 200 orang terluka."
    phrase = f"{words} 200 orang"
    found = one(text, phrase)
    assert (found.start, found.value, found.unit, found.qualifier) == (16, 200, "orang", qualifier)


@pytest.mark.parametrize("words", ["sebanyak", "sebesar", "mencapai", "hingga", "sampai"])
def test_introducing_words_stay_outside_and_exact(words):
    text = f"Simpanan itu {words} Rp 234 triliun."
    found = one(text, "Rp 234 triliun")
    assert (found.start, found.qualifier) == (14 + len(words), "exact")


def test_postfix_lebih():
    found = one("Bantuan diterima 35,04 juta lebih KPM tahun ini.", "35,04 juta lebih KPM")
    assert (found.value, found.unit, found.qualifier) == (35_040_000, "KPM", "more-than")


# --- ranges, repeats, ages, collectives ----------------------------------------------------------


def test_range_first_part_borrows_scale_and_unit():
    text = "Konsumsi mencapai 1,5-1,6 juta barel per hari."
    got = [(a.text, a.value, a.unit) for a in amounts(text)]
    assert got == [("1,5", 1_500_000, "barel"), ("1,6 juta barel", 1_600_000, "barel")]
    text = "Harganya Rp 4-5 juta per unit."
    assert [(a.text, a.value, a.unit) for a in amounts(text)] == [
        ("Rp 4", 4_000_000, "Rp"), ("5 juta", 5_000_000, "Rp")]


def test_spelled_out_repeat_is_one_span():
    found = one("Pajak naik 5% (lima persen) tahun depan.", "5% (lima persen)")
    assert (found.value, found.unit) == (5, "%")


def test_ages_are_amounts_in_years():
    text = "Polisi menjerat DISB (47), YouTuber asal Jember, dan pria berusia 36 tahun."
    assert [(a.text, a.value, a.unit) for a in amounts(text)] == [
        ("47", 47, "tahun"), ("36 tahun", 36, "tahun")]


def test_collective_ordinal_words_count():
    text = "Polisi menangkap kedua pelaku, sedangkan somasi kedua belum dijawab."
    assert [(a.text, a.value, a.unit) for a in amounts(text)] == [("kedua pelaku", 2, "pelaku")]


# --- not amounts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Serangan terjadi pada 7 Oktober 2023 pukul 14.30 WIB.",
    "Ia dijerat UU Nomor 8 Tahun 2019 juncto Pasal 27 ayat 3.",
    "Warga RT 21 RW 05 di dekat KM 50 tinggal di Jalan Mawar No. 5.",
    "Pertemuan G20 membahas Covid-19 untuk ke-3 kalinya.",
    "Hubungi 0812-3456-7890 untuk informasi.",
    "Surat itu diterima Senin (21/10/2025).",
    "Salah satu warga menjadi satu-satunya saksi.",
    "Ratusan warga dan puluhan ribu relawan datang.",
    "Seorang pria membawa sebuah video.",
    "Proyek itu berjalan 3 bulan, bahkan bertahun-tahun.",
    "Kopral Dua Budi tiba dengan kendaraan roda dua.",
    "Data diperbarui setiap tiga bulan sekali di hotel bintang empat.",
    "Aktivis menyerahkan tuntutan rakyat 17+8 dalam acara Hunindo Tech 6.0.",
    "Hubungi hotline KBRI: +61 450 475 094.",
    "KPK memiliki waktu 1x24 jam untuk menentukan status.",
])
def test_not_amounts(text):
    assert amounts(text) == []


def test_list_markers_are_not_amounts():
    text = "Daftar daerah:\n1. Provinsi DKI Jakarta Rp 14,6 triliun\n2. Jawa Timur Rp 6,8 triliun"
    assert [a.text for a in amounts(text)] == ["Rp 14,6 triliun", "Rp 6,8 triliun"]


def test_amounts_never_overlap_dates():
    text = SEED.read_text(encoding="utf-8") + (
        "\nSejak 2019, sekitar 3.000 orang ditahan selama 10 hari pada 7 Oktober pukul 09.00.")
    doc = analyse_text(text, PUBLISHED)
    date_spans = [(d.start, d.end) for d in extract_dates(doc)]
    found = extract_amounts(doc)
    assert "sekitar 3.000 orang" in [a.text for a in found]
    for a in found:
        assert all(a.end <= s or a.start >= e for s, e in date_spans), a


# --- real news (skipped without ../shared/data) --------------------------------------------------

SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
GOLD = ROOT / "dev" / "gold" / "dates_amounts.jsonl"


@pytest.mark.skipif(not (SHARED / "news" / "detik-dev.jsonl").exists() or not GOLD.exists(),
                    reason="shared Detik data or gold set not available")
def test_gold_set_regression():
    """Guard against regressions on the hand-annotated Detik dev set (official scorer)."""
    from warta.eval.dates_amounts import evaluate_file

    result = evaluate_file(GOLD, SHARED / "news" / "detik-dev.jsonl").amounts
    assert result.f1 >= 0.88 and result.value_accuracy >= 0.95, result.to_dict()
