"""Span-level NER scoring on a tiny CoNLL file with hand-counted numbers."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

from warta.eval.ner import evaluate_ner
from warta.train.conll import bio_spans, detect_scheme, normal_form, read_conll

_COUNTER = itertools.count()

GOLD = (
    "Presiden\tO\nJoko\tB-PERSON\nWidodo\tI-PERSON\ntiba\tO\ndi\tO\nSurabaya\tB-LOCATION\n"
    ".\tO\n\n"
    "Bank\tB-ORGANIZATION\nIndonesia\tI-ORGANIZATION\nberkantor\tO\ndi\tO\n"
    "Jakarta\tB-LOCATION\nPusat\tI-LOCATION\n.\tO\n\n"
)


def _fake_ner(predictions: dict[str, list[tuple[int, int, str]]]) -> spacy.Language:
    """A pipeline whose only component sets fixed entities per sentence (keyed by 1st word)."""
    nlp = spacy.blank("id")
    name = f"fixed_ents_{next(_COUNTER)}"

    @spacy.Language.component(name)
    def fixed(doc):
        doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in predictions[doc[0].text]]
        return doc

    nlp.add_pipe(name)
    return nlp


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.conll"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_reader_maps_nerui_labels(gold_file: Path):
    sents = read_conll(gold_file)
    assert sents[0].tokens[1:3] == ("Joko", "Widodo")
    assert sents[0].spans == ((1, 3, "PER"), (5, 6, "LOC"))
    assert sents[1].spans == ((0, 2, "ORG"), (4, 6, "LOC"))


def test_scheme_detection_and_bio_rules():
    assert detect_scheme(["PPL", "IND", "EVT"]) == "nerp"
    assert detect_scheme(["PERSON", "PLACE"]) == "nergrit"
    assert detect_scheme(["PER", "LOC"]) == "idner"
    # An I- tag after O opens a span; a type change closes the previous one.
    assert bio_spans(["O", "I-PER", "I-PER", "I-LOC", "O", "B-ORG"]) == [
        (1, 3, "PER"), (3, 4, "LOC"), (5, 6, "ORG")]
    assert normal_form(["Jakarta", ",", "Selasa", "(", "5/3", ")"]) == "jakartaselasa53"


def test_scores_exact_spans_with_gpe_folded(gold_file: Path):
    nlp = _fake_ner({
        # PER correct, Surabaya predicted GPE -> folded into LOC, counted correct.
        "Presiden": [(1, 3, "PER"), (5, 6, "GPE")],
        # ORG boundary wrong (fp + fn), "Jakarta" alone is a boundary error (fp + fn).
        "Bank": [(1, 2, "ORG"), (4, 5, "LOC")],
    })
    scores = evaluate_ner(gold_file, nlp)
    assert scores.sentences == 2
    per, org, loc = (scores.per_type[t] for t in ("PER", "ORG", "LOC"))
    assert (per.tp, per.fp, per.fn) == (1, 0, 0)
    assert (org.tp, org.fp, org.fn) == (0, 1, 1)
    assert (loc.tp, loc.fp, loc.fn) == (1, 1, 1)
    assert scores.overall.tp == 2 and scores.overall.fp == 2 and scores.overall.fn == 2
    assert scores.precision == pytest.approx(0.5)
    assert scores.recall == pytest.approx(0.5)
    assert scores.f1 == pytest.approx(0.5)
    assert loc.f1 == pytest.approx(0.5)
    assert scores.as_dict()["PER"]["f1"] == 1.0


def test_untyped_predictions_are_ignored(gold_file: Path):
    nlp = _fake_ner({"Presiden": [(0, 1, "MISC")], "Bank": []})
    scores = evaluate_ner(gold_file, nlp)
    assert scores.overall.fp == 0
    assert scores.overall.fn == 4
    assert scores.f1 == 0.0
