"""Specification of entity scoring: exact-span typed mentions (named kinds only, MISC
outside the gold ignored), alias links as pairs of surface strings, the gold checker,
and the file-level evaluation with exact numbers."""

import json
import os
from pathlib import Path

import pytest

from warta.eval.entities import (
    check_gold,
    check_gold_item,
    entity_links,
    evaluate_entities_file,
    format_entity_errors,
    format_entity_scores,
    main,
    predicted_from_analysis,
    score_entities,
)
from warta.schema import Analysis, Entity, Language, Mention

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or REPO.parent / "shared" / "data")
GOLD = REPO / "dev" / "gold" / "entities.jsonl"

TEXT = ("Menteri Keuangan Purbaya Yudhi Sadewa bertemu Kepala Badan Pusat Statistik (BPS) "
        "di Jakarta. Purbaya mengatakan BPS akan merilis data inflasi.")


def m(start: int, end: int, kind: str | None = None) -> dict:
    out = {"start": start, "end": end, "text": TEXT[start:end]}
    if kind:
        out["kind"] = kind
    return out


def ent(name: str, etype: str | None, *mentions: dict) -> dict:
    return {"name": name, "type": etype, "mentions": list(mentions)}


def test_offsets_of_the_example_text():
    assert TEXT[17:37] == "Purbaya Yudhi Sadewa"
    assert TEXT[0:37] == "Menteri Keuangan Purbaya Yudhi Sadewa"
    assert TEXT[93:100] == "Purbaya"
    assert TEXT[53:74] == "Badan Pusat Statistik"
    assert TEXT[76:79] == "BPS" and TEXT[112:115] == "BPS"
    assert TEXT[84:91] == "Jakarta"
    assert TEXT[129:133] == "data"


GOLD_ARTICLE = {"id": "a", "entities": [
    ent("Purbaya Yudhi Sadewa", "PER", m(17, 37), m(93, 100)),
    ent("Badan Pusat Statistik", "ORG", m(53, 74), m(76, 79), m(112, 115)),
    ent("Jakarta", "GPE", m(84, 91)),
]}

PRED_ARTICLE = {"id": "a", "entities": [
    # title glued to the name, the short name right, a pronoun that must not count
    ent("Menteri Keuangan Purbaya Yudhi Sadewa", "PER",
        m(0, 37, "name"), m(93, 100, "alias"), m(101, 111, "pronoun")),
    ent("Badan Pusat Statistik", "ORG", m(53, 74, "name"), m(76, 79, "acronym")),
    ent("BPS", "ORG", m(112, 115, "name")),      # not linked to the full name
    ent("Jakarta", "LOC", m(84, 91, "name")),    # wrong type
    ent("data", "MISC", m(129, 133, "name")),    # MISC outside the gold: ignored
]}


def test_mentions_typed_untyped_and_per_type_exact_numbers():
    s = score_entities([GOLD_ARTICLE], [PRED_ARTICLE])
    assert (s.mentions.tp, s.mentions.fp, s.mentions.fn) == (4, 2, 2)
    assert s.mentions.precision == pytest.approx(4 / 6)
    assert s.mentions.f1 == pytest.approx(4 / 6)
    assert (s.mentions_untyped.tp, s.mentions_untyped.fp, s.mentions_untyped.fn) == (5, 1, 1)
    assert s.mentions_untyped.f1 == pytest.approx(5 / 6)
    per = {t: (p.tp, p.fp, p.fn) for t, p in s.per_type.items()}
    assert per == {"PER": (1, 1, 1), "ORG": (3, 0, 0), "GPE": (0, 0, 1), "LOC": (0, 1, 0)}
    assert s.ignored_misc == 1


def test_links_are_pairs_of_surface_strings():
    s = score_entities([GOLD_ARTICLE], [PRED_ARTICLE])
    assert (s.links.tp, s.links.fp, s.links.fn) == (1, 1, 1)
    assert s.links.f1 == pytest.approx(0.5)
    errs = s.errors[0]
    assert errs.missed_links == [["Purbaya", "Purbaya Yudhi Sadewa"]]
    assert errs.false_links == [["Menteri Keuangan Purbaya Yudhi Sadewa", "Purbaya"]]


def test_error_lists_name_each_mistake():
    errs = score_entities([GOLD_ARTICLE], [PRED_ARTICLE]).errors[0]
    assert [(x["start"], x["end"], x["text"]) for x in errs.missed_mentions] == \
        [(17, 37, "Purbaya Yudhi Sadewa")]
    assert [(x["start"], x["end"], x["text"]) for x in errs.false_mentions] == \
        [(0, 37, "Menteri Keuangan Purbaya Yudhi Sadewa")]
    assert [(x["text"], x["type"], x["predicted_type"]) for x in errs.wrong_types] == \
        [("Jakarta", "GPE", "LOC")]
    text = format_entity_errors(score_entities([GOLD_ARTICLE], [PRED_ARTICLE]))
    assert "MISS  PER  17-37 'Purbaya Yudhi Sadewa'" in text
    assert "TYPE  GPE≠LOC 84-91 'Jakarta'" in text


def test_a_perfect_prediction_scores_one():
    s = score_entities([GOLD_ARTICLE], [GOLD_ARTICLE])
    assert s.mentions.f1 == s.mentions_untyped.f1 == s.links.f1 == 1.0
    assert (s.links.tp, s.links.fp, s.links.fn) == (2, 0, 0)
    assert not s.errors[0]


def test_misc_on_a_gold_span_is_a_wrong_type_not_ignored():
    pred = {"id": "a", "entities": [ent("Jakarta", "MISC", m(84, 91))]}
    s = score_entities([GOLD_ARTICLE], [pred])
    assert s.ignored_misc == 0
    assert (s.mentions.tp, s.mentions.fp, s.mentions.fn) == (0, 1, 6)
    assert (s.mentions_untyped.tp, s.mentions_untyped.fp) == (1, 0)


def test_untyped_prediction_counts_for_span_only():
    pred = {"id": "a", "entities": [ent("Jakarta", None, m(84, 91))]}
    s = score_entities([GOLD_ARTICLE], [pred])
    assert (s.mentions.tp, s.mentions.fp) == (0, 1)
    assert s.mentions_untyped.tp == 1
    assert s.errors[0].wrong_types[0]["predicted_type"] == "None"


def test_pronoun_and_description_mentions_make_no_links_and_no_mentions():
    pred = {"id": "a", "entities": [ent("Purbaya Yudhi Sadewa", "PER", m(17, 37, "name"),
                                        m(0, 16, "description"), m(101, 111, "pronoun"))]}
    s = score_entities([GOLD_ARTICLE], [pred])
    assert (s.mentions.tp, s.mentions.fp) == (1, 0)
    assert s.links.fp == 0


def test_three_surfaces_give_three_links_and_repeats_give_none():
    links = entity_links([["Kementerian Pekerjaan Umum", "PU", "Kementerian PU", "PU"],
                          ["Jakarta", "Jakarta"]])
    assert links == {frozenset({"Kementerian Pekerjaan Umum", "PU"}),
                     frozenset({"Kementerian Pekerjaan Umum", "Kementerian PU"}),
                     frozenset({"PU", "Kementerian PU"})}


def test_links_collapse_whitespace_but_keep_case():
    assert entity_links([["Purbaya  Yudhi\nSadewa", "Purbaya Yudhi Sadewa"]]) == set()
    assert entity_links([["KPK", "Kpk"]]) == {frozenset({"KPK", "Kpk"})}


def test_missing_prediction_misses_everything_and_extra_articles_are_ignored():
    s = score_entities([GOLD_ARTICLE], [{"id": "other", "entities": PRED_ARTICLE["entities"]}])
    assert (s.mentions.tp, s.mentions.fp, s.mentions.fn) == (0, 0, 6)
    assert (s.links.tp, s.links.fp, s.links.fn) == (0, 0, 2)


def test_to_dict_has_every_measure():
    d = score_entities([GOLD_ARTICLE], [PRED_ARTICLE]).to_dict()
    assert d["articles"] == 1
    assert d["mentions"]["tp"] == 4 and d["mentions_untyped"]["tp"] == 5
    assert d["links"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert set(d["per_type"]) == {"PER", "ORG", "GPE", "LOC"}
    assert d["errors"][0]["id"] == "a"
    assert "errors" not in score_entities([GOLD_ARTICLE], [PRED_ARTICLE]).to_dict(errors=False)


# --- from an Analysis -----------------------------------------------------------------------

def test_predicted_from_analysis_keeps_types_and_kinds():
    analysis = Analysis(id="a", text_length=len(TEXT), language=Language("id", 1.0), entities=[
        Entity(id="e1", name="Purbaya Yudhi Sadewa", type="PER", mentions=[
            Mention(17, 37, "Purbaya Yudhi Sadewa", "name"),
            Mention(93, 100, "Purbaya", "alias"),
            Mention(101, 111, "mengatakan", "pronoun")]),
        Entity(id="e2", name="BPS", type=None, mentions=[Mention(76, 79, "BPS", "acronym")]),
    ])
    rec = predicted_from_analysis(analysis)
    assert rec == {"id": "a", "entities": [
        {"name": "Purbaya Yudhi Sadewa", "type": "PER", "mentions": [
            {"start": 17, "end": 37, "text": "Purbaya Yudhi Sadewa", "kind": "name"},
            {"start": 93, "end": 100, "text": "Purbaya", "kind": "alias"},
            {"start": 101, "end": 111, "text": "mengatakan", "kind": "pronoun"}]},
        {"name": "BPS", "type": None, "mentions": [
            {"start": 76, "end": 79, "text": "BPS", "kind": "acronym"}]}]}
    s = score_entities([GOLD_ARTICLE], [rec])
    assert (s.mentions.tp, s.mentions.fp, s.mentions.fn) == (2, 1, 4)
    assert (s.links.tp, s.links.fp, s.links.fn) == (1, 0, 1)


# --- the gold checker -----------------------------------------------------------------------

def test_checker_accepts_good_gold():
    assert check_gold_item(GOLD_ARTICLE, TEXT) == []


def test_checker_finds_wrong_text_overlap_type_and_empty_entities():
    bad = {"id": "b", "entities": [
        ent("Purbaya", "PER", {"start": 17, "end": 24, "text": "Purbaja"}),
        ent("Purbaya Yudhi Sadewa", "PER", m(17, 37)),
        ent("Menteri Keuangan", "PER", m(0, 24)),
        ent("data", "MISC", m(129, 133)),
        ent("kosong", "ORG"),
        ent("spasi", "GPE", {"start": 83, "end": 91, "text": " Jakarta"}),
        ent("luar", "GPE", {"start": 140, "end": 999, "text": "x"}),
    ]}
    problems = check_gold_item(bad, TEXT)
    assert "b 17-24: text 'Purbaja' != 'Purbaya'" in problems
    assert any("overlap" in p and "'Menteri Keuangan Purbaya'" in p for p in problems)
    assert "b 'data': type 'MISC' is not one of PER/ORG/GPE/LOC" in problems
    assert "b 'kosong': no mentions" in problems
    assert "b 83-91: span has an edge space" in problems
    assert "b 140-999: offsets out of range" in problems


def test_checker_finds_duplicate_articles_and_missing_texts():
    problems = check_gold([GOLD_ARTICLE, GOLD_ARTICLE, {"id": "x", "entities": []}],
                          {"a": TEXT})
    assert problems == ["a: duplicate article", "x: no article text"]


# --- files ----------------------------------------------------------------------------------

def _write_gold(tmp_path: Path, article: dict) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({**article, "text": TEXT, "published": "10/20/2025 13:35"}) + "\n",
                    encoding="utf-8")
    return path


def test_evaluate_file_uses_the_text_on_the_gold_line(tmp_path):
    calls = []

    def fake_analyze(text, published=None, *, id=None):
        calls.append((text, published, id))
        pred = Analysis.from_dict({"id": id, "text_length": len(text),
                                   "language": {"code": "id", "confidence": 1.0}})
        pred.entities = [Entity(id="e1", name="Jakarta", type="GPE",
                                mentions=[Mention(84, 91, "Jakarta")])]
        return pred

    scores = evaluate_entities_file(_write_gold(tmp_path, GOLD_ARTICLE), analyze=fake_analyze)
    assert calls == [(TEXT, "2025-10-20T13:35:00", "a")]
    assert (scores.mentions.tp, scores.mentions.fp, scores.mentions.fn) == (1, 0, 5)
    assert "mentions (span+type)  1.000  0.167  0.286  tp=1 fp=0 fn=5" in \
        format_entity_scores(scores)


def test_evaluate_file_refuses_gold_that_does_not_fit(tmp_path):
    broken = {"id": "a", "entities": [ent("Jakarta", "GPE", {"start": 84, "end": 91,
                                                              "text": "Bandung"})]}
    with pytest.raises(ValueError, match="gold does not fit"):
        evaluate_entities_file(_write_gold(tmp_path, broken), analyze=lambda *a, **k: None)


def test_main_check_reports_counts(tmp_path, capsys):
    assert main([str(_write_gold(tmp_path, GOLD_ARTICLE)), "--check"]) == 0
    assert capsys.readouterr().out.strip() == \
        "ok: 1 articles, 3 entities, 6 mentions, 2 alias links"


# --- the real dev set -----------------------------------------------------------------------

HELDOUT = GOLD.with_name("entities_heldout.jsonl")
SCRAPED = GOLD.with_name("entities_2020.jsonl")  # texts from news/scrapy-4sites
FRESH = GOLD.with_name("entities_fresh.jsonl")  # articles of the quote and date dev sets
GOLD_FILES = [(GOLD, "ok: 30 articles, 376 entities, 931 mentions, 145 alias links"),
              (HELDOUT, "ok: 87 articles, 1159 entities, 2745 mentions, 376 alias links"),
              (SCRAPED, "ok: 49 articles, 398 entities, 786 mentions, 151 alias links"),
              (FRESH, "ok: 25 articles, 231 entities, 541 mentions, 90 alias links")]


@pytest.mark.skipif(not (SHARED / "news" / "detik-dev.jsonl").exists()
                    or not (SHARED / "news" / "scrapy-4sites").exists(),
                    reason="shared data not present")
@pytest.mark.parametrize(("gold", "counts"), GOLD_FILES)
def test_the_gold_set_fits_its_texts(gold, counts, capsys):
    assert main([str(gold), "--texts", str(SHARED / "news" / "detik-dev.jsonl"), "--check"]) == 0
    assert capsys.readouterr().out.strip() == counts


@pytest.mark.parametrize("gold", [g for g, _ in GOLD_FILES])
def test_the_gold_set_holds_no_article_text(gold):
    for line in gold.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) == {"id", "entities"}
        for e in rec["entities"]:
            assert set(e) == {"name", "type", "mentions"}
            assert all(set(x) == {"start", "end", "text"} for x in e["mentions"])


@pytest.mark.parametrize(("held_out", "pattern"), [(HELDOUT, "*.jsonl"), (SCRAPED, "*.jsonl"),
                                                   (FRESH, "entities*.jsonl")])
def test_a_heldout_set_shares_no_article_with_another_gold_file(held_out, pattern):
    ids = {json.loads(x)["id"] for x in held_out.read_text("utf-8").splitlines()}
    for other in GOLD.parent.glob(pattern):
        if other != held_out:
            assert not ids & {json.loads(x)["id"] for x in other.read_text("utf-8").splitlines()}
