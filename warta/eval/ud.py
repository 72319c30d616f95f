"""Universal Dependencies evaluation: UPOS, XPOS, UFeats, lemma, UAS, LAS.

:func:`evaluate_ud` scores on *gold tokenisation*, like the published anchors
that assume gold words: a ``Doc`` is built from the CoNLL-U syntactic words
(clitics such as "nya" are words of their own), the pipeline's components run on
it, and every word is compared with its gold line. One ``Doc`` per gold sentence.

:func:`evaluate_ud_raw` scores end to end from the sentence text: the pipeline
tokenises, predicted tokens are aligned to gold words by character span (a MWT
such as "katanya" gives its words the spans of "kata" and "nya"), and each
score is an F1 over gold and predicted words, as in the CoNLL 2018 shared task.

LAS compares the universal part of the relation ("flat" for "flat:name"), as
the CoNLL 2018 script does; ``las_full`` keeps the subtypes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from warta.train.ud import UdSentence, UdWord, read_conllu

METRICS: tuple[str, ...] = ("upos", "xpos", "ufeats", "lemma", "uas", "las", "las_full")


@dataclass(frozen=True, slots=True)
class UdScores:
    """Correct counts per metric over ``gold_words``/``pred_words``; percentages as properties.

    With gold tokenisation ``pred_words == gold_words == aligned`` and every score
    is a plain accuracy. ``xpos`` is ``None`` when the pipeline has no tagger.
    """

    sentences: int
    gold_words: int
    pred_words: int
    aligned: int
    upos: int
    xpos: int | None
    ufeats: int
    lemma: int
    uas: int
    las: int
    las_full: int

    def _pct(self, correct: int | None) -> float | None:
        if correct is None:
            return None
        total = self.gold_words + self.pred_words
        return round(200.0 * correct / total, 2) if total else 0.0

    @property
    def words_f1(self) -> float:
        return self._pct(self.aligned) or 0.0

    def score(self, metric: str) -> float | None:
        """Percentage (F1; accuracy on gold words) for one of :data:`METRICS`."""
        return self._pct(getattr(self, metric))

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"counts": asdict(self), "words_f1": self.words_f1}
        out.update({m: self.score(m) for m in METRICS})
        return out

    def line(self) -> str:
        """One readable line: ``UPOS 95.1  UFeats ...``."""
        names = {"upos": "UPOS", "xpos": "XPOS", "ufeats": "UFeats", "lemma": "Lemma",
                 "uas": "UAS", "las": "LAS", "las_full": "LAS(full)"}
        parts = [f"{names[m]} {self.score(m):.2f}" for m in METRICS if self.score(m) is not None]
        if self.pred_words != self.gold_words or self.aligned != self.gold_words:
            parts.insert(0, f"Words {self.words_f1:.2f}")
        return "  ".join(parts)


def _feats_key(feats: str) -> frozenset[str]:
    return frozenset(f for f in feats.split("|") if f and f != "_")


def _universal(dep: str) -> str:
    dep = dep.lower()
    return dep.split(":")[0]


def _gold_doc(nlp: Language, sent: UdSentence) -> Doc:
    words = [w.form for w in sent.words]
    spaces = [w.space_after for w in sent.words]
    spaces[-1] = False
    starts = [i == 0 for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts)


def _pred_head(token: Token) -> int:
    """1-based head within the Doc, 0 for a root (spaCy roots point at themselves)."""
    return 0 if token.head.i == token.i else token.head.i + 1


class _Counter:
    def __init__(self, has_tagger: bool) -> None:
        self.c = dict.fromkeys(METRICS, 0)
        self.has_tagger = has_tagger

    def add(self, gold: UdWord, token: Token, head_ok: bool) -> None:
        c = self.c
        c["upos"] += token.pos_ == gold.upos
        c["xpos"] += self.has_tagger and token.tag_ == gold.xpos
        c["ufeats"] += _feats_key(str(token.morph)) == _feats_key(gold.feats)
        c["lemma"] += token.lemma_ == gold.lemma
        if head_ok:
            c["uas"] += 1
            pred_dep = "root" if token.dep_ == "ROOT" else token.dep_
            c["las"] += _universal(pred_dep) == _universal(gold.deprel)
            c["las_full"] += pred_dep.lower() == gold.deprel.lower()

    def scores(self, sentences: int, gold: int, pred: int, aligned: int) -> UdScores:
        c = self.c
        return UdScores(sentences=sentences, gold_words=gold, pred_words=pred, aligned=aligned,
                        upos=c["upos"], xpos=c["xpos"] if self.has_tagger else None,
                        ufeats=c["ufeats"], lemma=c["lemma"], uas=c["uas"], las=c["las"],
                        las_full=c["las_full"])


def _sentences(source: Path | str | Sequence[UdSentence]) -> list[UdSentence]:
    sentences = read_conllu(source) if isinstance(source, (str, Path)) else list(source)
    if not sentences:
        raise ValueError(f"{source if isinstance(source, (str, Path)) else 'input'}: "
                         "no sentences (expected CoNLL-U)")
    return sentences


def evaluate_ud(conllu_path: Path | str | Sequence[UdSentence], nlp: Language, *,
                batch_size: int = 64) -> UdScores:
    """Score ``nlp``'s components on the gold words of a CoNLL-U file."""
    sents = _sentences(conllu_path)
    counter = _Counter("tagger" in nlp.pipe_names)
    docs = nlp.pipe((_gold_doc(nlp, s) for s in sents), batch_size=batch_size)
    n = 0
    for sent, doc in zip(sents, docs, strict=True):
        for gold, token in zip(sent.words, doc, strict=True):
            counter.add(gold, token, _pred_head(token) == gold.head)
        n += len(sent.words)
    return counter.scores(len(sents), n, n, n)


def gold_word_spans(sent: UdSentence) -> list[tuple[int, int]] | None:
    """Character spans of the gold words in ``sent.text`` (None if they cannot be placed).

    Words of a multiword token split its surface: the last word takes the
    matching suffix ("nya" of "katanya"), the first the rest.
    """
    text = sent.text
    mwt_at = {first: (last, form) for first, last, form in sent.mwts}
    spans: list[tuple[int, int]] = []
    cursor, i = 0, 0
    while i < len(sent.words):
        first_last = mwt_at.get(i)
        surface = first_last[1] if first_last else sent.words[i].form
        start = text.find(surface, cursor)
        if start < 0:
            return None
        end = start + len(surface)
        if first_last:
            last = first_last[0]
            forms = [w.form for w in sent.words[i:last + 1]]
            if "".join(forms) == surface:
                pos = start
                for form in forms:
                    spans.append((pos, pos + len(form)))
                    pos += len(form)
            else:
                tail = forms[-1] if surface.lower().endswith(forms[-1].lower()) else ""
                cut = end - len(tail)
                spans.append((start, cut))
                spans.extend((cut, cut) for _ in forms[1:-1])
                spans.append((cut, end))
            i = last + 1
        else:
            spans.append((start, end))
            i += 1
        cursor = end
    return spans


def evaluate_ud_raw(conllu_path: Path | str | Sequence[UdSentence], nlp: Language, *,
                    batch_size: int = 64) -> UdScores:
    """Score the whole pipeline, tokenizer included, from each gold sentence's text."""
    sents = [s for s in _sentences(conllu_path) if s.text]
    counter = _Counter("tagger" in nlp.pipe_names)
    gold_n = pred_n = aligned = 0
    for sent, doc in zip(sents, nlp.pipe((s.text for s in sents), batch_size=batch_size),
                         strict=True):
        spans = gold_word_spans(sent)
        gold_n += len(sent.words)
        pred_n += len(doc)
        if spans is None:
            continue
        by_span = {span: k for k, span in enumerate(spans)}
        pred_to_gold: dict[int, int] = {}
        for token in doc:
            k = by_span.get((token.idx, token.idx + len(token)))
            if k is not None:
                pred_to_gold[token.i] = k
        aligned += len(pred_to_gold)
        for ti, k in pred_to_gold.items():
            token, gold = doc[ti], sent.words[k]
            if token.head.i == token.i:
                head_ok = gold.head == 0
            else:
                hk = pred_to_gold.get(token.head.i)
                head_ok = hk is not None and hk + 1 == gold.head
            counter.add(gold, token, head_ok)
    return counter.scores(len(sents), gold_n, pred_n, aligned)


def words_per_second(nlp: Language, texts: Iterable[str], *, disable: Sequence[str] = (),
                     batch_size: int = 256, repeat: int = 1) -> float:
    """Throughput of ``nlp.pipe`` (tokenizer included) in spaCy tokens per CPU second.

    CPU time of this process, not wall time, so that other jobs on a shared
    machine do not count; pin BLAS to one thread to measure one core.
    """
    texts = list(texts)
    words, best = 0, float("inf")
    for _ in range(repeat):
        started = time.process_time()
        words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size,
                                                  disable=list(disable)))
        best = min(best, time.process_time() - started)
    return words / best if best else 0.0
