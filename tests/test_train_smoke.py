"""Smoke run of the NER training entry (a few hundred sentences, one epoch)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import spacy

import warta.train.corpus as corpus
from warta.train.conll import Sentence
from warta.train.corpus import (
    build_training_sentences,
    guess_spaces,
    split_multiword,
    to_doc,
    untagged_countries,
)
from warta.train.gpe import is_gpe, relabel_spans


def _shared_data() -> Path:
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


DATA = _shared_data()
needs_data = pytest.mark.skipif(not (DATA / "ner" / "idner-news-2k" / "dev.conll").exists(),
                                reason="shared NER data not available")


def test_gpe_gazetteer_lookup():
    for name in ("Amerika Serikat", "AS", "Prancis", "Suriah", "Irak", "Palestina",
                 "Jawa Barat", "Kabupaten Bogor", "Kota Solo", "Surabaya", "Tokyo"):
        assert is_gpe(name), name
    for name in ("Sungai Ciliwung", "Monas", "Asia Tenggara", "Kota", "Jalan Sudirman"):
        assert not is_gpe(name), name


def test_relabel_only_touches_known_loc_spans():
    tokens = ("Warga", "Bogor", "menyeberangi", "Sungai", "Ciliwung", "bersama", "Andi")
    spans = ((1, 2, "LOC"), (3, 5, "LOC"), (6, 7, "PER"))
    assert relabel_spans(tokens, spans) == ((1, 2, "GPE"), (3, 5, "LOC"), (6, 7, "PER"))


def test_multiword_tokens_split_and_spaces():
    sent = Sentence(("salah satu", "warga", "jakarta", "selatan", "."), ((2, 4, "LOC"),))
    split = split_multiword(sent)
    assert split.tokens == ("salah", "satu", "warga", "jakarta", "selatan", ".")
    assert split.spans == ((3, 5, "LOC"),)
    assert guess_spaces(["Ia", "(", "45", ")", "pergi", "."]) == [
        True, False, False, True, False, False]


def test_untagged_capitalised_country_names_can_be_marked_missing(monkeypatch):
    tokens = ("Presiden", "Amerika", "Serikat", "menelepon", "PM", "Israel", "dari",
              "Jepang", ",", "kata", "warga", "as", ".")
    spans = ((5, 6, "LOC"),)  # "Israel" tagged; the others left untagged, as idner does
    assert untagged_countries(tokens, spans) == [(1, 3), (7, 8)]  # not the word "as"
    monkeypatch.setattr(corpus, "MISSING_UNTAGGED_COUNTRIES", True)
    doc = to_doc(spacy.blank("id").vocab, Sentence(tokens, spans))
    assert [t.ent_iob_ for t in doc] == ["O", "", "", "O", "O", "B", "O", "", "O", "O", "O",
                                         "O", "O"]
    assert [(e.text, e.label_) for e in doc.ents] == [("Israel", "GPE")]


@needs_data
def test_training_sentences_exclude_idner_dev():
    from warta.train.conll import read_conll
    dev = {s.normal_form for s in read_conll(DATA / "ner/idner-news-2k/dev.conll")}
    train, report = build_training_sentences(DATA, use_nerp=True)
    assert not dev & {s.normal_form for s in train}
    assert report.dropped["nerp-train"] >= 114  # NERP holds 114 idner dev sentences


@needs_data
def test_train_ner_smoke(tmp_path: Path):
    from warta.train.ner import train_ner

    out = train_ner(tmp_path / "model", DATA, max_sentences=200, max_epochs=1, seed=0)
    assert (out / "config.cfg").exists()
    nlp = spacy.load(out)
    assert "ner" in nlp.pipe_names
    ner = nlp.get_pipe("ner")
    assert set(ner.entity_labels) == {"PER", "ORG", "GPE", "LOC"}
    assert set(ner.labels) == {"O"} | {f"{move}-{kind}" for move in "BILU"
                                       for kind in ner.entity_labels}
    doc = nlp("Kantor di Jl. Sudirman milik PT Astra International Tbk. di Kab. Bogor.")
    assert "Jl." in [t.text for t in doc] and "Tbk." in [t.text for t in doc]
    assert "Kab." in [t.text for t in doc]
    # the idner-convention head comes last and writes its own spans key, not doc.ents
    assert nlp.pipe_names == ["tok2vec", "ner", "entity_ruler", "ner_corpus"]
    assert nlp.get_pipe("ner_corpus").entity_labels == ner.entity_labels
    assert "ner_corpus" in doc.spans


def test_warta_gpe_component_relabels_known_places():
    from spacy.tokens import Span

    import warta.train.gpe  # noqa: F401  (registers the component)

    nlp = spacy.blank("id")
    nlp.add_pipe("warta_gpe")
    doc = nlp.make_doc("Presiden Prancis berkunjung ke Sungai Musi di Kota Palembang .")
    doc.ents = [Span(doc, 1, 2, "LOC"), Span(doc, 4, 6, "LOC"), Span(doc, 7, 9, "LOC")]
    doc = nlp.get_pipe("warta_gpe")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Prancis", "GPE"), ("Sungai Musi", "LOC"), ("Kota Palembang", "GPE")]
    assert (doc.ents[2].start_char, doc.ents[2].end_char) == (46, 60)
    assert doc.text[46:60] == "Kota Palembang"


def test_news_paragraph_docs_keep_offsets_and_mark_glued_names_missing():
    from warta.train.news import paragraph_docs

    text = ("Menteri Keuangan Purbaya Yudhi Sadewa bertemu Gubernur Bank Indonesia.\n\n"
            "Laporan diterimadetikBali dari Polres Badung.")
    mentions = [(17, 37, "PER"), (55, 69, "ORG"), (88, 97, "ORG"), (103, 116, "ORG")]
    assert [text[s:e] for s, e, _ in mentions] == [
        "Purbaya Yudhi Sadewa", "Bank Indonesia", "detikBali", "Polres Badung"]
    docs = list(paragraph_docs(spacy.blank("id"), text, mentions))
    assert len(docs) == 2  # the empty line between the paragraphs gives no doc
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Purbaya Yudhi Sadewa", "PER"), ("Bank Indonesia", "ORG")]
    assert [(e.text, e.label_) for e in docs[1].ents] == [("Polres Badung", "ORG")]
    glued = [t for t in docs[1] if t.text == "diterimadetikBali"]
    assert glued and glued[0].ent_iob_ == ""  # missing, not "O"
    assert docs[1][0].ent_iob_ == "O"


def test_a_title_glued_to_the_word_before_it_is_split_off():
    from warta.train.ner import add_tokenizer_rules

    nlp = spacy.blank("id")
    add_tokenizer_rules(nlp)
    add_tokenizer_rules(nlp)  # idempotent: the rule is added once
    text = "1. DPC PDIP BadungKetua: I Nyoman Giri PrastaSekretaris: I Wayan Adi ArnawaBendahara:"
    assert [t.text for t in nlp(text)] == [
        "1", ".", "DPC", "PDIP", "Badung", "Ketua", ":", "I", "Nyoman", "Giri", "Prasta",
        "Sekretaris", ":", "I", "Wayan", "Adi", "Arnawa", "Bendahara", ":"]
    # camel-cased brands and lower-case titles inside words stay whole
    assert [t.text for t in nlp("YouTube, TikTok dan iPhone; perketuaan")] == [
        "YouTube", ",", "TikTok", "dan", "iPhone", ";", "perketuaan"]
    # the abbreviations stay one token
    assert "Kab." in [t.text for t in nlp("Kantor Kab. Bogor")]
