"""warta.text.scanner.finditer: re.finditer's matches, found without trying every position."""

import random
import re

import pytest

from warta.text import scanner

TEXT = ("Pada kuartal III/2025, Semester I dan KUARTAL pertama; rapat Senin (5/5/2025) "
        "dan Selasa malam, tiga hari lalu, hari ini, xkuartal II, anti-kuartal III.")

PATTERNS = [
    r"(?<![\w-])(?P<word>(?i:kuartal|semester))\s+(?P<ord>I{1,3}|pertama)",
    r"(?<![\w])(?:(?P<hari>(?i:hari))\s+)?(?P<wd>Senin|Selasa)(?:\s+(?P<part>malam))?",
    r"(?<![\w-])(?:hari ini|tiga hari lalu|hari)",  # a match can hold another's start
    r"(?<![\w/])(\d{1,2})/(\d{1,2})/\1?(\d{4})",  # a back-reference
]


@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_same_matches_groups_and_order_as_re(pattern):
    assert scanner._finder(re.compile(pattern)) is not None
    expected = [(m.span(), m.groups()) for m in re.finditer(pattern, TEXT)]
    assert [(m.span(), m.groups()) for m in scanner.finditer(pattern, TEXT)] == expected
    assert expected  # the test text holds matches of every pattern


def test_case_insensitive_flags_and_folded_letters():
    pattern = re.compile(r"(?<!\w)(?:kuartal|silam)", re.IGNORECASE)
    text = "KUARTAL, Kuartal, ſilam, \u212auartal dan xkuartal"
    assert [m.span() for m in scanner.finditer(pattern, text)] == \
        [m.span() for m in pattern.finditer(text)] == [(0, 7), (9, 16), (18, 23), (25, 32)]


def test_no_finder_where_re_skips_ahead_by_itself_or_a_finder_would_not_pay():
    assert scanner._finder(re.compile(r"kuartal|semester")) is None  # opens on literals
    assert scanner._finder(re.compile(r"(?<!\w)\w+")) is None  # any word character
    assert scanner._finder(re.compile(r"(?<!\w)[a-z]\d")) is None  # 26 of 62 letters/digits
    assert scanner._finder(re.compile(r"(?<!\w)x*")) is None  # can match the empty string
    assert scanner._finder(re.compile(r"(?<!\w)[^x]")) is None  # first characters unlisted
    for pattern in (r"kuartal|semester", r"(?<!\w)\w+", r"(?<!\w)x*"):
        assert [m.span() for m in scanner.finditer(pattern, TEXT)] == \
            [m.span() for m in re.finditer(pattern, TEXT)]


def test_random_text_over_the_date_patterns():
    from warta.extract import dates

    patterns = [dates._weekday_re(),
                re.compile(r"(?<![\w-])(?P<unit>(?i:bulan|hari|minggu|pekan|tahun))\s+"
                           r"(?P<rel>berikutnya|sebelumnya)\b")]
    words = ["Senin", "senin", "hari", "Hari", "Minggu", "minggu", "lalu", "depan", "malam",
             "(5/5/2025)", "5", "Mei", "2025", "bulan", "sebelumnya", "x", "-", ",", "tanggal"]
    rng = random.Random(0)
    for _ in range(300):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "", "-", "\n"])
                       for _ in range(rng.randint(1, 12)))
        for pattern in patterns:
            assert [(m.span(), m.groups()) for m in scanner.finditer(pattern, text)] == \
                [(m.span(), m.groups()) for m in pattern.finditer(text)], text
