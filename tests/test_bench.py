"""Smoke test of the benchmark code (bench/) on three tiny articles; no shared data needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import run as bench  # noqa: E402
from bench import train_stock  # noqa: E402

TEXTS = [
    "Presiden Joko Widodo meresmikan Bendungan Sepaku di Kalimantan Timur pada Selasa.",
    '"Harga beras turun Rp 2.000 per kilogram," kata Kepala Bulog Budi Waseso di Jakarta.',
    "Banjir merendam 120 rumah warga di Kabupaten Bandung sejak Senin (3/11/2025) malam.",
]


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "detik.jsonl"
    rows = [{"id": f"t-{i}", "text": t, "published": "11/4/2025 09:30"}
            for i, t in enumerate(TEXTS)]
    rows.insert(1, {"id": "empty", "text": "  ", "published": None})
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_words_are_whitespace_separated_strings() -> None:
    assert bench.count_words(TEXTS) == 11 + 14 + 12
    assert bench.count_words(["Rp 2.000,-  per\nkilogram"]) == 4


def test_detik_published_becomes_iso() -> None:
    assert bench.iso_published("10/20/2025 21:36") == "2025-10-20T21:36:00"
    assert bench.iso_published("2025-10-20") == "2025-10-20"
    assert bench.iso_published(None) is None


def test_load_articles_skips_empty_texts_and_stops_at_the_word_budget(tmp_path: Path) -> None:
    path = _jsonl(tmp_path)
    arts = bench.load_articles(path)
    assert [t for t, _ in arts] == TEXTS
    assert arts[0][1] == "2025-11-04T09:30:00"
    assert len(bench.load_articles(path, max_words=12)) == 2  # 11 words, then 25 >= 12


def test_halves_balance_words() -> None:
    arts = [(t, None) for t in TEXTS]
    a, b = bench.split_halves(arts)
    assert sorted(a + b) == sorted(arts)
    assert {len(a), len(b)} == {1, 2}


def test_measure_tokenizer_and_full_analysis_on_one_core() -> None:
    arts = [(t, "2025-11-04") for t in TEXTS]
    tok = bench.measure("tokenizer", arts, warmup=1)
    assert tok["words"] == 37
    assert tok["items"] >= 37  # spaCy tokens: at least one per word
    assert tok["wps"] > 0 and tok["peak_mb"] > 10
    shipped = bench.measure("warta-tokenizer", arts, warmup=1)
    assert shipped["words"] == 37 and shipped["items"] >= 37
    full = bench.measure("warta", arts, warmup=1)
    assert full["words"] == 37 and full["wps"] > 0 and full["load_s"] >= 0
    assert full["items"] > 0  # the dates and amounts at least
    batched = bench.measure("warta-batch", arts, warmup=1)
    assert batched["words"] == 37 and batched["items"] == full["items"]


def test_measure_two_cores_runs_two_workers() -> None:
    r = bench.measure_two_cores("tokenizer", [(t, None) for t in TEXTS])
    assert r["words"] == 37 and r["items"] >= 37 and r["peak_mb_total"] >= r["peak_mb"]


def test_markdown_table_reports_untrained_stock() -> None:
    one = {"wps": 12345.6, "wps_cpu": 20000.0, "peak_mb": 170.2, "load_s": 2.25}
    report = {"results": {"warta": {"1": one, "2": {"wps": 23000.0, "wps_cpu": 39000.0}},
                          "stock": {"skipped": "not trained; run make bench-baseline"}},
              "f1": {"warta-spacy": {"overall": {"f1": 0.8123}}, "stock": None},
              "models": {"warta": {"size_mb": 7.31}, "stock": None}}
    table = bench.markdown(report)
    assert "| Warta, full `warta.analyze`, one article at a time | 12,346 | 23,000 | 20,000 " \
           "| 39,000 | 170 | 2.2 | 0.812 | 7.3 |" in table
    assert "not trained; run make bench-baseline" in table


def test_markdown_table_gives_the_corpus_head_rows_their_own_f1_and_size() -> None:
    one = {"wps": 40000.0, "wps_cpu": 40000.0, "peak_mb": 300.0, "load_s": 1.8}
    report = {"results": {"warta-spacy": {"1": one, "2": one},
                          "warta-spacy-head": {"1": one, "2": one},
                          "warta-spacy-corpus": {"1": one, "2": one}},
              "f1": {"warta-spacy": {"overall": {"f1": 0.7963}},
                     "warta-head-alone": {"overall": {"f1": 0.8468}},
                     "warta-corpus-head": {"overall": {"f1": 0.8857}}, "stock": None},
              "models": {"warta": {"size_mb": 36.2}, "warta-corpus": {"size_mb": 30.2},
                         "stock": None}}
    rows = bench.markdown(report).splitlines()
    assert rows[2].startswith("| Warta spaCy pipeline alone") and "| 0.796 | 36.2 |" in rows[2]
    assert rows[3].startswith("| the same with the idner-convention head `ner_corpus` alone")
    assert "| 0.847 | 36.2 |" in rows[3]
    assert rows[4].startswith("| the same with `ner_corpus` and its ensemble members")
    assert "| 0.886 | 66.4 |" in rows[4]  # the members' pipeline counted in the size


def test_stock_corpora_keep_loc_and_drop_dev_sentences(tmp_path: Path) -> None:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    data = tmp_path / "data"
    files = {
        "ner/idner-news-2k/train.conll": "Anies\tB-PER\nke\tO\nBandung\tB-LOC\n\n"
                                         "Polri\tB-ORG\nmenangkap\tO\ndua\tO\norang\tO\n\n",
        "ner/idner-news-2k/dev.conll": "Polri\tB-ORG\nmenangkap\tO\ndua\tO\norang\tO\n\n",
        "ner/nerui/all.conll": "Bank\tB-ORGANIZATION\nIndonesia\tI-ORGANIZATION\n"
                               "menaikkan\tO\nbunga\tO\n\n",
        "ner/nergrit/train.conll": "Sungai\tB-PLACE\nMusi\tI-PLACE\nmeluap\tO\n\n",
    }
    for rel, content in files.items():
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).write_text(content, encoding="utf-8")
    counts = train_stock.write_corpora(data, tmp_path / "work")
    assert counts["train-total"] == 3 and counts["dev-total"] == 1
    assert counts["dropped-idner-train"] == 1  # the sentence that is also in dev
    docs = list(DocBin().from_disk(tmp_path / "work" / "train.spacy").get_docs(Vocab()))
    ents = sorted((e.text, e.label_) for d in docs for e in d.ents)
    assert ents == [("Anies", "PER"), ("Bandung", "LOC"), ("Bank Indonesia", "ORG"),
                    ("Sungai Musi", "LOC")]


def test_load_times_are_measured_in_fresh_processes() -> None:
    from warta.nlp.pipeline import MODEL_DIR

    times = bench.measure_load(repeats=1)
    if not (MODEL_DIR / "config.cfg").exists():
        assert times is None
        return
    assert set(times) == {"import_s", "spacy_load_s", "warta_load_s"}
    assert all(v > 0 for v in times.values())


def test_the_median_run_is_reported_with_every_run_beside_it() -> None:
    runs = [{"wps": 19000.0, "seconds": 11.0}, {"wps": 21000.0, "seconds": 10.0},
            {"wps": 20000.0, "seconds": 10.5}]
    chosen = bench.median_run(runs)
    assert (chosen["wps"], chosen["seconds"]) == (20000.0, 10.5)
    assert chosen["runs_wps"] == [19000.0, 21000.0, 20000.0]
    assert bench.median_run([{"wps": 1.0}, {"wps": 3.0}])["wps"] == 1.0  # the lower middle
    assert bench.median_run([{"wps": 1.0}, {"error": "timed out"}]) == {"error": "timed out"}
