"""Several dependency parsers vote; a maximum spanning tree settles the vote.

Why: with the ~2,100 Indonesian treebank sentences available here one transition
parser reaches 76.6 LAS on CSUI test, and no single architecture tried did better
(docs/MODELS.md). Parsers trained with other seeds and settings make different
mistakes, so the tree most of them agree on is better than any one of them
("reparsing", Sagae & Lavie 2006): each member's arcs are votes, and the
highest-scoring tree over those votes is found with the Chu-Liu-Edmonds algorithm,
so the result is always a well-formed tree with one root per sentence.

:class:`ParseVote` is the spaCy component (factory ``warta_parse_vote``). It runs
after the pipeline's own ``parser`` and asks the member parsers for their trees:
they are a spaCy pipeline of their own beside the shipped one (``id_warta_vote``),
each parser with an encoder of its own. ``warta.load()`` and ``warta eval ud`` add
the vote (:func:`add_parse_vote`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# Ties between equally voted heads go to the pipeline's own parser (the first voter).
FIRST_VOTER_BONUS = 1e-3
ROOT_LABEL = "ROOT"  # spaCy's label of a sentence root
UNKNOWN_LABEL = "dep"  # UD's label for a relation nobody could name
# Longer "sentences" (lists, text without punctuation) keep the main parse: the beam
# members' time grows with the square of the length (1,200 tokens: 0.9 s each), and
# no training sentence is that long (UD test sets: 161 at most).
MAX_VOTE_TOKENS = 250
ROOT = 0  # node 0 is the artificial root; token i of the sentence is node i + 1


def _cycle(heads: Sequence[int]) -> list[int] | None:
    """A cycle among nodes 1..n of the head list, if there is one."""
    state = [0] * len(heads)  # 0 unseen, 1 on the current path, 2 done
    for start in range(1, len(heads)):
        path: list[int] = []
        node = start
        while node != ROOT and state[node] == 0:
            state[node] = 1
            path.append(node)
            node = heads[node]
        if node != ROOT and state[node] == 1:
            return path[path.index(node):]
        for done in path:
            state[done] = 2
    return None


def max_spanning_tree(scores: np.ndarray) -> list[int]:
    """Heads of the maximum spanning arborescence rooted at node 0 (Chu-Liu-Edmonds).

    ``scores[h, d]`` is the score of the arc from head ``h`` to dependent ``d``; the
    result has ``heads[0] == -1`` and a head for every other node.
    """
    n = scores.shape[0]
    s = scores.astype(float)
    np.fill_diagonal(s, -np.inf)
    s[:, ROOT] = -np.inf
    heads = [-1] + [int(np.argmax(s[:, d])) for d in range(1, n)]
    cycle = _cycle(heads)
    if cycle is None:
        return heads
    # Contract the cycle into one node and solve the smaller problem (numpy throughout:
    # a sentence the parser did not split can have hundreds of words).
    in_cycle = np.zeros(n, dtype=bool)
    in_cycle[cycle] = True
    rest = np.flatnonzero(~in_cycle)
    cyc = np.asarray(cycle)
    merged = len(rest)
    sub = np.full((merged + 1, merged + 1), -np.inf)
    sub[:merged, :merged] = s[np.ix_(rest, rest)]
    kept = s[[heads[v] for v in cycle], cyc]  # the cycle's own arcs
    gains = s[np.ix_(rest, cyc)] - kept[None, :] + kept.sum()  # u → v breaks v's arc
    enters = cyc[np.argmax(gains, axis=1)]
    sub[:merged, merged] = gains.max(axis=1)
    outs = s[np.ix_(cyc, rest)]  # v in the cycle → u outside it
    leaves = cyc[np.argmax(outs, axis=0)]
    sub[merged, :merged] = outs.max(axis=0)
    sub_heads = max_spanning_tree(sub)
    result = list(heads)
    for k, u in enumerate(rest):
        if u != ROOT:
            head = sub_heads[k]
            result[u] = int(leaves[k]) if head == merged else int(rest[head])
    entry = sub_heads[merged]
    result[int(enters[entry])] = int(rest[entry])
    return result


def single_root_tree(scores: np.ndarray) -> list[int]:
    """The best tree in which exactly one node hangs from the root (UD's rule).

    Tries each node that has a root score above zero (any voter's root) as the
    only root child; the plain maximum spanning tree may give the root several.
    """
    heads = max_spanning_tree(scores)
    if sum(1 for h in heads[1:] if h == ROOT) == 1:
        return heads
    candidates = [d for d in range(1, scores.shape[0]) if scores[ROOT, d] > 0] or \
        list(range(1, scores.shape[0]))
    best_total, best_heads = -np.inf, heads
    for root_child in candidates:
        forced = scores.astype(float)
        forced[ROOT, :] = -np.inf
        forced[ROOT, root_child] = scores[ROOT, root_child]
        tree = max_spanning_tree(forced)
        total = sum(scores[tree[d], d] for d in range(1, len(tree)))
        if total > best_total:
            best_total, best_heads = total, tree
    return best_heads


Parse = tuple[Sequence[int], Sequence[str]]  # heads (0 = root, else 1-based), labels


def vote(parses: Sequence[Parse]) -> tuple[list[int], list[str]]:
    """The tree the parses agree on most, and each arc's majority label.

    Each parse gives heads (0 for the root, else the 1-based position of the head)
    and labels for the same n words. Every arc counts one vote; the first parse's
    arcs also get :data:`FIRST_VOTER_BONUS`, so ties go to it. An arc nobody voted
    for (the tree constraint can force one) takes the parses' root label if it is the
    root arc, else the first label a parse gave the word as a dependent.
    """
    n = len(parses[0][0])
    scores = np.zeros((n + 1, n + 1))
    labels: dict[tuple[int, int], Counter[str]] = {}
    for rank, (heads, deps) in enumerate(parses):
        for d, (head, dep) in enumerate(zip(heads, deps, strict=True), start=1):
            scores[head, d] += 1.0 + (FIRST_VOTER_BONUS if rank == 0 else 0.0)
            labels.setdefault((head, d), Counter())[dep] += 1
    tree = single_root_tree(scores)
    first_deps = parses[0][1]
    root_votes = Counter(dep for (head, _), counts in labels.items() if head == 0
                         for dep in counts.elements())
    root_label = root_votes.most_common(1)[0][0] if root_votes else ROOT_LABEL
    out_labels: list[str] = []
    for d in range(1, n + 1):
        counts = labels.get((tree[d], d))
        if counts:
            top = max(counts.values())
            # Ties: the first parse's label if it is among the most voted, else the first seen.
            tied = [label for label, c in counts.items() if c == top]
            out_labels.append(first_deps[d - 1] if first_deps[d - 1] in tied else tied[0])
        elif tree[d] == 0:
            out_labels.append(root_label)
        else:
            as_dependent = [deps[d - 1] for heads, deps in parses if heads[d - 1] != 0]
            out_labels.append(as_dependent[0] if as_dependent else UNKNOWN_LABEL)
    return tree[1:], out_labels


def _sentence_parse(doc: Doc, start: int, end: int) -> Parse:
    heads = [0 if t.head.i == t.i else t.head.i - start + 1 for t in doc[start:end]]
    return heads, [t.dep_ for t in doc[start:end]]


class ParseVote:
    """Re-parses each sentence as the vote of the pipeline's own parser and the members.

    ``members`` are parser components that carry encoders of their own
    (``nlp.replace_listeners``): each parses a copy of the ``Doc`` within the
    sentences the pipeline's parser found, and the first voter is the ``Doc``'s
    own parse.
    """

    def __init__(self, members: Sequence[Callable[[Doc], Doc]] = (), *,
                 load_members: Callable[[], Sequence[Callable[[Doc], Doc]]] | None = None,
                 member_beam_width: int | None = None) -> None:
        self._members = list(members)
        self._load_members = load_members
        self.member_beam_width = member_beam_width

    @property
    def members(self) -> list[Callable[[Doc], Doc]]:
        """The member parsers; loaded at the first parse when given as ``load_members``,
        so that loading the pipeline does not wait for them (0.2 s)."""
        if self._load_members is not None:
            self._members, self._load_members = list(self._load_members()), None
        if self.member_beam_width is not None:
            for member in self._members:
                cfg = getattr(member, "cfg", None)
                if isinstance(cfg, dict) and "beam_width" in cfg:
                    cfg["beam_width"] = self.member_beam_width
        return self._members

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Vote over batches: each member parses a batch's sentences at once."""
        for batch in minibatch(docs, size=batch_size):
            parsed = [doc for doc in batch if doc.has_annotation("DEP")]
            if self.members and parsed:
                per_doc = [_voted_sentences(doc) for doc in parsed]
                sentences = [sent for sents in per_doc for sent in sents]
                votes = [_parse_sentences(member, sentences) for member in self.members]
                k = 0
                for doc, sents in zip(parsed, per_doc, strict=True):
                    _set_vote(doc, [member_sents[k:k + len(sents)] for member_sents in votes])
                    k += len(sents)
            yield from batch


def _voted_sentences(doc: Doc) -> list[Span]:
    return [sent for sent in doc.sents if len(sent) <= MAX_VOTE_TOKENS]


def _parse_sentences(member: Callable[[Doc], Doc], sentences: list[Span]) -> list[Doc]:
    docs = [unparsed_sentence(sent) for sent in sentences]
    pipe = getattr(member, "pipe", None)
    return list(pipe(docs)) if pipe else [member(doc) for doc in docs]


def unparsed_sentence(sent: Span) -> Doc:
    """The sentence as a Doc of its own, one sentence, without a parse.

    One Doc per sentence: spaCy's beam parser copies its states along the whole Doc,
    so a beam member took 4.5 s on a 2,771-token article parsed whole. No heads:
    spaCy's parser writing its parse over an existing one can hang (its
    ``set_annotations`` looped endlessly on a 322-token Detik article).
    """
    doc = sent.as_doc()
    doc.from_array([HEAD, DEP], np.zeros((len(doc), 2), dtype="uint64"))
    starts = np.full((len(doc), 1), -1, dtype="int64")
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _set_vote(doc: Doc, member_sents: Sequence[Sequence[Doc]]) -> None:
    """Replace ``doc``'s parse, sentence by sentence, by the vote of it and the members'
    parses of its voted sentences (``member_sents[m][k]``: member m's parse of the k-th);
    longer sentences keep their parse."""
    heads = np.zeros(len(doc), dtype="int64")
    deps = np.zeros(len(doc), dtype="uint64")
    strings = doc.vocab.strings
    k = 0
    for sent in doc.sents:
        own = _sentence_parse(doc, sent.start, sent.end)
        if len(sent) <= MAX_VOTE_TOKENS:
            tree, labels = vote([own, *(_sentence_parse(sents[k], 0, len(sents[k]))
                                        for sents in member_sents)])
            k += 1
        else:
            tree, labels = own
        for offset, (head, label) in enumerate(zip(tree, labels, strict=True)):
            i = sent.start + offset
            heads[i] = 0 if head == 0 else (sent.start + head - 1) - i
            deps[i] = strings.add(label)
    doc.from_array([HEAD, DEP], np.stack([heads.astype("uint64"), deps], axis=1))


def vote_model_dir(model_dir: Path | str) -> Path:
    """Where the member parsers of the pipeline at ``model_dir`` live: beside it,
    ``<name>_vote`` (a pipeline of their own, so each stays a modest download)."""
    model_dir = Path(model_dir)
    return model_dir.with_name(model_dir.name + "_vote")


def load_members(nlp: Language, members_model: Path | str) -> list[Callable[[Doc], Doc]]:
    """The parser components of the member pipeline at ``members_model``.

    Their label strings are added to ``nlp``'s vocabulary: the members write label
    hashes into ``nlp``'s Docs, which must be able to read them back.
    """
    from warta.nlp.ops import load_pipeline

    members = load_pipeline(members_model)
    procs = [proc for _, proc in members.pipeline]
    for proc in procs:
        for label in (*getattr(proc, "labels", ()), "ROOT"):
            nlp.vocab.strings.add(label)
    return procs


def add_parse_vote(nlp: Language, model_dir: Path | str, *,
                   member_beam_width: int | None = None) -> bool:
    """Add the vote after ``nlp``'s parser when the member pipeline of ``model_dir``
    exists; returns whether it did."""
    members = vote_model_dir(model_dir)
    if "parser" not in nlp.pipe_names or not (members / "config.cfg").exists():
        return False
    nlp.add_pipe("warta_parse_vote", name="parse_vote", after="parser",
                 config={"members_model": str(members),
                         "member_beam_width": member_beam_width})
    return True


@Language.factory("warta_parse_vote",
                  default_config={"members_model": None, "member_beam_width": None})
def make_parse_vote(nlp: Language, name: str, members_model: str | None,
                    member_beam_width: int | None) -> ParseVote:
    """Factory: ``members_model`` is the member pipeline's directory (None: no members,
    the component passes the parse through); the members load at the first parse.
    ``member_beam_width`` overrides the members' own decoding (None: as trained; 1:
    greedy, about 3.5 times faster and 0.1-0.4 LAS lower, docs/MODELS.md)."""
    if not members_model:
        return ParseVote()
    return ParseVote(load_members=lambda: load_members(nlp, members_model),
                     member_beam_width=member_beam_width)
