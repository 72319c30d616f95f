"""Dates, times and durations in Indonesian news.

How it works
------------
1. *Find*: regular expressions built from ``warta/lang/id`` data (month and day
   names, relative phrases, time units) propose candidate spans over
   ``doc.norm`` (scanned with :mod:`warta.text.scanner`: ``re.finditer``'s matches,
   found without trying every position).  Numbers that are labels ("UU Nomor 8
   Tahun 2019", "Covid-19") are proposed too, as blockers.
2. *Choose*: the longest candidates win, so "Senin (21/10/2025)" beats "Senin",
   "7 Oktober 2023" beats "Oktober 2023" and a blocker beats the year inside it.
3. *Resolve*, in text order, against an anchor: the publication time, or, for
   an expression inside a quotation, the dateline of its paragraph
   ("..., kata Budi, Senin (5/5/2025)." — Detik dates each statement this way).
   Without a publication time relative expressions keep their span but get
   ``value=None``.

Conventions (they are the spec the tests check)
-----------------------------------------------
* A span holds the temporal phrase: head words ``hari``/``tanggal``/``bulan``/
  ``tahun``/``pukul``, modifiers ``awal``/``akhir``/``pertengahan``, a part of
  the day ("Selasa malam") and a non-exact qualifier ("sekitar pukul 09.15",
  "lebih dari seminggu").  Prepositions (pada, sejak, hingga, selama) are not in it.
* Values are ISO 8601 at the precision written: ``2023`` (year), ``2023-10``
  (month), ``2023-W42`` (ISO week, for "pekan lalu"), ``2023-10-24`` (day),
  ``2023-10-24T14:30`` (clock time on a known day, local time as written; the
  zone WIB/WITA/WIT stays in the span), ``T14:30`` (clock time, day unknown),
  ``2025-Q3`` / ``2025-H1`` (quarter, half year; granularity ``month``),
  ``199`` (the 1990s, TimeML style) and periods ``P7D``, ``P2Y10M``, ``PT3H``.
* A weekday alone is the latest such day on or before the anchor ("Senin" in
  a Tuesday article is yesterday); "Senin lalu" is strictly before, "Senin
  depan"/"mendatang" (or "akan" before it) the next one.
* A day or month without a year takes the anchor's year, or the year before
  when that would put it more than three months (day) / six months (month)
  after the anchor: news announces coming events, and a date of the
  past year usually carries its year.  In a range ("19 dan 20 Agustus 2025",
  "September-Oktober 2025") the first part takes the missing month/year from
  the second.
* A bare four-digit number 1900-2100 is a year unless a quantity word or a
  currency is attached to it; in a name ("APBN 2025") it is still a year.
* Durations: "<number> <unit>" ("3 bulan" -> P3M), one-unit words
  ("seminggu" -> P1W), and numberless forms ("bertahun-tahun", "beberapa
  minggu") with ``value=None``.  "<n> <unit> lalu/silam/lagi" is a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cache, lru_cache

from warta.extract.numbers import (
    DIGITS,
    NUMBER_WORD_RUN,
    age_before,
    label_spans,
    qualifier_before,
    read_numeral,
)
from warta.lang.data import alternation, load_json
from warta.nlp.document import AnalysedDocument
from warta.schema import DateFact, DateKind, Granularity, Qualifier, Sentence
from warta.text import scanner

_MONTHS = load_json("months")
_DAYS = load_json("days")
_REL = load_json("relative_dates")
_TIME = load_json("time_units")

_MONTH_NUMBER: dict[str, int] = {**_MONTHS["abbreviations"], **_MONTHS["names"]}
_WEEKDAY_NUMBER: dict[str, int] = _DAYS["weekdays"]
# A day or month written without a year may lie this many days after the anchor
# (news announces coming events); further ahead it is read as last year's.
_VAGUE = "vague"  # _period's answer for "puluhan tahun"
_DAYS_AHEAD = 92
_MONTHS_AHEAD = 183
_CONNECTOR = r"(?:-|–|/|,|dan|atau|hingga|sampai|s/d|s\.d\.?|ke)"



# --- building blocks ----------------------------------------------------------

_MONTH_FULL = rf"(?i:{alternation(list(_MONTHS['names']))})"
_MONTH_ABBR = rf"(?:{alternation([w.capitalize() for w in _MONTHS['abbreviations']])})\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})(?![\w])"
_YEAR = r"(?:19\d\d|20\d\d|2100)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_NUMDATE = rf"(?P<nd>{_DAY})/(?P<nm>1[0-2]|0?[1-9])(?:/(?P<ny>\d{{4}}|\d{{2}}))?"
_TEXTDATE = rf"(?P<td>{_DAY})\s+(?P<tm>{_MONTH})(?:\s+(?P<ty>{_YEAR}))?"
_DAYPART = rf"(?i:{alternation(_DAYS['dayparts'])})"
_WEEKDAY = (rf"(?:(?i:{alternation([w for w in _WEEKDAY_NUMBER if w != 'minggu'])})"
            r"|Minggu(?!\s+(?:lalu|depan|ini|kemarin|mendatang|sebelumnya|berikutnya|terakhir"
            r"|pertama|kedua|ketiga|keempat)\b))")
_UNIT_WORDS = alternation(list(_TIME["units"]))
_HEAD_DAY = alternation(_REL["head_words"]["day"])
_MODIFIER = alternation(_REL["modifiers"])
_QUAL_NUMBER = rf"(?:{DIGITS}|{NUMBER_WORD_RUN})"
# Where a number-led date may start: not inside a word or number, and not after a
# letter and hyphen ("ke-3"), but after a digit and hyphen ("1-22 Agustus", "40-50 menit").
_START = r"(?<![\w.,/])(?<![^\W\d]-)(?<!/-)"


@dataclass
class _Cand:
    """A proposed date span and what is needed to resolve it."""

    start: int
    end: int
    kind: str  # "date", "time", "duration" or "block"
    rule: str  # how to compute the value (see _resolve)
    data: dict = field(default_factory=dict)
    qualifier: Qualifier = "exact"
    value: str | None = None
    granularity: Granularity = "day"


# --- public API -----------------------------------------------------------------


def extract_dates(doc: AnalysedDocument) -> list[DateFact]:
    """Every date, clock time and duration in the document, in text order."""
    return find_dates(doc.norm, doc.published, doc.sentences, _quote_spans(doc),
                      original=doc.text)


def _found(text: str, published: datetime | None, sentences: Sequence[Sentence] | None,
           quotes: Sequence[tuple[int, int]]) -> tuple[_Cand, ...]:
    """Chosen and resolved candidates, blockers included.  Cached: the amounts
    extractor asks for the same document's date spans right after the dates."""
    return _found_cached(text, published, tuple(sentences) if sentences is not None else None,
                         tuple(quotes))


@lru_cache(maxsize=4)
def _found_cached(text: str, published: datetime | None,
                  sentences: tuple[Sentence, ...] | None,
                  quotes: tuple[tuple[int, int], ...]) -> tuple[_Cand, ...]:
    chosen = _choose(list(_candidates(text)))
    _resolve(chosen, text, published, sentences, quotes)
    return tuple(chosen)


def _quote_spans(doc: AnalysedDocument) -> list[tuple[int, int]]:
    return [(q.open, q.close if q.close is not None else q.end) for q in doc.quote_pairs]


def find_dates(text: str, published: datetime | None,
               sentences: Sequence[Sentence] | None = None,
               quotes: Sequence[tuple[int, int]] = (),
               original: str | None = None) -> list[DateFact]:
    """Dates in ``text`` (normalised); ``original`` supplies the span texts.

    ``quotes`` are (open, close) offsets of quotations: a relative expression
    inside one is resolved against the dateline of its paragraph, the day the
    words were said, rather than the publication date.
    """
    chosen = _found(text, published, sentences, quotes)
    source = original if original is not None else text
    return [DateFact(c.start, c.end, source[c.start:c.end], c.value, c.granularity,
                     _kind(c.kind), c.qualifier)
            for c in chosen if c.kind != "block"]


def _kind(kind: str) -> DateKind:
    return "time" if kind == "time" else "duration" if kind == "duration" else "date"


# --- finding ---------------------------------------------------------------------


def _candidates(text: str) -> Iterator[_Cand]:
    for start, end in label_spans(text, capitalised=False):
        yield _Cand(start, end, "block", "block")
    yield from _weekday_dates(text)
    yield from _numeric_dates(text)
    yield from _text_dates(text)
    yield from _month_dates(text)
    yield from _years(text)
    yield from _quarters(text)
    yield from _relative(text)
    yield from _numbered_relative(text)
    yield from _durations(text)
    yield from _duration_range_starts(text)
    yield from _times(text)


def _ymd_from(m: re.Match[str]) -> dict:
    """Day, month, year from a match of _NUMDATE or _TEXTDATE groups."""
    if "nd" in m.re.groupindex and m.group("nd"):
        y = m.group("ny")
        year = None if y is None else int(y) + (2000 if len(y) == 2 else 0)
        return {"day": int(m.group("nd")), "month": int(m.group("nm")), "year": year}
    y = m.group("ty")
    return {"day": int(m.group("td")), "month": _month_number(m.group("tm")),
            "year": int(y) if y else None}


def _month_number(word: str) -> int:
    return _MONTH_NUMBER[word.lower().rstrip(".")]


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def _explicit_date(s: str) -> dict:
    """Day, month and year of the explicit date written after a weekday."""
    m = re.search(_NUMDATE, s) or re.search(_TEXTDATE, s)
    assert m is not None
    return _ymd_from(m)


@cache
def _weekday_re() -> re.Pattern[str]:
    num, txt = _unnamed(_NUMDATE), _unnamed(_TEXTDATE)
    explicit = rf"(?:\(\s*(?:{num}|{txt})\s*\)|(?:(?:{_HEAD_DAY})\s+)?{txt}|{num}(?![\d/]))"
    return re.compile(
        rf"(?<![\w])(?:(?P<hari>(?i:hari))\s+)?(?P<wd>{_WEEKDAY})(?![\w'])"
        rf"(?:(?P<part1>\s+{_DAYPART}(?![\w]))?\s*,?\s*(?P<explicit>{explicit}))?"
        rf"(?P<part2>\s+{_DAYPART}(?![\w]))?"
        rf"(?:\s+(?P<dir>{alternation(list(_REL['weekday_direction']))})(?![\w]))?")


def _weekday_dates(text: str) -> Iterator[_Cand]:
    """"Selasa", "Selasa malam", "Senin (21/10/2025)", "hari Minggu tanggal 4 Mei 2025"."""
    for m in scanner.finditer(_weekday_re(), text):
        weekday = _WEEKDAY_NUMBER[m.group("wd").lower()]
        end = m.end()
        if m.group("explicit"):
            end = m.end("part2") if m.group("part2") else m.end("explicit")
            if m.group("dir"):  # "Senin (11/8/2025) lalu": the word adds nothing
                yield _Cand(m.start("dir"), m.end("dir"), "block", "block")
            dateline = m.group("explicit").startswith("(")
            yield _Cand(m.start(), end, "date", "ymd",
                        {**_explicit_date(m.group("explicit")), "dateline": dateline})
        else:
            direction = None
            if m.group("dir"):
                direction = _REL["weekday_direction"][m.group("dir").lower()]
            yield _Cand(m.start(), end, "date", "weekday",
                        {"weekday": weekday, "direction": direction})


# What every ISO date contains, starting with a digit (``re`` skips ahead to digits).
_ISO_DATE_CORE = re.compile(r"\d{4}-[01]\d-[0-3]\d")


def _numeric_dates(text: str) -> Iterator[_Cand]:
    """"(8/10/2025)", "(24/10)", "24/10/2025", "24-10-2025", "2025-10-24"."""
    for m in scanner.finditer(rf"\(\s*{_NUMDATE}\s*\)", text):
        yield _Cand(m.start(), m.end(), "date", "ymd", _ymd_from(m))
    written = rf"(?<![\w/.,-])({_DAY})([/-])(1[0-2]|0?[1-9])\2({_YEAR})(?![\w/-])"
    for m in scanner.finditer(written, text):
        yield _Cand(m.start(), m.end(), "date", "ymd",
                    {"day": int(m.group(1)), "month": int(m.group(3)), "year": int(m.group(4))})
    if not _ISO_DATE_CORE.search(text):
        return  # no ISO date at all: a search for its core is cheaper than the scan
    iso = rf"(?<![\w/.,-])({_YEAR})-(1[0-2]|0[1-9])-([12]\d|3[01]|0[1-9])(?![\w/-])"
    for m in scanner.finditer(iso, text):
        yield _Cand(m.start(), m.end(), "date", "ymd",
                    {"day": int(m.group(3)), "month": int(m.group(2)), "year": int(m.group(1))})


def _text_dates(text: str) -> Iterator[_Cand]:
    """"7 Oktober", "tanggal 4 Mei 2025", and the first day of "19 dan 20 Agustus"."""
    pattern = rf"{_START}(?:(?:{_MODIFIER})\s+)?(?:(?:{_HEAD_DAY})\s+)?{_TEXTDATE}"
    name_head = re.compile(rf"(?<![\w-])(?:{alternation(_REL['name_heads'])})\s+$")
    for m in scanner.finditer(pattern, text):
        if name_head.search(text, max(0, m.start() - 25), m.start()):
            yield _Cand(m.start(), m.end(), "block", "block")  # "Universitas 17 Agustus 1945"
            continue
        yield _Cand(m.start(), m.end(), "date", "ymd", _ymd_from(m))
    lead = rf"(?<![\w.,/-])(?:(?:{_HEAD_DAY})\s+)?({_DAY})\s*(?:-|–|,|dan|hingga|sampai|s/d)\s*" \
        rf"(?=(?:{_DAY}\s*(?:-|–|,|dan)\s*)*{_DAY}\s+{_MONTH})"
    for m in scanner.finditer(lead, text):
        yield _Cand(m.start(), m.end(1), "date", "ymd",
                    {"day": int(m.group(1)), "month": None, "year": None, "partner": True})
    alone = rf"(?<![\w-])(?:{_HEAD_DAY})\s+({_DAY})(?![\d/]|[.,-]\d|\s*(?:-|–|dan|hingga)\s*\d)"
    for m in scanner.finditer(alone, text, re.IGNORECASE):
        if re.match(rf"\s+{_MONTH}", text[m.end():m.end() + 15]):
            continue
        # "tanggal 15": a day of the anchor's month; "setiap tanggal 15",
        # "tanggal 28 bulan berjalan": that day of any month
        generic = _word_before(text, m.start()).lower() in _TIME["set_words"] or \
            bool(re.match(r"\s+(?:bulan berjalan|setiap bulan|tiap bulan)\b", text[m.end():]))
        yield _Cand(m.start(), m.end(), "date", "ymd",
                    {"day": int(m.group(1)), "month": None, "year": None,
                     "same_month": not generic, "generic": generic})


def _month_dates(text: str) -> Iterator[_Cand]:
    """"Oktober 2023", "bulan Juni", "September tahun ini", "Januari" (in context)."""
    rel_year = alternation([p for p, (u, _) in _REL["fixed"].items()
                     if u == "year" and p.startswith("tahun")])
    pattern = (rf"(?<![\w])(?:(?P<mod>{_MODIFIER})\s+)?(?:(?P<bulan>(?i:bulan))\s+)?"
               rf"(?P<month>{_MONTH})"
               rf"(?:\s+(?:(?i:tahun)\s+)?(?P<year>{_YEAR})(?![\w]|[.,]\d)"
               rf"|\s+(?P<rel>(?i:{rel_year}))(?![\w])|(?P<ini>\s+ini)(?![\w]))?")
    cues = set(_REL["year_cues"]) | {"bulan"}
    for m in scanner.finditer(pattern, text):
        word = m.group("month")
        explicit = m.group("year") or m.group("rel")
        if not explicit and not m.group("bulan") and not _month_alone_ok(text, m, cues):
            continue
        data = {"month": _month_number(word), "year": int(m.group("year")) if m.group("year")
                else None}
        if m.group("rel"):
            data["year_offset"] = _REL["fixed"][m.group("rel").lower()][1]
        if m.group("ini"):
            data["year_offset"] = 0  # "awal Juni ini": this year's June
        yield _Cand(m.start(), m.end(), "date", "ym", data, granularity="month")


def _month_alone_ok(text: str, m: re.Match[str], cues: set[str]) -> bool:
    """A month name without day or year is a date unless it looks like part of a name."""
    word = m.group("month")
    if word.lower() not in _MONTHS["names"] or not word[0].isupper():
        return False  # abbreviations and lowercase forms need a day or a year
    linked = bool(re.match(rf"\s*{_CONNECTOR}\s*{_MONTH}", text[m.end():m.end() + 20]))
    if linked or m.group("mod") or _after_connector(text, m.start("month")):
        return True  # "September-Oktober 2025", "awal Januari"
    if re.match(r"\s[A-Z]", text[m.end():m.end() + 2]):
        return False  # "Mei Lan", "Juli Wahyuni": a name
    before = _word_before(text, m.start("month"))
    return not (before[:1].isupper() and before.lower() not in cues)  # not "Dewi Agustus"


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w'/.-]+)\s*$", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _after_connector(text: str, pos: int) -> bool:
    """True when a date phrase is the second part of a range ("September-Oktober")."""
    return bool(re.search(rf"\w\s*{_CONNECTOR}\s*$", text[max(0, pos - 12):pos]))


def _years(text: str) -> Iterator[_Cand]:
    """"2019", "tahun 2019", "akhir 2024", "TA 2025", "1990-an"."""
    pattern = (rf"(?<![\w.,])(?:(?P<mod>{_MODIFIER})\s+)?"
               rf"(?:(?P<head>(?i:tahun anggaran|tahun)|TA)\s+)?"
               rf"(?P<year>{_YEAR})(?P<an>-?an)?(?![\w%]|[.,]\d)")
    for m in scanner.finditer(pattern, text):
        if not m.group("head") and not m.group("mod") and _counted_number(text, m):
            continue
        year = int(m.group("year"))
        if m.group("an"):
            yield _Cand(m.start(), m.end(), "date", "decade", {"decade": year // 10},
                        granularity="decade")
        else:
            yield _Cand(m.start(), m.end(), "date", "y", {"year": year}, granularity="year")
    if "0an" not in text and "0-an" not in text:
        return  # no "90-an" at all: skip the scan
    decade = r"(?<![\w.,])(?:(?P<head>(?i:tahun|era|dekade))\s+)(?P<yy>[1-9]0)-?an\b"
    for m in scanner.finditer(decade, text):
        yy = int(m.group("yy"))
        yield _Cand(m.start(), m.end(), "date", "decade", {"decade": 190 + yy // 10},
                    granularity="decade")


_COUNT_BEFORE = re.compile(r"(?i:sebanyak|sejumlah|sekitar|rp\.?|us\$|\$|lebih dari|kurang dari|"
                           r"hampir|mencapai|total|senilai|sebesar)\s*$")
_COUNT_AFTER = re.compile(r"\s*(?:%|persen|orang|unit|warga|kasus|kali|ribu|juta|miliar|triliun"
                          r"|ekor|buah|jiwa|kg|ton|km|meter|hektare|ha)\b")


def _counted_number(text: str, m: re.Match[str]) -> bool:
    """A year-like number that counts something ("sebanyak 2000 orang")."""
    return bool(_COUNT_BEFORE.search(text[max(0, m.start() - 15):m.start()])
                or _COUNT_AFTER.match(text, m.end()))


def _quarters(text: str) -> Iterator[_Cand]:
    """"kuartal III/2025", "triwulan II 2025", "semester I-2025", "kuartal pertama"."""
    q = _TIME["quarters"]
    ordinals = alternation(list(q["ordinals"]))
    pattern = (rf"(?<![\w])(?P<word>(?i:{alternation(q['words'] + q['halves'])}))\s*"
               rf"(?P<ord>(?i:{ordinals}))(?![\w])"
               rf"(?:\s*(?:[-/]|(?i:tahun))?\s*(?P<year>{_YEAR})(?![\w]))?")
    for m in scanner.finditer(pattern, text):
        ordinal = q["ordinals"][m.group("ord").lower()]
        half = m.group("word").lower() in q["halves"]
        if half and ordinal > 2 or m.group("ord").lower() == "terakhir" and not m.group("year"):
            continue
        if m.group("word").lower() in ("q", "kw") and not m.group("year") \
                and not m.group("word").isupper():
            continue
        year = int(m.group("year")) if m.group("year") else None
        yield _Cand(m.start(), m.end(), "date", "quarter",
                    {"year": year, "part": f"{'H' if half else 'Q'}{ordinal}"},
                    granularity="month")


def _relative(text: str) -> Iterator[_Cand]:
    """"kemarin", "hari ini", "pekan lalu", "akhir tahun", "bulan sebelumnya"."""
    fixed = _REL["fixed"]
    phrases = alternation(fixed)
    pattern = (rf"(?<![\w-])(?:(?P<mod>(?i:{_MODIFIER}))\s+)?(?P<phrase>(?i:{phrases}))"
               rf"(?![\w-])(?P<part>\s+{_DAYPART}(?![\w]))?")
    for m in scanner.finditer(pattern, text):
        phrase = m.group("phrase").lower()
        unit, offset = fixed[phrase]
        if not m.group("mod") and _number_before(text, m.start()):
            continue  # "beberapa minggu mendatang", "dua tahun lalu": handled with the number
        deictic = re.search(r"\b(?:ini|lalu|depan|kemarin|mendatang)$", phrase)
        if not deictic and _word_before(text, m.start()).lower() in _TIME["set_words"]:
            yield _Cand(m.start(), m.end(), "block", "block")
            continue  # "setiap awal bulan" recurs; "per hari ini" is a date
        end = m.end() if unit == "day" and phrase in ("kemarin", "besok", "lusa") else \
            m.end("phrase")
        if "minggu" in phrase and m.group("phrase")[0] == "M" \
                and re.match(r"\s*\(", text[m.end("phrase"):]):
            continue  # "Minggu ini (4/5)": Sunday
        yield _Cand(m.start(), end, "date", "relative", {"unit": unit, "offset": offset},
                    granularity=unit)
    prev = alternation(list(_REL["previous_mention"]))
    units = {"hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year"}
    unit_words = alternation(units)
    for m in scanner.finditer(rf"(?<![\w-])(?P<unit>(?i:{unit_words}))\s+(?P<rel>{prev})\b", text):
        unit = units[m.group("unit").lower()]
        before = _word_before(text, m.start())
        if re.fullmatch(_QUAL_NUMBER, before, re.IGNORECASE) or before.lower() in (
                "per", "setiap", "tiap"):
            continue  # "dua hari sebelumnya" is handled with numbers; "per bulan" is a rate
        yield _Cand(m.start(), m.end(), "date", "previous",
                    {"unit": unit, "offset": _REL["previous_mention"][m.group("rel")]},
                    granularity=unit)
    anaphoric = _REL["anaphoric"]
    for m in scanner.finditer(rf"(?<![\w-])(?i:{alternation(list(anaphoric))})(?![\w-])", text):
        yield _Cand(m.start(), m.end(), "date", "previous",
                    {"unit": "day", "offset": anaphoric[m.group(0).lower()]})


def _number_before(text: str, pos: int) -> bool:
    before = _word_before(text, pos)
    return bool(re.fullmatch(_QUAL_NUMBER, before, re.IGNORECASE)) or \
        before.lower() in _TIME["vague_quantifiers"]


def _numbered_relative(text: str) -> Iterator[_Cand]:
    """"tiga hari lalu", "sepekan lalu", "dua tahun silam", "beberapa hari lalu"."""
    after = alternation(list(_REL["after_number"]))
    se_forms = alternation(list(_TIME["se_forms"]))
    vague = alternation(_TIME["vague_quantifiers"])
    pattern = (rf"{_START}(?:(?P<se>(?i:{se_forms}))|(?P<vague>(?i:{vague}))\s+(?P<vunit>"
               rf"(?i:{_UNIT_WORDS}))|(?P<num>{_QUAL_NUMBER})\s+(?P<unit>(?i:{_UNIT_WORDS})))"
               rf"\s+(?P<after>(?i:{after}))(?![\w])")
    for m in scanner.finditer(pattern, text, re.IGNORECASE):
        if m.group("se"):
            unit_word, amount = _TIME["se_forms"][m.group("se").lower()], Decimal(1)
        elif m.group("vague"):
            unit_word, amount = m.group("vunit").lower(), None
        else:
            numeral = read_numeral(m.group("num"))
            if numeral is None or numeral.length != len(m.group("num")):
                continue
            unit_word, amount = m.group("unit").lower(), numeral.value
        designator, mult, gran = _TIME["units"][unit_word]
        if gran is None:
            continue  # "dua jam lalu": clock arithmetic, not a calendar date
        sign = _REL["after_number"][m.group("after").lower()]
        offset = None if amount is None else sign * amount * mult
        yield _Cand(m.start(), m.end(), "date", "relative",
                    {"unit": gran, "offset": offset, "scaled": True}, granularity=gran)


def _durations(text: str) -> Iterator[_Cand]:
    """"3 bulan", "dua pekan", "seminggu", "2 tahun 10 bulan", "bertahun-tahun"."""
    se_forms = alternation(list(_TIME["se_forms"]))
    vague = alternation(_TIME["vague_quantifiers"])
    one = rf"(?:{_QUAL_NUMBER})(?:\s*\((?:{NUMBER_WORD_RUN})\))?\s+(?i:{_UNIT_WORDS})(?![\w-])"
    pattern = (rf"{_START}(?:(?P<nums>{one}(?:\s+(?:(?i:dan)\s+)?{one})*)"
               rf"|(?P<se>(?i:{se_forms}))(?![\w-])"
               rf"|(?P<vague>(?i:{vague}))\s+(?P<vunit>(?i:{_UNIT_WORDS}))(?![\w-])"
               rf"|(?P<redup>(?i:{alternation(list(_TIME['reduplicated']))}))(?![\w-]))"
               rf"(?P<more>\s+lebih(?![\w]))?")
    set_words = _TIME["set_words"]
    for m in scanner.finditer(pattern, text):
        if _word_before(text, m.start()).lower() in set_words:
            # "per 3 bulan", "setiap 5 tahun": a frequency, neither date nor amount
            yield _Cand(m.start(), m.end(), "block", "block")
            continue
        if age_before(text, m.start()):
            continue  # "berusia 47 tahun" is an age: an amount
        value: str | None
        if m.group("nums"):
            value = _period(m.group("nums"))
            if value is None:
                continue
            if value == _VAGUE:
                value = None  # "puluhan tahun": a duration with no number
        elif m.group("se"):
            value = _period("1 " + _TIME["se_forms"][m.group("se").lower()])
        else:
            value = None
        start, qualifier = m.start(), "exact"
        found = qualifier_before(text, m.start())
        if found and found[1] != "exact":
            start, qualifier = found
        if m.group("more"):
            qualifier = "more-than"
        yield _Cand(start, m.end(), "duration", "duration", {"value": value}, qualifier,
                    granularity="duration")


def _duration_range_starts(text: str) -> Iterator[_Cand]:
    """The first number of "satu hingga dua tahun": a duration in the second's unit."""
    pattern = (rf"{_START}(?P<lead>{_QUAL_NUMBER})\s*(?:-|–|hingga|sampai|atau|s/d)\s*"
               rf"(?=(?:{_QUAL_NUMBER})\s+(?P<unit>(?i:{_UNIT_WORDS}))(?![\w-]))")
    for m in scanner.finditer(pattern, text):
        if _word_before(text, m.start()).lower() in _TIME["set_words"] or \
                age_before(text, m.start()):
            continue
        value = _period(f"{m.group('lead')} {m.group('unit')}")
        if value is not None and value != _VAGUE:
            start, qualifier = m.start(), "exact"
            found = qualifier_before(text, m.start())
            if found and found[1] != "exact":
                start, qualifier = found
            yield _Cand(start, m.end("lead"), "duration", "duration", {"value": value},
                        qualifier, granularity="duration")


def _period(phrase: str) -> str | None:
    """ISO 8601 period of "2 tahun 10 bulan" -> P2Y10M; ``_VAGUE`` for "puluhan tahun"."""
    phrase = re.sub(r"\s*\([^()]*\)", "", phrase)  # "24 (dua puluh empat) bulan"
    date_part: dict[str, Decimal] = {}
    time_part: dict[str, Decimal] = {}
    for m in re.finditer(rf"({_QUAL_NUMBER})\s+({_UNIT_WORDS})", phrase, re.IGNORECASE):
        numeral = read_numeral(m.group(1))
        if numeral is None or numeral.length != len(m.group(1)):
            return None
        if numeral.approximate:
            return _VAGUE
        designator, mult, _ = _TIME["units"][m.group(2).lower()]
        target = time_part if designator in _TIME["time_designators"] or (
            designator == "M" and m.group(2).lower() in _TIME["minute_words"]) else date_part
        target[designator] = target.get(designator, Decimal(0)) + numeral.value * mult
    if not date_part and not time_part:
        return None
    out = "P" + "".join(f"{_num(date_part[d])}{d}" for d in "YMWD" if d in date_part)
    if time_part:
        out += "T" + "".join(f"{_num(time_part[d])}{d}" for d in "HMS" if d in time_part)
    return out


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _times(text: str) -> Iterator[_Cand]:
    """"pukul 14.30 WIB", "sekitar pukul 09.15", "jam 10 pagi", "14.30-16.00 WIB"."""
    zones = alternation(_TIME["timezones"])
    hour = r"(?P<h>2[0-4]|[01]?\d)(?!\d)"
    clock = rf"{hour}(?:[.:](?P<m>[0-5]\d))?"
    tail = rf"(?:\s*(?P<tz>{zones})\b)?(?:\s+(?P<part>{_DAYPART})(?![\w]))?"
    with_head = re.compile(rf"(?<![\w])(?i:pukul|pkl\.?|jam)\s+{clock}(?![\d.,:]\d){tail}")
    bare = re.compile(rf"(?<![\w.,:]){hour}[.:](?P<m>[0-5]\d)\s*(?P<tz>{zones})\b"
                      rf"(?:\s+(?P<part>{_DAYPART})(?![\w]))?")
    range_next = re.compile(rf"\s*(?:-|–|s/d|s\.d\.?|hingga|sampai)\s*(?:(?i:pukul)\s+)?"
                            rf"{hour}[.:](?P<m>[0-5]\d){tail}")
    for pattern in (with_head, bare):
        for m in scanner.finditer(pattern, text):
            if pattern is with_head and text[m.start():m.start() + 3].lower() == "jam" \
                    and not m.group("m") and not m.group("tz") and not m.group("part"):
                continue  # "jam 10" alone is too weak
            start, qualifier = m.start(), "exact"
            found = qualifier_before(text, m.start())
            if found and found[1] != "exact":
                start, qualifier = found
            hour = _hour(int(m.group("h")), m.group("part"))
            minute = int(m.group("m") or 0)
            if hour is None:
                continue
            yield _Cand(start, m.end(), "time", "time", {"hour": hour, "minute": minute},
                        qualifier, granularity="datetime")
            nxt = range_next.match(text, m.end())
            if nxt:
                h2 = _hour(int(nxt.group("h")), nxt.group("part") or m.group("part"))
                if h2 is not None:
                    yield _Cand(nxt.start("h"), nxt.end(), "time", "time",
                                {"hour": h2, "minute": int(nxt.group("m"))},
                                granularity="datetime")


def _hour(hour: int, part: str | None) -> int | None:
    """24-hour clock from "pukul 8 malam" style times."""
    if hour > 24:
        return None
    part = (part or "").lower()
    if part in ("siang",) and hour < 6 or part in ("sore", "petang") and hour < 12 \
            or part == "malam" and 6 <= hour < 12:
        hour += 12
    if part == "malam" and hour == 12:
        hour = 0
    return hour % 24


# --- choosing ---------------------------------------------------------------------------


def _choose(cands: list[_Cand]) -> list[_Cand]:
    """Longest candidates first, then leftmost; drop anything overlapping a chosen one."""
    taken: list[_Cand] = []
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.start, c.kind == "block"))
    for cand in order:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


# --- resolving ---------------------------------------------------------------------------


def _resolve(chosen: list[_Cand], text: str, published: datetime | None,
             sentences: Sequence[Sentence] | None,
             quotes: Sequence[tuple[int, int]] = ()) -> None:
    pub = published.date() if published else None
    facts = [c for c in chosen if c.kind != "block"]
    _link_partners(facts, text)
    # datelines first: they anchor the other expressions of their paragraph
    for c in facts:
        if c.data.get("dateline"):
            _resolve_one(c, pub, {})
    anchors = _paragraph_anchors(facts, text)
    last: dict[str, date] = {}
    for c in facts:
        anchor = pub
        if any(open_ < c.start < close for open_, close in quotes):
            anchor = anchors.get(_paragraph_of(text, c.start), pub)
        if c.value is None:
            _resolve_one(c, anchor, last)
        _remember(c, last)
    for c in facts:
        if c.kind == "time":
            _attach_day(c, facts, text, sentences)


def _link_partners(facts: list[_Cand], text: str) -> None:
    """Give the first part of a range its missing month/year from the second."""
    for a, b in zip(facts, facts[1:], strict=False):
        if a.rule not in ("ymd", "ym") or b.rule not in ("ymd", "ym"):
            continue
        if not re.fullmatch(rf"\s*{_CONNECTOR}\s*", text[a.end:b.start]):
            continue
        if a.data.get("month") is None and b.data.get("month") is not None:
            a.data["month"] = b.data["month"]
        if a.data.get("year") is None and b.data.get("year") is not None:
            a.data["year"] = b.data["year"]
        if a.data.get("year") is None and "year_offset" in b.data:
            a.data["year_offset"] = b.data["year_offset"]


def _paragraph_of(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _paragraph_anchors(facts: list[_Cand], text: str) -> dict[int, date]:
    """Paragraph start -> the date of its dateline, the last "Senin (5/5/2025)" in it
    (Detik closes a reported statement with "..., kata Budi, Senin (5/5/2025).")."""
    anchors: dict[int, date] = {}
    for c in facts:
        if c.data.get("dateline") and c.value:
            anchors[_paragraph_of(text, c.start)] = date.fromisoformat(c.value)
    return anchors


def _resolve_one(c: _Cand, anchor: date | None, last: dict[str, date]) -> None:
    d = c.data
    if c.rule == "duration":
        c.value = d["value"]
    elif c.rule == "ymd" and d.get("generic"):
        c.value = f"XXXX-XX-{d['day']:02d}"
    elif c.rule == "ymd":
        month = d.get("month")
        if month is None and d.get("same_month") and anchor:
            month, d["year"] = anchor.month, anchor.year
        if month is None:
            return
        year = d.get("year")
        if year is None and "year_offset" in d and anchor:
            year = anchor.year + d["year_offset"]
        if year is None:
            if anchor is None:
                return
            year = _infer_year(anchor, month, d["day"], _DAYS_AHEAD)
        try:
            c.value = date(year, month, d["day"]).isoformat()
        except ValueError:
            c.value = None
    elif c.rule == "ym":
        year = d.get("year")
        if year is None and "year_offset" in d and anchor:
            year = anchor.year + d["year_offset"]
        if year is None and anchor:
            year = _infer_year(anchor, d["month"], 1, _MONTHS_AHEAD)
        c.value = None if year is None else f"{year:04d}-{d['month']:02d}"
    elif c.rule == "y":
        c.value = f"{d['year']:04d}"
    elif c.rule == "decade":
        c.value = f"{d['decade']:03d}"
    elif c.rule == "quarter":
        year = d["year"] or (anchor.year if anchor else None)
        c.value = None if year is None else f"{year:04d}-{d['part']}"
    elif c.rule == "weekday" and anchor:
        c.value = _weekday(anchor, d["weekday"], d["direction"]).isoformat()
    elif c.rule == "relative" and anchor and d["offset"] is not None:
        c.value = _shift(anchor, d["unit"], d["offset"])
    elif c.rule == "previous":
        base = last.get(d["unit"])
        if base is not None:
            c.value = _shift(base, d["unit"], d["offset"])


def _infer_year(anchor: date, month: int, day: int, ahead_days: int) -> int:
    """Year of a day/month written without one: the anchor's, unless that is too far ahead."""
    try:
        candidate = date(anchor.year, month, min(day, 28 if month == 2 else day))
    except ValueError:
        return anchor.year
    if (candidate - anchor).days > ahead_days:
        return anchor.year - 1
    return anchor.year


def _weekday(anchor: date, weekday: int, direction: int | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    if direction == 1:
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    if direction == -1 and back == 0:
        back = 7
    return anchor - timedelta(days=back)


def _shift(base: date, unit: str, offset: Decimal | int) -> str | None:
    """``base`` moved by ``offset`` units, written at that unit's precision."""
    if offset != int(offset):
        return None
    n = int(offset)
    if unit == "day":
        return (base + timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (base + timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if unit == "year":
        return f"{base.year + n:04d}"
    return None


def _remember(c: _Cand, last: dict[str, date]) -> None:
    """Track the latest mentioned day, week, month and year for "bulan sebelumnya"."""
    if not c.value or c.kind != "date":
        return
    v = c.value
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            day = date.fromisoformat(v)
            last.update(day=day, week=day, month=day.replace(day=1), year=day.replace(day=1))
        elif re.fullmatch(r"\d{4}-W\d{2}", v):
            last["week"] = date.fromisoformat(v + "-1")
        elif re.fullmatch(r"\d{4}-\d{2}", v):
            month = date.fromisoformat(v + "-01")
            last.update(month=month, year=month)
        elif re.fullmatch(r"\d{4}", v):
            last["year"] = date(int(v), 1, 1)
    except ValueError:
        return


def _attach_day(c: _Cand, facts: list[_Cand], text: str,
                sentences: Sequence[Sentence] | None) -> None:
    """A clock time takes the day of a day-precise date in its sentence."""
    clock = f"{c.data['hour']:02d}:{c.data['minute']:02d}"
    lo, hi = _sentence_bounds(c.start, text, sentences)
    best: _Cand | None = None
    for other in facts:
        if other is c or other.kind != "date" or not other.value:
            continue
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", other.value):
            continue
        if lo <= other.start < hi and (best is None or
                                       abs(other.start - c.start) < abs(best.start - c.start)):
            best = other
    c.value = f"{best.value}T{clock}" if best else f"T{clock}"


def _sentence_bounds(pos: int, text: str,
                     sentences: Sequence[Sentence] | None) -> tuple[int, int]:
    if sentences:
        for s in sentences:
            if s.start <= pos < s.end:
                return s.start, s.end
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    return start, min(ends) if ends else len(text)


def date_spans(doc: AnalysedDocument) -> list[tuple[int, int]]:
    """Spans that dates claim: dates, times, durations, and the numbers they rule
    out as labels or frequencies ("UU Nomor 8 Tahun 2019", "setiap 5 tahun").
    No amount may overlap them."""
    chosen = _found(doc.norm, doc.published, doc.sentences, _quote_spans(doc))
    return [(c.start, c.end) for c in chosen]
