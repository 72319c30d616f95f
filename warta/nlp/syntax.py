"""Dependency parses of single sentences, on demand.

``warta.analyze`` does not run the UD components over whole articles (the
extractors read trees in few places, and parsing everything would cost about a
third of the analysis speed). Where a rule does need syntax — is this name the
subject of its sentence? — it asks :class:`SentenceParser` for the parse of that
one sentence: the shipped pipeline's own tokenizer, ``tok2vec_ud`` and
``parser`` (93 sentences over the 553 Detik articles of the benchmark).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# What a parse needs: the UD encoder and the parser that listens to it.
PARSE_COMPONENTS = ("tok2vec_ud", "parser")
# Relations that keep a name's parts, titles and appositions within one phrase: the
# phrase's head carries the relation to the rest of the sentence.
_NAME_INTERNAL = frozenset({"flat", "compound", "appos"})


class SentenceParser:
    """Parses a sentence with the parse components of ``nlp`` (which may hold more)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.steps = [nlp.get_pipe(name) for name in PARSE_COMPONENTS]

    def __call__(self, text: str) -> Doc:
        doc = self.nlp.make_doc(text)
        for step in self.steps:  # tok2vec_ud writes doc.tensor, which the parser reads
            doc = step(doc)
        return doc


def has_parser(nlp: Language) -> bool:
    """Whether ``nlp`` holds the parse components (disabled ones count)."""
    return all(name in nlp.component_names for name in PARSE_COMPONENTS)


def is_subject_at(parse: Doc, offset: int) -> bool:
    """Whether the phrase of the token at character ``offset`` is a clause's
    subject (``nsubj``, ``nsubj:pass``): from a name's later word, a title before
    it or an apposition, the climb goes to the phrase's head first."""
    token = next((t for t in parse if t.idx <= offset < t.idx + len(t.text)), None)
    for _ in range(len(parse)):
        if token is None or token.head.i == token.i:
            break
        if token.dep_.split(":")[0] not in _NAME_INTERNAL:
            return token.dep_.split(":")[0] == "nsubj"
        token = token.head
    return False
