"""Tooling for hand-annotating the quote dev set (dev/gold/quotes.jsonl).

The annotator reads each article and writes the quotes down; this helper only
shows articles with character offsets, turns hand-written quote lines into
offsets, and checks the gold file.  It never runs Warta's extractors, so the
gold set stays independent of the system it measures.

Commands::

    python scripts/annotate_helper.py list [--topic T]      # candidate articles
    python scripts/annotate_helper.py show detik-2          # paragraphs + offsets
    python scripts/annotate_helper.py add detik-2 < spec    # write one article's quotes
    python scripts/annotate_helper.py check                 # verify the whole gold file

A spec has one quote per line, in document order::

    KIND | TEXT | SPEAKER | MENTION

KIND is ``d`` (direct) or ``i`` (indirect); SPEAKER and MENTION may be ``-`` for
none.  TEXT is the exact span, or ``PREFIX ~~ SUFFIX`` for a span from PREFIX to
the end of SUFFIX inside one paragraph, or ``PREFIX ~~ "`` for a span from PREFIX
to the closing quotation mark (or the paragraph end), less a trailing comma.
Each TEXT is searched from the end of the previous quote, so repeated wording
resolves in reading order.  A line
``#`` starts a comment.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from warta.eval.quotes import check_gold_item  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "dev" / "gold" / "quotes.jsonl"


def shared_data() -> Path:
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else REPO.parent / "shared" / "data"


def load_articles() -> dict[str, dict]:
    path = shared_data() / "news" / "detik-dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        return {a["id"]: a for a in map(json.loads, fh)}


def load_gold(path: Path = GOLD) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def save_gold(items: list[dict], path: Path = GOLD) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for item in items:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")


def cmd_list(topic: str | None) -> None:
    """Articles with at least three quotation-mark pairs, not sharing paragraphs."""
    arts = load_articles()
    seen: dict[str, set[str]] = {}
    for a in arts.values():
        for p in a["text"].split("\n"):
            if len(p) > 120:
                seen.setdefault(p, set()).add(a["id"])
    dup = {i for ids in seen.values() if len(ids) > 1 for i in ids}
    done = {g["id"] for g in load_gold()}
    for a in arts.values():
        if topic and a["topic"] != topic:
            continue
        pairs = a["text"].count('"') // 2
        if pairs >= 3 and a["id"] not in dup:
            flag = "*" if a["id"] in done else " "
            print(f"{flag} {a['id']:11} {a['topic'][:10]:10} q={pairs:2} "
                  f"w={len(a['text'].split()):4} {a['title'][:70]}")


def cmd_show(art_id: str) -> None:
    a = load_articles()[art_id]
    print(f"# {a['id']} [{a['topic']}] {a['title']} ({a['published']})")
    pos = 0
    for i, para in enumerate(a["text"].split("\n")):
        if para.strip():
            print(f"[{i} @{pos}] {para}")
        pos += len(para) + 1


def _locate(text: str, want: str, frm: int) -> tuple[int, int]:
    if want.endswith(' ~~ "'):
        # a direct quote: from the prefix to the closing mark (or the paragraph
        # end when the quote runs on), without a trailing comma
        head = want[:-5]
        s = text.find(head, frm)
        if s < 0:
            raise ValueError(f"prefix not found: {head!r}")
        ends = [i for i in (text.find('"', s), text.find("\n", s), len(text)) if i >= 0]
        e = min(ends)
        while e > s and text[e - 1] in " ,":
            e -= 1
        return s, e
    if " ~~ " in want:
        head, tail = want.split(" ~~ ", 1)
        s = text.find(head, frm)
        if s < 0:
            raise ValueError(f"prefix not found: {head!r}")
        para_end = text.find("\n", s)
        para_end = len(text) if para_end < 0 else para_end
        e = text.find(tail, s + len(head), para_end)
        if e < 0:
            raise ValueError(f"suffix not found in paragraph: {tail!r}")
        return s, e + len(tail)
    s = text.find(want, frm)
    if s < 0:
        raise ValueError(f"text not found: {want!r}")
    return s, s + len(want)


def parse_spec(text: str, spec: str) -> list[dict]:
    quotes: list[dict] = []
    frm = 0
    for raw in spec.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 4 or parts[0] not in ("d", "i"):
            raise ValueError(f"bad spec line: {line!r}")
        kind, want, speaker, mention = parts
        start, end = _locate(text, want, frm)
        frm = end
        quotes.append({
            "kind": "direct" if kind == "d" else "indirect",
            "start": start,
            "end": end,
            "text": text[start:end],
            "speaker": None if speaker == "-" else speaker,
            "speaker_mention": None if mention == "-" else mention,
        })
    return quotes


def cmd_add(art_id: str, spec: str) -> None:
    arts = load_articles()
    text = arts[art_id]["text"]
    quotes = parse_spec(text, spec)
    problems = check_item({"id": art_id, "quotes": quotes}, text)
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        sys.exit(1)
    gold = [g for g in load_gold() if g["id"] != art_id]
    gold.append({"id": art_id, "quotes": quotes})
    save_gold(gold)
    kinds = Counter(q["kind"] for q in quotes)
    for q in quotes:
        short = q["text"] if len(q["text"]) < 70 else q["text"][:33] + " … " + q["text"][-33:]
        print(f"  {q['kind'][:3]} {q['start']:5}-{q['end']:5} {q['speaker']!s:28} "
              f"[{q['speaker_mention']}] {short}")
    print(f"{art_id}: {dict(kinds)}; gold now has {len(gold)} articles")


def check_item(item: dict, text: str) -> list[str]:
    """The eval's gold checks, plus: no span crosses a paragraph and each
    speaker mention is written near its quote."""
    problems = check_gold_item(item, text)
    for q in item["quotes"]:
        s, e = q["start"], q["end"]
        if "\n" in text[s:e]:
            problems.append(f"{item['id']}: span {s}-{e} crosses a paragraph")
        mention = q.get("speaker_mention")
        if mention and mention not in text[max(0, s - 600): e + 600]:
            problems.append(f"{item['id']}: mention {mention!r} not near {s}-{e}")
    return problems


def cmd_check(path: Path) -> int:
    arts = load_articles()
    gold = load_gold(path)
    problems: list[str] = []
    ids = Counter(g["id"] for g in gold)
    problems += [f"{i}: annotated {n} times" for i, n in ids.items() if n > 1]
    kinds: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for item in gold:
        text = item.get("text") or arts[item["id"]]["text"]
        problems += check_item(item, text)
        kinds.update(q["kind"] for q in item["quotes"])
        topics[arts[item["id"]]["topic"]] += 1
    for p in problems:
        print("PROBLEM:", p)
    print(f"{len(gold)} articles, {sum(kinds.values())} quotes {dict(kinds)}")
    print("topics:", dict(topics))
    return 1 if problems else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("list")
    p.add_argument("--topic")
    p = sub.add_parser("show")
    p.add_argument("id")
    p = sub.add_parser("add")
    p.add_argument("id")
    p = sub.add_parser("check")
    p.add_argument("path", nargs="?", type=Path, default=GOLD)
    args = ap.parse_args()
    if args.cmd == "list":
        cmd_list(args.topic)
    elif args.cmd == "show":
        cmd_show(args.id)
    elif args.cmd == "add":
        cmd_add(args.id, sys.stdin.read())
    else:
        sys.exit(cmd_check(args.path))


if __name__ == "__main__":
    main()
