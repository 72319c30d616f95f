"""Syntax on demand: the shipped parser's verdict on who a sentence's subject is.

The rules ask :func:`warta.nlp.syntax.is_subject_at` about one name at a time; a
title before the name and the name's later words climb to the phrase's head.
"""

from __future__ import annotations

import pytest

from warta.nlp.pipeline import get_sentence_parser
from warta.nlp.syntax import is_subject_at


@pytest.fixture(scope="module")
def parse():
    parser = get_sentence_parser(None)
    if parser is None:
        pytest.skip("no parser in warta/models/id_warta")
    return parser


def at(sentence: str, word: str) -> int:
    return sentence.index(word)


def test_a_titled_name_before_the_verb_is_the_subject(parse):
    sentence = "Menteri Sosial Saifullah Yusuf menyebutkan ada penambahan penerima bantuan."
    doc = parse(sentence)
    assert is_subject_at(doc, at(sentence, "Saifullah"))
    assert is_subject_at(doc, at(sentence, "Yusuf"))
    assert not is_subject_at(doc, at(sentence, "penerima"))


def test_the_person_met_is_not_the_subject(parse):
    sentence = "Ia lalu bertemu Prasetyo Hadi di Istana."
    doc = parse(sentence)
    assert is_subject_at(doc, at(sentence, "Ia"))
    assert not is_subject_at(doc, at(sentence, "Prasetyo"))
    assert not is_subject_at(doc, at(sentence, "Hadi"))


def test_a_fronted_source_without_a_comma_is_not_the_subject(parse):
    sentence = "Menurut AHY pemerintah terus mencari mitra dari luar negeri."
    doc = parse(sentence)
    assert not is_subject_at(doc, at(sentence, "AHY"))
    assert is_subject_at(doc, at(sentence, "pemerintah"))


def test_offsets_outside_every_token_are_not_subjects(parse):
    sentence = "Ia lalu bertemu Prasetyo Hadi di Istana."
    assert not is_subject_at(parse(sentence), len(sentence) + 5)


def test_the_parse_sees_the_clitic_split_of_the_shipped_tokenizer(parse):
    doc = parse("Rumahnya terbakar.")
    assert [t.text for t in doc] == ["Rumah", "nya", "terbakar", "."]
