"""Scoring dates and amounts against the hand-annotated gold set.

The gold set (``dev/gold/dates_amounts.jsonl``, guidelines in
``dev/gold/DATES_AMOUNTS.md``) holds one JSON object per article::

    {"id": "detik-102", "published": "2025-10-20T13:35",
     "dates":   [{"start", "end", "text", "value", "kind"}],
     "amounts": [{"start", "end", "text", "value", "unit", "qualifier"}]}

Predictions use the same shape (see :func:`predicted_from_analysis`).

Matching is lenient on span edges because annotators and extractors disagree
about where "pukul 14.30 WIB" or "lebih dari 200 sandera" begins: a predicted
span matches a gold span when each covers at least half of the other, and
pairs are made one-to-one, greedily, largest overlap first.  Values are then
scored only over matched pairs, so span detection and value resolution can be
improved (and blamed) separately.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warta.eval.scoring import PRF, match_spans
from warta.eval.sources import check_gold_file, load_texts, read_jsonl, texts_file
from warta.eval.sources import default_texts_path as default_texts_path
from warta.eval.sources import shared_data_dir as shared_data_dir
from warta.schema import Analysis

Record = Mapping[str, Any]

DATE_KINDS = frozenset({"date", "time", "duration"})
QUALIFIERS = frozenset({"exact", "more-than", "less-than", "about", "almost",
                        "at-least", "at-most", "up-to"})

_DURATION = re.compile(
    r"P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?")
_DATE_VALUE = re.compile(
    r"(?:\d{4}|XXXX)(?:-(?:W\d{2}|Q[1-4]|H[12]|(?:\d{2}|XX)(?:-\d{2})?))?"
    r"(?:T\d{2}:\d{2})?|T\d{2}:\d{2}")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True, slots=True)
class Score:
    """Span detection counts plus value agreement over the matched pairs."""

    gold: int
    predicted: int
    matched: int
    value_correct: int

    @property
    def prf(self) -> PRF:
        """The span counts as true/false positives and false negatives."""
        return PRF(self.matched, self.predicted - self.matched, self.gold - self.matched)

    @property
    def precision(self) -> float:
        return self.prf.precision

    @property
    def recall(self) -> float:
        return self.prf.recall

    @property
    def f1(self) -> float:
        return self.prf.f1

    @property
    def value_accuracy(self) -> float:
        return self.value_correct / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "value_correct": self.value_correct,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "value_accuracy": round(self.value_accuracy, 4)}


@dataclass(slots=True)
class ArticleErrors:
    """What went wrong in one article, with the text so a reader need not look it up."""

    id: str
    missed_dates: list[dict[str, Any]] = field(default_factory=list)
    false_dates: list[dict[str, Any]] = field(default_factory=list)
    wrong_date_values: list[dict[str, Any]] = field(default_factory=list)
    missed_amounts: list[dict[str, Any]] = field(default_factory=list)
    false_amounts: list[dict[str, Any]] = field(default_factory=list)
    wrong_amount_values: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.missed_dates, self.false_dates, self.wrong_date_values,
                    self.missed_amounts, self.false_amounts, self.wrong_amount_values))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "missed_dates": self.missed_dates,
                "false_dates": self.false_dates, "wrong_date_values": self.wrong_date_values,
                "missed_amounts": self.missed_amounts, "false_amounts": self.false_amounts,
                "wrong_amount_values": self.wrong_amount_values}


@dataclass(slots=True)
class DatesAmountsReport:
    dates: Score
    amounts: Score
    articles: list[ArticleErrors] = field(default_factory=list)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": len(self.articles), "dates": self.dates.to_dict(),
                               "amounts": self.amounts.to_dict()}
        if errors:
            out["errors"] = [a.to_dict() for a in self.articles if a]
        return out


# --------------------------------------------------------------------------- values


def normalize_duration(value: str) -> tuple[float, float, float] | None:
    """``(months, days, seconds)`` of an ISO period, so P7D == P1W and P1Y == P12M.

    Months and days are kept apart: a month has no fixed number of days.
    """
    m = _DURATION.fullmatch(value)
    if not m or value == "P" or value.endswith("T"):
        return None
    n = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return (n["Y"] * 12 + n["M"], n["W"] * 7 + n["D"], n["h"] * 3600 + n["m"] * 60 + n["s"])


def normalize_date_value(value: str | None) -> str | tuple[float, float, float] | None:
    """Canonical form of a date/time/duration value for comparison."""
    if value is None:
        return None
    v = value.strip().upper()
    if v.startswith("P"):
        return normalize_duration(v) or v
    # 2025-10-20T14:30:00 -> 2025-10-20T14:30 (minutes are the finest gold granularity)
    v = re.sub(r"(T\d{2}:\d{2}):\d{2}(?:\.\d+)?$", r"\1", v)
    return v


def date_values_agree(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted value says what the gold value says.

    A day in the gold accepts a datetime on that day (the clock time is extra
    information, not an error); a bare clock time ``T14:30`` in the gold accepts
    any datetime at that time.  A coarser prediction never passes.
    """
    g, p = normalize_date_value(gold), normalize_date_value(predicted)
    if g is None or p is None:
        return g is None and p is None
    if isinstance(g, tuple) or isinstance(p, tuple):
        return g == p
    if g == p:
        return True
    if _DAY.fullmatch(g) and p.startswith(g + "T"):
        return True
    return g.startswith("T") and p.endswith(g) and _DAY.match(p) is not None


def amount_values_agree(gold: float | None, predicted: float | None) -> bool:
    """Relative tolerance of 1e-6 (absolute below 1): float noise, not rounding."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if isinstance(predicted, float) and math.isnan(predicted):
        return False
    return abs(predicted - gold) <= 1e-6 * max(1.0, abs(gold))


# --------------------------------------------------------------------------- scoring


def _brief(item: Record) -> dict[str, Any]:
    keys = ("start", "end", "text", "value", "kind", "unit", "qualifier")
    return {k: item[k] for k in keys if k in item}


def _score(gold: Sequence[Record], predicted: Sequence[Record], category: str,
           agree: Callable[[Any, Any], bool],
           errors: dict[str, ArticleErrors] | None = None) -> Score:
    by_id = {p["id"]: p for p in predicted}
    n_gold = n_pred = n_match = n_ok = 0
    for g_art in gold:
        p_art = by_id.get(g_art["id"], {})
        g_items = list(g_art.get(category, []))
        p_items = list(p_art.get(category, []))
        pairs = match_spans(g_items, p_items)
        n_gold += len(g_items)
        n_pred += len(p_items)
        n_match += len(pairs)
        wrong = []
        for gi, pi in pairs:
            if agree(g_items[gi]["value"], p_items[pi].get("value")):
                n_ok += 1
            else:
                wrong.append({"gold": _brief(g_items[gi]), "predicted": _brief(p_items[pi])})
        if errors is not None:
            err = errors.setdefault(g_art["id"], ArticleErrors(g_art["id"]))
            hit_g = {gi for gi, _ in pairs}
            hit_p = {pi for _, pi in pairs}
            setattr(err, f"missed_{category}",
                    [_brief(x) for i, x in enumerate(g_items) if i not in hit_g])
            setattr(err, f"false_{category}",
                    [_brief(x) for i, x in enumerate(p_items) if i not in hit_p])
            setattr(err, f"wrong_{category[:-1]}_values", wrong)
    return Score(n_gold, n_pred, n_match, n_ok)


def score_dates(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    """Dates, times and durations over per-article records (paired by ``id``).

    Articles only in ``predicted`` are ignored; a gold article with no
    prediction counts every gold item as missed.
    """
    return _score(gold, predicted, "dates", date_values_agree)


def score_amounts(gold: Sequence[Record], predicted: Sequence[Record]) -> Score:
    """Amounts over per-article records (paired by ``id``); see :func:`score_dates`."""
    return _score(gold, predicted, "amounts", amount_values_agree)


def score(gold: Sequence[Record], predicted: Sequence[Record]) -> DatesAmountsReport:
    """Both categories plus per-article error lists."""
    errors: dict[str, ArticleErrors] = {}
    dates = _score(gold, predicted, "dates", date_values_agree, errors)
    amounts = _score(gold, predicted, "amounts", amount_values_agree, errors)
    return DatesAmountsReport(dates, amounts, [errors[g["id"]] for g in gold])


# --------------------------------------------------------------------------- I/O


def predicted_from_analysis(analysis: Analysis) -> dict[str, Any]:
    """An :class:`~warta.schema.Analysis` in the gold record format."""
    return {
        "id": analysis.id,
        "published": analysis.published,
        "dates": [{"start": d.start, "end": d.end, "text": d.text, "value": d.value,
                   "kind": d.kind} for d in analysis.dates],
        "amounts": [{"start": a.start, "end": a.end, "text": a.text, "value": a.value,
                     "unit": a.unit, "qualifier": a.qualifier} for a in analysis.amounts],
    }


def _gold_texts(gold: Sequence[Record], texts_path: str | Path | None) -> dict[str, str]:
    texts = {g["id"]: g["text"] for g in gold if "text" in g}
    missing = [g["id"] for g in gold if g["id"] not in texts]
    if missing:
        path = texts_file(texts_path)
        texts.update(load_texts(path, missing))
        absent = [i for i in missing if i not in texts]
        if absent:
            raise KeyError(f"no text for gold articles {absent[:5]} in {path}")
    return texts


def evaluate_file(gold_path: str | Path, texts_path: str | Path | None = None,
                  analyze: Callable[..., Analysis] | None = None) -> DatesAmountsReport:
    """Run ``analyze(text, published=...)`` over every gold article and score it.

    Texts come from the gold line's ``text`` when present, else by id from
    ``texts_path`` (default: the shared ``news/detik-dev.jsonl``).
    """
    if analyze is None:
        from warta import analyze as warta_analyze

        analyze = warta_analyze
    gold = read_jsonl(gold_path)
    texts = _gold_texts(gold, texts_path)
    predicted = []
    for g in gold:
        rec = predicted_from_analysis(analyze(texts[g["id"]], published=g.get("published")))
        rec["id"] = g["id"]
        predicted.append(rec)
    return score(gold, predicted)


# --------------------------------------------------------------------------- gold checks


def _valid_date_value(value: Any, kind: str) -> bool:
    if value is None:
        return kind == "duration"
    if not isinstance(value, str):
        return False
    if kind == "duration":
        return normalize_duration(value) is not None
    return _DATE_VALUE.fullmatch(value) is not None


def check_gold(gold: Sequence[Record], texts: Mapping[str, str]) -> list[str]:
    """Problems in a gold file: wrong offsets, overlaps, malformed values.

    Every ``text`` must equal ``article_text[start:end]``; items of one
    category must not overlap; kinds, qualifiers and values must be well formed.
    """
    return check_gold_file(gold, texts, check_gold_item)


def check_gold_item(art: Record, text: str) -> list[str]:
    """Problems in one gold article (see :func:`check_gold`)."""
    problems: list[str] = []
    aid = art.get("id", "?")
    for category in ("dates", "amounts"):
        items = sorted(art.get(category, []), key=lambda x: (x["start"], x["end"]))
        for a, b in zip(items, items[1:], strict=False):
            if b["start"] < a["end"]:
                problems.append(f"{aid}: overlapping {category} {a['text']!r} / {b['text']!r}")
        for x in items:
            where = f"{aid} {category} {x.get('start')}-{x.get('end')}"
            if not 0 <= x["start"] < x["end"] <= len(text):
                problems.append(f"{where}: offsets out of range")
            elif text[x["start"]:x["end"]] != x["text"]:
                problems.append(f"{where}: text {x['text']!r} != "
                                f"{text[x['start']:x['end']]!r}")
            elif x["text"] != x["text"].strip():
                problems.append(f"{where}: span has outer whitespace")
            if category == "dates":
                if x.get("kind") not in DATE_KINDS:
                    problems.append(f"{where}: bad kind {x.get('kind')!r}")
                elif not _valid_date_value(x.get("value"), x["kind"]):
                    problems.append(f"{where}: bad {x['kind']} value {x.get('value')!r}")
            else:
                if not isinstance(x.get("value"), int | float) or isinstance(x["value"], bool):
                    problems.append(f"{where}: amount value is not a number")
                if x.get("qualifier") not in QUALIFIERS:
                    problems.append(f"{where}: bad qualifier {x.get('qualifier')!r}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m warta.eval.dates_amounts [--check] GOLD [TEXTS]``."""
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default="dev/gold/dates_amounts.jsonl")
    ap.add_argument("texts", nargs="?", default=None)
    ap.add_argument("--check", action="store_true", help="only validate the gold file")
    ap.add_argument("--errors", action="store_true", help="print per-article errors")
    args = ap.parse_args(argv)
    if args.check:
        gold = read_jsonl(args.gold)
        problems = check_gold(gold, _gold_texts(gold, args.texts))
        print("\n".join(problems) or f"ok: {len(gold)} articles, "
              f"{sum(len(g['dates']) for g in gold)} dates, "
              f"{sum(len(g['amounts']) for g in gold)} amounts")
        return 1 if problems else 0
    report = evaluate_file(args.gold, args.texts)
    print(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
