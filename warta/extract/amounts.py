"""Amounts: counted things, money and percentages.

How it works
------------
A numeral (digits in Indonesian notation, or number words; see
:mod:`warta.extract.numbers`) is an amount unless it lies in a span that
:func:`warta.extract.dates.extract_dates` claims (dates, clock times,
durations: "2019", "14.30", "3 bulan") or is a label ("Pasal 27", "RT 21",
"Covid-19", "ke-3", phone numbers, list markers) or an idiom ("salah satu").

Around the numeral:

* a qualifier before it ("lebih dari", "sekitar", "hampir", "setidaknya",
  "maksimal", "hingga" ...; ``qualifiers.json``).  A non-exact qualifier is part
  of the span; "sebanyak"/"sebesar"/"mencapai" only introduce the number and
  are left out.  Approximate number words ("ratusan", "puluhan ribu") and
  "20-an" give ``about`` with the value of their order of magnitude
  (ratusan = 100, puluhan ribu = 10 000).
* the unit: a currency before the number ("Rp", "US$", "ISK"; scale
  abbreviations such as "Rp 321,6 T" are read there), "%"/"persen" after it
  (unit "%"), or else the noun phrase after it: up to three words that are not
  function words and do not look like verbs, plus up to two capitalised
  modifiers ("dua warga negara AS", "dua warga Israel", "1 Dolar AS").  The
  phrase ends at punctuation, a number, a function word (di, dan, untuk, yang,
  dari, per ...) or a date.
* a range ("1,5-1,6 juta barel", "Rp 5-10 juta") gives two amounts; the first
  is the bare number and borrows the scale and unit of the second.
* an age in brackets after a name ("DISB (47)") is an amount in "tahun".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from warta.extract.dates import date_spans
from warta.extract.numbers import (
    DIGITS,
    NUMERAL,
    not_amount_phrases,
    qualifier_after,
    qualifier_before,
    read_numeral,
    scale_abbreviations,
)
from warta.extract.numbers import label_spans as number_label_spans
from warta.lang.data import load_json
from warta.nlp.document import AnalysedDocument
from warta.schema import Amount, Qualifier

_UNITS = load_json("units")
_DAYS = load_json("days")
_MONTHS = load_json("months")
_STOP = frozenset(_UNITS["stop_words"])
_NOT_VERBS = frozenset(_UNITS["not_verbs"])
_MEASURES = frozenset(_UNITS["measure_words"])
_ADJECTIVES = frozenset(_UNITS["adjectives"])
_DATE_WORDS = frozenset([*_DAYS["weekdays"], *_MONTHS["names"]])
_RANGE = re.compile(r"\s*(?:-|–|hingga|sampai|s/d|s\.d\.?)\s*")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _amount_re() -> re.Pattern[str]:
    currencies = _alt(list(_UNITS["currency_prefixes"]))
    abbreviations = _alt(list(scale_abbreviations()))
    percent = _alt(_UNITS["percent"])
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
    num_end: int  # end of the number (and scale) itself
    scale: Decimal


def extract_amounts(doc: AnalysedDocument) -> list[Amount]:
    """Every amount in the document, in text order."""
    return find_amounts(doc.norm, date_spans(doc), original=doc.text)


def find_amounts(text: str, claimed: list[tuple[int, int]],
                 original: str | None = None) -> list[Amount]:
    """Amounts in normalised ``text``, never overlapping the ``claimed`` (date) spans."""
    blocked = sorted(claimed + number_label_spans(text) + _idiom_spans(text))
    ages = _ages(text, blocked)
    blocked = sorted(blocked + [(a.start, a.end) for a in ages])
    found: list[_Found] = []
    for m in _amount_re().finditer(text):
        if found and m.start() < found[-1].end:
            continue
        if _overlaps(m.start("num"), m.end("num"), blocked):
            continue
        item = _read(text, m, blocked)
        if item is not None:
            found.append(item)
    found.extend(ages)
    found.sort(key=lambda f: f.start)
    _share_ranges(text, found)
    source = original if original is not None else text
    return [Amount(f.start, f.end, source[f.start:f.end], _number(f.value), f.qualifier, f.unit)
            for f in found]


def _number(value: Decimal) -> float:
    return float(value)


def _read(text: str, m: re.Match[str], blocked: list[tuple[int, int]]) -> _Found | None:
    numeral = read_numeral(m.group("num"))
    if numeral is None:
        return None
    num_text = m.group("num")
    if numeral.length < len(num_text):  # e.g. "satu dua": keep the valid start only
        num_end = m.start("num") + len(num_text[:numeral.length].rstrip())
    else:
        num_end = m.end("num")
    value = numeral.value
    scale = Decimal(1)
    digits = re.match(DIGITS, num_text)
    if digits and numeral.length == len(num_text) and len(digits.group(0)) < len(num_text):
        scale = value / read_numeral(digits.group(0)).value if value else Decimal(1)
    qualifier: Qualifier = "about" if numeral.approximate else "exact"
    unit: str | None = None
    end = num_end
    if m.group("cur"):
        unit = _UNITS["currency_prefixes"][m.group("cur")]
    if m.group("abbr") and numeral.length == len(num_text):
        if m.group("cur") or m.group("abbr") in ("rb", "jt", "ribu"):
            factor = Decimal(scale_abbreviations()[m.group("abbr")])
            value, scale, end = value * factor, scale * factor, m.end("abbr")
    if m.group("an") and end == m.end("num") and not _overlaps(end, m.end("an"), blocked):
        qualifier, end = "about", m.end("an")
    if m.group("pct") and end == (m.end("an") if m.group("an") else m.end("num")) \
            and not m.group("cur"):
        unit, end = _UNITS["percent_unit"], m.end("pct")
    start = m.start()
    found = qualifier_before(text, start)
    if found and found[1] != "exact" and not _overlaps(found[0], start, blocked):
        start, qualifier = found
    if unit is None:
        more, after_more = _postfix_more(text, end)
        phrase_start = after_more if more else end
        unit, unit_end = _unit_phrase(text, phrase_start, blocked)
        if unit is not None:
            end = unit_end
            if more:
                qualifier = "more-than"
    else:
        more, after_more = _postfix_more(text, end)
        if more and _ends_phrase(text, after_more):
            qualifier, end = "more-than", after_more
    return _Found(start, end, value, qualifier, unit, num_end, scale)


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


def _unit_phrase(text: str, pos: int,
                 blocked: list[tuple[int, int]]) -> tuple[str | None, int]:
    """The noun phrase counted by a number: "kelompok kapal induk", "warga negara AS"."""
    words: list[str] = []
    modifiers = 0
    end = pos
    head_capitalised = False
    while True:
        m = _TOKEN.match(text, end)
        if not m or _overlaps(m.start(1), m.end(1), blocked):
            break
        word = m.group(1)
        lower = word.lower()
        if lower in _STOP or lower in _DATE_WORDS or lower in _ADJECTIVES \
                or _looks_like_verb(lower):
            break
        if word[0].isupper():
            if not words:
                head_capitalised = True
            elif head_capitalised and not word.isupper():
                break  # title case ("1 Dolar AS Jadi"): only acronyms follow the head
            elif modifiers >= _UNITS["max_proper_modifiers"]:
                break
            else:
                modifiers += 1
        elif modifiers or head_capitalised or len(words) >= _UNITS["max_unit_words"]:
            break  # after a proper modifier the phrase is over
        words.append(word)
        end = m.end(1)
        if lower in _MEASURES:
            break  # "1 juta barel minyak" counts barrels
    if not words:
        return None, pos
    return " ".join(words), end


def _looks_like_verb(word: str) -> bool:
    """Indonesian verbs mostly carry me-, ber-, di- or ter- ("mengalami", "dibebaskan")."""
    if word in _NOT_VERBS or len(word) < _UNITS["verb_min_length"]:
        return False
    return any(word.startswith(p) for p in _UNITS["verb_prefixes"])


def _share_ranges(text: str, found: list[_Found]) -> None:
    """"1,5-1,6 juta barel": the first number borrows scale and unit from the second."""
    for a, b in zip(found, found[1:], strict=False):
        if a.unit is not None or a.end != a.num_end or a.scale != 1:
            continue
        if not _RANGE.fullmatch(text[a.end:b.start]):
            continue
        if b.qualifier == "up-to" and text[b.start:b.start + 1].isalpha() and \
                not text[b.start:b.start + 2].isupper():
            # "100 hingga 200 orang": the connector is the range, not a qualifier
            m = re.match(r"(?:hingga|sampai)\s+", text[b.start:])
            if m:
                b.start += m.end()
                b.qualifier = "exact"
        a.value *= b.scale
        a.scale = b.scale
        a.unit = b.unit


_AGE = re.compile(r"(?<=[\w.])\s\((\d{1,3})\)")


def _ages(text: str, blocked: list[tuple[int, int]]) -> list[_Found]:
    """"DISB (47)", "Budi Santoso (45)": the age of the person just named."""
    out = []
    for m in _AGE.finditer(text):
        if not 0 < int(m.group(1)) < 120:
            continue
        before = re.search(r"([\w.]+)$", text[max(0, m.start() - 40):m.start()])
        if not before or not before.group(1)[0].isupper():
            continue
        s, e = m.start(1), m.end(1)
        if _overlaps(s, e, blocked):
            continue
        out.append(_Found(s, e, Decimal(m.group(1)), "exact", "tahun", e, Decimal(1)))
    return out


@cache
def _idiom_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?i:{_alt(not_amount_phrases())})(?![\w-])")


def _idiom_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _idiom_re().finditer(text)]


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)
