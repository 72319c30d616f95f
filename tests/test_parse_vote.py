"""Parser voting: the maximum spanning tree and the vote over member parses.

The tree search is checked against brute force on small graphs; the vote on
hand-made parses of real Indonesian sentences.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from warta.nlp.parse_vote import (
    ParseVote,
    max_spanning_tree,
    single_root_tree,
    unparsed_sentence,
    vote,
)


def _is_tree(heads: list[int]) -> bool:
    for start in range(1, len(heads)):
        seen, node = set(), start
        while node != 0:
            if node in seen:
                return False
            seen.add(node)
            node = heads[node]
    return True


def _brute_force(scores: np.ndarray, *, single_root: bool) -> float:
    n = scores.shape[0]
    best = -np.inf
    for choice in itertools.product(range(n), repeat=n - 1):
        heads = [-1, *choice]
        if any(h == d for d, h in enumerate(heads) if d) or not _is_tree(heads):
            continue
        if single_root and sum(1 for h in heads[1:] if h == 0) != 1:
            continue
        best = max(best, sum(scores[heads[d], d] for d in range(1, n)))
    return best


def _total(scores: np.ndarray, heads: list[int]) -> float:
    return sum(scores[heads[d], d] for d in range(1, len(heads)))


@pytest.mark.parametrize("seed", range(40))
def test_the_spanning_tree_is_the_best_tree(seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 6, size=(5, 5)).astype(float)
    heads = max_spanning_tree(scores)
    assert heads[0] == -1 and _is_tree(heads)
    assert _total(scores, heads) == pytest.approx(_brute_force(scores, single_root=False))


@pytest.mark.parametrize("seed", range(40))
def test_the_single_root_tree_has_one_root_and_is_the_best_such(seed):
    rng = np.random.default_rng(100 + seed)
    scores = rng.integers(0, 6, size=(5, 5)).astype(float)
    heads = single_root_tree(scores)
    assert _is_tree(heads)
    assert sum(1 for h in heads[1:] if h == 0) == 1
    assert _total(scores, heads) == pytest.approx(_brute_force(scores, single_root=True))


# "Presiden meresmikan jembatan baru ." — three member parses (heads 1-based, 0 = root).
WORDS = ["Presiden", "meresmikan", "jembatan", "baru", "."]
GOOD = ([2, 0, 2, 3, 2], ["nsubj", "root", "obj", "amod", "punct"])
# Hangs "baru" on the verb (an adverb reading) and calls "jembatan" a subject.
ODD = ([2, 0, 2, 2, 2], ["nsubj", "root", "nsubj", "advmod", "punct"])


def test_the_majority_tree_and_labels_win():
    heads, labels = vote([ODD, GOOD, GOOD])
    assert heads == [2, 0, 2, 3, 2]
    assert labels == ["nsubj", "root", "obj", "amod", "punct"]


def test_a_tie_goes_to_the_first_parse():
    assert vote([ODD, GOOD]) == ([2, 0, 2, 2, 2], ["nsubj", "root", "nsubj", "advmod", "punct"])
    assert vote([GOOD, ODD]) == ([2, 0, 2, 3, 2], ["nsubj", "root", "obj", "amod", "punct"])


def test_votes_that_make_a_cycle_still_give_a_tree_with_one_root():
    # Two voters make "Presiden" and "meresmikan" heads of each other; the root
    # votes are split, so the result must break the cycle and pick one root.
    a = ([2, 1, 2, 3, 2], ["nsubj", "root", "obj", "amod", "punct"])
    b = ([2, 1, 2, 3, 2], ["nsubj", "root", "obj", "amod", "punct"])
    c = ([0, 1, 2, 3, 2], ["root", "acl", "obj", "amod", "punct"])
    heads, _ = vote([a, b, c])
    assert _is_tree([-1, *heads])
    assert heads.count(0) == 1


def test_arcs_nobody_voted_for_get_a_root_or_a_dependent_label():
    # The single-root tree makes word 5 the root, although no parse did.
    heads = [[2, 5, 0, 3, 3], [0, 5, 5, 2, 1], [5, 5, 5, 0, 4], [2, 0, 5, 3, 2]]
    parses = [(h, ["ROOT" if x == 0 else f"rel{d}" for d, x in enumerate(h, start=1)])
              for h in heads]
    tree, labels = vote(parses)
    assert tree == [2, 5, 5, 3, 0]
    assert labels == ["rel1", "rel2", "rel3", "rel4", "ROOT"]
    # A word every parse made a root gets a dependent label it was never given: "dep".
    tree, labels = vote([([0, 1], ["ROOT", "nsubj"]), ([2, 0], ["obj", "ROOT"])])
    assert labels.count("ROOT") == 1


def test_the_component_replaces_the_parse_with_the_members_vote():
    nlp = spacy.blank("id")

    def member(parse):
        """A stand-in member parser that writes one fixed tree."""
        heads, deps = parse

        def run(doc: Doc) -> Doc:
            return Doc(doc.vocab, words=[t.text for t in doc],
                       heads=[h - 1 if h else i for i, h in enumerate(heads)],
                       deps=["ROOT" if d == "root" else d for d in deps])
        return run

    doc = Doc(nlp.vocab, words=WORDS, heads=[1, 1, 1, 1, 1],
              deps=["nsubj", "ROOT", "obj", "advmod", "punct"])
    out = ParseVote([member(GOOD), member(GOOD)])(doc)
    assert [t.head.i for t in out] == [1, 1, 1, 2, 1]
    assert [t.dep_ for t in out] == ["nsubj", "ROOT", "obj", "amod", "punct"]
    assert len(list(out.sents)) == 1


def test_without_members_the_parse_is_kept():
    nlp = spacy.blank("id")
    doc = Doc(nlp.vocab, words=WORDS, heads=[1, 1, 1, 1, 1],
              deps=["nsubj", "ROOT", "obj", "advmod", "punct"])
    assert [t.head.i for t in ParseVote([])(doc)] == [1, 1, 1, 1, 1]


def test_members_given_as_a_loader_load_at_the_first_parse():
    nlp = spacy.blank("id")
    loads = []

    def load():
        loads.append(1)
        return []

    component = ParseVote(load_members=load)
    assert loads == []
    doc = Doc(nlp.vocab, words=WORDS, heads=[1, 1, 1, 1, 1],
              deps=["nsubj", "ROOT", "obj", "advmod", "punct"])
    component(doc)
    component(doc)
    assert loads == [1]


def test_docs_without_a_parse_pass_through_the_batch_unchanged():
    nlp = spacy.blank("id")
    parsed = Doc(nlp.vocab, words=WORDS, heads=[1, 1, 1, 1, 1],
                 deps=["nsubj", "ROOT", "obj", "advmod", "punct"])
    unparsed = Doc(nlp.vocab, words=["Hujan", "turun", "."])
    seen = []

    def member(doc: Doc) -> Doc:
        seen.append(doc.text)
        return Doc(doc.vocab, words=[t.text for t in doc], heads=[1, 1, 1, 2, 1],
                   deps=["nsubj", "ROOT", "obj", "amod", "punct"])

    out = list(ParseVote([member, member]).pipe([unparsed, parsed]))
    assert out[0] is unparsed and not out[0].has_annotation("DEP")
    assert [t.head.i for t in out[1]] == [1, 1, 1, 2, 1]
    assert seen == [parsed.text, parsed.text]


def test_members_parse_each_sentence_as_a_doc_without_a_parse():
    # whole Docs made spaCy's beam parser slow, and parsing over a parse hung
    nlp = spacy.blank("id")
    doc = Doc(nlp.vocab, words=["Ia", "datang", ".", "Kami", "pergi"], heads=[1, 1, 1, 4, 4],
              deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT"])
    seen = []

    def member(sent: Doc) -> Doc:
        seen.append((sent.text, sent.has_annotation("DEP"), [t.is_sent_start for t in sent]))
        heads = [1, 1, 1] if len(sent) == 3 else [1, 1]
        deps = ["nsubj", "ROOT", "punct"] if len(sent) == 3 else ["obj", "ROOT"]
        return Doc(sent.vocab, words=[t.text for t in sent], heads=heads, deps=deps)

    out = ParseVote([member, member])(doc)
    assert seen == [("Ia datang . ", False, [True, False, False]),
                    ("Kami pergi ", False, [True, False])] * 2
    assert [t.head.i for t in out] == [1, 1, 1, 4, 4]
    assert [t.dep_ for t in out] == ["nsubj", "ROOT", "punct", "obj", "ROOT"]
    sent = unparsed_sentence(doc[3:5])
    assert sent.text == "Kami pergi " and not sent.has_annotation("DEP")
    assert doc.has_annotation("DEP")  # the original keeps its parse


def test_member_beam_width_overrides_the_members_decoding():
    class Member:
        def __init__(self, beam_width: int) -> None:
            self.cfg = {"beam_width": beam_width}

        def __call__(self, doc: Doc) -> Doc:
            return doc

    beam, greedy = Member(8), Member(1)
    component = ParseVote(load_members=lambda: [beam, greedy], member_beam_width=1)
    assert [m.cfg["beam_width"] for m in component.members] == [1, 1]
    assert [m.cfg["beam_width"] for m in ParseVote([Member(8)]).members] == [8]


def test_sentences_longer_than_the_limit_keep_their_own_parse(monkeypatch):
    import warta.nlp.parse_vote as parse_vote

    monkeypatch.setattr(parse_vote, "MAX_VOTE_TOKENS", 3)
    nlp = spacy.blank("id")
    doc = Doc(nlp.vocab, words=["Ia", "datang", ".", "Kami", "pergi", "ke", "pasar"],
              heads=[1, 1, 1, 4, 4, 6, 4], deps=["nsubj", "ROOT", "punct", "nsubj", "ROOT",
                                                 "case", "obl"])
    seen = []

    def member(sent: Doc) -> Doc:
        seen.append(sent.text)
        return Doc(sent.vocab, words=[t.text for t in sent], heads=[1, 1, 1],
                   deps=["obj", "ROOT", "punct"])

    out = ParseVote([member, member])(doc)
    assert seen == ["Ia datang . "] * 2
    assert [t.dep_ for t in out] == ["obj", "ROOT", "punct", "nsubj", "ROOT", "case", "obl"]
    assert [t.head.i for t in out] == [1, 1, 1, 4, 4, 6, 4]
