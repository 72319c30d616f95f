"""Words per second of ``warta.analyze`` beside the tokenizer ceiling and a stock spaCy NER.

Usage (``make bench``)::

    .venv/bin/python bench/run.py [--words 60000] [--json bench/results/latest.json]

Text: the first articles of ``shared/data/news/detik-dev.jsonl`` up to ``--words``
whitespace-separated words (``--words 0``: all 553). Every measurement runs in a
fresh subprocess pinned with ``taskset``: one core (``-c 0``) and two cores
(``-c 0,1``, two worker processes each pinned to its own core and given half the
articles, which is how Warta scales on a laptop). Timings are warm: imports,
model load and a warm-up call are reported as ``load_s`` and not counted.
Peak memory is ``ru_maxrss`` of the worker process (the larger of the two on
two cores). ``--repeat N`` measures everything N times, in rounds over all the systems
(so that a slow spell of a shared machine falls on all of them), and reports each
measurement's median run; ``make bench`` runs three rounds. NER F1 is PER/ORG/LOC
exact-span F1 on idner-news-2k dev with :func:`warta.eval.ner.evaluate_ner`.

Systems:

* ``warta``: ``warta.analyze(text, published=...)``, the whole pipeline, one article at a time;
* ``warta-batch``: ``warta.analyze_many`` over the same articles, the whole pipeline with
  the spaCy part batched (what ``warta analyze --jsonl`` runs);
* ``warta-spacy``: the shipped spaCy pipeline alone (``get_nlp().pipe``, batches of 16), to
  separate model cost from extractor cost;
* ``stock``: the stock spaCy pipeline trained by ``bench/train_stock.py``
  (``make bench-baseline``), ``nlp.pipe`` over the texts in batches of 16 (its
  fastest setting here), ``stock-numpy`` the same loaded on numpy's matrix products
  instead of blis (``warta.nlp.ops.load_pipeline``, as Warta loads its own models: the
  like-for-like comparison), and ``stock-default`` the same with spaCy's default batch;
* ``tokenizer``: ``spacy.blank("id")``, tokenization alone (the ceiling the issue names);
* ``warta-tokenizer``: the shipped pipeline's tokenizer alone (spaCy's rules plus Warta's
  special cases and the prefix guard of ``warta.nlp.prefix_guard``, which makes it faster
  than the stock one).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterable  # noqa: E402
from datetime import datetime  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from warta.eval.sources import default_texts_path, iso_published, shared_data_dir  # noqa: E402

STOCK_DIR = ROOT / "build" / "stock"
RESULTS = ROOT / "bench" / "results" / "latest.json"
SYSTEMS: tuple[str, ...] = ("warta", "warta-batch", "warta-spacy", "warta-spacy-head",
                            "warta-spacy-corpus", "stock", "stock-numpy", "stock-default",
                            "tokenizer", "warta-tokenizer")
# nlp.pipe batch size for the spaCy systems: whole articles in batches of 16 run about 1.5x
# faster (and in a quarter of the memory) than in spaCy's default batches of 1000 texts.
BATCH_SIZE = 16
LABELS = {
    "warta": "Warta, full `warta.analyze`, one article at a time",
    "warta-batch": f"Warta, full `warta.analyze_many` (batch {BATCH_SIZE}, as `--jsonl` runs)",
    "warta-spacy": f"Warta spaCy pipeline alone (batch {BATCH_SIZE})",
    "warta-spacy-head": "the same with the idner-convention head `ner_corpus` alone, as "
                        "`spacy.load` of the model gives it (F1: that head)",
    "warta-spacy-corpus": "the same with `ner_corpus` and its ensemble members, as "
                          "`warta.load()` runs it (F1: that ensemble)",
    "stock": f"stock spaCy NER (efficiency config), batch {BATCH_SIZE}",
    "stock-numpy": f"the same loaded on numpy's matrix products, as Warta loads its models "
                   f"(warta.nlp.ops), batch {BATCH_SIZE}",
    "stock-default": "stock spaCy NER, spaCy's default batch (1000)",
    "tokenizer": "`spacy.blank(\"id\")` tokenizer (the stock ceiling)",
    "warta-tokenizer": "Warta's shipped tokenizer alone",
}
WARMUP = 2
Article = tuple[str, str | None]  # (text, ISO published or None)


shared_data = shared_data_dir  # names this script used first
detik_path = default_texts_path


def count_words(texts: Iterable[str]) -> int:
    """Words as the data README counts them: whitespace-separated strings."""
    return sum(len(t.split()) for t in texts)


def load_articles(path: Path, max_words: int = 0) -> list[Article]:
    """The first articles of a JSON Lines file up to ``max_words`` words (0: all)."""
    out: list[Article] = []
    words = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row.get("text") or ""
            if not text.strip():
                continue
            out.append((text, iso_published(row.get("published"))))
            words += len(text.split())
            if max_words and words >= max_words:
                break
    return out


# --- systems: each returns a function that processes a list of articles -----------------

def make_runner(system: str, stock_model: Path | None = None) -> Callable[[list[Article]], int]:
    """Load ``system`` and return ``run(articles) -> items found`` (the count keeps work honest)."""
    if system == "warta":
        import warta

        def run(articles: list[Article]) -> int:
            n = 0
            for text, published in articles:
                a = warta.analyze(text, published=published)
                n += len(a.entities) + len(a.quotes) + len(a.dates) + len(a.amounts)
            return n
        return run
    if system == "warta-batch":
        import warta
        from warta.pipeline import Article as Input
        from warta.pipeline import analyze_many

        def run_many(articles: list[Article]) -> int:
            n = 0
            for a in analyze_many((Input(t, p) for t, p in articles), batch_size=BATCH_SIZE):
                assert isinstance(a, warta.Analysis)
                n += len(a.entities) + len(a.quotes) + len(a.dates) + len(a.amounts)
            return n
        return run_many
    nlp = spacy_pipeline(system, stock_model)
    batch = nlp.batch_size if system == "stock-default" else BATCH_SIZE

    def run_pipe(articles: list[Article]) -> int:
        return sum(len(doc) for doc in nlp.pipe((t for t, _ in articles), batch_size=batch))
    return run_pipe


@lru_cache(maxsize=4)
def spacy_pipeline(system: str, stock_model: Path | None = None) -> Language:
    """The spaCy pipeline a system runs (cached: forked two-core workers inherit it)."""
    import spacy

    if system in ("warta-spacy", "warta-spacy-corpus"):
        from warta.nlp.pipeline import get_nlp
        return get_nlp(corpus_head=system == "warta-spacy-corpus")
    if system == "warta-spacy-head":  # the model's own head, without the members beside it
        from warta.nlp.ops import load_pipeline
        from warta.nlp.pipeline import MODEL_DIR, SYNTAX_COMPONENTS
        return load_pipeline(MODEL_DIR, exclude=list(SYNTAX_COMPONENTS))
    if system in ("stock", "stock-default"):
        return spacy.load(stock_model or STOCK_DIR / "model")
    if system == "stock-numpy":
        from warta.nlp.ops import load_pipeline
        return load_pipeline(stock_model or STOCK_DIR / "model")
    if system == "tokenizer":
        return spacy.blank("id")
    if system == "warta-tokenizer":
        from warta.nlp.pipeline import load_tokenizer_only
        return load_tokenizer_only()
    raise ValueError(f"unknown system {system!r}")


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(system: str, articles: list[Article], stock_model: Path | None = None,
            warmup: int = WARMUP) -> dict[str, float]:
    """Load, warm up on a few articles, then time one pass over all of them."""
    t0 = time.perf_counter()
    run = make_runner(system, stock_model)
    run(articles[:warmup])
    load_s = time.perf_counter() - t0
    t1, c1 = time.perf_counter(), time.process_time()
    items = run(articles)
    secs, cpu = time.perf_counter() - t1, time.process_time() - c1
    words = count_words(t for t, _ in articles)
    return {"words": words, "seconds": secs, "wps": words / secs if secs else 0.0,
            "cpu_s": cpu, "wps_cpu": words / cpu if cpu else 0.0,
            "load_s": load_s, "items": items, "peak_mb": peak_rss_mb()}


def median_run(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run with the median words per second (the lower middle one of an even number),
    with every run's words per second beside it; the first error if any run failed."""
    failed = [r for r in runs if "error" in r]
    if failed:
        return failed[0]
    ordered = sorted(runs, key=lambda r: float(r["wps"]))  # type: ignore[arg-type]
    middle = dict(ordered[(len(ordered) - 1) // 2])
    middle["runs_wps"] = [round(float(r["wps"]), 1) for r in runs]  # type: ignore[arg-type]
    return middle


# --- two cores: two worker processes, each pinned to one core ----------------------------

def split_halves(articles: list[Article]) -> tuple[list[Article], list[Article]]:
    """Two shards of about equal word count (greedy, longest first)."""
    shards: tuple[list[Article], list[Article]] = ([], [])
    sizes = [0, 0]
    for art in sorted(articles, key=lambda a: -len(a[0].split())):
        i = 0 if sizes[0] <= sizes[1] else 1
        shards[i].append(art)
        sizes[i] += len(art[0].split())
    return shards


def _shard_worker(core: int, system: str, shard: list[Article], warm: list[Article],
                  stock_model: str | None, ready, go, results) -> None:  # noqa: ANN001
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {core})
    t0 = time.perf_counter()
    run = make_runner(system, Path(stock_model) if stock_model else None)
    run(warm)
    load_s = time.perf_counter() - t0
    ready.put(core)
    go.wait()
    start, cpu = time.perf_counter(), time.process_time()
    items = run(shard)
    end, cpu = time.perf_counter(), time.process_time() - cpu
    results.put({"core": core, "start": start, "end": end, "load_s": load_s, "items": items,
                 "cpu_s": cpu,
                 "words": count_words(t for t, _ in shard), "peak_mb": peak_rss_mb()})


def measure_two_cores(system: str, articles: list[Article],
                      stock_model: Path | None = None) -> dict[str, float]:
    """Wall time from "go" until the slower of two pinned workers finishes."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    ready, results, go = ctx.Queue(), ctx.Queue(), ctx.Event()
    shards = split_halves(articles)
    warm = articles[:WARMUP]
    procs = [ctx.Process(target=_shard_worker,
                         args=(core, system, shards[core], warm,
                               str(stock_model) if stock_model else None, ready, go, results))
             for core in (0, 1)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.get(timeout=600)
    t_go = time.perf_counter()
    go.set()
    rows = [results.get(timeout=1200) for _ in procs]
    for p in procs:
        p.join()
    secs = max(r["end"] for r in rows) - t_go
    words = sum(r["words"] for r in rows)
    cpu = max(r["cpu_s"] for r in rows)  # the slower worker's CPU time bounds the wall time
    return {"words": words, "seconds": secs, "wps": words / secs if secs else 0.0,
            "cpu_s": cpu, "wps_cpu": words / cpu if cpu else 0.0,
            "load_s": max(r["load_s"] for r in rows), "items": sum(r["items"] for r in rows),
            "peak_mb": max(r["peak_mb"] for r in rows),
            "peak_mb_total": sum(r["peak_mb"] for r in rows)}


# --- load time --------------------------------------------------------------------------

LOAD_SCRIPT = """
import json, time
t0 = time.perf_counter()
import spacy, warta
from warta.nlp.pipeline import MODEL_DIR
t1 = time.perf_counter()
spacy.load(MODEL_DIR)
t2 = time.perf_counter()
warta.load()
t3 = time.perf_counter()
print("@@RESULT " + json.dumps({"import_s": t1 - t0, "spacy_load_s": t2 - t1,
                               "warta_load_s": t3 - t2}))
"""
LOAD_REPEATS = 3


def measure_load(repeats: int = LOAD_REPEATS) -> dict[str, float] | None:
    """Median seconds, each in a fresh process on core 0: importing spaCy and Warta, then
    ``spacy.load`` of the shipped model, then ``warta.load()`` (the same model with Warta's
    components). ``None`` without a shipped model."""
    from warta.nlp.pipeline import MODEL_DIR

    if not (MODEL_DIR / "config.cfg").exists():
        return None
    runs = []
    for _ in range(repeats):
        proc = subprocess.run([*pinned("0"), sys.executable, "-c", LOAD_SCRIPT],
                              capture_output=True, text=True, timeout=300, cwd=ROOT)
        line = next((x for x in proc.stdout.splitlines() if x.startswith("@@RESULT ")), None)
        if line is None:
            return {"error": (proc.stderr or proc.stdout).strip()[-300:]}  # type: ignore[dict-item]
        runs.append(json.loads(line[len("@@RESULT "):]))
    return {key: sorted(r[key] for r in runs)[len(runs) // 2] for key in runs[0]}


# --- NER F1 -------------------------------------------------------------------------------

def ner_f1(system: str, stock_model: Path | None = None) -> dict[str, object] | None:
    """PER/ORG/LOC span scores on idner dev, or ``None`` without the data or a model.
    ``warta-corpus-head``: the Warta pipeline's second head (``doc.spans["ner_corpus"]``)
    with its ensemble members; ``warta-head-alone``: that head without them."""
    import spacy

    from warta.eval.ner import evaluate_ner

    dev = shared_data() / "ner" / "idner-news-2k" / "dev.conll"
    if not dev.exists():
        return None
    spans_key = None
    if system in ("warta-spacy", "warta-corpus-head", "warta-head-alone"):
        from warta.nlp.entity_tagger import CORPUS_HEAD
        from warta.nlp.pipeline import MODEL_DIR
        if not (MODEL_DIR / "config.cfg").exists():
            return None
        nlp = spacy.load(MODEL_DIR)
        if system != "warta-spacy":
            if CORPUS_HEAD not in nlp.pipe_names:
                return None
            if system == "warta-corpus-head":
                from warta.nlp.corpus_ensemble import add_corpus_members
                add_corpus_members(nlp, MODEL_DIR)  # its ensemble members, beside the model
            spans_key = CORPUS_HEAD
    elif system == "stock":
        model = stock_model or STOCK_DIR / "model"
        if not (model / "config.cfg").exists():
            return None
        nlp = spacy.load(model)
    else:
        return None
    return evaluate_ner(dev, nlp, "idner", spans_key=spans_key).as_dict()


# --- orchestration ------------------------------------------------------------------------

def worker_main(args: argparse.Namespace) -> int:
    """Child process: one measurement, one JSON line on stdout."""
    articles = load_articles(detik_path(), args.words)
    stock = Path(args.stock_model) if args.stock_model else None
    if args.worker == "f1":
        out: dict[str, object] = {s: ner_f1(s, stock)
                                  for s in ("warta-spacy", "warta-corpus-head",
                                            "warta-head-alone", "stock")}
    elif args.cores == 1:
        out = measure(args.system, articles, stock)
    else:
        out = measure_two_cores(args.system, articles, stock)
    print("@@RESULT " + json.dumps(out))
    return 0


def pinned(cores: str) -> list[str]:
    return ["taskset", "-c", cores] if shutil.which("taskset") else []


def run_child(extra: list[str], cores: str, timeout: float) -> dict[str, object]:
    """Run this script as a pinned worker and parse its result line."""
    cmd = [*pinned(cores), sys.executable, str(Path(__file__).resolve()), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    for line in proc.stdout.splitlines():
        if line.startswith("@@RESULT "):
            return json.loads(line[len("@@RESULT "):])
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
    return {"error": f"exit {proc.returncode}: " + " | ".join(tail)}


def machine() -> dict[str, object]:
    """CPU model, cores, versions and load: the conditions every number depends on."""
    import spacy

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, cwd=ROOT).stdout.strip() or None
    except OSError:
        commit = None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "spacy": spacy.__version__, "platform": platform.platform(),
            "git_commit": commit, "taskset": bool(shutil.which("taskset"))}


def model_info(path: Path) -> dict[str, object] | None:
    if not (path / "config.cfg").exists():
        return None
    meta = json.loads((path / "meta.json").read_text()) if (path / "meta.json").exists() else {}
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6
    return {"path": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
            "name": meta.get("name"), "version": meta.get("version"),
            "pipeline": meta.get("pipeline"), "size_mb": round(size, 2),
            "mtime": datetime.fromtimestamp((path / "config.cfg").stat().st_mtime)
            .isoformat(timespec="seconds")}


def fmt(value: object, spec: str = ",.0f") -> str:
    return format(value, spec) if isinstance(value, (int, float)) else "–"


def markdown(report: dict[str, object]) -> str:
    """The results table as it goes into docs/BENCHMARKS.md."""
    rows = ["| system | words/s, 1 core | words/s, 2 cores | words/CPU-s, 1 core "
            "| words/CPU-s, 2 cores | peak MB (1 core) | load s | NER F1 (idner dev) | model MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    results: dict[str, dict[str, dict]] = report["results"]  # type: ignore[assignment]
    f1s: dict[str, dict | None] = report.get("f1") or {}  # type: ignore[assignment]
    models: dict[str, dict | None] = report["models"]  # type: ignore[assignment]
    for system in SYSTEMS:
        if system not in results:
            continue
        r = results[system]
        one, two = r.get("1", {}), r.get("2", {})
        if "skipped" in r:
            rows.append(f"| {LABELS[system]} | {r['skipped']} | | | | | | | |")
            continue
        key = "stock" if system.startswith("stock") else "warta"
        f1 = None if system.endswith("tokenizer") else f1s.get(
            "stock" if key == "stock" else
            "warta-corpus-head" if system == "warta-spacy-corpus" else
            "warta-head-alone" if system == "warta-spacy-head" else "warta-spacy")
        model = models.get(key) if not system.endswith("tokenizer") else None
        if system == "warta-spacy-corpus" and model and models.get("warta-corpus"):
            # the head's ensemble members are a pipeline beside the model: count both
            model = {**model, "size_mb": model["size_mb"] + models["warta-corpus"]["size_mb"]}
        rows.append("| " + " | ".join([
            LABELS[system],
            fmt(one.get("wps")) if "error" not in one else "error",
            fmt(two.get("wps")) if "error" not in two else "error",
            fmt(one.get("wps_cpu")),
            fmt(two.get("wps_cpu")),
            fmt(one.get("peak_mb")),
            fmt(one.get("load_s"), ".1f"),
            fmt(f1["overall"]["f1"], ".3f") if f1 else "–",
            fmt(model["size_mb"], ".1f") if model else "–",
        ]) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Warta speed benchmark")
    ap.add_argument("--words", type=int, default=60000,
                    help="words of Detik articles to process (0: all); default 60000")
    ap.add_argument("--systems", default=",".join(SYSTEMS))
    ap.add_argument("--cores", type=int, choices=(1, 2), default=None,
                    help="only this setting (default: 1 and 2)")
    ap.add_argument("--stock-model", default=None, help="default build/stock/model")
    ap.add_argument("--json", type=Path, default=RESULTS, help="where to write the JSON")
    ap.add_argument("--no-f1", action="store_true", help="skip the idner dev evaluation")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds over all systems, each measurement in a fresh process; the "
                         "median round is reported (default 1)")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--system", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        args.cores = args.cores or 1
        return worker_main(args)

    path = detik_path()
    if not path.exists():
        print(f"bench: {path} not found (set WARTA_SHARED_DATA); nothing measured")
        return 0
    articles = load_articles(path, args.words)
    words = count_words(t for t, _ in articles)
    stock_model = Path(args.stock_model) if args.stock_model else STOCK_DIR / "model"
    systems = [s for s in args.systems.split(",") if s]
    settings = [args.cores] if args.cores else [1, 2]
    if (os.cpu_count() or 1) < 2:
        settings = [1]
    info = machine()
    report: dict[str, object] = {
        "command": "python bench/run.py " + " ".join(sys.argv[1:] if argv is None else argv),
        "date": datetime.now().isoformat(timespec="seconds"),
        "machine": info,
        "load_before": list(os.getloadavg()),
        "corpus": {"file": "news/detik-dev.jsonl", "articles": len(articles), "words": words},
        "models": {"warta": model_info(ROOT / "warta" / "models" / "id_warta"),
                   "warta-corpus": model_info(ROOT / "warta" / "models" / "id_warta_corpus"),
                   "stock": model_info(stock_model)},
        "results": {},
    }
    print(f"machine: {info['cpu']}, {info['cores']} cores, Python {info['python']}, "
          f"spaCy {info['spacy']}; load average {os.getloadavg()[0]:.2f}")
    print(f"text: {len(articles)} Detik articles, {words:,} words")
    if report["models"]["warta"] is None:  # type: ignore[index]
        print("note: warta/models/id_warta absent: Warta runs on spacy.blank('id') (no NER)")
    results: dict[str, dict[str, object]] = report["results"]  # type: ignore[assignment]
    report["repeat"] = max(1, args.repeat)
    started = time.perf_counter()
    runs: dict[tuple[str, int], list[dict[str, object]]] = {}
    # rounds over all the systems, so that a slow spell of a shared machine falls on
    # every system alike rather than on one
    for round_no in range(max(1, args.repeat)):
        for system in systems:
            if system.startswith("stock") and report["models"]["stock"] is None:  # type: ignore[index]
                results[system] = {"skipped": "not trained; run make bench-baseline"}
                if round_no == 0:
                    print(f"{system:12s} not trained; run make bench-baseline")
                continue
            for n in settings:
                cores = "0" if n == 1 else "0,1"
                extra = ["--worker", "speed", "--system", system, "--cores", str(n),
                         "--words", str(args.words), "--stock-model", str(stock_model)]
                r = run_child(extra, cores, timeout=900)
                runs.setdefault((system, n), []).append(r)
                if "error" in r:
                    print(f"{system:12s} {n} core(s): {r['error']}")
                else:
                    print(f"{system:12s} {n} core(s): {r['wps']:>10,.0f} words/s  "
                          f"({r['wps_cpu']:>9,.0f} per CPU-s)  {r['seconds']:6.1f} s  "
                          f"load {r['load_s']:4.1f} s  "
                          f"peak {r['peak_mb']:6.0f} MB", flush=True)
    for (system, n), measured in runs.items():
        results.setdefault(system, {})[str(n)] = median_run(measured)
        if len(measured) > 1 and "runs_wps" in results[system][str(n)]:  # type: ignore[operator]
            chosen = results[system][str(n)]
            print(f"{system:12s} {n} core(s): median {chosen['wps']:,.0f} words/s of "  # type: ignore[index]
                  + ", ".join(f"{w:,.0f}" for w in chosen["runs_wps"]))  # type: ignore[index]
    report["load"] = measure_load()
    if report["load"]:
        print(f"load (median of {LOAD_REPEATS} fresh processes): " + ", ".join(
            f"{k} {v:.2f}" for k, v in report["load"].items()  # type: ignore[union-attr]
            if isinstance(v, float)), flush=True)
    if not args.no_f1:
        f1 = run_child(["--worker", "f1", "--stock-model", str(stock_model)], "0", timeout=900)
        report["f1"] = f1
    report["load_after"] = list(os.getloadavg())
    now = {"warta": model_info(ROOT / "warta" / "models" / "id_warta"),
           "stock": model_info(stock_model)}
    changed = [k for k, v in now.items() if v != report["models"][k]]  # type: ignore[index]
    if changed:
        report["warning"] = (f"model(s) {', '.join(changed)} changed during the run: "
                             "the numbers mix two models; run again")
        print(f"WARNING: {report['warning']}")
    report["bench_seconds"] = round(time.perf_counter() - started, 1)
    table = markdown(report)
    print()
    print(table)
    print(f"\nload average before {report['load_before'][0]:.2f}, "  # type: ignore[index]
          f"after {report['load_after'][0]:.2f}; {report['bench_seconds']} s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report["table"] = table
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
