"""Loading a trained pipeline for prediction, on numpy's matrix products.

Why: thinc's ``NumpyOps`` multiplies matrices with blis by default. On this project's
AMD EPYC (Zen 4) machine blis's single-precision product ran at a third of the speed of
numpy's BLAS (33 against 96 GFLOP/s on one thread, 2,000 × 192 by 192 × 64, the shape of
the encoder's layers), and those products are most of the models' time: the spaCy part of
the analysis ran at 31,000 words/s with blis and 52,000 with numpy on one core, with the
same entities in all 553 Detik articles (docs/BENCHMARKS.md). Training computes on the
same ops (:mod:`warta.train.spacy_training`); a plain ``spacy.load`` of the shipped model
works as before, on thinc's default ops.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import use_ops

# The ops every model of a pipeline loaded here computes with (thinc's name and settings).
PREDICTION_OPS: tuple[str, dict[str, Any]] = ("numpy", {"use_blis": False})


def prediction_ops() -> AbstractContextManager[Any]:
    """A context in which every thinc model made computes on :data:`PREDICTION_OPS`
    (thinc's models keep the ops current when they were made)."""
    name, settings = PREDICTION_OPS
    return use_ops(name, **settings)


def load_pipeline(path: str | Path, **kwargs: Any) -> Language:
    """``spacy.load(path, **kwargs)`` with every model built on :data:`PREDICTION_OPS`."""
    with prediction_ops():
        return spacy.load(path, **kwargs)
