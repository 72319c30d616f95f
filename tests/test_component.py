"""warta.load(): Warta as a spaCy pipeline, same facts as warta.analyze()."""

from pathlib import Path

import warta

SEED = (Path(__file__).resolve().parent.parent / "examples" / "seed.txt").read_text("utf-8")


def test_load_adds_the_warta_component_last():
    nlp = warta.load()
    assert nlp.pipe_names[-1] == "warta"


def test_doc_carries_the_same_analysis_as_analyze():
    nlp = warta.load()
    doc = nlp.make_doc(SEED)
    doc._.published = "2023-10-24"
    for _, component in nlp.pipeline:
        doc = component(doc)
    expected = warta.analyze(SEED, published="2023-10-24")
    assert doc._.warta.to_dict() == expected.to_dict()
    assert [q.text for q in doc._.quotes] == [q.text for q in expected.quotes]
    assert doc._.dates[0].value == "2023-10-24"
    assert {a.name for a in doc._.attributions} == {"Reuters"}


def test_component_config_sets_the_publication_time():
    nlp = warta.load()
    nlp.get_pipe("warta").published = "2025-10-21"
    doc = nlp("Kapolres mengatakan, pelaku ditangkap kemarin di rumahnya.")
    (yesterday,) = [d for d in doc._.dates if d.text == "kemarin"]
    assert yesterday.value == "2025-10-20"


def test_load_tags_lemmatizes_and_parses_within_wartas_sentences():
    nlp = warta.load()
    assert {"morphologizer", "trainable_lemmatizer", "parser", "ner"} <= set(nlp.pipe_names)
    doc = nlp("Presiden Prabowo Subianto menjadi pembicara di Jl. Sudirman. "
              "Menteri itu menggantikan pejabat lama.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["menjadi"] == "jadi"
    assert lemmas["menggantikan"] == "ganti"
    assert [s.text for s in doc.sents] == [
        "Presiden Prabowo Subianto menjadi pembicara di Jl. Sudirman.",
        "Menteri itu menggantikan pejabat lama."]
    assert sum(t.dep_ == "ROOT" for t in doc) == 2
    assert doc[1].pos_ == "PROPN"


def test_analysis_leaves_the_syntax_components_out():
    from warta.nlp.pipeline import SYNTAX_COMPONENTS, get_nlp

    assert not set(SYNTAX_COMPONENTS) & set(get_nlp().pipe_names)


def test_load_also_annotates_entities_the_way_idner_does():
    # doc.ents follows the product (countries tagged); the second head follows
    # idner-news-2k, which leaves most country names untagged. The analysis never runs it.
    from warta.nlp.pipeline import get_nlp

    nlp = warta.load()
    doc = nlp("Presiden Amerika Serikat Joe Biden bertemu Menteri Luar Negeri Retno Marsudi "
              "di Jakarta.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Amerika Serikat", "GPE"), ("Joe Biden", "PER"), ("Retno Marsudi", "PER"),
        ("Jakarta", "GPE")]
    assert [(e.text, e.label_) for e in doc.spans["ner_corpus"]] == [
        ("Joe Biden", "PER"), ("Retno Marsudi", "PER"), ("Jakarta", "GPE")]
    # idner keeps a bracketed acronym inside the organisation's name and gives a
    # bracketed nickname its own span; the head learned both from idner train
    doc = nlp("Mahkamah Konstitusi (MK) menolak gugatan yang diajukan Presiden Joko Widodo "
              "(Jokowi) di Jakarta.")
    assert [(e.text, e.label_) for e in doc.spans["ner_corpus"]] == [
        ("Mahkamah Konstitusi (MK)", "ORG"), ("Joko Widodo", "PER"), ("Jokowi", "PER"),
        ("Jakarta", "GPE")]
    assert [e.text for e in doc.ents] == [
        "Mahkamah Konstitusi", "MK", "Joko Widodo", "Jokowi", "Jakarta"]
    assert "ner_corpus" not in get_nlp().pipe_names
    assert "ner_corpus" in get_nlp(corpus_head=True).pipe_names
