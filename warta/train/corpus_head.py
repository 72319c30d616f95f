"""The idner-convention NER head: a second entity tagger over the NER's frozen encoder.

Why: idner-news-2k annotates differently from the product: it leaves most country
names untagged and keeps a bracketed acronym inside the name it follows, among other
habits. The shipped ``ner`` is trained on the 2025 news too and follows the product,
which costs it points against idner's gold (docs/MODELS.md). A tagger trained on
idner train alone, over the same ``tok2vec`` (frozen, so ``ner`` does not change),
answers in idner's convention for one maxout layer more. It writes
``doc.spans["ner_corpus"]`` and leaves ``doc.ents`` to ``ner``; ``warta eval ner --head
ner_corpus`` scores it, ``warta.analyze`` does not run it.

The checkpoint kept is the best on idner dev (``idner_dev.spacy``). Training first on
every NER corpus and then on idner train, as ``ner`` is trained, scored the same on
idner dev (0.824 and 0.824 for seeds 0 and 1, against 0.831 and 0.819) and took twice
as long.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.util import load_config

from warta.nlp.entity_tagger import CORPUS_HEAD
from warta.train.spacy_training import train_config

LEARN_RATE = 0.001
MAX_EPOCHS = 20
EVAL_FREQUENCY = 100


def head_config(config_path: Path, model: Path, *, vectors: bool = True,
                max_epochs: int = MAX_EPOCHS, eval_frequency: int = EVAL_FREQUENCY) -> Any:
    """``config_path`` (the NER's stage-1 config) turned into the head's: ``tok2vec``
    sourced from ``model`` and frozen, the head a new tagger of the same architecture
    as ``ner`` (its ``ner`` model block). ``vectors``: ``model`` has static vectors."""
    cfg = load_config(config_path, interpolate=False)
    head_model = dict(cfg["components"]["ner"]["model"])
    encoder = load_config(model / "config.cfg")["components"]["tok2vec"]["model"]["encode"]
    head_model["tok2vec"] = {**head_model["tok2vec"], "width": encoder["width"]}
    cfg["nlp"]["pipeline"] = ["tok2vec", CORPUS_HEAD]
    del cfg["components"]["ner"]
    cfg["components"]["tok2vec"] = {"source": str(model)}
    cfg["components"][CORPUS_HEAD] = {
        "factory": "warta_entity_tagger", "spans_key": CORPUS_HEAD, "learn_brackets": True,
        "model": head_model,
        "scorer": {"@scorers": "warta.entity_spans_scorer.v1", "spans_key": CORPUS_HEAD}}
    training = cfg["training"]
    training["frozen_components"] = ["tok2vec"]
    training["annotating_components"] = ["tok2vec"]  # its output reaches the listener
    training["max_epochs"] = max_epochs
    training["eval_frequency"] = eval_frequency
    training["optimizer"]["learn_rate"] = LEARN_RATE
    training["score_weights"] = {  # the factory's default weights (doc.ents) zeroed
        "ents_f": 0.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None,
        f"{CORPUS_HEAD}_f": 1.0, f"{CORPUS_HEAD}_p": 0.0, f"{CORPUS_HEAD}_r": 0.0,
        f"{CORPUS_HEAD}_per_type": None}
    cfg["initialize"]["vectors"] = str(model) if vectors else None  # the encoder's own
    return cfg


def train_corpus_head(config_path: Path, model: Path, work: Path, *, seed: int,
                      vectors: bool = True, max_epochs: int | None = None,
                      eval_frequency: int | None = None) -> Path:
    """Train the head over ``model``'s frozen ``tok2vec`` on the idner files that
    :func:`warta.train.corpus.build_corpora` wrote into ``work``; the best pipeline."""
    cfg = head_config(config_path, model, vectors=vectors, max_epochs=max_epochs or MAX_EPOCHS,
                      eval_frequency=eval_frequency or EVAL_FREQUENCY)
    cfg.to_disk(work / "corpus_head.cfg")
    out = work / "corpus_head"
    train_config(work / "corpus_head.cfg", out, {
        "paths.train": str(work / "idner_train.spacy"), "paths.dev": str(work / "idner_dev.spacy"),
        "paths.vectors": str(model) if vectors else None, "system.seed": seed})
    return out / "model-best" if (out / "model-best").exists() else out / "model-last"
