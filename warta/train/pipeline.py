"""The shipped pipeline: NER and UD trained separately, assembled into one.

``warta train`` (and ``make models``) calls :func:`build_pipeline`.  The two parts
have their own tok2vec, so either can be retrained alone; assembling sources the
UD components into the NER pipeline (:func:`warta.train.ud.add_ud_components`)
and keeps the entity rulers last, where they were.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import spacy

from warta.train.ner import train_ner
from warta.train.ud import add_ud_components, train_ud


def assemble(ner_dir: Path | str, ud_dir: Path | str, output_dir: Path | str) -> Path:
    """NER pipeline + UD components → ``output_dir``.

    The UD components go after the entity rulers, not before them: a ruler runs every
    component before it over its patterns while loading (spaCy's ``EntityRuler``), and
    after ``ner`` only ``tok2vec`` and ``ner`` are worth running there (the rulers match
    ``ORTH``; the UD components neither read nor write entities)."""
    nlp = spacy.load(ner_dir)
    add_ud_components(nlp, spacy.load(ud_dir))
    output_dir = Path(output_dir)
    if output_dir.exists():
        shutil.rmtree(output_dir)
    nlp.to_disk(output_dir)
    return output_dir


def build_pipeline(output_dir: Path | str, data_dir: Path | str, *, seed: int = 0,
                   smoke: bool = False) -> Path:
    """Train NER and UD from ``data_dir`` (../shared/data) and assemble them."""
    limits: dict[str, int] = {"max_sentences": 300, "max_epochs": 1} if smoke else {}
    with tempfile.TemporaryDirectory(prefix="warta-build-") as tmp:
        ner = train_ner(Path(tmp) / "ner", Path(data_dir), seed=seed, **limits)
        ud = train_ud(Path(tmp) / "ud", Path(data_dir), seed=seed, **limits)
        return assemble(ner, ud, output_dir)
