"""warta.analyze_many(): batched analysis, the same answers as analyze(), in order."""

from __future__ import annotations

import pytest

import warta
from warta.errors import BadPublishedError, EmptyInputError
from warta.pipeline import Article, analyze_many

ARTICLES = [
    Article("Menteri Keuangan Sri Mulyani Indrawati tiba di Jakarta pada Selasa.",
            "2024-03-14", id="a"),
    Article("Presiden Prabowo Subianto berkunjung ke Surabaya, Jawa Timur, kemarin.",
            "2025-01-10", id="b", title="Kunjungan"),
    Article("Lebih dari 200 sandera masih ditahan Hamas di Gaza sejak 7 Oktober.",
            "2023-10-24", id="c"),
    Article("\"Kami akan bekerja keras,\" kata Gubernur Jawa Barat Dedi Mulyadi.",
            "2025-05-02", id="d"),
    Article("Harga beras naik 10 persen menjadi Rp 15.000 per kilogram pekan lalu.",
            "2025-02-20", id="e"),
]


def test_batches_give_the_same_analysis_as_one_by_one() -> None:
    one_by_one = [warta.analyze(a.text, a.published, id=a.id, title=a.title).to_dict()
                  for a in ARTICLES]
    batched = [r.to_dict() for r in analyze_many(ARTICLES, batch_size=2)]  # type: ignore[union-attr]
    assert batched == one_by_one
    assert [r["id"] for r in batched] == ["a", "b", "c", "d", "e"]
    assert batched[1]["title"] == "Kunjungan"


def test_a_bad_article_is_returned_in_its_place() -> None:
    articles = [ARTICLES[0], Article("   \n"), Article("Halo.", "besok"), ARTICLES[2]]
    results = list(analyze_many(articles, batch_size=3, errors="return"))
    assert len(results) == 4
    assert isinstance(results[1], EmptyInputError)
    assert str(results[1]) == "the text is whitespace only"
    assert isinstance(results[2], BadPublishedError)
    assert [getattr(r, "id", None) for r in (results[0], results[3])] == ["a", "c"]


def test_errors_raise_by_default() -> None:
    with pytest.raises(EmptyInputError, match="the text is empty"):
        list(analyze_many([ARTICLES[0], Article("")]))


def test_an_empty_stream_gives_nothing() -> None:
    assert list(analyze_many([])) == []
