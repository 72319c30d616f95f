"""Hand-annotated 2025 news as NER training docs.

The CoNLL corpora are older news and Wikipedia, annotated with other
conventions (titles inside names, countries untagged). Users read today's news,
so Warta also trains on Detik articles of 2025 annotated by hand with the entity
guidelines of ``dev/gold/ENTITIES.md`` (``dev/gold/entities_train.jsonl``; the
articles share no story with any dev-set article). The annotations hold offsets
only; the texts are read from the shared data.

Each paragraph becomes one ``Doc`` over the text's normal form (what the
pipeline sees at run time). A mention whose edges fall inside a token (a name
glued to the next word by the source) cannot be a token-level entity: its tokens
are marked *missing* rather than *outside*, so the model is not taught that they
are not a name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from warta.eval.sources import load_texts, read_jsonl
from warta.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
NEWS_TRAIN = ROOT / "dev" / "gold" / "entities_train.jsonl"
NEWS_DEV = ROOT / "dev" / "gold" / "entities.jsonl"
NEWS_TEXTS = "news/detik-dev.jsonl"
NEWS_SOURCE = "warta_news"  # doc.user_data flag of these docs (distillation may skip them)

Record = Mapping[str, Any]


def _mentions(record: Record) -> list[tuple[int, int, str]]:
    return sorted((m["start"], m["end"], entity["type"])
                  for entity in record["entities"] for m in entity["mentions"])


def paragraph_docs(nlp: Language, text: str,
                   mentions: Sequence[tuple[int, int, str]]) -> Iterator[Doc]:
    """One gold ``Doc`` per non-empty paragraph of ``text``."""
    norm = normalize(text)
    offset = 0
    for paragraph in norm.split("\n"):
        start, end = offset, offset + len(paragraph)
        offset = end + 1
        if not paragraph.strip():
            continue
        doc = nlp.make_doc(paragraph)
        ents: list[Span] = []
        unaligned: set[int] = set()  # token indices under a mention that cuts a token
        for m_start, m_end, label in mentions:
            if m_start < start or m_end > end:
                continue
            span = doc.char_span(m_start - start, m_end - start, label=label)
            if span is not None:
                ents.append(span)
                continue
            covering = doc.char_span(m_start - start, m_end - start, alignment_mode="expand")
            if covering is not None:
                unaligned.update(range(covering.start, covering.end))
        for span in ents:
            unaligned.difference_update(range(span.start, span.end))
        missing = [doc[i:i + 1] for i in sorted(unaligned)]
        doc.set_ents(ents, missing=missing, default="outside")
        doc.user_data[NEWS_SOURCE] = True
        yield doc


def news_docs(nlp: Language, data_dir: Path | str, annotations: Path | str = NEWS_TRAIN,
              *, limit: int | None = None) -> list[Doc]:
    """Gold paragraph docs of every annotated article found in the shared texts
    (none when the annotations or the texts are absent: a partial data set trains)."""
    texts_path = Path(data_dir) / NEWS_TEXTS
    if not (Path(annotations).exists() and texts_path.exists()):
        return []
    records = read_jsonl(annotations)[:limit]
    texts = load_texts(texts_path, ids=[r["id"] for r in records])
    docs: list[Doc] = []
    for record in records:
        if record["id"] in texts:
            docs.extend(paragraph_docs(nlp, texts[record["id"]], _mentions(record)))
    return docs
