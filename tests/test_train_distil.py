"""Distillation's unlabelled text: which news the teacher ensemble may label."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest

import warta.train.distil as distil
from warta.train.corpus import IDNER_DEV

DEV_SENTENCE = "Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang ."


def _data_dir(tmp_path: Path) -> Path:
    (tmp_path / "news" / "bppt-panl").mkdir(parents=True)
    rows = [
        '0,"Menteri Keuangan Sri Mulyani Indrawati menyampaikan laporan di Jakarta."',
        '1,"Presiden Joko Widodo meresmikan Bendungan Sadawarna di Subang."',  # = idner dev
        '2,"Menteri Keuangan Sri Mulyani Indrawati menyampaikan laporan di Jakarta."',  # twice
        '3,"Hujan turun."',  # too short
    ]
    (tmp_path / "news" / "bppt-panl" / "train.csv").write_text("\n".join(rows) + "\n",
                                                               encoding="utf-8")
    dev = tmp_path / IDNER_DEV
    dev.parent.mkdir(parents=True)
    dev.write_text("".join(f"{w}\tO\n" for w in DEV_SENTENCE.split()) + "\n", encoding="utf-8")
    articles = [
        {"id": "detik-1", "text": "Gubernur Pramono Anung meninjau banjir di Kampung Melayu."},
        {"id": "detik-2", "text": "Wali Kota Eri Cahyadi membuka festival di Surabaya.\n\n"
                                  "Gubernur Pramono Anung meninjau banjir di Kampung Melayu."},
        {"id": "detik-3", "text": "Kapolri Listyo Sigit Prabowo memimpin apel di Monas."},
    ]
    (tmp_path / "news" / "detik-dev.jsonl").write_text(
        "".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return tmp_path


@pytest.fixture
def gold_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """detik-1 is a dev-set article, detik-3 a training article with gold annotation."""
    dev_gold, train_gold = tmp_path / "dev_gold.jsonl", tmp_path / "train_gold.jsonl"
    dev_gold.write_text(json.dumps({"id": "detik-1", "entities": []}) + "\n", encoding="utf-8")
    train_gold.write_text(json.dumps({"id": "detik-3", "entities": []}) + "\n",
                          encoding="utf-8")
    monkeypatch.setattr(distil, "DEV_GOLD", (dev_gold,))
    monkeypatch.setattr(distil, "TRAIN_GOLD", train_gold)
    monkeypatch.setattr(distil, "nlpid_postag_path", lambda: None)


def test_unlabelled_text_leaves_out_evaluation_material_and_duplicates(tmp_path: Path,
                                                                         gold_files: None):
    texts = [d.text for d in distil.unlabelled_texts(_data_dir(tmp_path / "data"), limit=10)]
    # BPPT: the idner dev sentence, the repeat and the four-word line are left out;
    # Detik: the dev article, the gold-annotated training article, and the dev
    # article's paragraph repeated in a follow-up are left out
    assert sorted(texts) == [
        "Menteri Keuangan Sri Mulyani Indrawati menyampaikan laporan di Jakarta.",
        "Wali Kota Eri Cahyadi membuka festival di Surabaya.",
    ]


def test_unlabelled_text_is_an_even_draw_from_each_source(tmp_path: Path, gold_files: None):
    texts = [d.text for d in distil.unlabelled_texts(_data_dir(tmp_path / "data"), limit=2)]
    assert len(texts) == 2 and any("Sri Mulyani" in t for t in texts) \
        and any("Eri Cahyadi" in t for t in texts)


def _tiny_teacher():
    """An untrained tok2vec + entity tagger pipeline, initialised on two sentences."""
    import spacy
    from spacy.tokens import Span
    from spacy.training import Example

    import warta.nlp.entity_tagger  # noqa: F401  (registers the factory)
    nlp = spacy.blank("id")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.HashEmbedCNN.v2", "width": 8, "depth": 1, "embed_size": 50,
        "window_size": 1, "maxout_pieces": 2, "subword_features": False,
        "pretrained_vectors": None}})
    nlp.add_pipe("warta_entity_tagger", name="ner", config={"model": {
        "@architectures": "warta.EntityTagger.v1",
        "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 8}}})
    examples = []
    for text, (start, end, label) in [("Prabowo tiba di Jakarta", (0, 1, "PER")),
                                      ("Polri menangkap pelaku", (0, 1, "ORG"))]:
        doc = nlp.make_doc(text)
        doc.ents = [Span(doc, start, end, label=label)]
        examples.append(Example(nlp.make_doc(text), doc))
    nlp.initialize(lambda: examples)
    return nlp


def test_soft_targets_are_the_teachers_mean_probabilities(tmp_path: Path):
    from spacy.tokens import DocBin

    from warta.nlp.entity_tagger import SOFT_LABELS, SOFT_TARGETS
    teachers = [_tiny_teacher(), _tiny_teacher()]
    vocab = teachers[0].vocab
    docs = [teachers[0].make_doc("Menteri Sri Mulyani hadir di Jakarta"),
            teachers[0].make_doc("Gubernur Bank Indonesia menahan suku bunga")]
    done = docs[1]
    done.user_data[SOFT_TARGETS] = "already given"
    path = tmp_path / "train.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    assert distil.add_soft_targets(path, teachers) == 1  # the other doc already had them
    first, second = DocBin().from_disk(path).get_docs(vocab)
    probs = first.user_data[SOFT_TARGETS]
    labels = first.user_data[SOFT_LABELS]
    assert probs.shape == (len(first), len(labels)) and labels[0] == "O"
    assert abs(float(probs.sum(axis=1).mean()) - 1.0) < 0.01  # rows are distributions
    alone = [numpy.exp(distil.ensemble_log_probs([t], [first])[0]) for t in teachers]
    assert numpy.allclose(probs, (alone[0] + alone[1]) / 2, atol=1e-3)  # float16 stored
    assert second.user_data[SOFT_TARGETS] == "already given"
