"""Reading Indonesian numerals, their qualifiers, and numbers that are labels.

Shared by :mod:`warta.extract.dates` (durations such as "dua pekan") and
:mod:`warta.extract.amounts`, so both read "1.275,6", "dua puluh lima" or
"lebih dari" the same way.  The word lists live in ``warta/lang/id``
(``number_words.json``, ``qualifiers.json``, ``numeric_names.json``).

Indonesian writes ``.`` for thousands and ``,`` for decimals ("1.275,6"); a
dot followed by something other than exactly three digits is read as an
English decimal point ("1.5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from warta.lang.data import alternation, load_json
from warta.schema import Qualifier

_WORDS = load_json("number_words")
_QUALIFIERS = load_json("qualifiers")
_NAMES = load_json("numeric_names")
_UNITS = load_json("units")
_MONTHS = load_json("months")

DIGITS = r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?)"
"""A written number: "3.000", "1.275,6", "62,8", "2025", "1.5"."""



_SCALES: dict[str, int] = _WORDS["scales"]
_SCALE_WORDS = alternation(list(_SCALES))
_ALL_NUMBER_WORDS = (
    set(_WORDS["digits"]) | set(_WORDS["se_numbers"]) | set(_WORDS["se_scales"])
    | {_WORDS["teen"]} | set(_WORDS["multipliers"]) | set(_SCALES) | set(_WORDS["fractions"])
    | set(_WORDS["approximate"])
)
NUMBER_WORD_RUN = (rf"(?i:{alternation(_ALL_NUMBER_WORDS)})"
                   rf"(?:\s+(?i:{alternation(_ALL_NUMBER_WORDS)}))*")
"""One or more number words ("dua puluh lima", "puluhan ribu"); check with :func:`read_words`."""

NUMERAL = (rf"(?:{DIGITS}(?:\s*(?i:{_SCALE_WORDS})(?![^\W\d]))*"
           rf"|(?<![\w-])(?:{NUMBER_WORD_RUN})(?![\w-]))")
"""Digits with optional scale words ("1,5 juta"), or a run of number words."""


@dataclass(frozen=True, slots=True)
class Numeral:
    value: Decimal
    approximate: bool = False
    length: int = 0  # characters of the input consumed


def parse_digits(text: str) -> Decimal:
    """Value of a written number in Indonesian notation ("1.275,6" -> 1275.6)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", text):  # "1,000,000": English thousands
        return Decimal(text.replace(",", ""))
    return Decimal(text.replace(",", "."))


def read_words(text: str) -> Numeral | None:
    """Read the longest valid run of number words at the start of ``text``.

    Follows the usual grouping: digits, "belas" (+10), "puluh"/"ratus" (x10/x100)
    build a group below a thousand; a scale word (ribu, juta ...) closes the group.
    Returns ``None`` when the text does not start with a number word.
    """
    digits: dict[str, int] = _WORDS["digits"]
    se_numbers: dict[str, int] = _WORDS["se_numbers"]
    se_scales: dict[str, int] = _WORDS["se_scales"]
    multipliers: dict[str, int] = _WORDS["multipliers"]
    fractions: dict[str, float] = _WORDS["fractions"]
    approximate: dict[str, int] = _WORDS["approximate"]
    total = Decimal(0)
    group: Decimal | None = None
    last = ""  # kind of the previous word
    last_digit = 0
    approx = False
    end = 0
    for m in re.finditer(r"\S+", text):
        if m.start() > end and text[end:m.start()].strip():
            break
        word = m.group(0).lower()
        if word in digits and last in ("", "mult", "se", "scale"):
            if last == "mult" and group is not None and group % 10:  # "dua puluh lima" only once
                break
            group = (group or Decimal(0)) + digits[word]
            last_digit, last = digits[word], "digit"
        elif word == _WORDS["teen"] and last == "digit":
            group = (group or Decimal(0)) + 10
            last = "teen"
        elif word in multipliers and last == "digit":
            group = (group or Decimal(0)) - last_digit + last_digit * multipliers[word]
            last = "mult"
        elif word in se_numbers and last in ("", "scale"):
            group = Decimal(se_numbers[word])
            last = "se"
        elif word in se_scales and last in ("", "scale") and group is None:
            total += se_scales[word]
            last = "scale"
        elif word in _SCALES and last in ("digit", "teen", "mult", "se", "approx", "fraction"):
            total += (group or Decimal(0)) * _SCALES[word]
            group, last = None, "scale"
        elif word in fractions and last in ("", "digit", "teen", "mult", "se"):
            group = (group or Decimal(0)) + Decimal(str(fractions[word]))
            last = "fraction"
        elif word in approximate and last == "":
            group = Decimal(approximate[word])
            approx, last = True, "approx"
        else:
            break
        end = m.end()
    if not last:
        return None
    return Numeral(total + (group or Decimal(0)), approx, end)


def read_numeral(text: str) -> Numeral | None:
    """Read digits-plus-scale ("1,5 juta") or number words at the start of ``text``."""
    m = re.match(rf"({DIGITS})((?:\s*(?i:{_SCALE_WORDS})(?![^\W\d]))*)", text)
    if m:
        value = parse_digits(m.group(1))
        for scale in re.findall(_SCALE_WORDS, m.group(2).lower()):
            value *= _SCALES[scale]
        return Numeral(value, False, m.end())
    return read_words(text)


def not_amount_phrases() -> list[str]:
    """Idioms with a number word that do not count anything ("salah satu")."""
    return list(_WORDS["not_amount_phrases"])


def scale_abbreviations() -> dict[str, int]:
    return dict(_WORDS["scale_abbreviations"])


# --- qualifiers -------------------------------------------------------------

_QUALIFIER_BEFORE: dict[str, Qualifier] = _QUALIFIERS["before"]
_QUALIFIER_RE = re.compile(rf"(?<![\w-])({alternation(list(_QUALIFIER_BEFORE))})\s+$",
                           re.IGNORECASE)


def qualifier_before(text: str, pos: int) -> tuple[int, Qualifier] | None:
    """The qualifier phrase ending right before ``pos`` (spaces between allowed).

    Returns its start offset and the qualifier; the longest phrase wins
    ("tidak lebih dari" over "lebih dari").
    """
    window_start = max(0, pos - 40)
    m = _QUALIFIER_RE.search(text, window_start, pos)
    if not m:
        return None
    return m.start(1), _QUALIFIER_BEFORE[m.group(1).lower()]


def qualifier_after(word: str) -> Qualifier | None:
    """A qualifier written after the number ("200 lebih")."""
    return _QUALIFIERS["after"].get(word.lower())


@cache
def _age_re() -> re.Pattern[str]:
    cues = alternation(_UNITS["age_cues"])
    qualifiers = alternation(list(_QUALIFIER_BEFORE))
    return re.compile(rf"(?<![\w-])(?i:{cues})\s+(?:(?i:{qualifiers})\s+)?"
                      rf"(?:\d+\s*(?:-|–|hingga|sampai)\s*)?$")


def age_before(text: str, pos: int) -> bool:
    """True when a number at ``pos`` is an age ("berusia 47 tahun", "usia 28-43 tahun"):
    then "<n> tahun" is an amount in years, not a duration."""
    return bool(_age_re().search(text, max(0, pos - 50), pos))


# --- numbers that are labels ------------------------------------------------


@cache
def _label_patterns() -> list[re.Pattern[str]]:
    prefixes = alternation(_NAMES["prefixes"])
    number = r"\(?\d+[A-Za-z]?\)?(?:[/.-]\d+)*"
    chain = rf"(?:{prefixes})\.?\s*{number}"
    # A pattern that opens on a digit or a literal checks the character before it
    # *after* that first character ("\d(?<![\w-]\d)" rather than "(?<![\w-])\d"): the
    # same matches, but ``re`` can then skip ahead to the candidates instead of trying
    # the look-behind at every position of the text (twice to thirty times faster).
    return [
        # "UU Nomor 8 Tahun 2019", "Pasal 27 ayat (3)", "RT 21/RW 05", "No. 5"
        re.compile(rf"(?<![\w-])(?:{chain})(?:\s*[,/]?\s*(?:{chain}))*"
                   rf"(?:\s*(?:-|hingga|sampai|s/d|dan)\s*\d+(?![\d.,]))?"
                   rf"(?:\s+[Tt]ahun\s+\d{{4}})?", re.IGNORECASE),
        # numbers glued to letters: "G20", "Covid-19", "ke-3", "H-1", "F-16", "4G"
        re.compile(r"(?<![\w-])[A-Za-z][A-Za-z.]*-?(?P<label>\d+(?:[-/]\d+)*[A-Za-z]*)(?![\w-])"),
        re.compile(r"\d(?<![\w-]\d)\d*[A-Za-z]+(?![\w-])"),
        # phone numbers: "0812-3456-7890", "+62 21 5551234", "(021) 5551234"
        re.compile(r"(?:\+(?<![\w+]\+)62|\((?<![\w+]\()0\d{2,3}\)|0(?<![\w+]0)\d{2,4})"
                   r"[\s-]?\d{3,4}[\s-]?\d{3,5}(?!\d)"),
        re.compile(r"\+(?<![\w+]\+)\d{1,3}(?:[\s-]?\(?\d{1,4}\)?){2,5}(?!\d|[.,]\d)"),
        # document codes: "115/PUU-XXII/2024", "4851K/Pid.Sus/2023", "PRINT-02/M.2.24/Fd/10/2025"
        re.compile(r"(?<![\w/.-])(?=[\w.-]*/[\w.-]*/)(?=[\w./-]*[A-Za-z])[\w.-]+(?:/[\w.-]+){2,}"),
        # "1x24 jam": a legal time limit written as a product
        re.compile(r"\d(?<![\w]\d)\d*[xX×]\d+(?![\w])"),
        # "tuntutan 17+8": a name made of numbers
        re.compile(r"\d(?<![\w+]\d)\d{0,2}\+\d{1,3}(?![\w+])"),
        # list markers at the start of a line: "1. ", "2) ", "(3) "
        re.compile(r"(?m)^[ \t]*\(?\d{1,2}[.)](?=\s)"),
    ]


_GLUED_OK = re.compile(
    r"\d+(?:kg|km|m|cm|mm|ha|gr|ml|rb|jt|an)$"
    rf"|(?:{alternation([c for c in _UNITS['currency_prefixes'] if c[0].isalpha()])})\.?\d.*",
    re.IGNORECASE)


def label_spans(text: str, capitalised: bool = True) -> list[tuple[int, int]]:
    """Spans of numbers that name or identify something rather than count it.

    ``capitalised`` adds integers written right after a capitalised word
    ("Formula 1"); dates leave it out because a year after a name ("APBN 2025")
    is still a year.
    """
    spans = list(_pattern_labels(text))
    if capitalised:
        spans.extend(_capitalised_labels(text))
    return sorted(spans)


@lru_cache(maxsize=2)
def _pattern_labels(text: str) -> tuple[tuple[int, int], ...]:
    """The pattern-found label spans of ``text``; cached because the dates and the
    amounts extractors both ask for them, one right after the other."""
    spans: list[tuple[int, int]] = []
    for pattern in _label_patterns():
        for m in pattern.finditer(text):
            if _GLUED_OK.fullmatch(m.group(0)):
                continue  # "10kg", "Rp50", "20-an": quantities written without a space
            if "label" in pattern.groupindex:
                spans.append((m.start("label"), m.end("label")))  # "triliun2": only the 2
            else:
                spans.append((m.start(), m.end()))
    return tuple(spans)


_CAPITALISED_LABEL = re.compile(
    r"(?<![\w-])([A-Z][\w-]*)\s+(\d{1,4}(?:\.\d{1,2})?)(?![\d%]|[.,]\d)(?:\s+([a-z]+))?")


def _capitalised_labels(text: str) -> list[tuple[int, int]]:
    """Integers (or versions, "6.0") right after a capitalised word, with nothing
    counted after them ("Formula 1", "Pertamax 92", "Hunindo Tech 6.0"), are names."""
    allowed = (set(_NAMES["capitalised_not_names"]) | set(_UNITS["currency_prefixes"])
               | {w.capitalize() for w in [*_MONTHS["names"], *_MONTHS["abbreviations"]]})
    out = []
    for m in _CAPITALISED_LABEL.finditer(text):
        if m.group(1) in allowed:
            continue
        follower = m.group(3)
        if follower and follower not in _UNITS["stop_words"]:
            continue  # "Gaza 200 sandera": something is counted
        out.append((m.start(2), m.end(2)))
    return out
