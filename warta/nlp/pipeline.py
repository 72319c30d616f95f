"""Builds the :class:`AnalysedDocument` from raw text.

The shipped statistical pipeline (``warta/models/``) is used when present;
without it a blank Indonesian spaCy pipeline tokenises and the extractors fall
back to rules, so the analysis still runs end to end.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc

from warta.nlp.corpus_ensemble import add_corpus_members
from warta.nlp.document import AnalysedDocument, NamedSpan, tokens_of
from warta.nlp.entity_tagger import CORPUS_HEAD  # (importing registers the NER's factory)
from warta.nlp.ops import load_pipeline
from warta.nlp.parse_vote import add_parse_vote
from warta.nlp.syntax import PARSE_COMPONENTS, SentenceParser, has_parser
from warta.schema import Language
from warta.text.language import detect_language
from warta.text.normalize import normalize
from warta.text.quotemarks import pair_quotes
from warta.text.sentences import split_sentences

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "id_warta"


# The UD components: warta.load() runs them all for spaCy users; warta.analyze() leaves
# the morphologizer and lemmatizer out and runs the parser only on the single sentences
# the speaker rules ask about (get_sentence_parser), so analysis does not pay for them.
SYNTAX_COMPONENTS = ("tok2vec_ud", "morphologizer", "trainable_lemmatizer", "parser")


def get_nlp(model: str | None = None, *, syntax: bool = False,
            corpus_head: bool = False) -> SpacyLanguage:
    """The spaCy pipeline: the shipped model, a given path, or a blank ``id``.

    Without ``syntax`` the UD components do not run: the morphologizer and the
    lemmatizer are left out, the parser and its encoder are loaded disabled, for
    :func:`get_sentence_parser`. With it, the parse vote is added when the member
    parsers are beside the model (:func:`warta.nlp.parse_vote.add_parse_vote`).
    The idner-convention NER head (``ner_corpus``, with its ensemble members when they
    are beside the model: :mod:`warta.nlp.corpus_ensemble`) is left out unless
    ``corpus_head`` or ``syntax``: the analysis reads ``doc.ents`` only."""
    return _load(str(Path(model) if model else MODEL_DIR), syntax, corpus_head)


def get_sentence_parser(model: str | None = None) -> Callable[[str], Doc] | None:
    """What parses single sentences on demand for ``model`` (None: it has no parser)."""
    nlp = get_nlp(model)
    return _sentence_parser(nlp) if has_parser(nlp) else None


@lru_cache(maxsize=4)
def _sentence_parser(nlp: SpacyLanguage) -> SentenceParser:
    return SentenceParser(nlp)


@lru_cache(maxsize=4)
def _load(path: str, syntax: bool, corpus_head: bool = False) -> SpacyLanguage:
    config = Path(path) / "config.cfg"
    if not config.exists():
        return spacy.blank("id")
    if syntax:
        nlp = load_pipeline(path)
        add_parse_vote(nlp, path)
        add_corpus_members(nlp, path)
        return nlp
    pipeline = _component_names(config)
    parse = list(PARSE_COMPONENTS) if set(PARSE_COMPONENTS) <= set(pipeline) else []
    left_out = [n for n in SYNTAX_COMPONENTS if n not in parse]
    if not corpus_head:
        left_out.append(CORPUS_HEAD)
    nlp = load_pipeline(path, exclude=left_out, disable=parse)
    if corpus_head:
        add_corpus_members(nlp, path)  # the idner-convention head's ensemble beside it
    return nlp


def load_tokenizer_only(model: str | Path | None = None) -> SpacyLanguage:
    """The pipeline at ``model`` (default: the shipped one) with its tokenizer and no
    components, or a blank ``id`` without a model: for measuring and testing tokenisation."""
    path = Path(model) if model else MODEL_DIR
    config = path / "config.cfg"
    if not config.exists():
        return spacy.blank("id")
    return load_pipeline(path, exclude=_component_names(config))


def _component_names(config: Path) -> list[str]:
    """The components a saved pipeline's ``config.cfg`` lists, without loading them."""
    return list(spacy.util.load_config(config)["nlp"]["pipeline"])


def analyse_text(text: str, published: datetime | None = None,
                 model: str | None = None) -> AnalysedDocument:
    """Run the nlp layer over ``text`` (its normal form) and bundle the result."""
    norm = normalize(text)
    return analysed_document(get_nlp(model)(norm), text, published, norm=norm,
                             parser=get_sentence_parser(model))


def detect_languages(norms: list[str]) -> list[Language]:
    """:func:`detect_language` of each text, one right after the other: the detector's
    models stay in the processor's caches (after the spaCy part of an article they are
    cold, and the detector spent most of its time waiting for memory). For batches."""
    return [detect_language(norm) for norm in norms]


def analysed_document(doc: Doc, text: str, published: datetime | None = None, *,
                      norm: str | None = None,
                      parser: Callable[[str], Doc] | None = None,
                      language: Language | None = None) -> AnalysedDocument:
    """Bundle an already processed ``Doc`` (over ``text`` or its normal form ``norm``);
    ``parser`` parses single sentences for the rules that read syntax; ``language`` is
    :func:`detect_language` of the normal form, when the caller has it already."""
    doc_text = text if norm is None else norm  # the string the Doc was made from
    norm = normalize(text) if norm is None else norm
    tokens = tokens_of(doc, doc_text)
    has_ner = bool(doc.ents) or doc.has_annotation("ENT_IOB")  # ents first: no token walk
    names = [NamedSpan(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return AnalysedDocument(
        text=text,
        norm=norm,
        doc=doc,
        sentences=split_sentences(norm),
        quote_pairs=pair_quotes(norm),
        language=detect_language(norm) if language is None else language,
        published=published,
        names=names,
        has_ner_model=has_ner,
        tokens=tokens,
        token_starts=[t.idx for t in tokens],
        sentence_parser=parser,
    )
