"""Specification of quote scoring: the half-each-way matching rule, one-to-one
matching, the speaker rule (titles aside, containment both ways) and exact P/R/F1."""

import json
import os
from pathlib import Path

import pytest

from warta.eval.quotes import (
    check_gold_item,
    evaluate_quotes_file,
    format_quote_errors,
    format_quote_scores,
    iso_published,
    match_quotes,
    name_words,
    predicted_from_analysis,
    score_quotes,
    spans_match,
    speaker_correct,
)
from warta.schema import Analysis, Entity, Language, Quote, Speaker

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED_DATA") or REPO.parent / "shared" / "data")
GOLD = REPO / "dev" / "gold" / "quotes.jsonl"


def q(kind: str, start: int, end: int, speaker: str | None = None) -> dict:
    return {"kind": kind, "start": start, "end": end, "text": None, "speaker": speaker}


# --- the matching rule: each covers at least half of the other -------------------------------

@pytest.mark.parametrize(("gold", "pred", "expected"), [
    ((0, 10), (0, 10), True),
    ((0, 10), (4, 12), True),    # overlap 6: ≥ 5 of gold, ≥ 4 of pred
    ((0, 10), (5, 10), True),    # overlap 5 = exactly half of gold
    ((0, 10), (5, 15), True),    # overlap 5 = exactly half of both
    ((0, 10), (6, 16), False),   # overlap 4 < half of gold
    ((0, 10), (0, 21), False),   # pred covers all of gold but gold is < half of pred
    ((0, 10), (0, 20), True),    # gold is exactly half of pred
    ((0, 10), (10, 20), False),  # touching, no overlap
])
def test_spans_match_needs_half_each_way(gold, pred, expected):
    assert spans_match(q("direct", *gold), q("direct", *pred)) is expected


def test_kinds_must_agree():
    assert match_quotes([q("direct", 0, 10)], [q("indirect", 0, 10)]) == []


def test_matching_is_one_to_one_largest_overlap_first():
    gold = [q("direct", 0, 10)]
    pred = [q("direct", 3, 11), q("direct", 0, 10)]  # the exact one wins
    assert match_quotes(gold, pred) == [(0, 1)]


def test_one_prediction_over_two_gold_quotes_matches_only_one():
    gold = [q("indirect", 0, 10), q("indirect", 10, 20)]
    pred = [q("indirect", 0, 20)]
    assert match_quotes(gold, pred) == [(0, 0)]
    scores = score_quotes([{"id": "a", "quotes": gold}], [{"id": "a", "quotes": pred}])
    assert (scores.indirect.tp, scores.indirect.fp, scores.indirect.fn) == (1, 0, 1)


def test_greedy_keeps_the_better_pair_for_each_gold():
    gold = [q("direct", 0, 10), q("direct", 12, 30)]
    pred = [q("direct", 1, 10), q("direct", 12, 29)]
    assert match_quotes(gold, pred) == [(0, 0), (1, 1)]


# --- the speaker rule -------------------------------------------------------------------------

@pytest.mark.parametrize(("pred", "gold", "expected"), [
    ("Purbaya Yudhi Sadewa", "Purbaya Yudhi Sadewa", True),
    ("Purbaya", "Purbaya Yudhi Sadewa", True),              # predicted words ⊆ gold
    ("Menkeu Purbaya", "Purbaya Yudhi Sadewa", True),       # title aside
    ("Purbaya Yudhi Sadewa", "Purbaya", True),              # gold words ⊆ predicted
    ("PRESIDEN prabowo subianto", "Prabowo Subianto", True),  # case-insensitive
    ("Kasi Humas Polres Metro Depok AKP Made Budi", "Made Budi", True),  # contains gold's words
    ("Humas Polres Metro Depok", "Made Budi", False),
    ("AKP Made Budi", "Made Budi", True),
    ("Kombes Bhakti Eri Nurmansyah", "Bhakti Eri Nurmansyah", True),
    ("dr. Siti Nadia", "Siti Nadia Tarmizi", True),
    ("Prof. Dr. Wardana, M.Sc.", "Wardana", True),
    ("Wali Kota Wahyu Hidayat", "Wahyu Hidayat", True),
    ("Menkeu", "Purbaya Yudhi Sadewa", False),              # a title alone names nobody
    ("Purbaya Sadewo", "Purbaya Yudhi Sadewa", False),      # neither contains the other
    ("Sri Mulyani", "Purbaya Yudhi Sadewa", False),
    (None, None, True),
    (None, "Prasetyo Hadi", False),
    ("Prasetyo Hadi", None, False),
])
def test_speaker_rule(pred, gold, expected):
    assert speaker_correct(pred, gold) is expected


def test_name_words_drop_titles_ranks_and_degrees():
    assert name_words("Kapolres AKBP Budi Santoso, S.H.") == {"budi", "santoso"}
    assert name_words("Gubernur Riau Abdul Wahid") == {"riau", "abdul", "wahid"}


def test_speaker_rule_with_an_explicit_title_list():
    assert speaker_correct("Bos Purbaya", "Purbaya Yudhi Sadewa", titles=["bos"])
    assert not speaker_correct("Bos Purbaya", "Purbaya Yudhi Sadewa", titles=[])


# --- exact scores -----------------------------------------------------------------------------

def test_exact_precision_recall_f1_and_speaker_accuracy():
    gold = [{"id": "a", "quotes": [
        q("direct", 0, 40, "Abdul Wahid"),
        q("direct", 60, 100, "Abdul Wahid"),
        q("direct", 120, 160, "Budi Prasetyo"),
        q("indirect", 200, 260, "Budi Prasetyo"),
        q("indirect", 300, 340, None),
    ]}]
    pred = [{"id": "a", "quotes": [
        q("direct", 0, 39, "Wahid"),               # match, speaker right
        q("direct", 61, 101, "Budi Prasetyo"),     # match, speaker wrong
        q("direct", 400, 420, "Wahid"),            # false positive
        q("indirect", 210, 260, "Jubir Budi"),     # match, speaker right
        q("direct", 300, 340, None),               # wrong kind: a direct FP, indirect miss
    ]}]
    s = score_quotes(gold, pred)
    assert (s.direct.tp, s.direct.fp, s.direct.fn) == (2, 2, 1)
    assert s.direct.precision == pytest.approx(0.5)
    assert s.direct.recall == pytest.approx(2 / 3)
    assert s.direct.f1 == pytest.approx(4 / 7)
    assert (s.indirect.tp, s.indirect.fp, s.indirect.fn) == (1, 0, 1)
    assert s.indirect.precision == pytest.approx(1.0)
    assert s.indirect.recall == pytest.approx(0.5)
    assert s.indirect.f1 == pytest.approx(2 / 3)
    assert (s.speaker.correct, s.speaker.total) == (2, 3)
    assert (s.speaker_direct.correct, s.speaker_direct.total) == (1, 2)
    assert (s.speaker_indirect.correct, s.speaker_indirect.total) == (1, 1)
    errs = s.errors[0]
    assert [(m["kind"], m["start"]) for m in errs.misses] == [("direct", 120), ("indirect", 300)]
    assert [(f["kind"], f["start"]) for f in errs.false_positives] == [
        ("direct", 400), ("direct", 300)]
    assert [(w["speaker"], w["predicted_speaker"]) for w in errs.wrong_speakers] == [
        ("Abdul Wahid", "Budi Prasetyo")]
    d = s.to_dict()
    assert d["direct"]["f1"] == pytest.approx(4 / 7)
    assert d["speaker"]["all"]["accuracy"] == pytest.approx(2 / 3)
    assert len(d["errors"]) == 1


def test_missing_prediction_counts_as_no_quotes_and_empty_scores_are_zero():
    s = score_quotes([{"id": "a", "quotes": [q("direct", 0, 10, "X")]}], [])
    assert (s.direct.tp, s.direct.fn, s.direct.precision, s.direct.f1) == (0, 1, 0.0, 0.0)
    assert s.speaker.accuracy == 0.0


# --- from an Analysis, and a whole file --------------------------------------------------------

TEXT = ('"Kami akan menindak tegas setiap oknum," kata Menkeu Purbaya di Jakarta. '
        'Ia menambahkan bahwa laporan warga akan diperiksa satu per satu.')


def _analysis(text: str = TEXT) -> Analysis:
    s1 = text.index("Kami")
    e1 = text.index(',"')
    s2 = text.index("laporan warga")
    e2 = len(text) - 1
    m = text.index("Menkeu Purbaya")
    purbaya = Entity(id="e1", name="Purbaya Yudhi Sadewa", type="PER")
    return Analysis(
        id="t1", text_length=len(text), language=Language("id", 1.0), entities=[purbaya],
        quotes=[
            Quote("direct", s1, e1, text[s1:e1],
                  speaker=Speaker("Purbaya", "e1", m, m + 14, "Menkeu Purbaya")),
            Quote("indirect", s2, e2, text[s2:e2],
                  speaker=Speaker("Ia", None, 73, 75, "Ia", kind="pronoun")),
        ])


def test_predicted_from_analysis_prefers_the_entity_name():
    quotes = predicted_from_analysis(_analysis())
    assert [(x["kind"], x["speaker"]) for x in quotes] == [
        ("direct", "Purbaya Yudhi Sadewa"), ("indirect", "Ia")]
    assert TEXT[quotes[0]["start"]:quotes[0]["end"]] == "Kami akan menindak tegas setiap oknum"
    assert quotes[1]["text"] == "laporan warga akan diperiksa satu per satu"


def test_evaluate_file_with_inline_text_and_custom_analyze(tmp_path):
    s2 = TEXT.index("laporan warga")
    gold_line = {"id": "t1", "text": TEXT, "published": "2025-10-20", "quotes": [
        {"kind": "direct", "start": 1, "end": 38, "text": TEXT[1:38],
         "speaker": "Purbaya Yudhi Sadewa", "speaker_mention": "kata Menkeu Purbaya"},
        {"kind": "indirect", "start": s2, "end": len(TEXT) - 1, "text": TEXT[s2:-1],
         "speaker": "Purbaya Yudhi Sadewa", "speaker_mention": "Ia menambahkan"},
    ]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold_line, ensure_ascii=False) + "\n", encoding="utf-8")
    seen = []

    def fake_analyze(text, published=None, *, id=None, **_):
        seen.append((published, id))
        return _analysis(text)

    s = evaluate_quotes_file(path, analyze=fake_analyze)
    assert seen == [("2025-10-20", "t1")]
    assert (s.direct.tp, s.indirect.tp, s.speaker.correct, s.speaker.total) == (1, 1, 1, 2)
    assert "SPKR ind" in format_quote_errors(s)
    assert "direct quotes" in format_quote_scores(s)


def test_evaluate_file_rejects_gold_that_does_not_fit_its_text(tmp_path):
    bad = {"id": "t1", "text": TEXT, "quotes": [
        {"kind": "direct", "start": 0, "end": 10, "text": "Kami akan", "speaker": None}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not fit"):
        evaluate_quotes_file(path, analyze=lambda *a, **k: _analysis())


def test_check_gold_item_reports_overlaps():
    item = {"id": "t1", "quotes": [
        {"kind": "direct", "start": 1, "end": 10, "text": TEXT[1:10]},
        {"kind": "indirect", "start": 6, "end": 25, "text": TEXT[6:25]}]}
    assert TEXT[6:25] == "akan menindak tegas"
    assert check_gold_item(item, TEXT) == ["t1: quotes 1-10 and 6-25 overlap"]


def test_iso_published_reads_detik_dates():
    assert iso_published("10/20/2025 21:36") == "2025-10-20T21:36:00"
    assert iso_published("2025-10-20") == "2025-10-20"
    assert iso_published(None) is None


# --- the dev set itself ----------------------------------------------------------------------

def test_gold_dev_set_fits_the_shared_texts():
    texts_path = SHARED / "news" / "detik-dev.jsonl"
    if not texts_path.exists():
        pytest.skip("shared data not available")
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    wanted = {g["id"] for g in gold}
    texts = {}
    with texts_path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in wanted:
                texts[rec["id"]] = rec["text"]
    assert len(gold) == len(wanted) >= 40
    problems = [p for g in gold for p in check_gold_item(g, texts[g["id"]])]
    assert problems == []
    assert sum(len(g["quotes"]) for g in gold) >= 250
