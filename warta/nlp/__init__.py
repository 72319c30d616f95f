"""The nlp layer: spaCy tokenisation and (once trained) the statistical models."""

from warta.nlp.document import AnalysedDocument
from warta.nlp.pipeline import analyse_text, get_nlp

__all__ = ["AnalysedDocument", "analyse_text", "get_nlp"]
