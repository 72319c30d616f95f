"""The idner-convention NER head's ensemble members: taggers with encoders of their own.

Why: the head (``ner_corpus``) reads ``ner``'s frozen encoder, and heads over one encoder
err together; taggers trained on the NER corpora with encoders of their own err apart,
so the mean of their tag probabilities and the head's is better on idner dev than any
one of them (docs/MODELS.md, "The ensemble"). They live in a pipeline of their own beside
the model, ``<name>_corpus`` (as the parse vote's members live in ``<name>_vote``), so
that each model directory stays under 50 MB; they carry no static vectors and read the
main pipeline's, which they were trained with. :func:`add_corpus_members` hands them to
the head; ``warta.analyze`` never loads either.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from warta.nlp.entity_tagger import CORPUS_HEAD, EntityTagger


def corpus_members_dir(model_dir: Path | str) -> Path:
    """Where the ensemble members of the pipeline at ``model_dir`` live: ``<name>_corpus``."""
    model_dir = Path(model_dir)
    return model_dir.with_name(model_dir.name + "_corpus")


def load_corpus_members(members_model: Path | str) -> list[EntityTagger]:
    """The entity taggers of the member pipeline at ``members_model``, in its order."""
    from warta.nlp.ops import load_pipeline

    members = load_pipeline(members_model)
    return [proc for _, proc in members.pipeline if isinstance(proc, EntityTagger)]


def add_corpus_members(nlp: Language, model_dir: Path | str) -> bool:
    """Give ``nlp``'s ``ner_corpus`` the members beside ``model_dir`` when both exist;
    returns whether it did."""
    members = corpus_members_dir(model_dir)
    if CORPUS_HEAD not in nlp.component_names or not (members / "config.cfg").exists():
        return False
    nlp.get_pipe(CORPUS_HEAD).set_members(load_corpus_members(members))
    return True
