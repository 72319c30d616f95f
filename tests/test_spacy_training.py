"""Every Warta training runs spaCy's trainer on numpy's matrix products, one thread
(warta.train.spacy_training)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import spacy.cli.train
from thinc.api import get_current_ops

from warta.train.spacy_training import pin_threads, train_config


def test_training_builds_its_models_on_numpys_products(monkeypatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def fake_train(config_path, output_path, *, use_gpu, overrides):
        ops = get_current_ops()
        seen.update(config=config_path, output=output_path, gpu=use_gpu, overrides=overrides,
                    ops=type(ops).__name__, blis=ops.use_blis)

    monkeypatch.setattr(spacy.cli.train, "train", fake_train)
    train_config(tmp_path / "ud.cfg", tmp_path / "out", {"system.seed": 3})
    assert seen == {"config": tmp_path / "ud.cfg", "output": tmp_path / "out", "gpu": -1,
                    "overrides": {"system.seed": 3}, "ops": "NumpyOps", "blis": False}
    assert get_current_ops().use_blis  # only inside the training: thinc's default after


def test_a_training_on_blis_keeps_thincs_default_ops(monkeypatch, tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    def fake_train(config_path, output_path, *, use_gpu, overrides):
        seen.update(blis=get_current_ops().use_blis)

    monkeypatch.setattr(spacy.cli.train, "train", fake_train)
    train_config(tmp_path / "ner.cfg", tmp_path / "out", {}, blis=True)
    assert seen == {"blis": True}


def test_threads_are_pinned_unless_the_caller_chose(monkeypatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    pin_threads()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    assert os.environ["OMP_NUM_THREADS"] == "2"
