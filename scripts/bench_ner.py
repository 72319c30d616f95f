"""Words per second of the NER pipeline on one core.

Usage:
    .venv/bin/python scripts/bench_ner.py [--model warta/models/id_warta]
                                          [--config configs/ner_fast.cfg] [--words 60000]

Text: the BPPT-PANL test sentences from the shared data, grouped 20 to a "document"
(about 400 words, an article's length). ``--config`` times an untrained pipeline
built from a config (architecture speed without training). Words are whitespace
separated strings of the input, as in the data README.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    env = os.environ.get("WARTA_SHARED_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def load_texts(max_words: int) -> list[str]:
    path = shared_data() / "news" / "bppt-panl" / "test.csv"
    with open(path, encoding="utf-8") as fh:
        sents = [row[1] for row in csv.reader(fh) if len(row) >= 2]
    texts, n = [], 0
    for i in range(0, len(sents), 20):
        chunk = " ".join(sents[i:i + 20])
        texts.append(chunk)
        n += len(chunk.split())
        if n >= max_words:
            break
    return texts


def untrained(config_path: Path) -> spacy.Language:
    from spacy.tokens import Doc, Span
    from spacy.training import Example
    cfg = spacy.util.load_config(config_path)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    doc = Doc(nlp.vocab, words=["Joko", "di", "Jakarta", "dan", "BI", "di", "Aceh"])
    doc.ents = [Span(doc, 0, 1, "PER"), Span(doc, 2, 3, "GPE"), Span(doc, 4, 5, "ORG"),
                Span(doc, 6, 7, "LOC")]
    nlp.initialize(lambda: [Example(nlp.make_doc(doc.text), doc)])
    return nlp


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "warta" / "models" / "id_warta"))
    ap.add_argument("--config", default=None)
    ap.add_argument("--words", type=int, default=60000)
    args = ap.parse_args()
    nlp = untrained(Path(args.config)) if args.config else spacy.load(args.model)
    texts = load_texts(args.words)
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:3]))  # load lazily initialised parts
    # Pass 1 meets most words for the first time (lexemes, vector lookups are created);
    # pass 2 is the steady state of a long-running process that has seen them.
    for label in ("cold", "warm"):
        start, cpu0 = time.perf_counter(), time.process_time()
        ents = sum(len(d.ents) for d in nlp.pipe(texts, batch_size=64))
        secs, cpu = time.perf_counter() - start, time.process_time() - cpu0
        # CPU seconds are what one core spends; wall seconds also count waiting for a
        # shared core, so on a busy machine words per CPU second is the fairer number.
        print(f"{label}: pipeline={nlp.pipe_names} words={words} wall_s={secs:.2f} "
              f"cpu_s={cpu:.2f} words_per_wall_s={words / secs:,.0f} "
              f"words_per_cpu_s={words / cpu:,.0f} ents={ents}")

if __name__ == "__main__":
    main()
