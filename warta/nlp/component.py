"""Warta as a spaCy pipeline component.

``warta.load()`` returns the shipped spaCy pipeline with a ``warta`` component
at the end; it sets ``doc._.warta`` (the :class:`~warta.schema.Analysis`) and
the shortcuts ``doc._.quotes``, ``doc._.warta_entities``, ``doc._.dates``,
``doc._.amounts`` and ``doc._.attributions``, so spaCy users get Warta's facts
on the ``Doc`` they already use.  ``doc._.published`` (set before calling the
component, or through ``nlp.pipe(..., component_cfg)``) anchors relative dates.
"""

from __future__ import annotations

from datetime import datetime

from spacy.language import Language
from spacy.tokens import Doc

from warta.nlp.pipeline import analysed_document
from warta.nlp.syntax import SentenceParser, has_parser

_FACTS = {"quotes": "quotes", "warta_entities": "entities", "dates": "dates",
          "amounts": "amounts", "attributions": "attributions"}


def _register_extensions() -> None:
    if not Doc.has_extension("warta"):
        Doc.set_extension("warta", default=None)
        Doc.set_extension("published", default=None)
        for ext, field in _FACTS.items():
            Doc.set_extension(ext, getter=lambda doc, f=field: getattr(doc._.warta, f, []))


@Language.factory("warta", default_config={"published": None})
def make_warta_component(nlp: Language, name: str, published: str | None) -> WartaComponent:
    return WartaComponent(published, SentenceParser(nlp) if has_parser(nlp) else None)


@Language.component("warta_sentences")
def set_sentences(doc: Doc) -> Doc:
    """Sentence starts from Warta's splitter (abbreviations, datelines, quotes), so
    that the parser, trained sentence by sentence, parses within them."""
    from warta.text.sentences import split_sentences

    starts = {s.start for s in split_sentences(doc.text)}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


class WartaComponent:
    """Runs Warta's extractors over a processed ``Doc``."""

    def __init__(self, published: str | None = None,
                 parser: SentenceParser | None = None) -> None:
        _register_extensions()
        self.published = published
        self.parser = parser

    def __call__(self, doc: Doc) -> Doc:
        from warta.pipeline import analysis_of, parse_published

        when: datetime | None = parse_published(doc._.published or self.published)
        doc._.warta = analysis_of(analysed_document(doc, doc.text, when, parser=self.parser))
        return doc


_register_extensions()
