"""The soup: the mean of the weights of several fine-tunes (warta.train.soup)."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy

from warta.train.soup import average_pipelines


def _tagger(seed: int, path: Path) -> Path:
    nlp = spacy.blank("id")
    nlp.add_pipe("tok2vec")
    tagger = nlp.add_pipe("tagger")
    tagger.add_label("NOUN")
    tagger.add_label("VERB")
    nlp.config["training"]["seed"] = seed
    spacy.util.fix_random_seed(seed)
    nlp.initialize()
    nlp.to_disk(path)
    return path


def _params(path: Path, component: str) -> list[numpy.ndarray]:
    nlp = spacy.load(path)
    return [numpy.asarray(node.get_param(name)) for node in nlp.get_pipe(component).model.walk()
            for name in node.param_names if node.has_param(name)]


def test_the_soup_holds_the_mean_of_each_weight(tmp_path: Path) -> None:
    a, b = _tagger(1, tmp_path / "a"), _tagger(2, tmp_path / "b")
    soup = average_pipelines([a, b], tmp_path / "soup", components=("tok2vec", "tagger"))
    for component in ("tok2vec", "tagger"):
        got, left, right = (_params(p, component) for p in (soup, a, b))
        assert len(got) == len(left) > 0
        assert any(not numpy.array_equal(x, y) for x, y in zip(left, right, strict=True))
        for mean, x, y in zip(got, left, right, strict=True):
            assert mean.dtype == numpy.float32
            numpy.testing.assert_allclose(mean, (x.astype("float64") + y) / 2, rtol=1e-6)


def test_a_soup_of_one_is_the_pipeline_and_of_none_an_error(tmp_path: Path) -> None:
    a = _tagger(1, tmp_path / "a")
    soup = average_pipelines([a], tmp_path / "soup", components=("tagger",))
    for x, y in zip(_params(soup, "tagger"), _params(a, "tagger"), strict=True):
        numpy.testing.assert_array_equal(x, y)
    with pytest.raises(ValueError, match="nothing to average"):
        average_pipelines([], tmp_path / "none")
