"""The bracket habit of an annotation convention: learned from gold, applied to spans."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from warta.nlp.bracket_convention import (
    JOIN,
    OWN,
    BracketGroup,
    apply_bracket_convention,
    bracket_group,
    learn_bracket_convention,
)

NLP = spacy.blank("id")


def words(text: str) -> list[str]:
    """Tokens separated by spaces, as the CoNLL corpora give them (idner glues brackets)."""
    return text.split(" ")


def doc_of(text: str, ents: list[tuple[int, int, str]] = ()) -> Doc:
    doc = Doc(NLP.vocab, words=words(text))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def spans_of(doc: Doc, ents: list[tuple[int, int, str]]) -> list[Span]:
    return [Span(doc, start, end, label=label) for start, end, label in ents]


def test_bracket_group_on_separate_bracket_tokens() -> None:
    tokens = words("Putusan Mahkamah Konstitusi ( MK ) bersifat final")
    assert bracket_group(tokens, 3) == BracketGroup(start=3, end=6, inner_start=4, inner_end=5)


def test_bracket_group_on_glued_tokens_as_idner_writes_them() -> None:
    assert bracket_group(["Mahkamah", "Konstitusi", "(MK)", "."], 2) == BracketGroup(2, 3, 2, 3)
    assert bracket_group(words("Gas Bumi (BPH Migas) Fanshurullah"), 2) == BracketGroup(2, 4, 2, 4)


def test_bracket_group_needs_a_name_in_the_bracket() -> None:
    assert bracket_group(words("kata Susno , Kamis ( 2/9/2010 )"), 4) is None
    assert bracket_group(["Andi", "(42)", "ditangkap"], 1) is None
    assert bracket_group(words("pati ( perwira tinggi ) masih aktif"), 1) is None
    assert bracket_group(words("Jokowi ( kanan"), 1) is None  # never closed
    assert bracket_group(["Jokowi", "(", ")"], 1) is None  # empty
    assert bracket_group(["Jokowi", "."], 1) is None


def test_learning_the_habit_per_type() -> None:
    org_joined = [doc_of("Komisi Pemilihan Umum ( KPU ) menetapkan", [(0, 6, "ORG")]),
                  doc_of("Badan Usaha Milik Negara (BUMN)", [(0, 5, "ORG")]),
                  doc_of("Uni Eropa ( UE ) menolak", [(0, 5, "ORG")])]
    per_own = [doc_of("Presiden Joko Widodo ( Jokowi ) datang",
                      [(1, 3, "PER"), (4, 5, "PER")]),
               doc_of("Susilo Bambang Yudhoyono (SBY)", [(0, 3, "PER"), (3, 4, "PER")]),
               doc_of("Abdurrahman Wahid (Gus Dur)", [(0, 2, "PER"), (2, 4, "PER")])]
    loc_twice = [doc_of("Rumah Potong Hewan ( RPH ) Giwangan", [(0, 6, "LOC")])] * 2
    ages = [doc_of("Grant (46) berkencan", [(0, 1, "PER")])] * 5  # not names: no count
    assert learn_bracket_convention([*org_joined, *per_own, *loc_twice, *ages]) == {
        "ORG": JOIN, "PER": OWN}
    assert learn_bracket_convention(loc_twice, min_count=2) == {"LOC": JOIN}


def test_no_habit_when_brackets_are_mostly_left_out_or_split() -> None:
    outside = [doc_of("Koalisi Merah Putih ( KMP ) menolak", [(0, 3, "ORG")])] * 3
    assert learn_bracket_convention(outside) == {}
    joined = doc_of("Komisi Pemilihan Umum ( KPU ) menetapkan", [(0, 6, "ORG")])
    own = doc_of("Komisi Pemilihan Umum ( KPU ) menetapkan", [(0, 3, "ORG"), (4, 5, "ORG")])
    assert learn_bracket_convention([joined, joined, own, own]) == {}  # no majority


def test_join_grows_the_entity_over_the_bracket_and_what_is_inside() -> None:
    doc = doc_of("Hakim Mahkamah Konstitusi ( MK ) Anwar Usman membacakan putusan")
    spans = spans_of(doc, [(1, 3, "ORG"), (4, 5, "ORG"), (6, 8, "PER")])
    out = apply_bracket_convention(doc, spans, {"ORG": JOIN, "PER": OWN})
    assert [(s.text, s.label_) for s in out] == [
        ("Mahkamah Konstitusi ( MK )", "ORG"), ("Anwar Usman", "PER")]


def test_own_adds_the_bracketed_name_with_the_same_type() -> None:
    doc = doc_of("Presiden terpilih Joko Widodo ( Jokowi ) pernah menyampaikan niatnya")
    out = apply_bracket_convention(doc, spans_of(doc, [(2, 4, "PER")]), {"PER": OWN})
    assert [(s.start, s.end, s.label_) for s in out] == [(2, 4, "PER"), (5, 6, "PER")]
    glued = doc_of("Presiden Joko Widodo (Jokowi) .")
    out = apply_bracket_convention(glued, spans_of(glued, [(1, 3, "PER")]), {"PER": OWN})
    assert [s.text for s in out] == ["Joko Widodo", "(Jokowi)"]


def test_what_the_decoder_found_in_the_bracket_is_kept() -> None:
    doc = doc_of("Joko Widodo ( Jokowi ) dan Kementerian Sosial ( Kemensos ) di Salemba")
    spans = spans_of(doc, [(0, 2, "PER"), (3, 4, "ORG"), (6, 8, "ORG"), (12, 13, "LOC")])
    out = apply_bracket_convention(doc, spans, {"PER": OWN})
    assert out == spans  # "(Jokowi)" already an entity; ORG has no habit
    assert apply_bracket_convention(doc, spans, {}) == spans


def test_a_span_crossing_the_bracket_blocks_the_join() -> None:
    doc = doc_of("Bank Indonesia ( BI Jakarta ) Kota")
    spans = spans_of(doc, [(0, 2, "ORG"), (3, 7, "LOC")])
    assert apply_bracket_convention(doc, spans, {"ORG": JOIN}) == spans


def test_separate_bracket_tokens_the_decoder_put_in_an_own_name_are_left_out() -> None:
    # taggers trained on idner's glued "(Jokowi)" tag the separate "(" and ")" with it
    doc = doc_of("Presiden Joko Widodo ( Jokowi ) di Jakarta")
    spans = spans_of(doc, [(1, 3, "PER"), (3, 6, "PER"), (7, 8, "GPE")])
    out = apply_bracket_convention(doc, spans, {"PER": OWN})
    assert [(s.text, s.label_) for s in out] == [
        ("Joko Widodo", "PER"), ("Jokowi", "PER"), ("Jakarta", "GPE")]
