"""Counting and matching shared by the gold-set evaluations (quotes, dates/amounts, entities, NER).

One place for precision/recall/F1 arithmetic, so every evaluation reports the
same numbers the same way, and one lenient span matcher for the evaluations
that forgive span edges (quotes, dates, amounts; entities and NER use exact spans).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]


@dataclass(slots=True)
class PRF:
    """True/false positives and false negatives; precision, recall and F1 derive from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self, ndigits: int | None = None, *,
                short_keys: bool = False) -> dict[str, float | int]:
        """Rates (rounded to ``ndigits`` when given) then counts.

        ``short_keys`` names the rates ``p``/``r``/``f1`` (the NER report's format)
        instead of ``precision``/``recall``/``f1``.
        """
        rates = (self.precision, self.recall, self.f1)
        if ndigits is not None:
            rates = tuple(round(x, ndigits) for x in rates)
        names = ("p", "r", "f1") if short_keys else ("precision", "recall", "f1")
        return {**dict(zip(names, rates, strict=True)),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


# --- lenient span matching ------------------------------------------------------------------

def overlap(a: Record, b: Record) -> int:
    """Characters shared by two ``start``/``end`` records (0 when disjoint)."""
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def spans_match(gold: Record, pred: Record) -> bool:
    """Each span covers at least half of the other."""
    ov = overlap(gold, pred)
    return (ov > 0 and 2 * ov >= gold["end"] - gold["start"]
            and 2 * ov >= pred["end"] - pred["start"])


def match_spans(gold: Sequence[Record], predicted: Sequence[Record], *,
                compatible: Callable[[Record, Record], bool] | None = None,
                prefer_close_lengths: bool = True) -> list[tuple[int, int]]:
    """One-to-one ``(gold_index, predicted_index)`` pairs, sorted.

    A pair is allowed when the overlap covers at least half of each span (and
    ``compatible(gold, predicted)`` holds, when given); allowed pairs are taken
    greedily by overlap, so one long prediction cannot swallow two gold spans.
    Ties go to closer lengths (unless ``prefer_close_lengths`` is false), then
    to text order of gold, then of predicted.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        glen = g["end"] - g["start"]
        for pi, p in enumerate(predicted):
            if (compatible is None or compatible(g, p)) and spans_match(g, p):
                gap = abs(glen - (p["end"] - p["start"])) if prefer_close_lengths else 0
                candidates.append((-overlap(g, p), gap, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)
