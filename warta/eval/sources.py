"""Where the gold evaluations and the benchmark find article texts.

Texts stay in ``../shared/data`` (never in the repository); gold files refer to
articles by id, so every evaluation needs the same lookup: locate the shared
data, read JSON Lines, turn Detik's dates into ISO, fetch the texts of gold items.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from warta.errors import MissingDataError

Record = Mapping[str, Any]


def shared_data_dir() -> Path:
    """``../shared/data`` next to the repository, or ``$WARTA_SHARED_DATA``."""
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


def default_texts_path() -> Path:
    """The Detik dev articles the gold sets were annotated on."""
    return shared_data_dir() / "news" / "detik-dev.jsonl"


# The 2020 articles of ``news/scrapy-4sites``: ids ``s4-<site>-<row>`` (row = 0-based data
# row of ``<site>.csv``). Every scrape dropped the text of hyperlinks, names included
# ("Nilai tukar , (AS) terhadap rupiah"); Detik's and Merdeka's bodies lost the fewest
# words (0-5 gaps an article), Kompas's the most (up to 11), and CNN Indonesia's often
# the first sentence's subject, so only the first two are read.
SCRAPY_PREFIX = "s4-"
SCRAPY_SITES = ("detik", "merdeka")
_PARAGRAPH_JOIN = re.compile(r'(?<=[.!?"”’])[ \t]*,(?=[^\s\d,])')


def scrapy_body(body: str) -> str:
    """A scraped body as paragraphs: the scraper joined them with a comma after the last
    sentence's punctuation ("... triliun.,Mengutip ..."); that comma becomes a line break,
    runs of blanks one space, empty lines go."""
    lines = (re.sub(r"[ \t]+", " ", line).strip(" ,\t")
             for line in _PARAGRAPH_JOIN.sub("\n", body).split("\n"))
    return "\n".join(line for line in lines if line)


def scrapy_texts(ids: Iterable[str], data_dir: Path | None = None) -> dict[str, str]:
    """Texts of the ``s4-<site>-<row>`` ids among ``ids`` from ``news/scrapy-4sites`` (see
    :func:`scrapy_body`); other ids are not this source's and are passed over."""
    folder = (data_dir or shared_data_dir()) / "news" / "scrapy-4sites"
    wanted: dict[str, set[int]] = {}
    for article_id in ids:
        if not article_id.startswith(SCRAPY_PREFIX):
            continue
        site, _, row = article_id.removeprefix(SCRAPY_PREFIX).rpartition("-")
        if site in SCRAPY_SITES and row.isdigit():
            wanted.setdefault(site, set()).add(int(row))
    texts: dict[str, str] = {}
    csv.field_size_limit(1 << 24)
    for site, rows in wanted.items():
        path = folder / f"{site}.csv"
        if not path.exists():
            raise MissingDataError(f"article texts not found at {path} (set WARTA_SHARED_DATA)")
        with path.open(encoding="utf-8", newline="") as fh:
            for row, record in enumerate(csv.DictReader(fh)):
                if row in rows:
                    texts[f"{SCRAPY_PREFIX}{site}-{row}"] = scrapy_body(record["berita"])
    return texts


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def iso_published(value: str | None) -> str | None:
    """Detik's ``M/D/YYYY HH:MM`` as ISO 8601 (``warta.analyze`` takes ISO); other forms pass."""
    if not value:
        return None
    try:
        return datetime.strptime(value.strip(), "%m/%d/%Y %H:%M").isoformat()
    except ValueError:
        return value


def texts_file(texts_path: str | Path | None = None) -> Path:
    """``texts_path`` (default :func:`default_texts_path`), which must exist."""
    path = Path(texts_path) if texts_path else default_texts_path()
    if not path.exists():
        raise MissingDataError(f"article texts not found at {path} (set WARTA_SHARED_DATA "
                               "or pass texts_path)")
    return path


def load_texts(path: str | Path | None = None, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Article texts by id from a JSONL file with ``id`` and ``text`` fields; without
    ``path``, ids of the 2020 scrapes (``s4-…``) come from :func:`scrapy_texts`."""
    wanted = set(ids) if ids is not None else None
    texts: dict[str, str] = {}
    if path is None and wanted is not None:
        texts.update(scrapy_texts(wanted))
        wanted -= {i for i in wanted if i.startswith(SCRAPY_PREFIX)}
        if not wanted:
            return texts
    with open(path or default_texts_path(), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if wanted is None or rec["id"] in wanted:
                texts[rec["id"]] = rec["text"]
    return texts


def gold_sources(gold: Sequence[Record], texts_path: str | Path | None = None
                 ) -> dict[str, tuple[str, str | None]]:
    """(text, ISO published) per gold article: from the gold line, else by id from the
    texts file (default: the shared ``news/detik-dev.jsonl``); ids of the 2020 scrapes
    (``s4-…``) always from :func:`scrapy_texts`.

    Raises ``FileNotFoundError`` without the texts file and ``ValueError`` when
    it lacks a gold article.
    """
    out: dict[str, tuple[str, str | None]] = {}
    missing = []
    scraped = scrapy_texts(str(i["id"]) for i in gold if not i.get("text"))
    for item in gold:
        if item.get("text"):
            out[item["id"]] = (item["text"], iso_published(item.get("published")))
        elif item["id"] in scraped:
            out[item["id"]] = (scraped[item["id"]], iso_published(item.get("published")))
        else:
            missing.append(item["id"])
    if missing:
        wanted = set(missing)
        path = texts_file(texts_path)
        for rec in read_jsonl(path):
            if rec["id"] in wanted:
                out[rec["id"]] = (rec["text"], iso_published(rec.get("published")))
        lost = [i for i in missing if i not in out]
        if lost:
            raise ValueError(f"{path}: no text for {', '.join(lost[:5])}")
    return out


def check_gold_file(gold: Sequence[Record], texts: Mapping[str, str],
                    check_item: Callable[[Record, str], list[str]]) -> list[str]:
    """Problems in a whole gold file: duplicate articles, articles without a text, and
    what ``check_item(record, article_text)`` finds in each (every gold file of
    ``dev/gold/`` is checked the same way before it is scored)."""
    problems: list[str] = []
    seen: set[str] = set()
    for item in gold:
        aid = item.get("id", "?")
        if aid in seen:
            problems.append(f"{aid}: duplicate article")
        seen.add(aid)
        text = item.get("text", texts.get(aid))
        if text is None:
            problems.append(f"{aid}: no article text")
            continue
        problems.extend(check_item(item, text))
    return problems
