"""Pipelines loaded for prediction run on numpy's matrix products (warta.nlp.ops)."""

from pathlib import Path

import pytest
import spacy
from thinc.api import get_current_ops

from warta.nlp.ops import PREDICTION_OPS, load_pipeline

MODEL = Path(__file__).resolve().parents[1] / "warta" / "models" / "id_warta"
TEXT = ("Menteri Keuangan Sri Mulyani Indrawati mengatakan Bank Indonesia (BI) akan "
        "menahan suku bunga, kata dia di Jakarta, Selasa.")


def _ops_of(nlp: spacy.Language) -> set[tuple[str, bool | None]]:
    return {(type(layer.ops).__name__, getattr(layer.ops, "use_blis", None))
            for _, proc in nlp.pipeline if hasattr(proc, "model")
            for layer in proc.model.walk()}


@pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason="no shipped model")
def test_every_layer_is_built_on_the_prediction_ops_and_the_default_stays():
    assert PREDICTION_OPS == ("numpy", {"use_blis": False})
    nlp = load_pipeline(MODEL, exclude=["tok2vec_ud", "morphologizer",
                                        "trainable_lemmatizer", "parser"])
    assert _ops_of(nlp) == {("NumpyOps", False)}
    assert getattr(get_current_ops(), "use_blis", None) is True  # training keeps blis
    stock = spacy.load(MODEL, exclude=["tok2vec_ud", "morphologizer",
                                       "trainable_lemmatizer", "parser"])
    assert _ops_of(stock) == {("NumpyOps", True)}
    # the same entities either way (checked on all 553 Detik articles: docs/BENCHMARKS.md)
    assert [(e.text, e.label_) for e in nlp(TEXT).ents] == [
        (e.text, e.label_) for e in stock(TEXT).ents]


@pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason="no shipped model")
def test_the_analysis_and_warta_load_use_them():
    import warta
    from warta.nlp.pipeline import get_nlp

    assert _ops_of(get_nlp()) == {("NumpyOps", False)}
    assert ("NumpyOps", False) in _ops_of(warta.load())
