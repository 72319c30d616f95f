"""UD training: CoNLL-U reading, Doc conversion, clitic special cases, smoke training."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import spacy
from spacy.vocab import Vocab

from warta.train.ud import (
    CONFIG,
    CSUI_TEST,
    GSD_TEST,
    PRETAG_CONFIG,
    add_clitic_special_cases,
    build_ud_corpora,
    copy_clitic_special_cases,
    encoder_overrides,
    mwt_forms,
    read_conllu,
    sentences_to_doc,
    split_clitic,
)


def _shared_data() -> Path:
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "data"


DATA = _shared_data()
needs_data = pytest.mark.skipif(not (DATA / "ud" / "csui" / "id_csui-ud-train.conllu").exists(),
                                reason="shared UD data not available")

# Two sentences written for this test, in UD v2.9+ style (clitics split off).
CONLLU = """\
# sent_id = t-1
# text = Katanya, harga beras naik.
1-2\tKatanya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
1\tKata\tkata\tVERB\tVB\tVoice=Act\t6\tparataxis\t_\t_
2\tnya\tnya\tPRON\tPRP\tNumber=Sing|Person=3|PronType=Prs\t1\tnsubj\t_\t_
3\t,\t,\tPUNCT\t,\t_\t1\tpunct\t_\t_
4\tharga\tharga\tNOUN\tNN\tNumber=Sing\t6\tnsubj\t_\t_
5\tberas\tberas\tNOUN\tNN\tNumber=Sing\t4\tnmod\t_\t_
5.1\tx\tx\tX\t_\t_\t_\t_\t_\t_
6\tnaik\tnaik\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

# sent_id = t-2
# text = Menteri menggantikan direkturnya.
1\tMenteri\tmenteri\tNOUN\tNN\tNumber=Sing\t2\tnsubj\t_\t_
2\tmenggantikan\tganti\tVERB\tVB\tVoice=Act\t0\troot\t_\t_
3-4\tdirekturnya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
3\tdirektur\tdirektur\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\t_
4\tnya\tnya\tPRON\tPRP$\tNumber=Sing|Person=3|PronType=Prs\t3\tnmod:poss\t_\t_
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


@pytest.fixture()
def conllu(tmp_path: Path) -> Path:
    path = tmp_path / "mini.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    return path


def test_read_conllu_words_mwts_and_spaces(conllu: Path):
    first, second = read_conllu(conllu)
    assert first.sent_id == "t-1" and first.text == "Katanya, harga beras naik."
    assert [w.form for w in first.words] == ["Kata", "nya", ",", "harga", "beras", "naik", "."]
    assert first.mwts == ((0, 1, "Katanya"),)
    # Inside a MWT no space; the MWT's SpaceAfter=No goes to its last word.
    assert [w.space_after for w in first.words] == [False, False, True, True, True, False, True]
    assert first.words[1].feats == "Number=Sing|Person=3|PronType=Prs"
    assert first.words[2].feats == ""
    assert second.words[1].lemma == "ganti" and second.words[3].deprel == "nmod:poss"
    assert first.normal_form == "katanyahargaberasnaik"


def test_sentences_to_doc_keeps_text_and_annotation(conllu: Path):
    sents = read_conllu(conllu)
    doc = sentences_to_doc(Vocab(), sents)
    assert doc.text == "Katanya, harga beras naik. Menteri menggantikan direkturnya."
    assert [t.text for t in doc][:3] == ["Kata", "nya", ","]
    assert doc[0].idx == 0 and doc[1].idx == 4 and doc[1].text == "nya"
    assert doc[5].dep_ == "ROOT" and doc[5].head.i == 5
    assert doc[0].head.i == 5 and doc[1].head.i == 0
    assert doc[8].lemma_ == "ganti" and doc[8].pos_ == "VERB"
    assert str(doc[1].morph) == "Number=Sing|Person=3|PronType=Prs"
    assert doc[10].dep_ == "nmod:poss" and doc[10].head.i == 9
    assert [s.start for s in doc.sents] == [0, 7]


def test_stage_one_encoder_is_built_at_the_size_of_the_config_it_feeds():
    # the stage-1 encoder replaces the config's; a 64 x 3 one under a 96 x 4 config
    # would silently train the smaller model
    shipped = encoder_overrides(CONFIG)
    assert shipped["components.tok2vec_ud.model.encode.width"] == 96
    assert shipped["components.tok2vec_ud.model.encode.depth"] == 4
    fast = encoder_overrides(CONFIG.with_name("ud_fast.cfg"))
    assert fast["components.tok2vec_ud.model.encode.width"] == 64
    assert fast == encoder_overrides(PRETAG_CONFIG)  # the stage-1 config's own default
    nlp = spacy.util.load_model_from_config(
        spacy.util.load_config(PRETAG_CONFIG, overrides=shipped, interpolate=True),
        auto_fill=True, validate=True)
    assert nlp.get_pipe("tok2vec_ud").model.get_dim("nO") == 96


def test_split_clitic_surface():
    assert split_clitic("katanya") == ("kata", "nya")
    assert split_clitic("Menurutnya") == ("Menurut", "nya")
    assert split_clitic("apakah") == ("apa", "kah")
    assert split_clitic("anak-anakmu") == ("anak-anak", "mu")
    assert split_clitic("nya") is None
    assert split_clitic("rumah") is None


def test_clitic_special_cases_split_in_tokenizer(conllu: Path):
    split, whole = mwt_forms(read_conllu(conllu))
    assert split == {"katanya": 1, "direkturnya": 1} and not whole
    nlp = spacy.blank("xx")  # "id" takes seconds to build (16k tokenizer exceptions)
    add_clitic_special_cases(nlp, split)
    text = "Katanya, direkturnya pergi. KATANYA hanya punya satu."
    doc = nlp(text)
    assert [t.text for t in doc] == ["Kata", "nya", ",", "direktur", "nya", "pergi", ".",
                                     "KATA", "NYA", "hanya", "punya", "satu", "."]
    assert text[doc[4].idx:doc[4].idx + 3] == "nya" and doc[4].idx == 17
    other = spacy.blank("xx")
    assert copy_clitic_special_cases(nlp, other) == 6  # lower, Capitalised, UPPER of two forms
    assert [t.text for t in other("direkturnya")] == ["direktur", "nya"]


@needs_data
def test_corpora_hold_out_test_sentences(tmp_path: Path):
    report = build_ud_corpora(DATA, tmp_path, dev_sentences=50)
    assert report.dev == 50
    assert report.counts["csui-train"] == 656 - 50 - report.dropped["csui-train"]
    assert set(report.counts) == {"csui-train", "gsd-dev", "pud-test"}
    test_forms = {s.normal_form for rel in (CSUI_TEST, GSD_TEST) for s in read_conllu(DATA / rel)}
    from spacy.tokens import DocBin
    docs = DocBin().from_disk(tmp_path / "train.spacy").get_docs(Vocab())
    train_forms = {"".join(ch for ch in sent.text.lower() if ch.isalnum() or ch == "_")
                   for doc in docs for sent in doc.sents}
    assert not train_forms & test_forms


@needs_data
def test_train_ud_smoke(tmp_path: Path):
    from warta.eval.ud import evaluate_ud
    from warta.train.ud import add_ud_components, train_ud

    started = time.time()
    out = train_ud(tmp_path / "model", DATA, max_sentences=60, max_epochs=1, seed=0)
    assert time.time() - started < 60
    nlp = spacy.load(out)
    assert nlp.pipe_names == ["tok2vec_ud", "morphologizer", "trainable_lemmatizer", "parser"]
    doc = nlp("Katanya, pemerintah menjadi lebih terbuka.")
    assert [t.text for t in doc][:2] == ["Kata", "nya"]
    assert all(t.pos_ for t in doc) and all(t.dep_ for t in doc)
    # Sourced into another pipeline that has a tok2vec of its own: same predictions.
    other = spacy.blank("xx")
    other.add_pipe("tok2vec")
    other.initialize()
    assert add_ud_components(other, nlp) == list(nlp.pipe_names)
    assert [t.text for t in other("Katanya, harga naik.")][:2] == ["Kata", "nya"]
    sents = read_conllu(DATA / CSUI_TEST)[:30]
    assert evaluate_ud(sents, other) == evaluate_ud(sents, nlp)
