"""Span-level NER evaluation on ``token<TAB>tag`` BIO files.

Exact-span matching, per type and micro-averaged over PER/ORG/LOC. The gold
corpora only know LOC, so predicted GPE is folded into LOC before comparing.
The gold tokens are kept (the pipeline's components run on a ``Doc`` built from
them) so that tokenisation differences do not count as NER errors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from warta.eval.scoring import PRF
from warta.train.conll import Sentence, read_conll
from warta.train.corpus import guess_spaces, split_multiword

EVAL_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC")
FOLD: dict[str, str] = {"GPE": "LOC"}


TypeScore = PRF  # one type's counts (the name this module exported first)


@dataclass(frozen=True, slots=True)
class NerScores:
    """Micro-averaged ``overall`` plus one :class:`TypeScore` per evaluated type."""

    overall: TypeScore
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    sentences: int = 0

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    def as_dict(self) -> dict[str, dict[str, float]]:
        rows = {"overall": self.overall, **self.per_type}
        return {k: v.to_dict(4, short_keys=True) for k, v in rows.items()}


def score_spans(gold: Iterable[set[tuple[int, int, int, str]]],
                pred: Iterable[set[tuple[int, int, int, str]]],
                types: tuple[str, ...] = EVAL_TYPES) -> NerScores:
    """Compare per-sentence sets of ``(sentence, start, end, label)`` spans."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    n = 0
    for g, p in zip(gold, pred, strict=True):
        n += 1
        for span in p:
            (tp if span in g else fp)[span[3]] += 1
        for span in g - p:
            fn[span[3]] += 1
    per_type = {t: TypeScore(tp[t], fp[t], fn[t]) for t in types}
    overall = TypeScore(sum(tp[t] for t in types), sum(fp[t] for t in types),
                        sum(fn[t] for t in types))
    return NerScores(overall=overall, per_type=per_type, sentences=n)


def predict_spans(nlp: Language, sentences: list[Sentence], spans_key: str | None = None
                  ) -> list[set[tuple[int, int, int, str]]]:
    """Run the pipeline's components on gold-tokenised docs; fold GPE into LOC. The
    entities are ``doc.ents``, or ``doc.spans[spans_key]`` (a second NER head)."""
    docs = []
    for sent in sentences:
        words = list(sent.tokens)
        docs.append(Doc(nlp.vocab, words=words, spaces=guess_spaces(words)))
    for _name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    out = []
    for i, doc in enumerate(docs):
        spans = set()
        for ent in (doc.ents if spans_key is None else doc.spans.get(spans_key, [])):
            label = FOLD.get(ent.label_, ent.label_)
            if label in EVAL_TYPES:
                spans.add((i, ent.start, ent.end, label))
        out.append(spans)
    return out


def evaluate_ner(conll_path: Path | str, nlp: Language, scheme: str | None = None, *,
                 spans_key: str | None = None) -> NerScores:
    """Span-level P/R/F1 of ``nlp`` on a CoNLL file (label set detected unless ``scheme``),
    of its ``doc.ents`` or of ``doc.spans[spans_key]``."""
    sentences = [split_multiword(s) for s in read_conll(conll_path, scheme)]
    if not sentences:
        raise ValueError(f"{conll_path}: no sentences (expected TOKEN<TAB>TAG lines)")
    gold = [{(i, s, e, FOLD.get(lab, lab)) for s, e, lab in sent.spans}
            for i, sent in enumerate(sentences)]
    pred = predict_spans(nlp, sentences, spans_key)
    return score_spans(gold, pred)


def main(argv: list[str] | None = None) -> None:
    """``python -m warta.eval.ner MODEL_DIR FILE.conll ...``: print scores as JSON lines,
    one per file and NER head (``ner``; ``ner_corpus`` where the pipeline has it)."""
    import json
    import sys

    from warta.nlp.corpus_ensemble import add_corpus_members
    from warta.nlp.entity_tagger import CORPUS_HEAD
    from warta.nlp.ops import load_pipeline

    args = sys.argv[1:] if argv is None else argv
    nlp = load_pipeline(args[0])
    add_corpus_members(nlp, args[0])  # the idner-convention head's ensemble, when beside it
    heads = ["ner", *([CORPUS_HEAD] if CORPUS_HEAD in nlp.pipe_names else [])]
    for path in args[1:]:
        for head in heads:
            scores = evaluate_ner(path, nlp, spans_key=None if head == "ner" else head)
            print(json.dumps({"file": path, "head": head, **scores.as_dict()}))


if __name__ == "__main__":
    main()
