"""Amounts: counted things, money, percentages and ages.

How it works
------------
A numeral (digits in Indonesian notation, or number words; see
:mod:`warta.extract.numbers`) is an amount unless it lies in a span that
:func:`warta.extract.dates.extract_dates` claims (dates, clock times,
durations: "2019", "14.30", "3 bulan"), is a label ("Pasal 27", "RT 21",
"Covid-19", "ke-3", "Kopral Dua", phone numbers, list markers) or sits in an
idiom ("salah satu", "roda dua").  Vague number words without a number
("ratusan", "puluhan ribu") are not amounts either: they give no value.

Around the numeral:

* a qualifier right before it ("lebih dari", "sekitar", "hampir",
  "setidaknya", "maksimal" ...; ``qualifiers.json``).  A non-exact qualifier is
  part of the span; "sebanyak", "sebesar", "mencapai", "hingga"/"sampai" (a
  reached total) only introduce the number, stay outside and leave ``exact``.
  A "lebih" after the number ("35,04 juta lebih KPM") gives ``more-than``.
* the unit: a currency before the number ("Rp", "US$", "ISK"; "Rp 321,6 T"
  reads T/M as triliun/miliar), "%"/"persen" after it (unit "%"), or else the
  noun phrase after it: up to three words that are not function words,
  adjectives or verbs (me-/ber-/di-/ter- words), followed by up to two
  capitalised modifiers ("dua warga negara AS", "dua warga Israel"); a
  capitalised head keeps only capitalised words ("1 Dolar AS", "15 Pemda").
  A measure word ends the phrase ("1 juta barel minyak" counts "barel",
  "meter persegi" keeps its suffix).  Punctuation, numbers, dates and rate
  words ("per hari") end it too.  ``None`` when nothing is counted.
* a spelled-out repeat in brackets belongs to the span ("5% (lima persen)").
* a range ("1,5-1,6 juta barel", "Rp 4-5 juta", "19 sampai 23%") gives two
  amounts; the first is its own number only and borrows the scale and unit of
  the second, a currency before the first is lent to the second.
* ages are amounts in "tahun": "berusia 47 tahun", and "DISB (47)" after a name.
* "kedua/ketiga ... pelaku" before a noun means "both/all three": an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from warta.extract.dates import date_spans
from warta.extract.numbers import (
    DIGITS,
    NUMBER_WORD_RUN,
    NUMERAL,
    age_before,
    not_amount_phrases,
    qualifier_after,
    qualifier_before,
    read_numeral,
    read_words,
    scale_abbreviations,
)
from warta.extract.numbers import label_spans as number_label_spans
from warta.lang.data import alternation, load_json
from warta.nlp.document import AnalysedDocument
from warta.schema import Amount, Qualifier
from warta.text import scanner

_UNITS = load_json("units")
_DAYS = load_json("days")
_MONTHS = load_json("months")
_WORDS = load_json("number_words")
_STOP = frozenset(_UNITS["stop_words"])
_NOT_VERBS = frozenset(_UNITS["not_verbs"])
_MEASURES = frozenset(_UNITS["measure_words"])
_MEASURE_SUFFIXES = frozenset(_UNITS["measure_suffixes"])
_ADJECTIVES = frozenset(_UNITS["adjectives"])
_DATE_WORDS = frozenset([*_DAYS["weekdays"], *_MONTHS["names"]])
_RANGE = re.compile(r"\s*(?:-|–|hingga|sampai(?: dengan)?|s/d|s\.d\.?|plus minus|±)\s*")



@cache
def _amount_re() -> re.Pattern[str]:
    currencies = alternation(list(_UNITS["currency_prefixes"]))
    abbreviations = alternation(list(scale_abbreviations()))
    percent = alternation(_UNITS["percent"])
    return re.compile(
        rf"(?<![\w.,/])(?:(?P<cur>{currencies})\s*)?(?P<num>{NUMERAL})"
        rf"(?:(?<=\d)\s*(?P<abbr>{abbreviations})(?![\w]))?"
        rf"(?P<an>-an(?![\w]))?"
        rf"(?P<pct>\s*%|\s+(?i:{percent})(?![\w]))?")


@dataclass
class _Found:
    start: int
    end: int
    value: Decimal
    qualifier: Qualifier
    unit: str | None
    num_end: int  # end of the number and its scale
    scale: Decimal  # what the scale words multiplied the written number by
    currency: bool = False


def extract_amounts(doc: AnalysedDocument) -> list[Amount]:
    """Every amount in the document, in text order."""
    return find_amounts(doc.norm, date_spans(doc), original=doc.text)


def find_amounts(text: str, claimed: list[tuple[int, int]],
                 original: str | None = None) -> list[Amount]:
    """Amounts in normalised ``text``, never overlapping the ``claimed`` (date) spans."""
    blocked = sorted(claimed + number_label_spans(text) + _idiom_spans(text))
    special = _bracket_ages(text, blocked)
    special += _collectives(text, blocked + [(f.start, f.end) for f in special])
    blocked = sorted(blocked + [(f.start, f.end) for f in special])
    found: list[_Found] = []
    for m in _amount_re().finditer(text):
        if found and m.start() < found[-1].end or _overlaps(m.start("num"), m.end("num"), blocked):
            continue
        if _rank_word(text, m):
            continue
        item = _read(text, m, blocked)
        if item is not None:
            found.append(item)
    found = sorted(found + special, key=lambda f: f.start)
    _share_ranges(text, found)
    source = original if original is not None else text
    return [Amount(f.start, f.end, source[f.start:f.end], float(f.value), f.qualifier, f.unit)
            for f in found]


def _read(text: str, m: re.Match[str], blocked: list[tuple[int, int]]) -> _Found | None:
    """One amount from a numeral match: value, qualifier, unit and span."""
    num_text = m.group("num")
    numeral = read_numeral(num_text)
    if numeral is None or numeral.approximate:
        return None  # "ratusan", "puluhan ribu": no number is given
    complete = numeral.length == len(num_text)
    num_end = m.end("num") if complete else m.start("num") + len(num_text[:numeral.length].rstrip())
    value, scale = numeral.value, Decimal(1)
    digits = re.match(DIGITS, num_text)
    if digits and complete and len(digits.group(0)) < len(num_text) and value:
        scale = value / read_numeral(digits.group(0)).value
    qualifier: Qualifier = "exact"
    unit: str | None = None
    if m.group("cur"):
        unit = _UNITS["currency_prefixes"][m.group("cur")]
    if complete and m.group("abbr") and (m.group("cur") or m.group("abbr") in ("rb", "jt", "ribu")):
        factor = Decimal(scale_abbreviations()[m.group("abbr")])
        value, scale, num_end = value * factor, scale * factor, m.end("abbr")
    end = num_end
    if complete and m.group("an") and end == m.end("num"):
        qualifier, end = "about", m.end("an")  # "20-an"
    if complete and m.group("pct") and not m.group("cur") and end in (m.end("num"), m.end("an")):
        unit, end = _UNITS["percent_unit"], m.end("pct")
    start = m.start()
    found = qualifier_before(text, start)
    if found and found[1] != "exact" and not _overlaps(found[0], start, blocked):
        start, qualifier = found
    more, after_more = _postfix_more(text, end)
    if unit is None:
        unit, unit_end = _unit_phrase(text, after_more, blocked, age=age_before(text, m.start()))
        if unit is not None:
            end = unit_end
            if more:
                qualifier = "more-than"
    elif more and _ends_phrase(text, after_more):
        qualifier, end = "more-than", after_more
    end = _spelled_repeat(text, end)
    return _Found(start, end, value, qualifier, unit, num_end, scale, bool(m.group("cur")))


def _rank_word(text: str, m: re.Match[str]) -> bool:
    """A capitalised number word after a capitalised word is part of a name ("Kopral Dua")."""
    num = m.group("num")
    if m.group("cur") or not num[:1].isupper():
        return False
    before = re.search(r"([A-Z][\w-]*) $", text[max(0, m.start() - 30):m.start()])
    return before is not None


def _postfix_more(text: str, pos: int) -> tuple[bool, int]:
    """A "lebih" written after the number ("200 lebih sandera", "Rp 100 juta lebih")."""
    m = re.match(r"\s+(lebih)(?![\w])", text[pos:pos + 12])
    if m and qualifier_after(m.group(1)) == "more-than" and not re.match(
            r"\s+(?:dari|daripada|banyak|besar|tinggi|rendah|kecil|murah|mahal|cepat|lama|baik)\b",
            text[pos + m.end():pos + m.end() + 12]):
        return True, pos + m.end()
    return False, pos


def _ends_phrase(text: str, pos: int) -> bool:
    nxt = re.match(r"\s*([\w-]+|\S)", text[pos:pos + 30])
    return not nxt or not nxt.group(1)[0].isalnum() or nxt.group(1).lower() in _STOP


_TOKEN = re.compile(r" ([^\W\d_][\w-]*|[A-Z]{2,}\d*|m[23²³]|km[23²]?)(?=[\s.,;:!?)\"”’/]|$)")


def _unit_phrase(text: str, pos: int, blocked: list[tuple[int, int]],
                 age: bool = False) -> tuple[str | None, int]:
    """The noun phrase counted by a number: "kelompok kapal induk", "warga negara AS"."""
    if age:
        m = re.match(r" ((?i:tahun))(?![\w-])", text[pos:])
        if m:
            return m.group(1), pos + m.end(1)
    words: list[str] = []
    modifiers = 0
    end = pos
    while True:
        m = _TOKEN.match(text, end)
        if not m or _overlaps(m.start(1), m.end(1), blocked):
            break
        word = m.group(1)
        lower = word.lower()
        if words and lower in _MEASURE_SUFFIXES and words[-1].lower() in _MEASURES:
            words.append(word)
            end = m.end(1)
            break  # "meter persegi"
        if word in _UNITS["currency_prefixes"]:
            break  # "1 dolar Rp 2.000": the next amount begins
        if lower in _STOP or lower in _DATE_WORDS or lower in _ADJECTIVES \
                or _looks_like_verb(lower) or words and lower.endswith("nya"):
            break  # "-nya" closes a noun phrase: "2 kabupaten jumlahnya"
        capitalised = word[0].isupper()
        if words and words[0][0].isupper():  # title case: "Keluarga Penerima Manfaat"
            if not capitalised or len(words) >= _UNITS["max_unit_words"]:
                break
        elif capitalised and words:
            if modifiers >= _UNITS["max_proper_modifiers"]:
                break
            modifiers += 1
        elif modifiers or len(words) >= _UNITS["max_unit_words"]:
            break  # after a proper modifier the phrase is over
        words.append(word)
        end = m.end(1)
        if lower in _MEASURES and not re.match(rf" (?:{alternation(list(_MEASURE_SUFFIXES))})\b",
                                               text[end:end + 12]):
            break  # "1 juta barel minyak" counts barrels
    if not words:
        return None, pos
    return " ".join(words), end


def _looks_like_verb(word: str) -> bool:
    """Indonesian verbs mostly carry me-, ber-, di- or ter- ("mengalami", "dibebaskan")."""
    if word in _NOT_VERBS or len(word) < _UNITS["verb_min_length"]:
        return False
    return any(word.startswith(p) for p in _UNITS["verb_prefixes"])


_SPELLED = re.compile(rf"\s*\(\s*(?:{NUMBER_WORD_RUN})(?:\s+[^\W\d][\w-]*){{0,3}}\s*\)")


def _spelled_repeat(text: str, pos: int) -> int:
    """Extend over "(lima persen)" after "5%": the same amount written out."""
    m = _SPELLED.match(text, pos)
    return m.end() if m else pos


def _share_ranges(text: str, found: list[_Found]) -> None:
    """"1,5-1,6 juta barel": the first number borrows scale and unit from the second."""
    for a, b in zip(found, found[1:], strict=False):
        if a.end != a.num_end or not _RANGE.fullmatch(text[a.end:b.start]):
            continue
        if a.scale == 1 and b.scale != 1:
            a.value *= b.scale
            a.scale = b.scale
        if a.unit is None:
            a.unit = b.unit
        elif a.currency and b.unit is None:
            b.unit = a.unit  # "Rp 4-5 juta"


_AGE = re.compile(r"(?<=[\w.])\s\((\d{1,3})\)")


def _bracket_ages(text: str, blocked: list[tuple[int, int]]) -> list[_Found]:
    """"DISB (47)", "Budi Santoso (45)": the age of the person just named."""
    out = []
    for m in scanner.finditer(_AGE, text):
        if not 0 < int(m.group(1)) < 120:
            continue
        before = re.search(r"([\w.]+)$", text[max(0, m.start() - 40):m.start()])
        if not before or not before.group(1)[0].isupper():
            continue
        s, e = m.start(1), m.end(1)
        if not _overlaps(s, e, blocked):
            out.append(_Found(s, e, Decimal(m.group(1)), "exact", "tahun", e, Decimal(1)))
    return out


@cache
def _collective_re() -> re.Pattern[str]:
    words = alternation([w for w in _WORDS["digits"] if _WORDS["digits"][w] > 1] + ["sepuluh"])
    return re.compile(rf"(?<![\w-])[Kk]e(?P<n>{words})(?![\w-])")


def _collectives(text: str, blocked: list[tuple[int, int]]) -> list[_Found]:
    """"kedua pelaku" (both), "ketiga korban" (all three): a count, not an ordinal.

    It is a count when a noun follows and no noun precedes ("somasi kedua" and
    "yang kedua" are ordinals)."""
    out = []
    for m in scanner.finditer(_collective_re(), text):
        if _overlaps(m.start(), m.end(), blocked):
            continue
        before = re.search(r"([\w-]+)(\W*)$", text[max(0, m.start() - 30):m.start()])
        if before and not re.search(r"[.,;:!?\"“(]", before.group(2)):
            word = before.group(1).lower()
            if word == "yang" or (word not in _STOP and not _looks_like_verb(word)):
                continue
        unit, end = _unit_phrase(text, m.end(), blocked)
        if unit is None or unit.split()[0].lower() in ("kalinya", "belah", "kali"):
            continue
        value = read_words(m.group("n"))
        assert value is not None
        out.append(_Found(m.start(), end, value.value, "exact", unit, m.end(), Decimal(1)))
    return out


@cache
def _idiom_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?i:{alternation(not_amount_phrases())})(?![\w-])")


def _idiom_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in scanner.finditer(_idiom_re(), text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
