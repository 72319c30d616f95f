"""The idner-convention head with ensemble members of their own: written beside the model
(warta.train.corpus_ensemble), handed to the head at load (warta.nlp.corpus_ensemble)."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span
from spacy.training import Example

import warta.nlp.entity_tagger  # noqa: F401  (registers the factory and architectures)
from warta.nlp.corpus_ensemble import add_corpus_members, corpus_members_dir
from warta.nlp.entity_tagger import CORPUS_HEAD
from warta.train.corpus_ensemble import write_corpus_members

ENCODER = {"@architectures": "spacy.HashEmbedCNN.v2", "width": 8, "depth": 1,
           "embed_size": 50, "window_size": 1, "maxout_pieces": 2,
           "subword_features": False, "pretrained_vectors": None}
LISTENER = {"@architectures": "spacy.Tok2VecListener.v1", "width": 8, "upstream": "*"}
SENTENCES = [("Prabowo tiba di Istana Merdeka", [(0, 1, "PER"), (3, 5, "LOC")]),
             ("Kemenkeu menggelar rapat di Jakarta", [(0, 1, "ORG"), (4, 5, "GPE")])]


def _examples(nlp: Language) -> list[Example]:
    out = []
    for text, spans in SENTENCES:
        reference = nlp.make_doc(text)
        reference.ents = [Span(reference, s, e, label) for s, e, label in spans]
        out.append(Example(nlp.make_doc(text), reference))
    return out


def _pipeline(tagger_name: str, seed: int, spans_key: str | None) -> Language:
    """tok2vec + an entity tagger listening to it, initialised (weights of ``seed``)."""
    nlp = spacy.blank("id")
    nlp.add_pipe("tok2vec", config={"model": ENCODER})
    nlp.add_pipe("warta_entity_tagger", name=tagger_name, config={
        "spans_key": spans_key,
        "model": {"@architectures": "warta.EntityTagger.v1", "tok2vec": LISTENER}})
    spacy.util.fix_random_seed(seed)
    nlp.initialize(lambda: _examples(nlp))
    output = nlp.get_pipe(tagger_name).model.get_ref("output_layer")
    output.set_param("W", numpy.random.default_rng(seed).normal(  # zeros after initialize
        size=output.get_param("W").shape).astype("float32"))
    return nlp


def _probabilities(nlp: Language, name: str, text: str) -> numpy.ndarray:
    doc = nlp.get_pipe("tok2vec")(nlp.make_doc(text))
    return numpy.exp(nlp.get_pipe(name).predict([doc])[0])


def test_the_head_with_its_members_is_the_mean_of_their_probabilities(tmp_path: Path) -> None:
    text = "Menteri Sri Mulyani tiba di Kemenkeu"
    head = _pipeline(CORPUS_HEAD, 1, CORPUS_HEAD)
    head.get_pipe(CORPUS_HEAD).cfg["brackets"] = {"ORG": "join"}
    head.to_disk(tmp_path / "model")
    members = []
    for k, seed in enumerate((2, 3), start=1):
        member = _pipeline("ner", seed, None)
        member.to_disk(tmp_path / f"member{k}")
        members.append(_probabilities(member, "ner", text))
    alone = _probabilities(head, CORPUS_HEAD, text)
    written = write_corpus_members([tmp_path / "member1", tmp_path / "member2"],
                                   corpus_members_dir(tmp_path / "model"), head)
    assert written == tmp_path / "model_corpus"
    assert spacy.load(written).pipe_names == ["member1", "member2"]

    loaded = spacy.load(tmp_path / "model")
    assert numpy.allclose(_probabilities(loaded, CORPUS_HEAD, text), alone, atol=1e-6)
    assert add_corpus_members(loaded, tmp_path / "model")
    assert len(loaded.get_pipe(CORPUS_HEAD).members) == 2
    assert numpy.allclose(_probabilities(loaded, CORPUS_HEAD, text),
                          (alone + members[0] + members[1]) / 3, atol=1e-5)
    assert loaded.get_pipe(CORPUS_HEAD).cfg["brackets"] == {"ORG": "join"}
    doc = loaded(text)
    assert CORPUS_HEAD in doc.spans  # it still writes its spans key, not doc.ents
    # saving the pipeline saves the head alone: the members stay in their own folder
    loaded.to_disk(tmp_path / "again")
    assert numpy.allclose(_probabilities(spacy.load(tmp_path / "again"), CORPUS_HEAD, text),
                          alone, atol=1e-6)


def test_no_members_beside_the_model_leaves_the_head_alone(tmp_path: Path) -> None:
    head = _pipeline(CORPUS_HEAD, 1, CORPUS_HEAD)
    head.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert not add_corpus_members(loaded, tmp_path / "model")
    assert loaded.get_pipe(CORPUS_HEAD).members == []


def test_a_member_with_other_static_vectors_is_refused(tmp_path: Path) -> None:
    head = _pipeline(CORPUS_HEAD, 1, CORPUS_HEAD)
    member = _pipeline("ner", 2, None)
    member.vocab.set_vector("jakarta", numpy.ones(4, dtype="float32"))
    member.to_disk(tmp_path / "member")
    with pytest.raises(ValueError, match="static vectors are not the pipeline's"):
        write_corpus_members([tmp_path / "member"], tmp_path / "out", head)


def test_a_member_with_other_labels_is_refused(tmp_path: Path) -> None:
    head = _pipeline(CORPUS_HEAD, 1, CORPUS_HEAD)
    member = spacy.blank("id")
    member.add_pipe("tok2vec", config={"model": ENCODER})
    member.add_pipe("warta_entity_tagger", name="ner", config={
        "model": {"@architectures": "warta.EntityTagger.v1", "tok2vec": LISTENER}})
    member.initialize(lambda: _examples(member)[:1])  # PER and LOC only
    with pytest.raises(ValueError, match="labels"):
        head.get_pipe(CORPUS_HEAD).set_members([member.get_pipe("ner")])


def test_a_member_config_is_the_ner_config_with_fewer_epochs_and_its_embedding(
        tmp_path: Path) -> None:
    from spacy.util import load_config

    from warta.train.corpus_ensemble import CorpusMemberRecipe, member_config
    from warta.train.ner import CONFIG

    ner = load_config(CONFIG, interpolate=False)
    plain = load_config(member_config(CorpusMemberRecipe(1), tmp_path / "plain.cfg"),
                        interpolate=False)
    chars = load_config(member_config(CorpusMemberRecipe(4, char_embed=True),
                                      tmp_path / "chars.cfg"), interpolate=False)
    assert (ner["training"]["max_epochs"], plain["training"]["max_epochs"]) == (8, 5)
    ner["training"]["max_epochs"] = 5
    assert plain == ner
    embed = chars["components"]["tok2vec"]["model"].pop("embed")
    plain["components"]["tok2vec"]["model"].pop("embed")
    assert chars == plain
    assert embed["@architectures"] == "spacy.CharacterEmbed.v2"
    assert (embed["nC"], embed["feature"], embed["include_static_vectors"]) == (8, "NORM", True)


def test_a_smoke_build_trains_the_first_member_of_each_kind() -> None:
    from warta.train.corpus_ensemble import MEMBERS, smoke_members

    assert [(m.seed_offset, m.char_embed) for m in MEMBERS] == [(1, False), (3, False),
                                                                 (4, True), (5, True)]
    assert [(m.seed_offset, m.char_embed) for m in smoke_members()] == [(1, False), (4, True)]
