"""The analysed document every extractor reads.

Extractors are pure functions of an :class:`AnalysedDocument`; it bundles the
original text, its offset-preserving normal form, the spaCy ``Doc`` over that
normal form, sentences, paired quotation marks and the publication time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from spacy.tokens import Doc

from warta.schema import Language, Sentence
from warta.text.quotemarks import QuotePair


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A named-entity span proposed by the nlp layer (model or fallback)."""

    start: int
    end: int
    label: str | None  # PER/ORG/GPE/LOC/MISC, or None when no model typed it


@dataclass(slots=True)
class AnalysedDocument:
    text: str
    norm: str  # same length as ``text``; see warta.text.normalize
    doc: Doc
    sentences: list[Sentence]
    quote_pairs: list[QuotePair]
    language: Language
    published: datetime | None = None
    names: list[NamedSpan] = field(default_factory=list)
    has_ner_model: bool = False

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing ``offset`` (or the one before it)."""
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.sentences[mid].start <= offset:
                best, lo = mid, mid + 1
            else:
                hi = mid - 1
        return best
