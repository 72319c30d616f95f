"""Annotation aid for the entity sets in ``dev/gold/`` (people, organisations, places).

The annotator reads an article and writes a *draft*: its entities, their type and
every surface form the article uses for each ("Purbaya Yudhi Sadewa", "Purbaya").
This script turns a draft into gold mentions by finding every whole-word,
case-sensitive occurrence of each form (longest match first, never overlapping),
minus the spans the annotator lists under ``skip``, and prints a review sheet: each
mention in context, and the capitalised words no mention covers (possible misses).
Warta is never run here, so the annotation does not inherit the model's errors.

    python scripts/annotate_entities.py show ID [ID ...]          # text with offsets
    python scripts/annotate_entities.py expand DRAFT OUT [--review]

Draft format (JSON Lines, one article per line)::

    {"id": "detik-5", "entities": [
       {"name": "Purbaya Yudhi Sadewa", "type": "PER",
        "forms": ["Purbaya Yudhi Sadewa", "Purbaya"]}],
     "skip": [[120, 127]]}

``skip`` holds ``[start, end]`` spans found by a form that are not mentions (a
"Purbaya" that is a street). ``extra`` holds mentions a whole-word search cannot
find, names glued to a neighbour by the source ("daridetikNews", "Prabowo-Gibran"):
``{"start": 12, "end": 21, "entity": "detikNews"}`` (``entity`` is the entity's
``name``). The output has the gold format of ``dev/gold/ENTITIES.md``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warta.eval.entities import ENTITY_TYPES, check_gold_item  # noqa: E402
from warta.eval.sources import load_texts, read_jsonl  # noqa: E402

_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


def occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences of ``form`` in ``text``."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def expand_article(draft: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """Gold record for one drafted article, and the problems found on the way."""
    problems: list[str] = []
    skip = {tuple(s) for s in draft.get("skip", [])}
    candidates: list[tuple[int, int, int]] = []  # start, end, entity index
    for index, entity in enumerate(draft["entities"]):
        if entity.get("type") not in ENTITY_TYPES:
            problems.append(f"{entity.get('name')!r}: type {entity.get('type')!r}")
        for form in entity.get("forms") or [entity["name"]]:
            spans = occurrences(text, form)
            if not spans and not any(x.get("entity") == entity["name"]
                                     for x in draft.get("extra", [])):
                problems.append(f"form {form!r} of {entity['name']!r} not found")
            candidates.extend((s, e, index) for s, e in spans)
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    index_of = {entity["name"]: i for i, entity in enumerate(draft["entities"])}
    taken: list[tuple[int, int, int]] = []
    for extra in draft.get("extra", []):
        if extra.get("entity") not in index_of:
            problems.append(f"extra {extra!r}: no entity of that name")
            continue
        taken.append((extra["start"], extra["end"], index_of[extra["entity"]]))
    for start, end, index in candidates:
        if (start, end) in skip:
            continue
        if any(start < e and s < end for s, e, _ in taken):
            continue
        taken.append((start, end, index))
    entities = []
    for index, entity in enumerate(draft["entities"]):
        mentions = sorted((s, e) for s, e, i in taken if i == index)
        if not mentions:
            problems.append(f"entity {entity['name']!r} has no mention left")
            continue
        entities.append({"name": entity["name"], "type": entity["type"],
                         "mentions": [{"start": s, "end": e, "text": text[s:e]}
                                      for s, e in mentions]})
    entities.sort(key=lambda ent: ent["mentions"][0]["start"])
    record = {"id": draft["id"], "entities": entities}
    problems.extend(check_gold_item(record, text))
    return record, problems


def review_sheet(record: dict[str, Any], text: str) -> str:
    """Every mention in context, then the capitalised words that no mention covers."""
    lines = [f"== {record['id']}"]
    covered: list[tuple[int, int]] = []
    rows = []
    for entity in record["entities"]:
        for m in entity["mentions"]:
            covered.append((m["start"], m["end"]))
            left = text[max(0, m["start"] - 35):m["start"]].replace("\n", " ")
            right = text[m["end"]:m["end"] + 25].replace("\n", " ")
            rows.append((m["start"], f"  {m['start']:>5}-{m['end']:<5} {entity['type']:<3} "
                                     f"…{left}[{m['text']}]{right}…"))
    lines.extend(row for _, row in sorted(rows))
    uncovered = []
    for m in _CAPITALISED.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in covered):
            uncovered.append(f"{m.start()}:{m.group()}")
    lines.append("  uncovered capitalised: " + " | ".join(uncovered))
    return "\n".join(lines)


def show(ids: Sequence[str]) -> None:
    texts = load_texts(ids=ids)
    for article_id in ids:
        text = texts[article_id]
        print(f"== {article_id} ({len(text)} chars)")
        offset = 0
        for paragraph in text.split("\n"):
            if paragraph.strip():
                print(f"[{offset}] {paragraph}")
            offset += len(paragraph) + 1


def expand(draft_path: str, out_path: str, review: bool) -> int:
    drafts = read_jsonl(draft_path)
    texts = load_texts(ids=[d["id"] for d in drafts])
    failed = 0
    with open(out_path, "w", encoding="utf-8") as out:
        for draft in drafts:
            record, problems = expand_article(draft, texts[draft["id"]])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            for problem in problems:
                print(f"{draft['id']}: {problem}", file=sys.stderr)
            failed += bool(problems)
            if review:
                print(review_sheet(record, texts[draft["id"]]))
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    show_cmd = sub.add_parser("show", help="print articles with paragraph offsets")
    show_cmd.add_argument("ids", nargs="+")
    exp = sub.add_parser("expand", help="draft -> gold mentions")
    exp.add_argument("draft")
    exp.add_argument("out")
    exp.add_argument("--review", action="store_true", help="print the review sheet")
    args = ap.parse_args(argv)
    if args.command == "show":
        show(args.ids)
        return 0
    return expand(args.draft, args.out, args.review)


if __name__ == "__main__":
    raise SystemExit(main())
