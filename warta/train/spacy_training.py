"""spaCy's trainer as every Warta training runs it: one thread, numpy's matrix products.

Why numpy's products: thinc multiplies with blis by default, which on this project's AMD
EPYC machine runs at a third of the speed of numpy's BLAS (:mod:`warta.nlp.ops`); a UD
training of 600 steps took 74 s with blis and 59 s with numpy on one core there. The
models are built and trained on the same ops they predict with. Why one thread: the
build runs its trainings side by side, one per core, and the same thread count gives the
same sums, so a rebuild on the same machine gives the same weights.
"""

from __future__ import annotations

import os
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from warta.nlp.ops import prediction_ops


def pin_threads() -> None:
    """One BLAS/OpenMP thread, unless the caller set another count. OpenBLAS reads these
    when numpy loads: the build sets them before it starts its worker processes, and
    ``make models`` before anything."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def train_config(config_path: Path | str, output_dir: Path | str,
                 overrides: dict[str, Any], *, blis: bool = False) -> None:
    """``spacy train config_path --output output_dir`` with ``overrides``, on the CPU,
    every model (sourced components included) built on the prediction ops, or with
    ``blis`` on thinc's default ones (blis's products: how the idner ensemble's members
    were trained, which gives their shipped weights back on this machine)."""
    from spacy.cli.train import train

    pin_threads()
    with nullcontext() if blis else prediction_ops():
        train(config_path, output_dir, use_gpu=-1, overrides=overrides)
