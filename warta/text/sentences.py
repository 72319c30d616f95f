"""Rule-based sentence splitting for Indonesian news.

A newline always ends a sentence (news paragraphs are lines).  Inside a line a
sentence ends after ``.``, ``!``, ``?`` (plus any closing quotes or brackets
right after them) when whitespace follows and the next word starts with a
capital letter or a digit, possibly behind an opening quote or bracket.  A
lowercase next word never starts a sentence, which keeps ``“Halo.” katanya``,
``dll. dan`` and ``Macet... macet`` together.

A single period is then checked against the word in front of it:

* honorifics (``Prof.``, ``dr.``, ``H.``; ``warta/lang/id/honorifics.txt``) and
  other abbreviations that are always followed by more text (``Jl.``, ``No.``,
  ``Kab.``, ``a.n.``, ``s.d.``; ``abbreviations.txt``) never end a sentence;
* initials (``B.`` in "Susilo B. Yudhoyono", ``A.M.``) never end one;
* degrees after names (``S.H.``, ``M.Si.``; ``academic_degrees.txt``) and
  abbreviations such as ``dll.``/``Tbk.`` (``abbreviations_final.txt``) end one
  only before a capitalised word, not before a digit.

An ellipsis ends a sentence only when a closing quote follows it
(``"Macet..." Video itu``).  A period glued to a capitalised word
(``Santoso.Budi``, common in scraped text) also ends a sentence unless the
token looks like a URL, an e-mail address or a case number.

The splitter is a couple of regular-expression scans plus a check per
candidate boundary, so it runs at several MB/s.
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang.data import load_words
from warta.schema import Sentence

# terminal punctuation, the closing marks right after it, then inline whitespace
_CANDIDATE = re.compile(r"([.!?\u2026]+)([\"”’')\]]*)[^\S\n]+(?=\S)")
# a period glued to the next sentence: "Santoso.Budi", "pangan.\"Kami"
_GLUED = re.compile(r"(?<=[a-z]{3})([.!?]”?)(?=[“\"]?[A-Z][a-z])")
_OPENERS = "\"“‘'([{"
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]$")
_LOWER_DOTTED = re.compile(r"[a-z](?:\.[a-z])+$")
_DOMAIN_WORDS = frozenset({"com", "co", "id", "net", "org", "go", "ac", "or", "info", "html"})


@cache
def _never_final() -> frozenset[str]:
    words = load_words("honorifics") | load_words("abbreviations")
    return frozenset(w.lower() for w in words)


@cache
def _maybe_final() -> frozenset[str]:
    words = load_words("academic_degrees") | load_words("abbreviations_final")
    return frozenset(w.lower() for w in words)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each span is trimmed of surrounding whitespace."""
    cuts: list[int] = [m.start() for m in re.finditer("\n", text)]
    for m in _CANDIDATE.finditer(text):
        if _ends_sentence(text, m):
            cuts.append(m.start() + len(m.group(1)) + len(m.group(2)))
    for m in _GLUED.finditer(text):
        if _glued_ends_sentence(text, m):
            cuts.append(m.end())
    cuts.sort()

    sentences: list[Sentence] = []
    start = 0
    for cut in cuts:
        _add(sentences, text, start, cut)
        start = cut
    _add(sentences, text, start, len(text))
    return sentences


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Does the candidate boundary ``m`` (terminal, closers, space) end a sentence?"""
    nxt = _next_char(text, m.end())
    upper = nxt.isupper()
    if not (upper or nxt.isdigit()):
        return False
    term, closers = m.group(1), m.group(2)
    if "!" in term or "?" in term:
        return True
    if "\u2026" in term or term in ("..", "..."):
        return bool(closers)  # an ellipsis mid-quote trails off; a closed quote ends
    if closers or len(term) > 1:
        return True
    word = _word_before(text, m.start())
    if not word:
        return True
    key = word.lower()
    if key in _never_final():
        return False
    if key in _maybe_final():
        return upper
    return not (_INITIALS.match(word) or _LOWER_DOTTED.match(word))


def _glued_ends_sentence(text: str, m: re.Match[str]) -> bool:
    """``word.Word`` without a space: a sentence end unless URL-, mail- or code-like."""
    left = text.rfind(" ", 0, m.start()) + 1
    right_space = text.find(" ", m.end())
    token = text[left:right_space if right_space >= 0 else len(text)]
    if "/" in token or "@" in token or token.lower().startswith("www"):
        return False
    after = re.match(r"[“\"]?([A-Za-z]+)", text[m.end():m.end() + 20])
    if after and after.group(1).lower() in _DOMAIN_WORDS:
        return False
    if m.group(1)[0] != ".":
        return True
    word = _word_before(text, m.start())
    return word.lower() not in _never_final()


def _next_char(text: str, pos: int) -> str:
    """First character of the next word, looking behind opening quotes/brackets."""
    end = min(len(text), pos + 4)
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    return text[pos] if pos < len(text) else ""


def _word_before(text: str, pos: int) -> str:
    """The dotted word ending at ``pos`` ("S.H" in "Budi, S.H."; "dll" in "(dll.")."""
    i, stop = pos, max(0, pos - 40)
    while i > stop and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return text[i:pos].lstrip(".")


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end))
