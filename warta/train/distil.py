"""Distillation: an ensemble of entity taggers labels unlabelled news for one student.

Why: three taggers trained with different seeds, their BILUO probabilities averaged,
are better than any one of them (idner dev +0.016 F1, 2025 news mentions +0.015;
docs/MODELS.md), but cost three times the NER time at run time, and the product has
to stay fast. Their agreed labels on news nobody annotated (BPPT-PANL, the nlp-id
corpus, Detik articles in no gold set) become extra training documents for one
tagger of the shipped size, which learns what the ensemble knows.

Leakage: no unlabelled sentence equal (normal form) to a sentence of an evaluation
set is used, and no Detik paragraph of an article any dev gold file annotates.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from warta.nlp.entity_tagger import (
    SOFT_LABELS,
    SOFT_TARGETS,
    BiluoDecoder,
    EntityTagger,
    entity_spans,
)
from warta.text.normalize import normalize
from warta.train.conll import normal_form, read_conll_raw
from warta.train.corpus import IDNER_DEV, NERGRIT_VALID, NERP_VALID, guess_spaces
from warta.train.news import NEWS_SOURCE
from warta.train.ud import nlpid_postag_path, read_postag

ROOT = Path(__file__).resolve().parents[2]
BPPT = ("news/bppt-panl/train.csv", "news/bppt-panl/test.csv")
DETIK = "news/detik-dev.jsonl"
# Gold files whose articles are evaluation material: their text is never pseudo-labelled.
DEV_GOLD = tuple(ROOT / "dev" / "gold" / name
                 for name in ("entities.jsonl", "quotes.jsonl", "dates_amounts.jsonl"))
TRAIN_GOLD = ROOT / "dev" / "gold" / "entities_train.jsonl"  # annotated: gold, not teacher
EVAL_SETS = (IDNER_DEV, NERGRIT_VALID, NERP_VALID)
MIN_WORDS = 4


def unlabelled_texts(data_dir: Path | str, *, limit: int, seed: int = 0,
                     tokenizer: Language | None = None) -> list[Doc]:
    """Up to ``limit`` unlabelled sentences or paragraphs of news as tokenised ``Doc``s,
    an even draw (fixed seed) from every available source."""
    data_dir = Path(data_dir)
    nlp = tokenizer or spacy.blank("id")
    forbidden = _evaluation_forms(data_dir)
    vocab = nlp.vocab
    pools: list[list[Doc]] = []
    for source in (_bppt(data_dir, nlp), _nlpid(vocab), _detik(data_dir, nlp)):
        docs, seen = [], set()
        for doc in source:
            form = normal_form(t.text for t in doc)
            if len(doc) >= MIN_WORDS and form not in forbidden and form not in seen:
                seen.add(form)
                docs.append(doc)
        if docs:
            pools.append(docs)
    rng = random.Random(seed)
    for docs in pools:
        rng.shuffle(docs)
    out: list[Doc] = []
    share = limit // max(1, len(pools))
    for docs in pools:
        out.extend(docs[:share])
    return out


def _evaluation_forms(data_dir: Path) -> set[str]:
    return {normal_form(tokens) for rel in EVAL_SETS if (data_dir / rel).exists()
            for tokens, _tags in read_conll_raw(data_dir / rel)}


def _bppt(data_dir: Path, nlp: Language) -> Iterator[Doc]:
    for rel in BPPT:
        if not (data_dir / rel).exists():
            continue
        with open(data_dir / rel, encoding="utf-8") as fh:
            texts = [row[1] for row in csv.reader(fh) if len(row) >= 2]
        yield from nlp.tokenizer.pipe(texts)


def _nlpid(vocab: Vocab) -> Iterator[Doc]:
    path = nlpid_postag_path()
    if path is None:
        return
    for words, _tags in read_postag(path):
        yield Doc(vocab, words=words, spaces=guess_spaces(words))


def _detik(data_dir: Path, nlp: Language) -> Iterator[Doc]:
    """Paragraphs of Detik articles no gold file annotates, minus any paragraph that
    also occurs in an article of a dev set (follow-ups repeat whole paragraphs)."""
    path = data_dir / DETIK
    if not path.exists():
        return
    dev_ids, train_ids = _article_ids(DEV_GOLD), _article_ids((TRAIN_GOLD,))
    excluded = dev_ids | train_ids
    articles = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    dev_paragraphs = {p.strip() for a in articles if a["id"] in dev_ids
                      for p in normalize(a["text"]).split("\n") if p.strip()}
    paragraphs = [p.strip() for a in articles if a["id"] not in excluded
                  for p in normalize(a["text"]).split("\n")
                  if p.strip() and p.strip() not in dev_paragraphs]
    yield from nlp.tokenizer.pipe(paragraphs)


def _article_ids(gold_files: Iterable[Path]) -> set[str]:
    return {json.loads(line)["id"] for gold in gold_files if gold.exists()
            for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()}


def ensemble_log_probs(teachers: Sequence[Language], docs: Sequence[Doc],
                       batch_size: int = 256) -> list[numpy.ndarray]:
    """Per doc, the log of the teachers' mean BILUO probabilities (same label order)."""
    labels = _tagger(teachers[0]).labels
    total: list[numpy.ndarray] = []
    for teacher in teachers:
        tagger = _tagger(teacher)
        if tagger.labels != labels:
            raise ValueError("teachers disagree on their BILUO labels")
        own = [Doc(teacher.vocab, words=[t.text for t in d],
                   spaces=[bool(t.whitespace_) for t in d]) for d in docs]
        probs: list[numpy.ndarray] = []
        for start in range(0, len(own), batch_size):
            batch = list(teacher.get_pipe("tok2vec").pipe(own[start:start + batch_size]))
            probs.extend(numpy.exp(s) for s in tagger.predict(batch))
        total = probs if not total else [a + b for a, b in zip(total, probs, strict=True)]
    return [numpy.log(t / len(teachers)) for t in total]


def pseudo_labelled(teachers: Sequence[Language], docs: Sequence[Doc], *,
                    soft: bool = False) -> list[Doc]:
    """``docs`` with the ensemble's entities set (its most probable valid BILUO path)
    and, with ``soft``, its tag probabilities for the student's loss
    (:data:`warta.nlp.entity_tagger.SOFT_TARGETS`)."""
    labels = _tagger(teachers[0]).labels
    decoder = BiluoDecoder(labels)
    for doc, scores in zip(docs, ensemble_log_probs(teachers, docs), strict=True):
        doc.set_ents(entity_spans(doc, decoder.decode(scores)))
        if soft:
            doc.user_data[SOFT_TARGETS] = numpy.exp(scores).astype("float16")
            doc.user_data[SOFT_LABELS] = list(labels)
    return list(docs)


def add_soft_targets(path: Path, teachers: Sequence[Language], *,
                     skip_news: bool = False) -> int:
    """Give every doc of the DocBin at ``path`` the ensemble's tag probabilities
    (gold docs too: the student then learns from both, :class:`EntityTagger`'s
    ``soft_gold_weight``), except, with ``skip_news``, the hand-annotated 2025 news
    (:data:`warta.train.news.NEWS_SOURCE`); returns how many docs were given them."""
    vocab = teachers[0].vocab
    docs = list(DocBin().from_disk(path).get_docs(vocab))
    todo = [d for d in docs if SOFT_TARGETS not in d.user_data
            and not (skip_news and d.user_data.get(NEWS_SOURCE))]
    labels = list(_tagger(teachers[0]).labels)
    for doc, scores in zip(todo, ensemble_log_probs(teachers, todo), strict=True):
        doc.user_data[SOFT_TARGETS] = numpy.exp(scores).astype("float16")
        doc.user_data[SOFT_LABELS] = labels
    out = DocBin(store_user_data=True)
    for doc in docs:
        out.add(doc)
    out.to_disk(path)
    return len(todo)


def load_teachers(paths: Iterable[Path | str]) -> list[Language]:
    """The teachers' ``tok2vec`` and ``ner`` only: rulers are not what is distilled."""
    teachers = []
    for path in paths:
        nlp = spacy.load(path)
        keep = {"tok2vec", "ner"}
        for name in [n for n in nlp.pipe_names if n not in keep]:
            nlp.remove_pipe(name)
        teachers.append(nlp)
    return teachers


def _tagger(nlp: Language) -> EntityTagger:
    tagger = nlp.get_pipe("ner")
    if not isinstance(tagger, EntityTagger):
        raise TypeError("a teacher's ner must be Warta's entity tagger")
    return tagger
