"""The shipped pipeline's tokenizer factory: an empty tokenizer that ``from_disk`` fills.

Why: ``spacy.load`` first builds the tokenizer from the language defaults (spaCy's
Indonesian exceptions, 15,963 special cases, each tokenised and validated, and the
affix patterns) and then ``from_disk`` replaces all of it with the saved tokenizer
(26,745 special cases with Warta's clitic and abbreviation cases, the patterns with the
prefix guard). Building the defaults was about half of the pipeline's load time (4.5 s
before, 2.2 s after, measured on one core), and all of it was thrown away. Everything a
tokenizer needs is in the saved file, so this factory starts from nothing.

Only for pipelines whose tokenizer is loaded from disk (the shipped model's
``config.cfg`` names it; training configs keep ``spacy.Tokenizer.v1``): a pipeline
created from this config *without* its tokenizer data would split on whitespace only.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import registry

FACTORY_NAME = "warta.Tokenizer.v1"


@registry.tokenizers(FACTORY_NAME)
def create_tokenizer_from_disk() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules or patterns yet: ``from_disk`` sets them all."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return tokenizer_factory


def use_tokenizer_from_disk(nlp: Language) -> None:
    """Name this factory in ``nlp``'s config, so that loading it builds the rules once."""
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": FACTORY_NAME}
