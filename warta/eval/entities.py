"""Scoring entities against the hand-annotated dev set (dev/gold/entities.jsonl).

Gold and predictions share one format, one record per article::

    {"id": "detik-43", "entities": [
      {"name": "Purbaya Yudhi Sadewa", "type": "PER",
       "mentions": [{"start": 1567, "end": 1587, "text": "Purbaya Yudhi Sadewa"},
                    {"start": 1705, "end": 1712, "text": "Purbaya"},
                    {"start": 2105, "end": 2112, "text": "Purbaya"}]}]}

Predicted mentions may carry ``kind`` (``name``/``alias``/``acronym``/``pronoun``/
``description``, as in :class:`warta.schema.Mention`); only named kinds are
scored, so resolving "ia" or "pria itu" neither helps nor hurts.  Gold has
named mentions only (guidelines: ``dev/gold/ENTITIES.md``).

Two measures, both micro-averaged over all articles:

* **Mentions**: a predicted named mention is right when its span is exactly a
  gold mention's span *and* its entity has the gold entity's type.  The same
  counts are also given span-only (type ignored) and per gold type.  The gold
  set has no MISC, so a predicted mention typed MISC is ignored unless its span
  is a gold mention (then it is a wrong type); ignored ones are counted apart.
* **Alias links**: within one entity, every unordered pair of mentions with
  *different* surface strings is a link, written as the pair of strings
  (``{"Purbaya", "Purbaya Yudhi Sadewa"}``).  Links are compared as sets of
  string pairs per article (a pair made by two entities counts once).  Strings
  are compared exactly, after collapsing runs of whitespace; entity types play
  no part.  A predicted link whose strings are wrong (a title glued to a name,
  say) is a false link even when the entity is otherwise right.

Run ``python -m warta.eval.entities [GOLD] [--texts PATH] [--check] [--errors] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from warta.eval.scoring import PRF
from warta.eval.sources import check_gold_file, gold_sources, read_jsonl

if TYPE_CHECKING:
    from warta.schema import Analysis

Record = Mapping[str, Any]
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC")
NAMED_KINDS = frozenset({"name", "alias", "acronym"})
UNANNOTATED_TYPE = "MISC"
DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "dev" / "gold" / "entities.jsonl"

Span = tuple[int, int]
Link = frozenset[str]

load_sources = gold_sources  # the name this module exported first


# --- scores ---------------------------------------------------------------------------------

@dataclass(slots=True)
class ArticleErrors:
    """What went wrong in one article, with the strings so nobody has to look them up."""

    id: str
    missed_mentions: list[dict[str, Any]] = field(default_factory=list)
    false_mentions: list[dict[str, Any]] = field(default_factory=list)
    wrong_types: list[dict[str, Any]] = field(default_factory=list)
    missed_links: list[list[str]] = field(default_factory=list)
    false_links: list[list[str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.missed_mentions, self.false_mentions, self.wrong_types,
                    self.missed_links, self.false_links))

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "missed_mentions": self.missed_mentions,
                "false_mentions": self.false_mentions, "wrong_types": self.wrong_types,
                "missed_links": self.missed_links, "false_links": self.false_links}


@dataclass(slots=True)
class EntityScores:
    articles: int = 0
    mentions: PRF = field(default_factory=PRF)           # exact span and type
    mentions_untyped: PRF = field(default_factory=PRF)   # exact span only
    per_type: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in ENTITY_TYPES})
    links: PRF = field(default_factory=PRF)
    ignored_misc: int = 0
    errors: list[ArticleErrors] = field(default_factory=list)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "articles": self.articles,
            "ignored_misc_mentions": self.ignored_misc,
            "mentions": self.mentions.to_dict(4),
            "mentions_untyped": self.mentions_untyped.to_dict(4),
            "per_type": {t: prf.to_dict(4) for t, prf in self.per_type.items()},
            "links": self.links.to_dict(4),
        }
        if errors:
            data["errors"] = [e.to_dict() for e in self.errors if e]
        return data


# --- mentions and links ---------------------------------------------------------------------

def surface(text: str) -> str:
    """A mention's string as compared in links: whitespace runs collapsed."""
    return " ".join(text.split())


def named_mentions(article: Record) -> list[tuple[int, Record, Record]]:
    """``(entity index, entity, mention)`` for every named mention of an article."""
    out = []
    for ei, entity in enumerate(article.get("entities", [])):
        for m in entity.get("mentions", []):
            if m.get("kind", "name") in NAMED_KINDS:
                out.append((ei, entity, m))
    return out


def entity_links(surfaces_by_entity: Iterable[Iterable[str]]) -> set[Link]:
    """Every pair of different surface strings that share an entity."""
    links: set[Link] = set()
    for surfaces in surfaces_by_entity:
        distinct = sorted({surface(s) for s in surfaces})
        links.update(frozenset(pair) for pair in combinations(distinct, 2))
    return links


def _mention(m: Record, etype: str | None, name: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"start": m["start"], "end": m["end"], "text": m.get("text"),
                           "type": etype}
    if name is not None:
        out["entity"] = name
    return out


def _score_article(gold: Record, pred: Record, scores: EntityScores) -> ArticleErrors:
    errs = ArticleErrors(id=gold["id"])
    g_items = named_mentions(gold)
    g_types: dict[Span, str] = {}
    for _, entity, m in g_items:
        g_types[(m["start"], m["end"])] = entity["type"]

    # predicted mentions, MISC outside gold spans set aside
    p_items = []
    for ei, entity, m in named_mentions(pred):
        span = (m["start"], m["end"])
        if entity.get("type") == UNANNOTATED_TYPE and span not in g_types:
            scores.ignored_misc += 1
            continue
        p_items.append((ei, entity, m))
    p_typed = {((m["start"], m["end"]), entity.get("type")) for _, entity, m in p_items}
    p_spans = {span for span, _ in p_typed}
    g_typed = set(g_types.items())

    typed_hits = g_typed & p_typed
    scores.mentions.tp += len(typed_hits)
    scores.mentions.fn += len(g_typed - p_typed)
    scores.mentions.fp += len(p_typed - g_typed)
    scores.mentions_untyped.tp += len(g_types.keys() & p_spans)
    scores.mentions_untyped.fn += len(g_types.keys() - p_spans)
    scores.mentions_untyped.fp += len(p_spans - g_types.keys())
    for etype, prf in scores.per_type.items():
        g_t = {x for x in g_typed if x[1] == etype}
        p_t = {x for x in p_typed if x[1] == etype}
        prf.tp += len(g_t & p_t)
        prf.fn += len(g_t - p_t)
        prf.fp += len(p_t - g_t)

    seen_false: set[tuple[Span, str | None]] = set()
    for _, entity, m in sorted(g_items, key=lambda x: x[2]["start"]):
        span = (m["start"], m["end"])
        if (span, entity["type"]) in typed_hits:
            continue
        if span in p_spans:
            got = sorted({str(t) for s, t in p_typed if s == span})
            errs.wrong_types.append({**_mention(m, entity["type"], entity.get("name")),
                                     "predicted_type": got[0] if len(got) == 1 else got})
        else:
            errs.missed_mentions.append(_mention(m, entity["type"], entity.get("name")))
    for _, entity, m in sorted(p_items, key=lambda x: x[2]["start"]):
        key = ((m["start"], m["end"]), entity.get("type"))
        if key[0] not in g_types and key not in seen_false:
            seen_false.add(key)
            errs.false_mentions.append(_mention(m, entity.get("type"), entity.get("name")))

    # alias links
    def grouped(items: list[tuple[int, Record, Record]]) -> list[list[str]]:
        groups: dict[int, list[str]] = {}
        for ei, _, m in items:
            groups.setdefault(ei, []).append(m["text"])
        return list(groups.values())

    g_links = entity_links(grouped(g_items))
    p_links = entity_links(grouped(p_items))
    scores.links.tp += len(g_links & p_links)
    scores.links.fn += len(g_links - p_links)
    scores.links.fp += len(p_links - g_links)
    errs.missed_links = sorted(sorted(x) for x in g_links - p_links)
    errs.false_links = sorted(sorted(x) for x in p_links - g_links)
    return errs


def score_entities(gold: Sequence[Record], predicted: Sequence[Record]) -> EntityScores:
    """Score predicted articles against gold articles, paired by ``id``.

    A gold article without a prediction counts every gold mention and link as
    missed; predicted articles that are not in the gold are ignored.
    """
    by_id = {p["id"]: p for p in predicted}
    scores = EntityScores(articles=len(gold))
    for item in gold:
        pred = by_id.get(item["id"], {"id": item["id"], "entities": []})
        scores.errors.append(_score_article(item, pred, scores))
    return scores


def predicted_from_analysis(analysis: Analysis) -> dict[str, Any]:
    """An analysis's entities in the gold format, mention kinds kept (the scorer filters)."""
    return {
        "id": analysis.id,
        "entities": [
            {"name": e.name, "type": e.type,
             "mentions": [{"start": m.start, "end": m.end, "text": m.text, "kind": m.kind}
                          for m in e.mentions]}
            for e in analysis.entities],
    }


# --- gold files -----------------------------------------------------------------------------

def check_gold_item(item: Record, text: str) -> list[str]:
    """Problems in one gold article: unknown types, entities without mentions,
    offsets that do not give the stored text, spans with edge spaces, overlaps."""
    aid = item.get("id", "?")
    problems = []
    spans: list[tuple[int, int, str]] = []
    for entity in item.get("entities", []):
        name = entity.get("name")
        if not name:
            problems.append(f"{aid}: an entity has no name")
        if entity.get("type") not in ENTITY_TYPES:
            problems.append(f"{aid} {name!r}: type {entity.get('type')!r} is not one of "
                            f"{'/'.join(ENTITY_TYPES)}")
        if not entity.get("mentions"):
            problems.append(f"{aid} {name!r}: no mentions")
        for m in entity.get("mentions", []):
            s, e = m.get("start"), m.get("end")
            where = f"{aid} {s}-{e}"
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                problems.append(f"{where}: offsets out of range")
                continue
            if text[s:e] != m.get("text"):
                problems.append(f"{where}: text {m.get('text')!r} != {text[s:e]!r}")
                continue
            if m["text"] != m["text"].strip():
                problems.append(f"{where}: span has an edge space")
            spans.append((s, e, m["text"]))
    spans.sort()
    for (s1, e1, t1), (s2, e2, t2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            problems.append(f"{aid}: mentions {t1!r} {s1}-{e1} and {t2!r} {s2}-{e2} overlap")
    return problems


def check_gold(gold: Sequence[Record], texts: Mapping[str, str]) -> list[str]:
    """Problems in a whole gold file (see :func:`check_gold_item`), duplicates included."""
    return check_gold_file(gold, texts, check_gold_item)


def evaluate_entities_file(gold_path: str | Path = DEFAULT_GOLD,
                           texts_path: str | Path | None = None,
                           analyze: Callable[..., Analysis] | None = None) -> EntityScores:
    """Analyse every gold article with ``analyze`` (default :func:`warta.analyze`) and score
    its entities.  Raises ``ValueError`` when the gold does not fit its texts."""
    if analyze is None:
        from warta import analyze
    gold = read_jsonl(gold_path)
    sources = gold_sources(gold, texts_path)
    problems = check_gold(gold, {k: v[0] for k, v in sources.items()})
    if problems:
        raise ValueError(f"{gold_path}: gold does not fit the texts: " + "; ".join(problems[:5]))
    predicted = []
    for item in gold:
        text, published = sources[item["id"]]
        rec = predicted_from_analysis(analyze(text, published, id=item["id"]))
        rec["id"] = item["id"]
        predicted.append(rec)
    return score_entities(gold, predicted)


# --- rendering ------------------------------------------------------------------------------

def format_entity_scores(scores: EntityScores) -> str:
    """A plain-text table of the scores."""
    rows = [("", "P", "R", "F1", "counts")]
    named = [("mentions (span+type)", scores.mentions),
             ("mentions (span only)", scores.mentions_untyped),
             *((f"  {t}", prf) for t, prf in scores.per_type.items()),
             ("alias links", scores.links)]
    for label, prf in named:
        rows.append((label, f"{prf.precision:.3f}", f"{prf.recall:.3f}", f"{prf.f1:.3f}",
                     f"tp={prf.tp} fp={prf.fp} fn={prf.fn}"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [f"entity scores over {scores.articles} articles "
             f"({scores.ignored_misc} MISC mentions outside gold spans ignored)"]
    for r in rows:
        lines.append("  ".join(c.ljust(w) if i in (0, 4) else c.rjust(w)
                               for i, (c, w) in enumerate(zip(r, widths, strict=True))))
    return "\n".join(lines)


def format_entity_errors(scores: EntityScores) -> str:
    """Per-article misses, false mentions, wrong types and link errors."""
    lines = []
    for errs in [e for e in scores.errors if e]:
        lines.append(f"== {errs.id}")
        for m in errs.missed_mentions:
            lines.append(f"  MISS  {m['type']:<4} {m['start']}-{m['end']} {m['text']!r}")
        for m in errs.false_mentions:
            lines.append(f"  FALSE {str(m['type']):<4} {m['start']}-{m['end']} {m['text']!r}")
        for m in errs.wrong_types:
            lines.append(f"  TYPE  {m['type']}≠{m['predicted_type']} {m['start']}-{m['end']} "
                         f"{m['text']!r}")
        for a, b in errs.missed_links:
            lines.append(f"  MISS-LINK  {a!r} ~ {b!r}")
        for a, b in errs.false_links:
            lines.append(f"  FALSE-LINK {a!r} ~ {b!r}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score Warta's entities against a gold JSONL file.")
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--texts", default=None, help="article texts JSONL (default: shared data)")
    ap.add_argument("--check", action="store_true", help="only validate the gold file")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--errors", action="store_true", help="also list errors per article")
    args = ap.parse_args(argv)
    if args.check:
        gold = read_jsonl(args.gold)
        sources = gold_sources(gold, args.texts)
        problems = check_gold(gold, {k: v[0] for k, v in sources.items()})
        entities = sum(len(g.get("entities", [])) for g in gold)
        mentions = sum(len(named_mentions(g)) for g in gold)
        links = sum(len(entity_links([[m["text"] for m in e["mentions"]]
                                      for e in g.get("entities", [])])) for g in gold)
        print("\n".join(problems) or f"ok: {len(gold)} articles, {entities} entities, "
                                     f"{mentions} mentions, {links} alias links")
        return 1 if problems else 0
    scores = evaluate_entities_file(args.gold, args.texts)
    if args.json:
        print(json.dumps(scores.to_dict(errors=args.errors), ensure_ascii=False, indent=2))
        return 0
    print(format_entity_scores(scores))
    if args.errors:
        print(format_entity_errors(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
