"""Writing a trained pipeline where an older one may be: every trainer's last step."""

from __future__ import annotations

import shutil
from pathlib import Path

import spacy
from spacy.language import Language


def write_pipeline(nlp: Language, output_dir: Path | str) -> Path:
    """Save ``nlp`` to ``output_dir``, replacing what was there (spaCy's ``to_disk``
    writes over files but leaves a removed component's folder behind)."""
    output_dir = Path(output_dir)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    output_dir.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output_dir)
    return output_dir


def empty_pipeline() -> Language:
    """A blank Indonesian pipeline with an empty tokenizer, for member pipelines that
    never tokenise (they run on the shipped pipeline's Docs): spaCy's Indonesian
    tokenizer exceptions take seconds to build at every load, an empty one nothing."""
    from warta.nlp import tokenizer_factory  # noqa: F401  (registers the tokenizer)

    return spacy.blank("id", config={"nlp": {"tokenizer": {
        "@tokenizers": "warta.Tokenizer.v1"}}})
