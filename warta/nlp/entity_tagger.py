"""Named entities from per-token BILUO tags: a fast alternative to spaCy's transition NER.

Why: spaCy's transition-based ``ner`` spends about 7 µs per token in its decoding
loop (one state step per token), more than all of Warta's extractors together; a
softmax over BILUO tags, computed for a whole batch in one matrix product, costs a
fraction of that.  The tagger reads the shared ``tok2vec`` output of each token and
its neighbours (a window, as the transition model's features do), so it sees the
same evidence.  Decoding finds the most probable valid BILUO sequence (Viterbi) only
where the model is unsure a token is outside any entity, then reads spans off it.

Trained like any spaCy component (``factory = "warta_entity_tagger"`` in
``configs/ner.cfg``); the gold tags come from ``Example.get_aligned_ner()``, so tokens
whose annotation is missing stay out of the loss.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import islice
from typing import Any

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.scorer import get_ner_prf
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples
from spacy.util import registry
from thinc.api import Maxout, Model, Softmax_v2, chain, expand_window, with_array
from thinc.loss import SequenceCategoricalCrossentropy
from thinc.types import Floats2d

from warta.nlp.bracket_convention import apply_bracket_convention, learn_bracket_convention

OUTSIDE = "O"
# The second tagger of the shipped pipeline (warta.train.corpus_head): its name, and the
# ``doc.spans`` key it writes entities to, annotated the way idner-news-2k annotates.
CORPUS_HEAD = "ner_corpus"
# ``doc.user_data`` key of a training doc's per-token tag probabilities (rows follow the
# doc's tokens, columns the tagger's labels), set by distillation (warta.train.distil).
SOFT_TARGETS = "warta_biluo_probs"
SOFT_LABELS = "warta_biluo_labels"  # the labels of those columns, in order


@registry.architectures("warta.EntityTagger.v1")
def build_entity_tagger(tok2vec: Model[list[Doc], list[Floats2d]], hidden_width: int = 64,
                        maxout_pieces: int = 2, window_size: int = 1,
                        nO: int | None = None) -> Model[list[Doc], list[Floats2d]]:
    """tok2vec → a window of ``window_size`` tokens each side → maxout layer → BILUO scores."""
    width = tok2vec.maybe_get_dim("nO")
    window = (2 * window_size + 1) * width if width else None
    softmax = Softmax_v2(nO, hidden_width, normalize_outputs=False)
    head = chain(expand_window(window_size=window_size),
                 Maxout(hidden_width, window, nP=maxout_pieces, normalize=True),
                 softmax)
    model = chain(tok2vec, with_array(head, pad=window_size))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output_layer", softmax)
    return model


@registry.architectures("warta.EntityEnsemble.v1")
def build_entity_ensemble(*taggers: Model[list[Doc], list[Floats2d]]
                          ) -> Model[list[Doc], list[Floats2d]]:
    """Several trained entity taggers (``warta.EntityTagger.v1`` models over the same
    labels) as one model: per token, the log of the mean of their tag probabilities.

    Why: taggers with encoders of their own err apart, so their mean errs less than any
    of them (heads over one shared encoder err together and gain nothing, docs/MODELS.md).
    Assembled from taggers trained on their own (``EntityTagger.set_members``,
    :mod:`warta.nlp.corpus_ensemble`), never trained as a whole."""
    if not taggers:
        raise ValueError("an entity ensemble needs at least one tagger")
    return Model("entity_ensemble", _ensemble_forward, layers=list(taggers))


def _ensemble_forward(model: Model, docs: list[Doc], is_train: bool
                      ) -> tuple[list[Floats2d], Callable]:
    if is_train:
        raise ValueError("an entity ensemble is assembled from trained taggers; train its "
                         "taggers on their own (warta.train.corpus_ensemble)")
    xp = model.ops.xp
    outputs = [tagger.predict(docs) for tagger in model.layers]  # scores before softmax
    means = []
    for per_tagger in zip(*outputs, strict=True):
        total = None
        for scores in per_tagger:
            shifted = xp.exp(scores - scores.max(axis=1, keepdims=True))
            probs = shifted / shifted.sum(axis=1, keepdims=True)
            total = probs if total is None else total + probs
        means.append(xp.log(total / len(per_tagger) + 1e-12))

    def backprop(d_scores: list[Floats2d]) -> list[Doc]:
        raise ValueError("an entity ensemble is not trained as a whole")

    return means, backprop


@Language.factory(
    "warta_entity_tagger",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={"label_smoothing": 0.0, "soft_gold_weight": 0.5, "spans_key": None,
                    "learn_brackets": False, "scorer": {"@scorers": "spacy.ner_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0,
                           "ents_per_type": None},
)
def make_entity_tagger(nlp: Language, name: str, model: Model, label_smoothing: float,
                       soft_gold_weight: float, spans_key: str | None, learn_brackets: bool,
                       scorer: Callable | None) -> EntityTagger:
    return EntityTagger(nlp.vocab, model, name, label_smoothing=label_smoothing,
                        soft_gold_weight=soft_gold_weight, spans_key=spans_key,
                        learn_brackets=learn_brackets, scorer=scorer)


@registry.scorers("warta.entity_spans_scorer.v1")
def make_entity_spans_scorer(spans_key: str) -> Callable:
    """Scores entities a tagger wrote to ``doc.spans[spans_key]`` against the reference
    docs' ``doc.ents`` (spaCy's NER scoring), as ``{spans_key}_f`` / ``_p`` / ``_r``."""
    def score(examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        as_ents = []
        for eg in examples:
            predicted = eg.predicted.copy()
            predicted.set_ents(list(eg.predicted.spans.get(spans_key, [])))
            as_ents.append(Example(predicted, eg.reference))
        scores = get_ner_prf(as_ents)
        return {f"{spans_key}_{key[5:]}": value for key, value in scores.items()}
    return score


class EntityTagger(Tagger):
    """A :class:`spacy.pipeline.Tagger` whose labels are BILUO entity tags and whose
    output is ``doc.ents``: token tags (``token.tag_``) are left alone."""

    def __init__(self, vocab: Any, model: Model, name: str = "ner", *,
                 label_smoothing: float = 0.0, soft_gold_weight: float = 0.5,
                 spans_key: str | None = None, learn_brackets: bool = False,
                 scorer: Callable | None = None) -> None:
        super().__init__(vocab, model, name, overwrite=False, scorer=scorer,
                         label_smoothing=label_smoothing)
        if soft_gold_weight != 0.5:  # the default stays out of cfg: shipped files unchanged
            self.cfg["soft_gold_weight"] = soft_gold_weight
        # Learn at ``initialize`` how the training gold annotates a bracketed name after an
        # entity, and apply it after decoding (warta.nlp.bracket_convention); the habits
        # learned are kept in ``cfg["brackets"]``.
        self.learn_brackets = learn_brackets
        # Where the entities go: ``doc.ents``, or ``doc.spans[spans_key]`` for a second
        # tagger that must not overwrite the first (the idner-convention head).
        self.spans_key = spans_key
        self._cached_decoder: BiluoDecoder | None = None
        # Taggers with encoders of their own whose tag probabilities are averaged with this
        # one's (``set_members``; loaded from their own pipeline, never saved with this one).
        self._ensemble: Model | None = None

    @property
    def entity_labels(self) -> tuple[str, ...]:
        """The entity types (PER, ORG …), as ``EntityRecognizer.labels`` gives them."""
        return tuple(sorted({tag[2:] for tag in self.labels if tag != OUTSIDE}))

    @property
    def members(self) -> list[Model]:
        """The models of the member taggers averaged with this one (none: it alone)."""
        return list(self._ensemble.layers[1:]) if self._ensemble is not None else []

    def set_members(self, members: Iterable[EntityTagger]) -> None:
        """Average this tagger's tag probabilities with those of ``members`` (trained
        taggers over the same labels, each with its own encoder) from now on."""
        members = list(members)
        for member in members:
            if tuple(member.labels) != tuple(self.labels):
                raise ValueError(f"member {member.name!r} has labels {member.labels}, "
                                 f"not {self.labels}")
        self._ensemble = build_entity_ensemble(self.model, *(m.model for m in members)) \
            if members else None

    def predict(self, docs: Iterable[Doc]) -> list[Floats2d]:
        """Per document, the log-probabilities of every tag (decoded in ``set_annotations``)."""
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return [numpy.zeros((len(doc), len(self.labels)), dtype="float32") for doc in docs]
        model = self._ensemble if self._ensemble is not None else self.model
        return [log_softmax(model.ops.to_numpy(scores)) for scores in model.predict(docs)]

    def set_annotations(self, docs: Iterable[Doc], batch_scores: list[Floats2d]) -> None:
        decoder = self._decoder()
        for doc, scores in zip(docs, batch_scores, strict=True):
            spans = entity_spans(doc, decoder.decode(scores))
            if self.cfg.get("brackets"):
                spans = apply_bracket_convention(doc, spans, self.cfg["brackets"])
            if self.spans_key:
                doc.spans[self.spans_key] = spans
            else:
                doc.set_ents(spans)

    def _decoder(self) -> BiluoDecoder:
        if self._cached_decoder is None or self._cached_decoder.labels != self.labels:
            self._cached_decoder = BiluoDecoder(self.labels)
        return self._cached_decoder

    def get_loss(self, examples: Iterable[Example], scores: list[Floats2d]) -> tuple[float, Any]:
        validate_examples(examples, "EntityTagger.get_loss")
        examples = list(examples)
        if any(SOFT_TARGETS in eg.reference.user_data for eg in examples):
            return self._soft_loss(examples, scores)
        loss_func = SequenceCategoricalCrossentropy(
            names=self.labels, normalize=False, label_smoothing=self.cfg["label_smoothing"])
        truths = [[tag if tag in self.labels else None for tag in eg.get_aligned_ner()]
                  for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"NaN loss in {self.name}")
        return float(loss), d_scores

    def _soft_loss(self, examples: list[Example], scores: list[Floats2d]) -> tuple[float, Any]:
        """Cross-entropy against a teacher's tag distribution where the reference doc
        carries one (``doc.user_data[SOFT_TARGETS]``, a row per reference token), mixed
        with the gold tag where there is one too (weight ``soft_gold_weight`` on the
        gold); tokens with neither stay out of the loss."""
        xp = self.model.ops.xp
        index = {label: i for i, label in enumerate(self.labels)}
        weight = self.cfg.get("soft_gold_weight", 0.5)
        d_scores, loss = [], 0.0
        for eg, guesses in zip(examples, scores, strict=True):
            target = numpy.zeros((len(eg.predicted), len(self.labels)), dtype="float32")
            known = numpy.zeros((len(eg.predicted), 1), dtype="float32")
            for i, tag in enumerate(eg.get_aligned_ner()):
                if tag in index:
                    target[i, index[tag]] = 1.0
                    known[i] = 1.0
            soft = eg.reference.user_data.get(SOFT_TARGETS)
            if soft is not None:
                columns = [index[label] for label in eg.reference.user_data[SOFT_LABELS]]
                soft = numpy.zeros((len(soft), len(self.labels)), dtype="float32")
                soft[:, columns] = eg.reference.user_data[SOFT_TARGETS]
                x2y, y2x_lengths = eg.alignment.x2y, eg.alignment.y2x.lengths
                for i, (n, first) in enumerate(zip(x2y.lengths, x2y.starts, strict=True)):
                    y = int(x2y.data[first]) if n == 1 else -1
                    if y >= 0 and y2x_lengths[y] == 1:  # one token to one token
                        gold = target[i] if known[i] else soft[y]
                        target[i] = weight * gold + (1 - weight) * soft[y]
                        known[i] = 1.0
            target_xp, known_xp = xp.asarray(target), xp.asarray(known)
            d_scores.append((guesses - target_xp) * known_xp)
            loss += float(-(target_xp * xp.log(guesses + 1e-8) * known_xp).sum())
        return loss, d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *,
                   nlp: Language | None = None, labels: Iterable[str] | None = None) -> None:
        """Labels: every BILUO tag of every entity type in the examples, plus ``O``."""
        if labels is None:
            types = {ent.label_ for eg in get_examples() for ent in eg.reference.ents}
            labels = [OUTSIDE] + [f"{p}-{t}" for t in sorted(types) for p in "BILU"]
        for label in labels:
            self.add_label(label)
        if self.learn_brackets:
            self.cfg["brackets"] = learn_bracket_convention(eg.reference for eg in get_examples())
        docs, gold = [], []
        for eg in islice(get_examples(), 10):
            docs.append(eg.x)
            tags = eg.get_aligned_ner()
            gold.append(self.model.ops.asarray(
                [[1.0 if t == label else 0.0 for label in self.labels] for t in tags],
                dtype="float32"))
        self._require_labels()
        self.model.initialize(X=docs, Y=gold)


def log_softmax(scores: numpy.ndarray) -> numpy.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))


class BiluoDecoder:
    """The most probable *valid* BILUO sequence (Viterbi), computed only where it
    matters: tokens the model is sure are outside any entity (``O`` at least
    ``sure`` probable) cut the document into short stretches, and each stretch is
    decoded on its own, so the cost follows the entities, not the document length."""

    def __init__(self, labels: tuple[str, ...], sure: float = 0.99) -> None:
        self.labels = labels
        self.outside = labels.index(OUTSIDE)
        self.log_sure = float(numpy.log(sure))
        n = len(labels)
        move = [tag[0] for tag in labels]
        kind = [tag[2:] for tag in labels]
        allowed = numpy.zeros((n, n), dtype=bool)
        for a in range(n):
            for b in range(n):
                open_after_a = move[a] in "BI"
                if open_after_a:
                    allowed[a, b] = move[b] in "IL" and kind[b] == kind[a]
                else:
                    allowed[a, b] = move[b] in "OBU"
        self.transition = numpy.where(allowed, 0.0, -numpy.inf).astype("float32")
        self.can_start = numpy.array([m in "OBU" for m in move])
        self.can_end = numpy.array([m in "OLU" for m in move])

    def decode(self, scores: numpy.ndarray) -> list[str]:
        tags = [OUTSIDE] * len(scores)
        unsure = numpy.flatnonzero(scores[:, self.outside] < self.log_sure)
        if not len(unsure):
            return tags
        # stretches of unsure tokens, one token of margin on each side, merged
        start = prev = int(unsure[0])
        stretches = []
        for i in unsure[1:].tolist():
            if i > prev + 2:
                stretches.append((start, prev))
                start = i
            prev = i
        stretches.append((start, prev))
        labels = self.labels
        bounds = [(max(0, first - 1), min(len(scores), last + 2)) for first, last in stretches]
        for (lo, _), path in zip(bounds, self._viterbi_all([scores[lo:hi] for lo, hi in bounds]),
                                 strict=True):
            for offset, tag_id in enumerate(path):
                tags[lo + offset] = labels[tag_id]
        return tags

    def _viterbi_all(self, stretches: list[numpy.ndarray]) -> list[list[int]]:
        """The most probable valid tag path of every stretch, all at once: step ``t`` of
        all the stretches still that long is one array operation, instead of one per
        stretch (a document has tens of short stretches; numpy's cost per call, not per
        number, dominated). The same float32 sums in the same order as decoding one
        stretch at a time (``tests/test_entity_tagger.py`` keeps that as the reference)."""
        lengths = numpy.array([len(x) for x in stretches])
        n, width = len(stretches), max(lengths)
        padded = numpy.zeros((n, width, len(self.labels)), dtype=stretches[0].dtype)
        for i, x in enumerate(stretches):
            padded[i, :len(x)] = x
        best = numpy.where(self.can_start, padded[:, 0], -numpy.inf)
        back = numpy.zeros((n, width, len(self.labels)), dtype=numpy.intp)
        for t in range(1, width):
            live = numpy.flatnonzero(lengths > t)  # stretches still going at step t
            candidates = best[live, :, None] + self.transition
            back[live, t] = candidates.argmax(axis=1)
            best[live] = candidates.max(axis=1) + padded[live, t]
        best = numpy.where(self.can_end, best, -numpy.inf)
        paths = []
        for i, length in enumerate(lengths.tolist()):
            path = [int(best[i].argmax())]
            for t in range(length - 1, 0, -1):
                path.append(int(back[i, t, path[-1]]))
            paths.append(path[::-1])
        return paths


def entity_spans(doc: Doc, tags: list[str]) -> list[Span]:
    """Spans from a BILUO tag per token, read leniently (the tags are guessed one
    token at a time, so they need not form a valid sequence): an ``I``/``L`` with
    no open entity of its type starts one, an entity left open ends at its last
    tagged token, and an entity never starts or ends on whitespace."""
    spaces = doc.to_array([IS_SPACE]) if len(doc) else []
    spans: list[Span] = []
    start, label, last = -1, "", -1

    def close() -> None:
        nonlocal start
        first, end = start, last
        while first <= end and spaces[first]:
            first += 1
        while end > first and spaces[end]:
            end -= 1
        if first <= end:
            spans.append(Span(doc, first, end + 1, label=label))
        start = -1

    for i, tag in enumerate(tags):
        if tag == OUTSIDE:
            continue
        move, kind = tag[0], tag[2:]
        continues = start >= 0 and last == i - 1 and kind == label
        if move in "IL" and continues:
            last = i
            if move == "L":
                close()
            continue
        if start >= 0:
            close()
        start, label, last = i, kind, i
        if move in "UL":
            close()
    if start >= 0:
        close()
    return spans
