"""Warta: offline, Indonesian-first news intelligence.

>>> import warta
>>> analysis = warta.analyze(text, published="2023-10-24")
"""

from pathlib import Path

from spacy.language import Language

from warta.pipeline import Article, analyze, analyze_many
from warta.schema import SCHEMA_VERSION, Analysis

__version__ = "0.1.0"

__all__ = ["SCHEMA_VERSION", "Analysis", "Article", "__version__", "analyze", "analyze_many",
           "load"]


def load(model: str | None = None) -> Language:
    """The shipped spaCy pipeline (or ``model``) — tagger, lemmatizer, parser (with the
    parse vote of the member parsers beside it), NER (``doc.ents``; entities as
    idner-news-2k annotates them in ``doc.spans["ner_corpus"]``, with the ensemble
    members beside it) —
    with Warta's sentence splitter first and its ``warta`` component last:
    ``nlp(text)._.quotes``, ``._.warta_entities``, ``._.dates`` …"""
    import spacy

    from warta.nlp import component  # noqa: F401  (registers the factories)
    from warta.nlp.corpus_ensemble import add_corpus_members
    from warta.nlp.ops import load_pipeline
    from warta.nlp.parse_vote import add_parse_vote
    from warta.nlp.pipeline import MODEL_DIR

    path = model or MODEL_DIR
    nlp = load_pipeline(path) if (Path(path) / "config.cfg").exists() else spacy.blank("id")
    add_parse_vote(nlp, path)  # the member parsers beside the model vote on each parse
    add_corpus_members(nlp, path)  # and the idner-convention head's ensemble members
    # the parser was trained one sentence at a time: give it Warta's sentences
    nlp.add_pipe("warta_sentences", first=True)
    nlp.add_pipe("warta", last=True)
    return nlp
