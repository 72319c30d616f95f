"""The shipped pipeline's tokenizer: built once from its file, and built fast.

Why a factory: ``spacy.load`` first builds the tokenizer from the language defaults
(spaCy's Indonesian exceptions, 15,963 special cases, each tokenised and validated, and
the affix patterns) and then ``from_disk`` replaces all of it with the saved tokenizer
(26,745 special cases with Warta's clitic and abbreviation cases, the patterns with the
prefix guard). Building the defaults was about half of the pipeline's load time (4.5 s
before, 2.2 s after, measured on one core), and all of it was thrown away. Everything a
tokenizer needs is in the saved file, so this factory starts from nothing.

Why a subclass: of the saved special cases, 15,556 only keep a hyphenated word whole
("kupu-kupu", "Mobil-mobil", "huru-hara": spaCy's Indonesian list), and spaCy builds each
of them at load time as it builds any special case (its lexemes, its affix tokenisation
for the special-case matcher): about 80 % of what loading the tokenizer costs.
:class:`WholeWordTokenizer` keeps those words in a set consulted as the tokenizer's
``token_match`` instead, and merges a whole word that the affix rules split inside a
longer chunk ("anti-huru-hara" → "anti", "-", "huru-hara") as spaCy's special-case
matcher does. Same tokens (checked on 1.7M words of every text in ``../shared/data``;
``tests/test_tokenizer_factory.py``), and the file it reads and writes is a plain
spaCy tokenizer's, every special case in it.

Only for pipelines whose tokenizer is loaded from disk (the shipped model's
``config.cfg`` names it; training configs keep ``spacy.Tokenizer.v1``): a pipeline
created from this config *without* its tokenizer data would split on whitespace only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy
from spacy import util
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer, _get_regex_pattern
from spacy.tokens import Doc
from spacy.util import registry

from warta.nlp.affix_dispatch import InfixFinditer, SuffixSearch, dispatched

FACTORY_NAME = "warta.Tokenizer.v1"
# A word that a special case only keeps whole: letters or digits joined by hyphens.
_HYPHENATED = re.compile(r"\w+(?:-\w+)+")


@registry.tokenizers(FACTORY_NAME)
def create_tokenizer_from_disk() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules or patterns yet: ``from_disk`` sets them all."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        return WholeWordTokenizer(nlp.vocab)

    return tokenizer_factory


def use_tokenizer_from_disk(nlp: Language) -> None:
    """Name this factory in ``nlp``'s config, so that loading it builds the rules once."""
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": FACTORY_NAME}


def is_whole_word_rule(string: str, substrings: Iterable[Mapping[Any, str]]) -> bool:
    """A special case that only keeps a hyphenated word as one token, attributes none."""
    pieces = list(substrings)
    return (len(pieces) == 1 and set(pieces[0]) <= {ORTH, "ORTH"}
            and next(iter(pieces[0].values()), None) == string
            and _HYPHENATED.fullmatch(string) is not None)


class WholeWords:
    """``token_match`` of a :class:`WholeWordTokenizer` that was given a token_match of
    its own (``fallback``): the word is one of the set, or matches that. Without one the
    tokenizer uses the set's own ``__contains__``, a call spaCy makes at C speed."""

    def __init__(self, words: frozenset[str], fallback: Callable) -> None:
        self.words = words
        self.fallback = fallback

    def __call__(self, string: str) -> bool:
        return string in self.words or bool(self.fallback(string))

    def __reduce__(self) -> tuple:
        return (WholeWords, (self.words, self.fallback))


def _given_token_match(token_match: Any) -> Any:
    """The token_match a tokenizer was given, without the whole-word set around it."""
    if isinstance(token_match, WholeWords):
        return token_match.fallback
    if isinstance(getattr(token_match, "__self__", None), frozenset):
        return None
    return token_match


def _with_whole_words(words: frozenset[str], given: Any) -> Any:
    if not words:
        return given
    return WholeWords(words, given) if given is not None else words.__contains__


def _resetting_helper(name: str, wrap: Callable[[Any], Any] | None = None) -> property:
    """The base class's ``name`` property, and a new value also drops the affix-only
    tokenizer built from the old one (it checks which split words to merge). ``wrap``
    turns a new value into what is stored (the dispatched affix searches)."""
    base = getattr(Tokenizer, name)

    def set_value(self: WholeWordTokenizer, value: Any) -> None:
        base.__set__(self, wrap(value) if wrap is not None else value)
        self._affixes_only = None
        self._affix_cache = {}

    return property(base.__get__, set_value, doc=base.__doc__)


class WholeWordTokenizer(Tokenizer):
    """A spaCy tokenizer whose hyphenated-word special cases are a set, not rules, and
    whose suffix and infix patterns try only the branches that can match
    (:mod:`warta.nlp.affix_dispatch`)."""

    prefix_search = _resetting_helper("prefix_search")
    suffix_search = _resetting_helper(
        "suffix_search", lambda value: dispatched(value, SuffixSearch))
    infix_finditer = _resetting_helper(
        "infix_finditer", lambda value: dispatched(value, InfixFinditer))
    token_match = _resetting_helper("token_match")
    url_match = _resetting_helper("url_match")
    faster_heuristics = _resetting_helper("faster_heuristics")

    def __init__(self, vocab: Any, rules: Mapping | None = None, prefix_search: Any = None,
                 suffix_search: Any = None, infix_finditer: Any = None,
                 token_match: Any = None, url_match: Any = None, **kwargs: Any) -> None:
        token_match = _given_token_match(token_match)  # unpickled: the set is in rules
        super().__init__(vocab, None, prefix_search, suffix_search, infix_finditer,
                         token_match, url_match, **kwargs)
        self._whole_words: frozenset[str] = frozenset()
        self._longest = 0  # the most tokens the affix rules split a whole word into
        self._affixes_only: Tokenizer | None = None
        self._affix_cache: dict[str, list[str]] = {}
        if rules:
            self.rules = rules

    @property
    def rules(self) -> dict[str, list[dict]]:
        """Every special case, the whole words' included (as spaCy would list them). A
        case added for a whole word ("berhati-hatilah" → "berhati-hati" + "lah", a clitic
        split the UD components bring) is the one listed, and saved: it is also the one
        the tokenizer applies, special cases coming before ``token_match``."""
        kept = Tokenizer.rules.__get__(self)
        return {**{w: [{ORTH: w}] for w in self._whole_words}, **kept}

    @rules.setter
    def rules(self, rules: Mapping[str, list[dict]] | None) -> None:
        rules = dict(rules or {})
        whole = frozenset(s for s, subs in rules.items() if is_whole_word_rule(s, subs))
        given = _given_token_match(self.token_match)
        Tokenizer.rules.__set__(self, {})  # empty first: the setter below reloads them
        self._whole_words = whole
        self._longest = 2 * max((w.count("-") for w in whole), default=0) + 1
        self._affixes_only = None
        self._affix_cache = {}
        self.token_match = _with_whole_words(whole, given)
        Tokenizer.rules.__set__(self, {s: subs for s, subs in rules.items() if s not in whole})

    def __call__(self, string: str) -> Doc:
        doc = super().__call__(string)
        if self._whole_words and "-" in string:
            self._merge_split_whole_words(doc)
        return doc

    def _merge_split_whole_words(self, doc: Doc) -> None:
        """What spaCy's special-case matcher does for these words: where the affix rules
        split a whole word inside a longer chunk, merge its pieces (longest first, then
        leftmost; a span whose first or last token a longer one took is dropped)."""
        rows = doc.to_array([ORTH, SPACY])
        glued = rows[:, 1] == 0  # no space after the token
        # a hyphen between two pieces of one chunk: a space neither before nor after it
        hyphens = numpy.flatnonzero((rows[:, 0] == self.vocab.strings["-"]) & glued)
        hyphens = [h for h in hyphens.tolist() if h > 0 and glued[h - 1]]
        if not hyphens:
            return
        longest = self._longest
        starts = set()
        for h in hyphens:  # the pieces of h's chunk before it, at most `longest` of them
            start = h - 1
            while start > 0 and h - start < longest - 1 and glued[start - 1]:
                start -= 1
            starts.update(range(start, h))
        candidates = []
        for start in sorted(starts):
            text = ""
            for end in range(start, min(start + longest, len(doc))):
                text += doc[end].text
                if end > start and text in self._whole_words \
                        and self._affix_tokens(text) == [t.text for t in doc[start:end + 1]]:
                    candidates.append((start, end + 1))
                if not glued[end]:
                    break
        if not candidates:
            return
        seen: set[int] = set()
        merged = []
        for start, end in sorted(candidates, key=lambda s: (-(s[1] - s[0]), s[0])):
            if start not in seen and end - 1 not in seen:
                merged.append((start, end))
            seen.update(range(start, end))
        with doc.retokenize() as retokenizer:
            for start, end in merged:
                retokenizer.merge(doc[start:end])

    def _affix_tokens(self, word: str) -> list[str]:
        """How the affix patterns alone split ``word``: the special-case matcher's pattern
        for it, computed as spaCy computes it (no special cases, the token_match given)."""
        if self._affixes_only is None:
            self._affixes_only = Tokenizer(
                self.vocab, {}, self.prefix_search, self.suffix_search, self.infix_finditer,
                _given_token_match(self.token_match), self.url_match,
                faster_heuristics=self.faster_heuristics)
        if word not in self._affix_cache:
            self._affix_cache[word] = [t.text for t in self._affixes_only(word)]
        return self._affix_cache[word]

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The bytes of a plain spaCy tokenizer with every special case (the whole words'
        as special cases again, the ``token_match`` it was given)."""
        given = _given_token_match(self.token_match)
        serializers = {
            "vocab": lambda: self.vocab.to_bytes(exclude=exclude),
            "prefix_search": lambda: _get_regex_pattern(self.prefix_search),
            "suffix_search": lambda: _get_regex_pattern(self.suffix_search),
            "infix_finditer": lambda: _get_regex_pattern(self.infix_finditer),
            "token_match": lambda: _get_regex_pattern(given),
            "url_match": lambda: _get_regex_pattern(self.url_match),
            "exceptions": lambda: dict(sorted(self.rules.items())),
            "faster_heuristics": lambda: self.faster_heuristics,
        }
        return util.to_bytes(serializers, exclude)
