"""Composes the layers: text → nlp → extract/* → :class:`~warta.schema.Analysis`."""

from __future__ import annotations

from datetime import date, datetime

from warta.errors import EmptyInputError
from warta.extract.amounts import extract_amounts
from warta.extract.attributions import extract_attributions
from warta.extract.dates import extract_dates
from warta.extract.entities import extract_entities
from warta.extract.quotes import extract_quotes
from warta.extract.speakers import add_speaker_mentions
from warta.nlp.document import AnalysedDocument
from warta.nlp.pipeline import analyse_text
from warta.schema import Analysis


def analyze(text: str, published: str | date | datetime | None = None, *,
            id: str | None = None, title: str | None = None,
            model: str | None = None) -> Analysis:
    """Analyse one article and return every fact with the span that proves it.

    ``published`` (ISO string, date or datetime) anchors relative dates such as
    "Selasa" or "kemarin".  Raises :class:`warta.errors.WartaInputError` for
    input that cannot be analysed (empty, whitespace only).
    """
    if not text or not text.strip():
        raise EmptyInputError("the text is empty" if not text else "the text is whitespace only")
    when = parse_published(published)
    return analysis_of(analyse_text(text, when, model), id=id, title=title)


def analysis_of(doc: AnalysedDocument, *, id: str | None = None,
                title: str | None = None) -> Analysis:
    """Run every extractor over an analysed document and compose the Analysis."""
    entities = extract_entities(doc)
    quotes = extract_quotes(doc, entities)
    entities, quotes = add_speaker_mentions(entities, quotes)
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
