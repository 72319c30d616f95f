"""The BILUO entity tagger's decoding: valid sequences from per-token scores, spans from tags."""

from __future__ import annotations

import numpy
import spacy

from warta.nlp.entity_tagger import BiluoDecoder, entity_spans, log_softmax

LABELS = ("O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG")
NLP = spacy.blank("id")


def scores_for(*rows: dict[str, float]) -> numpy.ndarray:
    """Log-probabilities from a few probabilities per token (the rest share what is left)."""
    out = []
    for row in rows:
        rest = (1.0 - sum(row.values())) / (len(LABELS) - len(row))
        out.append([row.get(label, rest) for label in LABELS])
    return numpy.log(numpy.array(out, dtype="float32"))


def spans(text: str, tags: list[str]) -> list[tuple[str, str]]:
    doc = NLP(text)
    return [(s.text, s.label_) for s in entity_spans(doc, tags)]


def test_sure_outside_tokens_stay_outside() -> None:
    decoder = BiluoDecoder(LABELS)
    sure = {"O": 0.995}
    assert decoder.decode(scores_for(sure, sure, sure)) == ["O", "O", "O"]


def test_viterbi_repairs_a_name_whose_last_tag_was_guessed_wrong() -> None:
    # "Sri Mulyani tiba": token by token the best tags are B-PER, B-PER, O (invalid:
    # an entity opened and never closed); the best valid reading is B-PER L-PER O.
    decoder = BiluoDecoder(LABELS)
    scores = scores_for({"B-PER": 0.7, "U-PER": 0.2},
                        {"B-PER": 0.45, "L-PER": 0.4},
                        {"O": 0.999})
    assert decoder.decode(scores) == ["B-PER", "L-PER", "O"]


def test_viterbi_does_not_mix_types_inside_one_entity() -> None:
    # "Bank Indonesia" guessed B-ORG then L-PER: one ORG, since L must close B's type.
    decoder = BiluoDecoder(LABELS)
    scores = scores_for({"B-ORG": 0.8}, {"L-PER": 0.5, "L-ORG": 0.4}, {"O": 0.999})
    assert decoder.decode(scores) == ["B-ORG", "L-ORG", "O"]


def test_only_unsure_stretches_are_decoded() -> None:
    decoder = BiluoDecoder(LABELS)
    sure = {"O": 0.999}
    scores = scores_for(sure, {"U-ORG": 0.9}, sure, sure, sure, {"U-PER": 0.8}, sure)
    assert decoder.decode(scores) == ["O", "U-ORG", "O", "O", "O", "U-PER", "O"]


def test_log_softmax_rows_are_log_probabilities() -> None:
    out = log_softmax(numpy.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]], dtype="float32"))
    assert numpy.allclose(numpy.exp(out).sum(axis=1), 1.0)
    assert out[1][0] == out[1][2]


def test_spans_from_valid_tags() -> None:
    text = "Menteri Keuangan Sri Mulyani tiba di Bank Indonesia ."
    tags = ["O", "O", "B-PER", "L-PER", "O", "O", "B-ORG", "L-ORG", "O"]
    assert spans(text, tags) == [("Sri Mulyani", "PER"), ("Bank Indonesia", "ORG")]


def test_spans_from_invalid_tags_are_read_leniently() -> None:
    text = "Kata Prabowo Subianto kepada Polri di Jakarta"
    # I without B starts an entity; an entity left open ends at its last tagged token;
    # L of another type closes the open one and stands alone
    tags = ["O", "I-PER", "I-PER", "O", "L-ORG", "O", "B-PER"]
    assert spans(text, tags) == [("Prabowo Subianto", "PER"), ("Polri", "ORG"),
                                 ("Jakarta", "PER")]


def test_entities_never_start_or_end_on_whitespace() -> None:
    text = "Sri  Mulyani"  # two spaces: spaCy makes a whitespace token between the words
    doc = NLP(text)
    assert [t.text for t in doc] == ["Sri", " ", "Mulyani"]
    assert spans(text, ["B-PER", "I-PER", "L-PER"]) == [("Sri  Mulyani", "PER")]
    assert spans(text, ["U-PER", "B-PER", "L-PER"]) == [("Sri", "PER"), ("Mulyani", "PER")]


def _tagger_with_labels():
    from warta.nlp.entity_tagger import make_entity_tagger  # noqa: F401  (registers)
    nlp = spacy.blank("id")
    tagger = nlp.add_pipe("warta_entity_tagger", name="ner", config={"model": {
        "@architectures": "warta.EntityTagger.v1",
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "width": 8, "depth": 1,
                    "embed_size": 50, "window_size": 1, "maxout_pieces": 2,
                    "subword_features": False, "pretrained_vectors": None}}})
    for label in LABELS:
        tagger.add_label(label)
    return nlp, tagger


def test_soft_targets_are_mixed_with_the_gold_tag() -> None:
    # "Prabowo tiba di Istana": the teacher is 70 % sure "Prabowo" is a one-token
    # person, 30 % an organisation; gold says person. The predicted doc has the same
    # tokens, so each token's target is half gold, half the teacher's row.
    from spacy.training import Example

    from warta.nlp.entity_tagger import SOFT_LABELS, SOFT_TARGETS
    nlp, tagger = _tagger_with_labels()
    reference = nlp.make_doc("Prabowo tiba di Istana")
    reference.ents = [spacy.tokens.Span(reference, 0, 1, label="PER")]
    teacher_labels = list(reversed(LABELS))  # columns in another order than the tagger's
    soft = numpy.zeros((4, len(LABELS)), dtype="float32")
    soft[0, teacher_labels.index("U-PER")] = 0.7
    soft[0, teacher_labels.index("U-ORG")] = 0.3
    soft[1:, teacher_labels.index("O")] = 1.0
    reference.user_data[SOFT_TARGETS] = soft
    reference.user_data[SOFT_LABELS] = teacher_labels
    eg = Example(nlp.make_doc(reference.text), reference)
    guesses = numpy.full((4, len(LABELS)), 1.0 / len(LABELS), dtype="float32")
    _loss, (d_scores,) = tagger.get_loss([eg], [guesses])
    expected = guesses.copy()
    expected[0, LABELS.index("U-PER")] -= 0.85
    expected[0, LABELS.index("U-ORG")] -= 0.15
    expected[1:, LABELS.index("O")] -= 1.0
    assert numpy.allclose(d_scores, expected)


def test_gold_tags_are_the_target_without_soft_targets_and_missing_tokens_are_skipped() -> None:
    from spacy.training import Example
    nlp, tagger = _tagger_with_labels()
    reference = nlp.make_doc("Prabowo tiba di Istana")
    reference.set_ents([spacy.tokens.Span(reference, 0, 1, label="PER")],
                       missing=[reference[3:4]], default="outside")
    with_soft = nlp.make_doc("Rapat di Istana")  # a second doc of the batch is distilled
    with_soft.user_data["warta_biluo_probs"] = numpy.full((3, len(LABELS)), 1 / len(LABELS))
    with_soft.user_data["warta_biluo_labels"] = list(LABELS)
    egs = [Example(nlp.make_doc(reference.text), reference),
           Example(nlp.make_doc(with_soft.text), with_soft)]
    guesses = [numpy.full((4, len(LABELS)), 0.1, dtype="float32"),
               numpy.full((3, len(LABELS)), 0.1, dtype="float32")]
    _loss, (d_gold, _d_soft) = tagger.get_loss(egs, guesses)
    assert d_gold[0, LABELS.index("U-PER")] == numpy.float32(0.1) - 1
    assert d_gold[1, LABELS.index("O")] == numpy.float32(0.1) - 1
    assert not d_gold[3].any()  # missing annotation: no gradient


def test_a_tagger_with_a_spans_key_writes_there_and_leaves_doc_ents_alone() -> None:
    nlp, tagger = _tagger_with_labels()
    tagger.spans_key = "ner_corpus"
    doc = nlp.make_doc("Menteri Sri Mulyani tiba di Kemenkeu")
    doc.ents = [spacy.tokens.Span(doc, 1, 3, label="PER")]
    outside = {"O": 0.999}
    scores = scores_for(outside, {"B-PER": 0.85, "O": 0.1}, {"L-PER": 0.85, "O": 0.1},
                        outside, outside, {"U-ORG": 0.85, "O": 0.1})
    tagger.set_annotations([doc], [scores])
    assert [(s.text, s.label_) for s in doc.spans["ner_corpus"]] == [
        ("Sri Mulyani", "PER"), ("Kemenkeu", "ORG")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Sri Mulyani", "PER")]


def test_the_spans_scorer_scores_the_key_against_reference_entities() -> None:
    from spacy.training import Example

    from warta.nlp.entity_tagger import make_entity_spans_scorer
    nlp = spacy.blank("id")
    reference = nlp.make_doc("Sri Mulyani tiba di Jakarta")
    reference.ents = [spacy.tokens.Span(reference, 0, 2, label="PER"),
                      spacy.tokens.Span(reference, 4, 5, label="LOC")]
    predicted = nlp.make_doc(reference.text)
    predicted.spans["ner_corpus"] = [spacy.tokens.Span(predicted, 0, 2, label="PER"),
                                    spacy.tokens.Span(predicted, 3, 5, label="LOC")]
    scores = make_entity_spans_scorer("ner_corpus")([Example(predicted, reference)])
    assert scores["ner_corpus_p"] == 0.5
    assert scores["ner_corpus_r"] == 0.5
    assert scores["ner_corpus_per_type"]["PER"]["f"] == 1.0


def test_a_tagger_learns_the_bracket_habit_of_its_gold_only_when_asked() -> None:
    # idner writes "Mahkamah Konstitusi (MK)" as one organisation; a tagger told to learn
    # brackets counts that at initialize and applies it after decoding. The shipped
    # ``ner`` is not told to: its cfg stays as it was.
    from spacy.training import Example

    def examples(nlp):
        for _ in range(3):
            doc = nlp.make_doc("Mahkamah Konstitusi (MK) menolak gugatan")
            doc.ents = [spacy.tokens.Span(doc, 0, 5, label="ORG")]
            yield Example(nlp.make_doc(doc.text), doc)

    for learn in (False, True):
        nlp, tagger = _tagger_with_labels()
        tagger.learn_brackets = learn
        tagger.initialize(lambda nlp=nlp: examples(nlp), nlp=nlp, labels=LABELS)
        assert tagger.cfg.get("brackets") == ({"ORG": "join"} if learn else None)
        doc = nlp.make_doc("Hakim Mahkamah Konstitusi (MK) Arief Hidayat")
        outside = {"O": 0.999}
        tagger.set_annotations([doc], [scores_for(
            outside, {"B-ORG": 0.85, "O": 0.1}, {"L-ORG": 0.85, "O": 0.1}, outside,
            {"U-ORG": 0.85, "O": 0.1}, outside, {"B-PER": 0.85, "O": 0.1},
            {"L-PER": 0.85, "O": 0.1})])
        assert [(e.text, e.label_) for e in doc.ents] == (
            [("Mahkamah Konstitusi (MK)", "ORG"), ("Arief Hidayat", "PER")] if learn else
            [("Mahkamah Konstitusi", "ORG"), ("MK", "ORG"), ("Arief Hidayat", "PER")])


def viterbi_one(decoder: BiluoDecoder, scores: numpy.ndarray) -> list[int]:
    """The reference: one stretch at a time, the textbook recursion."""
    best = numpy.where(decoder.can_start, scores[0], -numpy.inf)
    back = []
    for row in scores[1:]:
        candidates = best[:, None] + decoder.transition
        back.append(candidates.argmax(axis=0))
        best = candidates.max(axis=0) + row
    best = numpy.where(decoder.can_end, best, -numpy.inf)
    path = [int(best.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def test_all_stretches_at_once_give_the_paths_of_one_at_a_time() -> None:
    decoder = BiluoDecoder(LABELS)
    rng = numpy.random.default_rng(7)
    for _ in range(200):
        stretches = [log_softmax(rng.normal(scale=3.0, size=(int(rng.integers(1, 9)),
                                                              len(LABELS))).astype("float32"))
                     for _ in range(int(rng.integers(1, 6)))]
        assert decoder._viterbi_all(stretches) == [viterbi_one(decoder, x) for x in stretches]


def test_two_unsure_stretches_are_decoded_each_as_valid_sequences() -> None:
    decoder = BiluoDecoder(LABELS)
    sure = {"O": 0.999}
    scores = scores_for({"B-PER": 0.7, "U-PER": 0.2}, {"B-PER": 0.45, "L-PER": 0.4}, sure,
                        sure, sure, {"B-ORG": 0.8}, {"L-PER": 0.5, "L-ORG": 0.4}, sure)
    assert decoder.decode(scores) == ["B-PER", "L-PER", "O", "O", "O", "B-ORG", "L-ORG", "O"]


def _tiny_tagger_model(seed: int):
    """A small initialised ``warta.EntityTagger.v1`` model with an encoder of its own."""
    from spacy.ml.models import build_hash_embed_cnn_tok2vec
    from thinc.api import fix_random_seed

    from warta.nlp.entity_tagger import build_entity_tagger

    fix_random_seed(seed)
    tok2vec = build_hash_embed_cnn_tok2vec(width=8, depth=1, embed_size=50, window_size=1,
                                           maxout_pieces=2, subword_features=False,
                                           pretrained_vectors=None)
    model = build_entity_tagger(tok2vec, hidden_width=8, nO=len(LABELS))
    doc = spacy.blank("id").make_doc("Prabowo tiba di Istana")
    model.initialize(X=[doc])
    output = model.get_ref("output_layer")  # initialised to zeros: every tag equally likely
    output.set_param("W", numpy.random.default_rng(seed).normal(
        size=output.get_param("W").shape).astype("float32"))
    return model, doc


def test_an_ensemble_gives_the_log_of_its_taggers_mean_probabilities() -> None:
    from warta.nlp.entity_tagger import build_entity_ensemble

    first, doc = _tiny_tagger_model(1)
    second, _ = _tiny_tagger_model(2)
    p1 = numpy.exp(log_softmax(first.predict([doc])[0]))
    p2 = numpy.exp(log_softmax(second.predict([doc])[0]))
    assert not numpy.allclose(p1, p2)  # two different taggers
    (alone,) = build_entity_ensemble(first).predict([doc])
    assert numpy.allclose(alone, numpy.log(p1), atol=1e-5)
    (both,) = build_entity_ensemble(first, second).predict([doc])
    assert both.shape == (4, len(LABELS))
    assert numpy.allclose(numpy.exp(both), (p1 + p2) / 2, atol=1e-6)
    assert numpy.allclose(numpy.exp(both).sum(axis=1), 1.0, atol=1e-5)


def test_an_ensemble_is_never_trained_as_a_whole() -> None:
    import pytest

    from warta.nlp.entity_tagger import build_entity_ensemble

    model, doc = _tiny_tagger_model(1)
    with pytest.raises(ValueError, match="assembled from trained taggers"):
        build_entity_ensemble(model).begin_update([doc])
    with pytest.raises(ValueError, match="at least one tagger"):
        build_entity_ensemble()
