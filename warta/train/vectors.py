"""Static word vectors trained here on raw Indonesian news text (no downloads).

The NER corpora are small (about 10k sentences); vectors from about 1.5M words of
unlabelled news give the model a notion of which words behave alike, names
included. Vectors are lowercased and looked up by ``LOWER`` (capitalisation is a
separate feature, SHAPE). Training uses gensim's FastText with one worker and a
fixed seed so the result is reproducible; gensim seeds each word's initial vector
with Python's ``hash``, so the training runs in a child process with
``PYTHONHASHSEED=0`` unless the caller already set it.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy

from warta.train.conll import read_conll_raw
from warta.train.corpus import IDNER_TRAIN, NERGRIT_TRAIN, NERP_TRAIN, NERUI_ALL
from warta.train.ud import nlpid_postag_path

RAW_NEWS = ("news/bppt-panl/train.csv", "news/bppt-panl/test.csv")
DETIK = "news/detik-dev.jsonl"


def raw_sentences(data_dir: Path) -> Iterator[list[str]]:
    """Lowercased token lists from every raw or labelled training text we may use."""
    tok = spacy.blank("id").tokenizer
    for rel in RAW_NEWS:
        with open(data_dir / rel, encoding="utf-8") as fh:
            for row in csv.reader(fh):
                if len(row) >= 2:
                    yield [t.lower_ for t in tok(row[1]) if not t.is_space]
    with open(data_dir / DETIK, encoding="utf-8") as fh:
        for line in fh:
            for para in json.loads(line)["text"].split("\n"):
                if len(para.split()) >= 4:
                    yield [t.lower_ for t in tok(para) if not t.is_space]
    for rel in (IDNER_TRAIN, NERUI_ALL, NERGRIT_TRAIN, NERP_TRAIN):
        for tokens, _tags in read_conll_raw(data_dir / rel):
            yield [t.lower() for w in tokens for t in w.split()]
    postag = nlpid_postag_path()
    if postag is not None:
        sent: list[str] = []
        with open(postag, encoding="utf-8") as fh:
            for line in fh:
                word = line.split("\t", 1)[0].strip()
                if not word:
                    if sent:
                        yield sent
                    sent = []
                    continue
                sent.append(word.lower())
                if word in {".", "!", "?"}:
                    yield sent
                    sent = []
        if sent:
            yield sent


def train_vectors(data_dir: Path, out_dir: Path, *, dim: int = 100, min_count: int = 3,
                  epochs: int = 10, seed: int = 0) -> Path:
    """Train FastText vectors and convert them to a spaCy vectors pipeline in ``out_dir``."""
    if os.environ.get("PYTHONHASHSEED") != "0":
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        subprocess.run([sys.executable, "-m", "warta.train.vectors", str(data_dir), str(out_dir),
                        str(dim), str(min_count), str(epochs), str(seed)], check=True, env=env)
        return out_dir / "nlp"
    from gensim.models import FastText  # training-only dependency

    sents = [s for s in raw_sentences(data_dir) if s]
    model = FastText(vector_size=dim, window=5, min_count=min_count, sg=1, workers=1,
                     seed=seed, epochs=epochs, bucket=200_000)
    model.build_vocab(corpus_iterable=sents)
    model.train(corpus_iterable=sents, total_examples=len(sents), epochs=epochs)
    out_dir.mkdir(parents=True, exist_ok=True)
    txt = out_dir / "vectors.txt"
    model.wv.save_word2vec_format(str(txt))
    nlp_dir = out_dir / "nlp"
    subprocess.run([sys.executable, "-m", "spacy", "init", "vectors", "id", str(txt),
                    str(nlp_dir), "--attr", "LOWER"], check=True)
    return nlp_dir


if __name__ == "__main__":
    _a = sys.argv[1:]
    train_vectors(Path(_a[0]), Path(_a[1]), dim=int(_a[2]), min_count=int(_a[3]),
                  epochs=int(_a[4]), seed=int(_a[5]))
