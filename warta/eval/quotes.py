"""Scoring quote extraction against the hand-annotated dev set (dev/gold/quotes.jsonl).

Gold and predictions share one format, one item per article::

    {"id": "detik-2", "quotes": [{"kind": "direct", "start": 445, "end": 554,
      "text": "...", "speaker": "Abdul Wahid", "speaker_mention": "kata Wahid"}]}

Matching is deliberately lenient about span edges (a trailing comma, a
connective, "bahwa"): a predicted quote matches a gold quote of the same kind
when each covers at least half of the other; pairs are then matched one to one,
largest overlap first.  Speakers are compared on the words of their names,
titles aside, so "Purbaya" is right for "Purbaya Yudhi Sadewa" but "Menkeu"
(a title only) is not.

Run ``python -m warta.eval.quotes [GOLD] [--texts PATH] [--errors]``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

# overlap, spans_match and the sources helpers were defined here first: re-exported
from warta.eval.scoring import PRF, match_spans
from warta.eval.scoring import overlap as overlap
from warta.eval.scoring import spans_match as spans_match
from warta.eval.sources import check_gold_file, gold_sources, read_jsonl
from warta.eval.sources import default_texts_path as default_texts_path
from warta.eval.sources import iso_published as iso_published
from warta.eval.sources import shared_data_dir as shared_data_dir
from warta.lang.data import load_words

if TYPE_CHECKING:
    from rich.table import Table

    from warta.schema import Analysis

Record = Mapping[str, Any]
KINDS = ("direct", "indirect")
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "dev" / "gold" / "quotes.jsonl"


# --- scores ---------------------------------------------------------------------------------

@dataclass(slots=True)
class Accuracy:
    """Speaker accuracy over matched quotes."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total}


@dataclass(slots=True)
class ArticleErrors:
    """What went wrong in one article, for error analysis."""

    id: str
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    wrong_speakers: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.false_positives or self.misses or self.wrong_speakers)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "false_positives": self.false_positives,
                "misses": self.misses, "wrong_speakers": self.wrong_speakers}


@dataclass(slots=True)
class QuoteScores:
    articles: int = 0
    direct: PRF = field(default_factory=PRF)
    indirect: PRF = field(default_factory=PRF)
    speaker: Accuracy = field(default_factory=Accuracy)
    speaker_direct: Accuracy = field(default_factory=Accuracy)
    speaker_indirect: Accuracy = field(default_factory=Accuracy)
    errors: list[ArticleErrors] = field(default_factory=list)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": self.articles,
            "direct": self.direct.to_dict(),
            "indirect": self.indirect.to_dict(),
            "speaker": {"all": self.speaker.to_dict(), "direct": self.speaker_direct.to_dict(),
                        "indirect": self.speaker_indirect.to_dict()},
        }
        if errors:
            data["errors"] = [e.to_dict() for e in self.errors if e]
        return data


# --- matching -------------------------------------------------------------------------------

def same_kind(gold: Record, pred: Record) -> bool:
    return gold["kind"] == pred["kind"]


def match_quotes(gold: Sequence[Record], predicted: Sequence[Record]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of the same kind, greedy by overlap
    (ties in text order, not by length)."""
    return match_spans(gold, predicted, compatible=same_kind, prefer_close_lengths=False)


# --- speakers -------------------------------------------------------------------------------

def _title_words() -> frozenset[str]:
    words = load_words("titles") | load_words("academic_degrees")
    return frozenset(w.lower().rstrip(".") for w in words)


def name_words(name: str, titles: Iterable[str] | None = None) -> frozenset[str]:
    """Lower-cased words of a name, titles and degrees removed ("Menkeu Purbaya" → {purbaya})."""
    drop = _title_words() if titles is None else frozenset(t.lower().rstrip(".") for t in titles)
    words = set()
    for raw in re.split(r"[\s,]+", name):
        word = raw.strip("()[]\"'“”‘’:;").rstrip(".").lower()
        if word and word not in drop and any(ch.isalnum() for ch in word):
            words.add(word)
    return frozenset(words)


def speaker_correct(predicted: str | None, gold: str | None,
                    titles: Iterable[str] | None = None) -> bool:
    """Right when the name words (titles aside) of one contain the other's.

    Both ``None`` is right; one ``None`` is wrong; a name that is only a title
    ("Menkeu") has no words left and is wrong.
    """
    if predicted is None or gold is None:
        return predicted is None and gold is None
    p, g = name_words(predicted, titles), name_words(gold, titles)
    return bool(p) and bool(g) and (p <= g or g <= p)


# --- scoring --------------------------------------------------------------------------------

def _brief(q: Record) -> dict[str, Any]:
    return {"kind": q["kind"], "start": q["start"], "end": q["end"], "text": q.get("text"),
            "speaker": q.get("speaker")}


def score_quotes(gold: Sequence[Record], predicted: Sequence[Record]) -> QuoteScores:
    """Score predicted articles against gold articles (matched by ``id``).

    Predicted articles missing for a gold id count as no quotes; predicted
    articles with no gold counterpart are ignored (they were not annotated).
    """
    by_id = {p["id"]: p.get("quotes", []) for p in predicted}
    scores = QuoteScores(articles=len(gold))
    for item in gold:
        g_quotes = list(item.get("quotes", []))
        p_quotes = list(by_id.get(item["id"], []))
        pairs = match_quotes(g_quotes, p_quotes)
        errs = ArticleErrors(id=item["id"])
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for kind in KINDS:
            prf: PRF = getattr(scores, kind)
            prf.tp += sum(1 for gi, _ in pairs if g_quotes[gi]["kind"] == kind)
            prf.fn += sum(1 for i, q in enumerate(g_quotes)
                          if q["kind"] == kind and i not in matched_g)
            prf.fp += sum(1 for i, q in enumerate(p_quotes)
                          if q["kind"] == kind and i not in matched_p)
        for gi, pi in pairs:
            g, p = g_quotes[gi], p_quotes[pi]
            ok = speaker_correct(p.get("speaker"), g.get("speaker"))
            for acc in (scores.speaker, getattr(scores, f"speaker_{g['kind']}")):
                acc.total += 1
                acc.correct += ok
            if not ok:
                errs.wrong_speakers.append({**_brief(g), "predicted_speaker": p.get("speaker"),
                                            "predicted_span": [p["start"], p["end"]]})
        errs.misses = [_brief(q) for i, q in enumerate(g_quotes) if i not in matched_g]
        errs.false_positives = [_brief(q) for i, q in enumerate(p_quotes) if i not in matched_p]
        scores.errors.append(errs)
    return scores


def predicted_from_analysis(analysis: Analysis) -> list[dict[str, Any]]:
    """The quotes of an analysis in the gold format (the ``quotes`` list of one article).

    The speaker is the resolved entity's ``name`` (the fullest name the article
    uses) when the quote's speaker is linked to an entity, else the speaker's
    own ``name``; ``None`` when there is no speaker.
    """
    out = []
    for q in analysis.quotes:
        name = None
        if q.speaker is not None:
            name = q.speaker.name
            entity = analysis.entity(q.speaker.entity) if q.speaker.entity else None
            if entity is not None:
                name = entity.name
        out.append({"kind": q.kind, "start": q.start, "end": q.end, "text": q.text,
                    "speaker": name})
    return out


# --- gold files -----------------------------------------------------------------------------

def check_gold_item(item: Record, text: str) -> list[str]:
    """Problems in one gold article: unknown kinds, offsets not giving the stored
    text, spans with edge spaces or quotation marks, overlapping quotes."""
    problems = []
    spans = []
    for q in item.get("quotes", []):
        s, e = q["start"], q["end"]
        where = f"{item['id']} {s}-{e}"
        if q["kind"] not in KINDS:
            problems.append(f"{where}: kind {q['kind']!r} is not direct/indirect")
        if not (0 <= s < e <= len(text)) or text[s:e] != q.get("text"):
            problems.append(f"{where}: text[start:end] is not {str(q.get('text'))[:40]!r}")
            continue
        if q["text"] != q["text"].strip() or '"' in q["text"]:
            problems.append(f"{where}: span has an edge space or a quotation mark")
        spans.append((s, e))
    spans.sort()
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            problems.append(f"{item['id']}: quotes {s1}-{e1} and {s2}-{e2} overlap")
    return problems


def evaluate_quotes_file(gold_path: str | Path = DEFAULT_GOLD,
                         texts_path: str | Path | None = None,
                         analyze: Callable[..., Analysis] | None = None) -> QuoteScores:
    """Analyse every gold article and score its quotes.

    Each gold line may carry its own ``text`` (and ``published``); otherwise the
    text is looked up by id in ``texts_path`` (default: the shared
    ``news/detik-dev.jsonl``).  ``analyze`` defaults to :func:`warta.analyze`.
    Raises ``ValueError`` when the gold does not fit its text.
    """
    if analyze is None:
        from warta import analyze
    gold = read_jsonl(gold_path)
    sources = gold_sources(gold, texts_path)
    problems = check_gold_file(gold, {k: v[0] for k, v in sources.items()}, check_gold_item)
    if problems:
        raise ValueError(f"{gold_path}: gold does not fit the texts: " + "; ".join(problems[:5]))
    predicted = []
    for item in gold:
        text, published = sources[item["id"]]
        analysis = analyze(text, published, id=item["id"])
        predicted.append({"id": item["id"], "quotes": predicted_from_analysis(analysis)})
    return score_quotes(gold, predicted)


# --- rendering ------------------------------------------------------------------------------

def _rows(scores: QuoteScores) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for kind in KINDS:
        prf: PRF = getattr(scores, kind)
        rows.append((f"{kind} quotes", f"{prf.precision:.3f}", f"{prf.recall:.3f}",
                     f"{prf.f1:.3f}", f"tp={prf.tp} fp={prf.fp} fn={prf.fn}"))
    for label, acc in (("speaker (all)", scores.speaker),
                       ("speaker (direct)", scores.speaker_direct),
                       ("speaker (indirect)", scores.speaker_indirect)):
        rows.append((label, "", "", f"{acc.accuracy:.3f}", f"{acc.correct}/{acc.total}"))
    return rows


def format_quote_scores(scores: QuoteScores) -> str:
    """A plain-text table (speaker rows show accuracy in the F1 column)."""
    head = ("", "P", "R", "F1/acc", "counts")
    rows = [head, *_rows(scores)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = [f"quote scores over {scores.articles} articles"]
    for r in rows:
        lines.append("  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w)
                               for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    return "\n".join(lines)


def quote_scores_table(scores: QuoteScores) -> Table:
    """The same table as :func:`format_quote_scores`, for ``rich``."""
    from rich.table import Table

    table = Table(title=f"quote scores over {scores.articles} articles", title_justify="left")
    for name in ("", "P", "R", "F1/acc", "counts"):
        table.add_column(name, justify="left" if name in ("", "counts") else "right")
    for row in _rows(scores):
        table.add_row(*row)
    return table


def format_quote_errors(scores: QuoteScores, limit: int | None = None) -> str:
    """Per-article false positives, misses and wrong speakers, with their text."""
    def short(text: str | None) -> str:
        text = text or ""
        return text if len(text) <= 90 else text[:60] + " … " + text[-25:]

    lines = []
    for errs in [e for e in scores.errors if e][:limit]:
        lines.append(f"== {errs.id}")
        for q in errs.misses:
            lines.append(f"  MISS {q['kind'][:3]} {q['start']}-{q['end']} "
                         f"[{q['speaker']}] {short(q['text'])}")
        for q in errs.false_positives:
            lines.append(f"  FP   {q['kind'][:3]} {q['start']}-{q['end']} "
                         f"[{q['speaker']}] {short(q['text'])}")
        for q in errs.wrong_speakers:
            lines.append(f"  SPKR {q['kind'][:3]} {q['start']}-{q['end']} gold={q['speaker']!r} "
                         f"pred={q['predicted_speaker']!r} {short(q['text'])}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score Warta's quotes against a gold JSONL file.")
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--texts", default=None, help="article texts JSONL (default: shared data)")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--errors", action="store_true", help="also list errors per article")
    args = ap.parse_args(argv)
    scores = evaluate_quotes_file(args.gold, args.texts)
    if args.json:
        print(json.dumps(scores.to_dict(errors=args.errors), ensure_ascii=False, indent=2))
        return 0
    print(format_quote_scores(scores))
    if args.errors:
        print(format_quote_errors(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
