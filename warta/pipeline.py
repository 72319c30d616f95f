"""Composes the layers: text → nlp → extract/* → :class:`~warta.schema.Analysis`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Literal

from warta.errors import EmptyInputError
from warta.extract.amounts import extract_amounts
from warta.extract.attributions import extract_attributions
from warta.extract.dates import extract_dates
from warta.extract.entities import extract_entities
from warta.extract.quotes import extract_quotes
from warta.extract.speakers import add_speaker_mentions
from warta.nlp.document import AnalysedDocument
from warta.nlp.pipeline import (
    analyse_text,
    analysed_document,
    detect_languages,
    get_nlp,
    get_sentence_parser,
)
from warta.schema import Analysis
from warta.text.normalize import normalize


def analyze(text: str, published: str | date | datetime | None = None, *,
            id: str | None = None, title: str | None = None,
            model: str | None = None) -> Analysis:
    """Analyse one article and return every fact with the span that proves it.

    ``published`` (ISO string, date or datetime) anchors relative dates such as
    "Selasa" or "kemarin".  Raises :class:`warta.errors.WartaInputError` for
    input that cannot be analysed (empty, whitespace only).
    """
    _check_text(text)
    when = parse_published(published)
    return analysis_of(analyse_text(text, when, model), id=id, title=title)


def _check_text(text: str) -> None:
    if not text or not text.strip():
        raise EmptyInputError("the text is empty" if not text else "the text is whitespace only")


@dataclass(frozen=True, slots=True)
class Article:
    """One article for :func:`analyze_many`: the text and what :func:`analyze` takes beside it."""

    text: str
    published: str | date | datetime | None = None
    id: str | None = None
    title: str | None = None


# Articles per nlp.pipe call. With the entity tagger, batching whole articles no longer
# measurably speeds up the full analysis (docs/BENCHMARKS.md: -6 % to +1 % across runs,
# more memory); 16 keeps the memory small for spaCy pipelines that do gain from it.
BATCH_SIZE = 16


def analyze_many(articles: Iterable[Article], *, model: str | None = None,
                 batch_size: int = BATCH_SIZE,
                 errors: Literal["raise", "return"] = "raise") -> Iterator[Analysis | Exception]:
    """Analyse a stream of articles, yielding one result per article, in order.

    The same analysis as :func:`analyze`, with the spaCy pipeline run over the
    articles in batches (``nlp.pipe``, spaCy's way to stream).  With
    ``errors="raise"`` the first article that cannot be analysed raises; with
    ``errors="return"`` its exception is yielded in its place and the stream goes on
    (what ``warta analyze --jsonl`` needs: one bad line must not stop the batch).
    """
    iterator = iter(articles)
    while batch := list(islice(iterator, max(1, batch_size))):
        for result in _analyze_batch(batch, model):
            if isinstance(result, Exception) and errors == "raise":
                raise result
            yield result


def _analyze_batch(batch: list[Article], model: str | None) -> list[Analysis | Exception]:
    results: list[Analysis | Exception | None] = [None] * len(batch)
    prepared: list[tuple[int, str, datetime | None]] = []
    for i, article in enumerate(batch):
        try:
            _check_text(article.text)
            prepared.append((i, normalize(article.text), parse_published(article.published)))
        except Exception as exc:  # noqa: BLE001  (handed to the caller, in its place)
            results[i] = exc
    nlp = get_nlp(model)
    parser = get_sentence_parser(model)
    languages = detect_languages([norm for _, norm, _ in prepared])
    try:
        docs = list(nlp.pipe([norm for _, norm, _ in prepared], batch_size=len(prepared) or 1))
    except Exception:  # noqa: BLE001  one article broke the batch: find it, keep the others
        docs = [None] * len(prepared)
    for (i, norm, when), doc, language in zip(prepared, docs, languages, strict=True):
        article = batch[i]
        try:
            if doc is None:
                doc = nlp(norm)
            analysed = analysed_document(doc, article.text, when, norm=norm, parser=parser,
                                         language=language)
            results[i] = analysis_of(analysed, id=article.id, title=article.title)
        except Exception as exc:  # noqa: BLE001
            results[i] = exc
    done = [r for r in results if r is not None]
    assert len(done) == len(batch), "every article of the batch has its result"
    return done


def analysis_of(doc: AnalysedDocument, *, id: str | None = None,
                title: str | None = None) -> Analysis:
    """Run every extractor over an analysed document and compose the Analysis."""
    entities = extract_entities(doc)
    quotes = extract_quotes(doc, entities)
    entities, quotes = add_speaker_mentions(entities, quotes,
                                            has_ner_model=doc.has_ner_model)
    warnings = []
    if doc.language.code != "id":
        warnings.append(f"language looks like '{doc.language.code}', not Indonesian; "
                        "results will be poor")
    return Analysis(
        id=id,
        text_length=len(doc.text),
        language=doc.language,
        published=doc.published.isoformat() if doc.published else None,
        title=title,
        sentences=doc.sentences,
        entities=entities,
        quotes=quotes,
        dates=extract_dates(doc),
        amounts=extract_amounts(doc),
        attributions=extract_attributions(doc),
        warnings=warnings,
    )


def parse_published(value: str | date | datetime | None) -> datetime | None:
    """Accept an ISO date or datetime (string or object)."""
    from warta.errors import BadPublishedError

    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise BadPublishedError(
            f"publication time {value!r} is not an ISO date or datetime "
            "(e.g. 2023-10-24 or 2023-10-24T09:30)") from None
