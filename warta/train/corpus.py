"""Builds the spaCy training and dev corpora from the shared NER files.

Leakage rules (see the shared data README): the idner-news-2k dev sentences also
occur in other corpora, NERP in particular (lowercased). Every training sentence
whose normal form equals an idner dev sentence is dropped, and NERP sentences
that duplicate an idner train sentence are dropped in favour of the cased copy.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from warta.lang.gazetteer import GAZETTEER_DIR, read_list
from warta.train.conll import Sentence, read_conll
from warta.train.gpe import relabel_spans

# No space before these tokens, none after the openers: a plausible running text.
_NO_SPACE_BEFORE = frozenset(",.;:!?)]}%'\"”’…")
_NO_SPACE_AFTER = frozenset("([{\"“‘")

IDNER_TRAIN = "ner/idner-news-2k/train.conll"
IDNER_DEV = "ner/idner-news-2k/dev.conll"
NERUI_ALL = "ner/nerui/all.conll"
NERGRIT_TRAIN = "ner/nergrit/train.conll"
NERGRIT_VALID = "ner/nergrit/valid.conll"
NERP_TRAIN = "ner/nerp/train.conll"
NERP_VALID = "ner/nerp/valid.conll"

# idner and NER UI mostly leave country names untagged ("Israel" 3 of 19 times in idner
# dev), while NERP and Warta's own 2025 news tag them. With this on, an untagged,
# capitalised country name in the CoNLL corpora is *missing* annotation (no loss), not
# "outside": the corpora stop teaching the model to leave countries out.
MISSING_UNTAGGED_COUNTRIES = False
_COUNTRY_WORDS = 4  # longest country name in tokens ("Republik Demokratik Kongo" ...)


@dataclass
class CorpusReport:
    """What went into the training corpus, for the log and docs/MODELS.md."""

    counts: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)


def split_multiword(sent: Sentence) -> Sentence:
    """NERP has tokens with spaces ("salah satu"); a tokenizer never yields those."""
    if not any(" " in t for t in sent.tokens):
        return sent
    tokens: list[str] = []
    index: list[int] = []  # old token index -> new start
    for tok in sent.tokens:
        index.append(len(tokens))
        tokens.extend(tok.split() or [tok])
    index.append(len(tokens))
    spans = tuple((index[s], index[e], lab) for s, e, lab in sent.spans)
    return Sentence(tuple(tokens), spans)


def guess_spaces(words: Iterable[str]) -> list[bool]:
    words = list(words)
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        glued = nxt is None or nxt in _NO_SPACE_BEFORE or w in _NO_SPACE_AFTER
        spaces.append(not glued)
    return spaces


def to_doc(vocab: Vocab, sent: Sentence, gpe: bool = True) -> Doc:
    """A gold ``Doc`` from CoNLL tokens; LOC spans that are known GPEs become GPE."""
    sent = split_multiword(sent)
    doc = Doc(vocab, words=list(sent.tokens), spaces=guess_spaces(sent.tokens))
    spans = relabel_spans(sent.tokens, sent.spans) if gpe else sent.spans
    ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    if MISSING_UNTAGGED_COUNTRIES:
        missing = [Span(doc, s, e) for s, e in untagged_countries(sent.tokens, spans)]
        doc.set_ents(ents, missing=missing, default="outside")
    else:
        doc.ents = ents
    return doc


def untagged_countries(tokens: Sequence[str], spans: Iterable[tuple[int, int, str]]
                       ) -> list[tuple[int, int]]:
    """Token runs outside every span that are capitalised country names (longest first)."""
    tagged = {i for s, e, _ in spans for i in range(s, e)}
    names = _country_names()
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        for length in range(min(_COUNTRY_WORDS, len(tokens) - i), 0, -1):
            run = range(i, i + length)
            if (tokens[i][:1].isupper() and not tagged.intersection(run)
                    and " ".join(tokens[i:i + length]).casefold() in names):
                out.append((i, i + length))
                i += length
                break
        else:
            i += 1
    return out


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in read_list(GAZETTEER_DIR / "countries.txt"))


def build_training_sentences(data_dir: Path, *, use_nerp: bool = False,
                             idner_repeat: int = 1) -> tuple[list[Sentence], CorpusReport]:
    """Training sentences from all sources, deduplicated against idner dev."""
    report = CorpusReport()
    dev_nf = {s.normal_form for s in read_conll(data_dir / IDNER_DEV, "idner")}
    idner_train = read_conll(data_dir / IDNER_TRAIN, "idner")
    idner_nf = {s.normal_form for s in idner_train}
    sources: list[tuple[str, list[Sentence], set[str]]] = [
        ("idner-train", idner_train, set()),
        ("nerui", read_conll(data_dir / NERUI_ALL, "nerui"), set()),
        ("nergrit-train", read_conll(data_dir / NERGRIT_TRAIN, "nergrit"), set()),
    ]
    if use_nerp:
        sources.append(("nerp-train", read_conll(data_dir / NERP_TRAIN, "nerp"), idner_nf))
    out: list[Sentence] = []
    for name, sents, also_drop in sources:
        kept = [s for s in sents if s.normal_form and s.normal_form not in dev_nf
                and s.normal_form not in also_drop]
        report.counts[name] = len(kept)
        report.dropped[name] = len(sents) - len(kept)
        if name == "idner-train":
            kept = kept * idner_repeat
        out.extend(kept)
    return out, report


def write_docbin(path: Path, vocab: Vocab, sents: Iterable[Sentence | Doc]) -> int:
    db = DocBin(store_user_data=True)  # distilled docs carry their teachers' tag probabilities
    n = 0
    for s in sents:
        db.add(s if isinstance(s, Doc) else to_doc(vocab, s))
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n


def build_corpora(data_dir: Path, work_dir: Path, *, use_nerp: bool = False,
                  idner_repeat: int = 1, max_sentences: int | None = None,
                  seed: int = 0, news: Sequence[Doc] = (), news_repeat: int = 1,
                  news_dev: Sequence[Doc] = (), extra: Sequence[Doc] = ()) -> CorpusReport:
    """Write ``train.spacy``, ``finetune.spacy`` and ``dev.spacy`` into ``work_dir``,
    and idner train and dev alone (``idner_train.spacy``, ``idner_dev.spacy``).

    ``news`` (paragraph docs of hand-annotated 2025 articles, :mod:`warta.train.news`)
    join both stages, ``news_repeat`` times each; ``news_dev`` joins idner dev for
    model selection, so the checkpoint kept is good on both kinds of news. ``extra``
    (news labelled by a teacher ensemble, :mod:`warta.train.distil`) joins the first
    stage only: the second adapts to gold annotation.
    """
    vocab = Vocab()
    train, report = build_training_sentences(data_dir, use_nerp=use_nerp,
                                             idner_repeat=idner_repeat)
    rng = random.Random(seed)
    rng.shuffle(train)
    dev = read_conll(data_dir / IDNER_DEV, "idner")
    if max_sentences is not None:
        train = train[:max_sentences]
        dev = dev[: max(20, max_sentences // 5)]
        news, news_dev = news[:max_sentences // 10], news_dev[:max_sentences // 50]
    news_items: list[Sentence | Doc] = list(news) * news_repeat
    report.counts["news-paragraphs"] = len(news)
    if extra:
        report.counts["distilled"] = len(extra)
    report.counts["train-total"] = write_docbin(work_dir / "train.spacy", vocab,
                                                [*train, *news_items, *extra])
    # Second stage: idner train (and the 2025 news), to adapt to the annotation conventions.
    dev_nf = {s.normal_form for s in dev}
    tune = [s for s in read_conll(data_dir / IDNER_TRAIN, "idner") if s.normal_form not in dev_nf]
    if max_sentences is not None:
        tune = tune[:max_sentences]
    report.counts["finetune"] = write_docbin(work_dir / "finetune.spacy", vocab,
                                             [*tune, *news_items])
    report.counts["dev"] = write_docbin(work_dir / "dev.spacy", vocab, [*dev, *news_dev])
    # idner alone, for the idner-convention head (warta.train.corpus_head)
    write_docbin(work_dir / "idner_train.spacy", vocab, tune)
    write_docbin(work_dir / "idner_dev.spacy", vocab, dev)
    return report
