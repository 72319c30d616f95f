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
from warta.text import scanner

# terminal punctuation, the closing marks right after it, then inline whitespace
_CANDIDATE = re.compile(r"([.!?\u2026]+)([\"”’')\]]*)[^\S\n]+(?=\S)")
# a period glued to the next sentence: "Santoso.Budi", "pangan.\"Kami"
_GLUED = re.compile(r"(?<=[a-z]{3})([.!?]”?)(?=[“\"]?[A-Z][a-z])")
_OPENERS = "\"“‘'([{"
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]$")
_LIST_MARKER = re.compile(r"\d{1,3}|[A-Za-z]|[IVXivx]{1,5}")
_LOWER_DOTTED = re.compile(r"[a-z](?:\.[a-z])+$")
_DOMAIN_WORDS = frozenset({"com", "co", "id", "net", "org", "go", "ac", "or", "info", "html"})


@cache
def _lexicon(*names: str) -> tuple[frozenset[str], frozenset[str]]:
    """(all-caps entries as written, other entries lowercased) of the named word lists."""
    words = frozenset().union(*(load_words(n) for n in names))
    caps = frozenset(w for w in words if _is_caps(w))
    return caps, frozenset(w.lower() for w in words if not _is_caps(w))


def _in_lexicon(word: str, *names: str) -> bool:
    """Case-insensitive lookup, except that an all-caps word needs an all-caps entry
    (so "SPT" is not "spt" = seperti and "MS" is initials, not "Ms.")."""
    caps, lower = _lexicon(*names)
    return word in caps if _is_caps(word) else word.lower() in lower


def _is_caps(word: str) -> bool:
    return word.isupper() and sum(c.isalpha() for c in word) > 1


_NEVER_FINAL = ("honorifics", "abbreviations")
_MAYBE_FINAL = ("academic_degrees", "abbreviations_final")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each span is trimmed of surrounding whitespace."""
    cuts: list[int] = [m.start() for m in re.finditer("\n", text)]
    for m in _CANDIDATE.finditer(text):
        if _ends_sentence(text, m):
            cuts.append(m.start() + len(m.group(1)) + len(m.group(2)))
    for m in scanner.finditer(_GLUED, text):
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
    if _is_list_marker(text, m.start()):
        return False
    word = _word_before(text, m.start())
    if not word:
        return True
    if _in_lexicon(word, *_NEVER_FINAL):
        return False
    if _in_lexicon(word, *_MAYBE_FINAL):
        return upper
    if len(word) == 1 and word.isupper():
        return not _is_initial(text, m.start() - 1, m.end())
    return not (_INITIALS.match(word) or _LOWER_DOTTED.match(word))


def _is_list_marker(text: str, period: int) -> bool:
    """Is the period after a list number at the start of a line ("1. Siapkan bahan")?"""
    start = text.rfind("\n", max(0, period - 8), period) + 1
    if start == 0 and period > 8:
        return False
    return bool(_LIST_MARKER.fullmatch(text[start:period].strip()))


def _is_initial(text: str, letter: int, after: int) -> bool:
    """Is the capital at ``letter`` (followed by ".") a name initial ("Susilo B. Yudhoyono")?

    It is, unless a lowercase word stands before it and the words after it do not
    look like a name ("vitamin A. Vitamin ini", "galian C. AKP Iriansyah").
    """
    before = text[max(0, letter - 30):letter]
    prev = before.split()[-1] if before.strip() else ""
    if not before.endswith(" ") or not prev or not prev[0].islower():
        return True
    following = text[after:after + 40].split()[:2]
    return len(following) == 2 and all(_name_like(w) for w in following)


def _name_like(word: str) -> bool:
    word = word.rstrip(",.;:")
    return word[:1].isupper() and (len(word) == 1 or any(c.islower() for c in word))


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
    return not _in_lexicon(_word_before(text, m.start()), *_NEVER_FINAL)


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
