"""How a corpus annotates a bracketed name right after an entity, learned from its gold.

Why: corpora disagree on "Mahkamah Konstitusi (MK)" and "Joko Widodo (Jokowi)".
idner-news-2k keeps a bracketed acronym inside the organisation's span (34 of 40 times in
its training split) but gives a bracketed nickname a span of its own (21 of 27); the
product's convention makes both their own mention. A tagger that reads each token with a
window of neighbours rarely gets the brackets right (the bracket tokens are rare, and idner
glues them to the word: ``(MK)``), so the habit is counted on the training data, per
entity type, and applied after decoding: ``join`` extends the entity over the bracket,
``own`` adds the bracketed name as an entity of the same type. Only brackets that open on
a capital letter count: "(22/8)", "(42)" or "(perwira tinggi)" are not names.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

JOIN = "join"  # the bracket is inside the entity's span: "Mahkamah Konstitusi (MK)"
OWN = "own"  # the bracketed name is an entity of the same type: "(Jokowi)"
OUTSIDE = "outside"  # the bracket is left unannotated
MIN_COUNT = 3  # fewer observations of a type than this: no habit learned for it
MAX_TOKENS = 6  # a bracket longer than this many tokens is not a name


@dataclass(frozen=True, slots=True)
class BracketGroup:
    """A bracket opening at token ``start``; ``end`` is past its closing token. The
    name inside is ``inner_start:inner_end`` (the glued tokens of idner, "(MK)", are the
    name themselves; separate "(" and ")" tokens are not part of it)."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def bracket_group(words: Sequence[str], i: int) -> BracketGroup | None:
    """The bracketed name opening at token ``i``, or None: the bracket must open with a
    capital letter and close within :data:`MAX_TOKENS` tokens, with no other bracket."""
    if i >= len(words) or not words[i].startswith("("):
        return None
    glued = len(words[i]) > 1
    inner_start = i if glued else i + 1
    first = words[i][1:] if glued else (words[i + 1] if i + 1 < len(words) else "")
    if not first[:1].isupper():
        return None
    for k in range(i, min(i + MAX_TOKENS, len(words))):
        word = words[k]
        if k > i and "(" in word:
            return None
        if word.endswith(")") and (k > i or glued):
            inner_end = k if word == ")" else k + 1
            return BracketGroup(i, k + 1, inner_start, inner_end) if inner_end > inner_start \
                else None
    return None


def learn_bracket_convention(docs: Iterable[Doc], min_count: int = MIN_COUNT
                             ) -> dict[str, str]:
    """Per entity type, the majority habit (``join`` or ``own``) of the docs' gold
    entities for a bracketed name right after them; types seen fewer than ``min_count``
    times, or mostly left ``outside``, get none."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        words = [t.text for t in doc]
        ents = list(doc.ents)
        by_extent = {(e.start, e.end): e.label_ for e in ents}
        for ent in ents:
            for i in range(ent.start + 1, ent.end):  # a bracket inside: joined when it ends it
                group = bracket_group(words, i)
                if group and group.end == ent.end:
                    counts[ent.label_][JOIN] += 1
            group = bracket_group(words, ent.end)
            if group is None:
                continue
            if by_extent.get((group.inner_start, group.inner_end)) == ent.label_ \
                    or by_extent.get((group.start, group.end)) == ent.label_:
                counts[ent.label_][OWN] += 1
            elif not any(e.start < group.end and e.end > group.start for e in ents):
                counts[ent.label_][OUTSIDE] += 1
    habits = {}
    for label, seen in counts.items():
        habit, n = seen.most_common(1)[0]
        if sum(seen.values()) >= min_count and habit != OUTSIDE and n * 2 > sum(seen.values()):
            habits[label] = habit
    return dict(sorted(habits.items()))


def apply_bracket_convention(doc: Doc, spans: Sequence[Span], habits: dict[str, str]
                             ) -> list[Span]:
    """``spans`` (sorted, not overlapping) with each type's bracket habit applied: a
    ``join`` type's entity grows over the bracket after it (swallowing entities inside
    the bracket), an ``own`` type's bracket becomes an entity of that type unless the
    decoder already put one there (then that one, without separate bracket tokens)."""
    if not habits:
        return list(spans)
    words = [t.text for t in doc]
    out: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        habit = habits.get(span.label_)
        group = bracket_group(words, span.end) if habit else None
        within = [s for s in spans[i + 1:] if s.start < group.end] if group else []
        if group and all(s.end <= group.end for s in within):
            if habit == JOIN:
                out.append(Span(doc, span.start, group.end, label=span.label))
                i += 1 + len(within)
                continue
            if habit == OWN and not within:
                out.extend([span, Span(doc, group.inner_start, group.inner_end, label=span.label)])
                i += 1
                continue
            if habit == OWN and len(within) == 1 and within[0].start <= group.inner_start \
                    and within[0].end >= group.inner_end:
                # the decoder found the name, maybe with separate "(" and ")" tokens (taggers
                # trained on idner's glued "(Jokowi)"): the name is what is inside them
                out.extend([span, Span(doc, group.inner_start, group.inner_end,
                                       label=within[0].label)])
                i += 2
                continue
        out.append(span)
        i += 1
    return out
