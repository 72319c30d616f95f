"""Measure an NER model in idner-news-2k's convention with an encoder of its own.

The experiment of docs/MODELS.md, "Measured, not adopted: `spacy pretrain` and wider
encoders for idner's convention": the two NER stages of ``warta.train.ner`` on the NER
corpora alone (no 2025 news, selection on idner dev alone, no corpus head), optionally a
wider encoder, optionally with a tok2vec pretrained by ``spacy pretrain`` (characters
objective) on raw news text — BPPT-PANL train + test and the nlp-id POS corpus, no Detik
text. Prints idner dev, NERGrit valid and NERP valid F1. One core, about 6.5 minutes per
model plus 90 s per pretraining epoch.

    python scripts/experiment_corpus_model.py OUT [--width 64] [--depth 3]
        [--pretrain-epochs 8] [--seed 0] [--vectors-seed 0] [--char-embed]
        [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from warta.train.corpus_ensemble import CHAR_EMBED  # noqa: E402
from warta.train.ner import CONFIG, train_ner  # noqa: E402
from warta.train.ud import nlpid_postag_path  # noqa: E402

RAW_CSV = ("news/bppt-panl/train.csv", "news/bppt-panl/test.csv")
EVAL_SETS = {"idner dev": "ner/idner-news-2k/dev.conll",
             "NERGrit valid": "ner/nergrit/valid.conll", "NERP valid": "ner/nerp/valid.conll"}


def write_raw_text(data: Path, out: Path) -> int:
    """One JSON line per BPPT-PANL sentence and nlp-id corpus sentence; their number."""
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for rel in RAW_CSV:
            with (data / rel).open(encoding="utf-8", newline="") as source:
                for row in csv.reader(source):
                    if len(row) >= 2 and row[1].strip():
                        fh.write(json.dumps({"text": row[1].strip()}, ensure_ascii=False) + "\n")
                        count += 1
        postag = nlpid_postag_path()
        words: list[str] = []
        for line in (postag.open(encoding="utf-8") if postag else ()):
            if line.strip():
                words.append(line.split("\t")[0])
            elif words:
                fh.write(json.dumps({"text": " ".join(words)}, ensure_ascii=False) + "\n")
                count, words = count + 1, []
    return count


def config_for(width: int, depth: int, work: Path, pretraining: bool,
               char_embed: bool = False) -> Path:
    """``configs/ner.cfg`` with the encoder's width and depth, and (for pretraining) the
    ``[pretraining]`` block spaCy's ``init fill-config --pretraining`` adds.
    ``char_embed``: the character members' embedding
    (:data:`warta.train.corpus_ensemble.CHAR_EMBED`; 8 epochs here, as the NER) in
    place of ``MultiHashEmbed``."""
    from spacy.cli.init_config import fill_config
    from spacy.util import load_config

    cfg = load_config(CONFIG, interpolate=False)
    cfg["components"]["tok2vec"]["model"]["encode"].update({"width": width, "depth": depth})
    if char_embed:
        cfg["components"]["tok2vec"]["model"]["embed"] = dict(CHAR_EMBED)
    plain = work / "ner.cfg"
    cfg.to_disk(plain)
    if not pretraining:
        return plain
    filled = work / "ner_pretraining.cfg"
    fill_config(filled, plain, pretraining=True, silent=True)
    return filled


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--width", type=int, default=64)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--pretrain-epochs", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--char-embed", action="store_true",
                    help="character embeddings in place of the hashed prefix/suffix/shape")
    ap.add_argument("--vectors-seed", type=int, default=None,
                    help="the static vectors' seed (default: --seed)")
    ap.add_argument("--data", type=Path,
                    default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = ap.parse_args()
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    args.out.mkdir(parents=True, exist_ok=True)
    config = config_for(args.width, args.depth, args.out, args.pretrain_epochs > 0,
                        args.char_embed)
    weights = None
    if args.pretrain_epochs:
        from spacy.cli.pretrain import pretrain
        from spacy.util import load_config

        from warta.train.vectors import train_vectors

        raw = args.out / "raw.jsonl"
        print("raw sentences:", write_raw_text(args.data, raw), flush=True)
        vectors = train_vectors(args.data, args.out / "vectors", seed=args.seed)
        pretrain_config = load_config(config, overrides={
            "paths.raw_text": str(raw), "paths.vectors": str(vectors),
            "pretraining.max_epochs": args.pretrain_epochs, "system.seed": args.seed,
            "paths.train": None, "paths.dev": None}, interpolate=True)
        (args.out / "pretrain").mkdir(exist_ok=True)  # spaCy's CLI makes it, the API not
        pretrain(pretrain_config, args.out / "pretrain", silent=False)
        weights = args.out / "pretrain" / f"model{args.pretrain_epochs - 1}.bin"
        text = config.read_text(encoding="utf-8").replace(
            "raw_text = null", f'raw_text = "{raw}"', 1)  # resolvable, never read
        config.write_text(text, encoding="utf-8")
    model = train_ner(args.out / "model", args.data, seed=args.seed, config=config,
                      news_repeat=0, select_news=False, corpus_head=False,
                      init_tok2vec=weights, vectors_seed=args.vectors_seed)
    import spacy

    from warta.eval.ner import evaluate_ner

    nlp = spacy.load(model)
    scores = {name: round(evaluate_ner(args.data / rel, nlp).f1, 4)
              for name, rel in EVAL_SETS.items()}
    print(json.dumps({"width": args.width, "depth": args.depth, "seed": args.seed,
                      "pretrain_epochs": args.pretrain_epochs, "char_embed": args.char_embed,
                      **scores}))


if __name__ == "__main__":
    main()
