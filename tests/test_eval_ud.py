"""UD evaluation: gold-word scoring, raw-text alignment and the counting rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warta.eval.ud import evaluate_ud, evaluate_ud_raw, gold_word_spans, words_per_second
from warta.train.ud import add_clitic_special_cases, read_conllu

# Written for this test (UD v2.9+ style: "nya" split off "katanya").
CONLLU = """\
# sent_id = e-1
# text = Katanya, harga beras naik.
1-2\tKatanya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
1\tKata\tkata\tVERB\tVB\tVoice=Act\t6\tparataxis\t_\t_
2\tnya\tnya\tPRON\tPRP\tNumber=Sing|Person=3|PronType=Prs\t1\tnsubj\t_\t_
3\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_
4\tharga\tharga\tNOUN\tNN\tNumber=Sing\t6\tnsubj\t_\t_
5\tberas\tberas\tNOUN\tNN\tNumber=Sing\t4\tcompound\t_\t_
6\tnaik\tnaik\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

"""

# What the fake pipeline predicts per word: (pos, morph, lemma, head offset, dep).
# Errors on purpose: lemma "harg", "compound:x" for gold "compound" (right in LAS,
# wrong in full LAS), "," attached to "naik" instead of "Kata".
PREDICTED = {
    "Kata": ("VERB", "Voice=Act", "kata", 5, "parataxis"),
    "nya": ("PRON", "PronType=Prs|Person=3|Number=Sing", "nya", -1, "nsubj"),
    ",": ("PUNCT", "", ",", 3, "punct"),
    "harga": ("NOUN", "Number=Sing", "harg", 2, "nsubj"),
    "beras": ("NOUN", "Number=Sing", "beras", -1, "compound:x"),
    "naik": ("VERB", "", "naik", 0, "ROOT"),
    ".": ("PUNCT", "", ".", -1, "punct"),
}


@Language.component("warta_test_fake_ud")
def fake_ud(doc: Doc) -> Doc:
    rows = [PREDICTED.get(t.text, ("X", "", t.text, 0, "dep")) for t in doc]
    return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
               pos=[r[0] for r in rows], morphs=[r[1] for r in rows], lemmas=[r[2] for r in rows],
               heads=[t.i + r[3] for t, r in zip(doc, rows, strict=True)],
               deps=[r[4] for r in rows])


@pytest.fixture()
def conllu(tmp_path: Path) -> Path:
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fake_nlp() -> Language:
    """A blank pipeline with the fake component ("xx": "id" takes seconds to build)."""
    nlp = spacy.blank("xx")
    nlp.add_pipe("warta_test_fake_ud")
    return nlp


def test_gold_word_spans_split_multiword_token(conllu: Path):
    (sent,) = read_conllu(conllu)
    spans = gold_word_spans(sent)
    assert spans == [(0, 4), (4, 7), (7, 8), (9, 14), (15, 20), (21, 25), (25, 26)]
    assert [sent.text[a:b] for a, b in spans] == ["Kata", "nya", ",", "harga", "beras",
                                                  "naik", "."]


def test_evaluate_on_gold_words(conllu: Path, fake_nlp: Language):
    scores = evaluate_ud(conllu, fake_nlp)
    assert (scores.sentences, scores.gold_words, scores.aligned) == (1, 7, 7)
    assert scores.upos == 7 and scores.score("upos") == 100.0
    assert scores.ufeats == 7  # feature order does not matter
    assert scores.lemma == 6  # "harg"
    assert scores.uas == 6  # ","
    assert scores.las == 6  # "compound:x" counts as "compound" in LAS
    assert scores.las_full == 5
    assert scores.xpos is None and scores.score("xpos") is None
    assert scores.score("lemma") == round(100 * 6 / 7, 2)
    assert scores.as_dict()["las"] == round(100 * 6 / 7, 2)
    assert scores.line().startswith("UPOS 100.00  UFeats 100.00  Lemma 85.71")


def test_raw_text_needs_clitic_split(conllu: Path, fake_nlp: Language):
    whole = evaluate_ud_raw(conllu, fake_nlp)
    # "Katanya" stays one token: 2 gold words unmatched, 1 spurious predicted word.
    assert (whole.gold_words, whole.pred_words, whole.aligned) == (7, 6, 5)
    assert whole.words_f1 == round(200 * 5 / 13, 2)
    add_clitic_special_cases(fake_nlp, ["katanya"])  # the other tests do not tokenise
    split = evaluate_ud_raw(conllu, fake_nlp)
    assert (split.gold_words, split.pred_words, split.aligned) == (7, 7, 7)
    assert split.as_dict()["upos"] == 100.0 and split.las == 6


def test_words_per_second_counts_tokens(fake_nlp: Language):
    assert words_per_second(fake_nlp, ["Harga beras naik lagi."] * 20) > 0
