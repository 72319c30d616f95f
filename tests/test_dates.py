"""Specification of the dates extractor: spans, values, granularity, kind, qualifier."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from warta.extract.dates import extract_dates
from warta.nlp.pipeline import analyse_text
from warta.schema import DateFact

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
TUESDAY = datetime(2023, 10, 24)  # the seed article's publication day


def dates(text: str, published: datetime | None = TUESDAY) -> list[DateFact]:
    return extract_dates(analyse_text(text, published))


def one(text: str, phrase: str, published: datetime | None = TUESDAY) -> DateFact:
    """The first date whose span is exactly an occurrence of ``phrase`` in ``text``."""
    got = dates(text, published)
    found = [d for d in got if text[d.start:d.end] == phrase]
    assert found, f"no date spanning {phrase!r}; got {[d.text for d in got]}"
    assert found[0].text == phrase
    return found[0]


# --- the seed article ----------------------------------------------------------------------------


def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    got = [(d.start, d.end, d.text, d.value, d.granularity, d.kind, d.qualifier)
           for d in dates(text)]
    assert got == [
        (88, 94, "Selasa", "2023-10-24", "day", "date", "exact"),
        (276, 290, "bertahun-tahun", None, "duration", "duration", "exact"),
        (458, 477, "lebih dari seminggu", "P1W", "duration", "duration", "more-than"),
        (1322, 1341, "lebih dari seminggu", "P1W", "duration", "duration", "more-than"),
        (1512, 1521, "7 Oktober", "2023-10-07", "day", "date", "exact"),
        (1624, 1630, "Selasa", "2023-10-24", "day", "date", "exact"),
    ]


# --- weekdays and numeric dates ------------------------------------------------------------------


def test_weekday_is_the_latest_such_day_on_or_before_publication():
    text = "Netanyahu bertemu Macron pada Selasa, sehari setelah rapat kabinet Senin."
    tuesday = one(text, "Selasa")
    assert (tuesday.start, tuesday.end) == (30, 36)  # "pada" is not part of the span
    assert tuesday.value == "2023-10-24" and tuesday.granularity == "day"
    assert one(text, "Senin").value == "2023-10-23"
    assert one("Rapat digelar Rabu malam.", "Rabu malam").value == "2023-10-18"


def test_weekday_range():
    friday = datetime(2023, 10, 27)
    got = [(d.text, d.value) for d in dates("Pameran digelar Senin-Rabu pekan ini.", friday)]
    assert got == [("Senin", "2023-10-23"), ("Rabu", "2023-10-25"), ("pekan ini", "2023-W43")]


def test_weekday_direction_words():
    assert one("Ia diperiksa Senin lalu.", "Senin lalu").value == "2023-10-23"
    assert one("Ia diperiksa Selasa lalu.", "Selasa lalu").value == "2023-10-17"
    assert one("Sidang berlanjut Kamis depan.", "Kamis depan").value == "2023-10-26"


def test_weekday_with_parenthesised_date_is_one_span():
    text = "Hal itu disampaikan Budi di Jakarta, Selasa (24/10), usai rapat."
    fact = one(text, "Selasa (24/10)")
    assert (fact.start, fact.end, fact.value) == (37, 51, "2023-10-24")
    text = "kata Budi di Pekanbaru, Senin (21/10/2025)."
    assert one(text, "Senin (21/10/2025)", datetime(2025, 10, 22)).value == "2025-10-21"


def test_explicit_date_wins_over_weekday():
    text = "ujar Bahlil, Senin (19/10/2025)."  # 19/10/2025 is a Sunday
    assert one(text, "Senin (19/10/2025)", datetime(2025, 10, 20)).value == "2025-10-19"


def test_bare_numeric_date_is_day_month_year():
    text = "Surat itu diterima (8/10/2025) oleh panitia."
    fact = one(text, "(8/10/2025)", datetime(2025, 10, 20))
    assert (fact.start, fact.end, fact.value) == (19, 30, "2025-10-08")


def test_weekday_with_written_date_and_part_of_day():
    text = "Kemarin, hari Minggu tanggal 4 Mei 2025, pukul 08:00 WIB, kami melapor."
    pub = datetime(2025, 5, 19)
    assert one(text, "hari Minggu tanggal 4 Mei 2025", pub).value == "2025-05-04"
    assert one(text, "pukul 08:00 WIB", pub).value == "2025-05-04T08:00"
    text = "Ledakan terjadi Jumat (17/10) malam di gudang."
    assert one(text, "Jumat (17/10) malam", datetime(2025, 10, 18)).value == "2025-10-17"


# --- calendar dates ------------------------------------------------------------------------------


def test_day_and_month_take_the_publication_year():
    text = "Hamas menyerang pada 7 Oktober di Israel."
    fact = one(text, "7 Oktober")
    assert (fact.start, fact.end, fact.value, fact.granularity) == (21, 30, "2023-10-07", "day")


def test_day_and_month_far_ahead_of_publication_belong_to_the_previous_year():
    # up to three months ahead is a coming event; further ahead it was last year
    assert one("Sidang dijadwalkan 7 Desember.", "7 Desember").value == "2023-12-07"
    assert one("Kontrak diteken 7 Desember.", "7 Desember", datetime(2024, 1, 10)).value \
        == "2023-12-07"
    assert one("Kontrak diteken 15 Juni.", "15 Juni", datetime(2023, 2, 1)).value == "2022-06-15"
    assert one("Harga naik sejak Desember.", "Desember", datetime(2025, 2, 1)).value == "2024-12"
    assert one("Target rampung Desember.", "Desember", datetime(2025, 7, 1)).value == "2025-12"


def test_day_of_month_alone():
    text = "Data dirilis pada tanggal 15, sedangkan gaji dibayar setiap tanggal 28."
    pub = datetime(2025, 5, 20)
    assert one(text, "tanggal 15", pub).value == "2025-05-15"
    assert one(text, "tanggal 28", pub).value == "XXXX-XX-28"


def test_full_dates_months_and_years():
    text = "Serangan 7 Oktober 2023 terjadi sejak Oktober 2023 dan mulai tahun 2019 hingga 2024."
    assert one(text, "7 Oktober 2023").value == "2023-10-07"
    month = one(text, "Oktober 2023")
    assert (month.value, month.granularity) == ("2023-10", "month")
    year = one(text, "tahun 2019")
    assert (year.value, year.granularity) == ("2019", "year")
    assert one(text, "2024").value == "2024"


def test_bare_year_after_a_preposition_or_in_a_name():
    text = "Target itu terakhir tercapai pada 2008, sebelum APBN 2025 disusun."
    fact = one(text, "2008")
    assert (fact.start, fact.end, fact.value) == (34, 38, "2008")
    assert one(text, "2025").value == "2025"


def test_month_alone_in_context():
    text = "Dari Januari hingga September tahun ini, wisatawan naik."
    pub = datetime(2025, 10, 17)
    assert one(text, "Januari", pub).value == "2025-01"
    assert one(text, "September tahun ini", pub).value == "2025-09"
    assert one("Inflasi pada bulan Juni naik.", "bulan Juni", pub).value == "2025-06"


def test_person_named_like_a_month_is_not_a_date():
    assert not dates("Menurut Mei Lan, warga sudah lama mengeluh.")


def test_ranges_give_one_item_per_end():
    pub = datetime(2025, 8, 21)
    text = "Rapat Dewan Gubernur BI pada 19 dan 20 Agustus 2025 memutuskan hal itu."
    assert one(text, "19", pub).value == "2025-08-19"
    assert one(text, "20 Agustus 2025", pub).value == "2025-08-20"
    text = "Lifting pada September-Oktober 2025 mencapai target; krisis terjadi pada 1996-1997."
    pub = datetime(2025, 10, 20)
    assert one(text, "September", pub).value == "2025-09"
    assert one(text, "Oktober 2025", pub).value == "2025-10"
    assert one(text, "1996", pub).value == "1996"
    assert one(text, "1997", pub).value == "1997"


def test_quarters_halves_and_decades():
    pub = datetime(2025, 10, 22)
    assert one("Realisasi kuartal III/2025 melambat.", "kuartal III/2025", pub).value == "2025-Q3"
    assert one("Laba triwulan II 2025 naik.", "triwulan II 2025", pub).value == "2025-Q2"
    decade = one("Krisis tahun 1990-an masih membekas.", "tahun 1990-an", pub)
    assert (decade.value, decade.granularity) == ("199", "decade")


# --- relative expressions ------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "value", "granularity"), [
    ("kemarin", "2023-10-23", "day"),
    ("hari ini", "2023-10-24", "day"),
    ("besok", "2023-10-25", "day"),
    ("lusa", "2023-10-26", "day"),
    ("pekan lalu", "2023-W42", "week"),
    ("minggu depan", "2023-W44", "week"),
    ("bulan lalu", "2023-09", "month"),
    ("bulan depan", "2023-11", "month"),
    ("tahun lalu", "2022", "year"),
    ("tahun depan", "2024", "year"),
    ("akhir tahun", "2023", "year"),
    ("tiga hari lalu", "2023-10-21", "day"),
    ("dua tahun silam", "2021", "year"),
])
def test_relative_dates(phrase, value, granularity):
    text = f"Menurut laporan itu, {phrase} harga beras naik."
    fact = one(text, phrase)
    assert (fact.start, fact.value, fact.granularity, fact.kind) == (21, value, granularity, "date")


def test_without_publication_date_relative_values_are_none_but_reported():
    text = "Kemarin polisi menangkap pelaku yang kabur sejak Selasa."
    got = {d.text: d.value for d in dates(text, None)}
    assert got == {"Kemarin": None, "Selasa": None}


def test_relative_expression_in_a_quote_uses_the_quote_dateline():
    text = ('"Kemarin kami sudah melapor ke polisi," kata Khoiron, Senin (5/5/2025).\n'
            "Polisi memeriksa pelapor kemarin.")
    pub = datetime(2025, 5, 19)
    assert one(text, "Kemarin", pub).value == "2025-05-04"
    last = [d for d in dates(text, pub) if d.text == "kemarin"]
    assert last[0].value == "2025-05-18"  # outside the quote: the publication date


def test_anaphoric_month():
    text = "Inflasi AS Juni 2025 tidak berubah dibandingkan bulan sebelumnya."
    assert one(text, "bulan sebelumnya", datetime(2025, 8, 1)).value == "2025-05"


# --- clock times ---------------------------------------------------------------------------------


def test_clock_time_takes_the_day_of_its_sentence():
    text = "Rapat dimulai Selasa pukul 14.30 WIB di Istana."
    fact = one(text, "pukul 14.30 WIB")
    assert (fact.start, fact.end) == (21, 36)
    assert (fact.value, fact.kind, fact.granularity) == ("2023-10-24T14:30", "time", "datetime")


def test_clock_time_without_a_day():
    fact = one("Pintu dibuka pukul 09.00 WIB.", "pukul 09.00 WIB")
    assert (fact.value, fact.kind) == ("T09:00", "time")
    assert one("Ia pulang pukul 8 malam.", "pukul 8 malam").value == "T20:00"
    fact = one("Kejadiannya tadi malam, sekitar jam 22.00 WIB.", "sekitar jam 22.00 WIB")
    assert (fact.value, fact.qualifier) == ("2023-10-23T22:00", "about")


def test_qualified_clock_time_and_time_range():
    text = "Kejadian itu Jumat (1/8/2025) sekitar pukul 09.15 WIB."
    fact = one(text, "sekitar pukul 09.15 WIB", datetime(2025, 8, 1))
    assert (fact.value, fact.qualifier) == ("2025-08-01T09:15", "about")
    text = "Pasar buka pukul 16.00 sampai 21.00 WIB."
    assert one(text, "pukul 16.00").value == "T16:00"
    assert one(text, "21.00 WIB").value == "T21:00"


# --- durations -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "value"), [
    ("3 bulan", "P3M"),
    ("dua pekan", "P2W"),
    ("10 hari", "P10D"),
    ("seminggu", "P1W"),
    ("setahun", "P1Y"),
    ("24 jam", "PT24H"),
    ("2 tahun 10 bulan", "P2Y10M"),
    ("satu dekade", "P10Y"),
    ("Delapan bulan", "P8M"),
])
def test_durations(phrase, value):
    text = f"Proyek itu berjalan selama {phrase} tanpa hambatan."
    fact = one(text, phrase)
    assert (fact.start, fact.value, fact.granularity, fact.kind) == (27, value, "duration",
                                                                     "duration")


def test_duration_range_gives_two_items():
    text = "Proyek ini kami targetkan selesai dalam waktu satu hingga dua tahun."
    got = [(d.text, d.value, d.kind) for d in dates(text)]
    assert got == [("satu", "P1Y", "duration"), ("dua tahun", "P2Y", "duration")]


def test_ranges_after_a_hyphen():
    got = [(d.text, d.value, d.qualifier) for d in dates("Waktu tempuh sekitar 40-50 menit.")]
    assert got == [("sekitar 40", "PT40M", "about"), ("50 menit", "PT50M", "exact")]
    pub = datetime(2025, 8, 25)
    got = [(d.text, d.value) for d in dates("Pameran digelar 1-22 Agustus 2025.", pub)]
    assert got == [("1", "2025-08-01"), ("22 Agustus 2025", "2025-08-22")]


def test_frequencies_are_not_dates():
    assert dates("Kompensasi dibayar setiap tiga bulan sekali, per hari, tiap awal bulan.") == []
    assert one("Lifting per hari ini mencapai target.", "hari ini").value == "2023-10-24"


def test_trailing_lalu_after_an_explicit_date_is_left_out():
    text = "Kejadian itu terjadi pada Senin (11/8/2025) lalu di Bogor."
    got = [(d.text, d.value) for d in dates(text, datetime(2025, 8, 20))]
    assert got == [("Senin (11/8/2025)", "2025-08-11")]


def test_qualified_and_numberless_durations():
    assert one("Ia ditahan lebih dari seminggu.", "lebih dari seminggu").qualifier == "more-than"
    fact = one("Ancaman pidananya paling lama 6 tahun penjara.", "paling lama 6 tahun")
    assert (fact.value, fact.qualifier) == ("P6Y", "at-most")
    fact = one("Koalisi memerangi ISIS selama bertahun-tahun.", "bertahun-tahun")
    assert (fact.value, fact.granularity, fact.kind) == (None, "duration", "duration")
    assert one("Harga naik dalam beberapa minggu mendatang.", "beberapa minggu").value is None
    assert one("Kemajuan itu dicapai selama puluhan tahun.", "puluhan tahun").value is None


def test_week_word_versus_sunday():
    pub = datetime(2025, 5, 19)
    assert one("Laporan dibuat pada Minggu (4/5).", "Minggu (4/5)", pub).value == "2025-05-04"
    assert one("Ia menginap dua minggu.", "dua minggu", pub).value == "P2W"
    assert one("Minggu lalu harga naik.", "Minggu lalu", pub).value == "2025-W20"


# --- not dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Ia dijerat UU Nomor 8 Tahun 2019 tentang ITE.",
    "MK mengabulkan gugatan Nomor 115/PUU-XXII/2024 dan 105/PUU-XXII/2024.",
    "Pakar dari Universitas 17 Agustus 1945 Surabaya menilai putusan itu tepat.",
    "Gaji dibayar per bulan dan dinaikkan setiap tahun.",
    "Warga RT 21 terpapar Covid-19 untuk ke-3 kalinya.",
    "Sebanyak 3.000 orang hadir.",
    "Harga saat ini naik, kini dan nanti.",
])
def test_not_dates(text):
    assert dates(text) == []


def test_age_is_not_a_duration():
    assert dates("Pria berusia 47 tahun itu ditangkap.") == []


# --- real news (skipped without ../shared/data) --------------------------------------------------

SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or ROOT.parent / "shared" / "data")
GOLD = ROOT / "dev" / "gold" / "dates_amounts.jsonl"


@pytest.mark.skipif(not (SHARED / "news" / "detik-dev.jsonl").exists() or not GOLD.exists(),
                    reason="shared Detik data or gold set not available")
def test_gold_set_regression():
    """Guard against regressions on the hand-annotated Detik dev set (official scorer)."""
    from warta.eval.dates_amounts import evaluate_file

    result = evaluate_file(GOLD, SHARED / "news" / "detik-dev.jsonl").dates
    assert result.f1 >= 0.90 and result.value_accuracy >= 0.90, result.to_dict()
