"""The dates & amounts scorer and the gold file it scores against."""

import json
import os
from pathlib import Path

import pytest

from warta.eval.dates_amounts import (
    amount_values_agree,
    check_gold,
    date_values_agree,
    evaluate_file,
    match_spans,
    predicted_from_analysis,
    read_jsonl,
    score,
    score_amounts,
    score_dates,
)
from warta.schema import Amount, Analysis, DateFact, Language

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "dev" / "gold" / "dates_amounts.jsonl"
SHARED = Path(os.environ.get("WARTA_SHARED_DATA")
              or ROOT.parent / "shared" / "data")
DETIK = SHARED / "news" / "detik-dev.jsonl"

DATE_TEXT = "Sidang digelar Senin (20/10/2025) pukul 14.30 WIB di Jakarta."
AMOUNT_TEXT = ("Pemerintah menyalurkan Rp 1.275,6 triliun kepada lebih dari 200 desa, "
               "naik 62,8 persen.")


def span(text: str, start: int, end: int, **extra: object) -> dict:
    return {"start": start, "end": end, "text": text[start:end], **extra}


def date(start: int, end: int, value: str | None, kind: str = "date") -> dict:
    return span(DATE_TEXT, start, end, value=value, kind=kind)


def amount(start: int, end: int, value: float, unit: str | None = None,
           qualifier: str = "exact") -> dict:
    return span(AMOUNT_TEXT, start, end, value=value, unit=unit, qualifier=qualifier)


GOLD_DATES = [date(15, 33, "2025-10-20"), date(34, 49, "2025-10-20T14:30", "time")]
GOLD_AMOUNTS = [amount(23, 41, 1275600000000000, "Rp"),
                amount(49, 68, 200, "desa", "more-than"),
                amount(75, 86, 62.8, "%")]


def test_fixture_spans_are_what_they_say():
    assert DATE_TEXT[15:33] == "Senin (20/10/2025)"
    assert DATE_TEXT[34:49] == "pukul 14.30 WIB"
    assert AMOUNT_TEXT[23:41] == "Rp 1.275,6 triliun"
    assert AMOUNT_TEXT[49:68] == "lebih dari 200 desa"
    assert AMOUNT_TEXT[75:86] == "62,8 persen"


# --------------------------------------------------------------------------- matching


def test_half_overlap_each_way_matches():
    # "20/10/2025" covers 10 of the 18 gold characters, and all of itself.
    assert DATE_TEXT[22:32] == "20/10/2025"
    assert match_spans(GOLD_DATES, [date(22, 32, "2025-10-20")]) == [(0, 0)]


def test_weekday_alone_covers_too_little_of_the_gold():
    assert DATE_TEXT[15:20] == "Senin"
    assert match_spans(GOLD_DATES, [date(15, 20, "2025-10-20")]) == []


def test_clock_digits_alone_do_not_match_the_whole_time():
    assert DATE_TEXT[40:45] == "14.30"
    assert match_spans(GOLD_DATES, [date(40, 45, "T14:30", "time")]) == []


def test_merged_prediction_matches_only_the_gold_span_it_half_covers():
    # 34 characters: half of them lie on the date (18), less than half on the time (15).
    merged = date(15, 49, "2025-10-20T14:30", "time")
    assert merged["text"] == "Senin (20/10/2025) pukul 14.30 WIB"
    assert match_spans(GOLD_DATES, [merged]) == [(0, 0)]


def test_matching_is_one_to_one_largest_overlap_first():
    preds = [date(21, 33, "2025-10-20"), date(15, 33, "2025-10-20")]
    assert preds[0]["text"] == "(20/10/2025)"
    assert match_spans(GOLD_DATES, preds) == [(0, 1)]


# --------------------------------------------------------------------------- values


@pytest.mark.parametrize(("gold", "pred", "ok"), [
    ("2025-10-20", "2025-10-20", True),
    ("2025-10-20", "2025-10-20T14:30", True),       # a day accepts a datetime on that day
    ("2025-10-20T14:30", "2025-10-20", False),      # ... but not the other way round
    ("2025-10-20T14:30", "2025-10-20T14:30:00", True),
    ("T14:30", "2025-10-20T14:30", True),
    ("T14:30", "T14:31", False),
    ("2025-10", "2025-10-20", False),
    ("2025-W42", "2025-w42", True),
    ("P7D", "P1W", True),
    ("P1Y", "P12M", True),
    ("P2Y10M", "P34M", True),
    ("P1M", "P30D", False),
    ("P3D", "2025-10-03", False),
    (None, None, True),
    (None, "P3D", False),
])
def test_date_values(gold, pred, ok):
    assert date_values_agree(gold, pred) is ok


@pytest.mark.parametrize(("gold", "pred", "ok"), [
    (1275600000000000, 1275600000000000.5, True),
    (1275600000000000, 1275600000000, False),
    (62.8, 62.80000001, True),
    (200, 201, False),
    (0.3, 0.3000004, True),                         # absolute tolerance below 1
    (0.3, 0.301, False),
    (200, None, False),
])
def test_amount_values(gold, pred, ok):
    assert amount_values_agree(gold, pred) is ok


# --------------------------------------------------------------------------- scores


def test_date_scores_exact_numbers():
    gold = [{"id": "a", "dates": GOLD_DATES, "amounts": []}]
    pred = [{"id": "a", "dates": [date(15, 33, "2025-10-20"), date(21, 33, "2025-10-20"),
                                  date(40, 45, "T14:30", "time")], "amounts": []}]
    s = score_dates(gold, pred)
    assert (s.gold, s.predicted, s.matched, s.value_correct) == (2, 3, 1, 1)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(0.4)
    assert s.value_accuracy == 1.0


def test_amount_scores_exact_numbers():
    gold = [{"id": "a", "dates": [], "amounts": GOLD_AMOUNTS}]
    preds = [amount(23, 33, 1275.6, "Rp"),              # span ok, scale word dropped
             amount(60, 68, 200, "desa"),                # "200 desa": too short for the gold
             amount(70, 86, 62.80000001, "%")]           # "naik 62,8 persen": fine
    assert [p["text"] for p in preds] == ["Rp 1.275,6", "200 desa", "naik 62,8 persen"]
    s = score_amounts(gold, [{"id": "a", "dates": [], "amounts": preds}])
    assert (s.gold, s.predicted, s.matched, s.value_correct) == (3, 3, 2, 1)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.value_accuracy == 0.5
    assert s.to_dict()["f1"] == 0.6667


def test_missing_prediction_counts_every_gold_item_as_missed():
    gold = [{"id": "a", "dates": GOLD_DATES, "amounts": GOLD_AMOUNTS}]
    extra = [{"id": "other", "dates": GOLD_DATES, "amounts": []}]
    s = score_dates(gold, extra)
    assert (s.gold, s.predicted, s.matched) == (2, 0, 0)
    assert (s.precision, s.recall, s.f1, s.value_accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_report_lists_misses_false_positives_and_wrong_values():
    gold = [{"id": "a", "dates": GOLD_DATES, "amounts": GOLD_AMOUNTS}]
    pred = [{"id": "a",
             "dates": [date(15, 33, "2025-10-21"), date(40, 45, "T14:30", "time")],
             "amounts": [amount(23, 41, 1275600000000000, "Rp")]}]
    report = score(gold, pred)
    (err,) = report.articles
    assert [w["gold"]["text"] for w in err.wrong_date_values] == ["Senin (20/10/2025)"]
    assert err.wrong_date_values[0]["predicted"]["value"] == "2025-10-21"
    assert [m["text"] for m in err.missed_dates] == ["pukul 14.30 WIB"]
    assert [f["text"] for f in err.false_dates] == ["14.30"]
    assert [m["text"] for m in err.missed_amounts] == ["lebih dari 200 desa", "62,8 persen"]
    assert err.false_amounts == [] and err.wrong_amount_values == []
    out = report.to_dict()
    assert out["dates"]["matched"] == 1 and out["dates"]["value_correct"] == 0
    assert out["amounts"]["recall"] == 0.3333
    assert out["errors"][0]["id"] == "a"


# --------------------------------------------------------------------------- analysis glue


def _analysis(text: str) -> Analysis:
    return Analysis(
        id="x", text_length=len(text), language=Language("id", 1.0),
        published="2025-10-20T09:00:00",
        dates=[DateFact(15, 33, text[15:33], "2025-10-20", "day")],
        amounts=[Amount(75, 86, text[75:86], 62.8, "exact", "%")] if len(text) > 86 else [],
    )


def test_predicted_from_analysis():
    rec = predicted_from_analysis(_analysis(DATE_TEXT))
    assert rec == {"id": "x", "published": "2025-10-20T09:00:00",
                   "dates": [{"start": 15, "end": 33, "text": "Senin (20/10/2025)",
                              "value": "2025-10-20", "kind": "date"}],
                   "amounts": []}


def test_evaluate_file_uses_the_text_in_the_gold_line(tmp_path):
    line = {"id": "t1", "published": "2025-10-20T09:00", "text": DATE_TEXT,
            "dates": GOLD_DATES, "amounts": []}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    seen = {}

    def fake_analyze(text, published=None):
        seen["args"] = (text, published)
        return _analysis(text)

    report = evaluate_file(path, texts_path=tmp_path / "absent.jsonl", analyze=fake_analyze)
    assert seen["args"] == (DATE_TEXT, "2025-10-20T09:00")
    assert (report.dates.matched, report.dates.value_correct, report.dates.predicted) == (1, 1, 1)
    assert report.dates.recall == 0.5
    assert [m["text"] for m in report.articles[0].missed_dates] == ["pukul 14.30 WIB"]


def test_evaluate_file_reads_texts_by_id(tmp_path):
    (tmp_path / "texts.jsonl").write_text(
        json.dumps({"id": "t2", "title": "x", "text": AMOUNT_TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(
        {"id": "t2", "published": "2025-10-20T09:00", "dates": [], "amounts": GOLD_AMOUNTS}),
        encoding="utf-8")
    report = evaluate_file(tmp_path / "gold.jsonl", tmp_path / "texts.jsonl",
                           analyze=lambda text, published=None: _analysis(text))
    assert (report.amounts.gold, report.amounts.matched, report.amounts.value_correct) == (3, 1, 1)
    assert report.dates.predicted == 1 and report.dates.gold == 0


# --------------------------------------------------------------------------- gold checks


def test_check_gold_accepts_a_clean_record():
    rec = {"id": "a", "dates": GOLD_DATES, "amounts": GOLD_AMOUNTS}
    texts = {"a": DATE_TEXT}
    assert check_gold([{"id": "a", "dates": GOLD_DATES, "amounts": []}], texts) == []
    assert check_gold([{**rec, "dates": []}], {"a": AMOUNT_TEXT}) == []


def test_check_gold_reports_offsets_overlaps_and_bad_fields():
    bad = [dict(GOLD_DATES[0], end=32),                       # text no longer matches
           date(21, 33, "2025-10-20"),                        # overlaps the first date
           date(34, 49, "20-10-2025", "time")]                # malformed value
    amounts = [dict(GOLD_AMOUNTS[0], qualifier="roughly")]
    problems = check_gold([{"id": "a", "dates": bad, "amounts": []}], {"a": DATE_TEXT})
    assert any("text 'Senin (20/10/2025)' != 'Senin (20/10/2025'" in p for p in problems)
    assert any("overlapping dates" in p for p in problems)
    assert any("bad time value '20-10-2025'" in p for p in problems)
    problems = check_gold([{"id": "b", "dates": [], "amounts": amounts}], {"b": AMOUNT_TEXT})
    assert problems == ["b amounts 23-41: bad qualifier 'roughly'"]


@pytest.mark.skipif(not DETIK.exists(), reason="shared Detik articles not available")
def test_gold_file_is_consistent_with_the_articles():
    gold = read_jsonl(GOLD)
    ids = {g["id"] for g in gold}
    texts = {}
    with open(DETIK, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] in ids:
                texts[rec["id"]] = rec["text"]
    assert check_gold(gold, texts) == []
    assert len(gold) >= 30
    assert sum(len(g["dates"]) for g in gold) >= 300
    assert sum(len(g["amounts"]) for g in gold) >= 400
