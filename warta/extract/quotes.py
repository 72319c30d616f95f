"""Direct and indirect quotes, each with its cue and speaker.

Direct quotes start from the paired quotation marks of the text layer; the
attribution is looked for where Indonesian news puts it, in this order:

1. right after the closing mark: ``“…,” katanya`` / ``kata Menkeu Purbaya`` /
   ``Purbaya menambahkan`` / ``baca selebaran itu`` / ``demikian disampaikan X``;
2. before the opening mark in the same sentence: ``Ia menegaskan, “…”`` /
   ``Menurut dia, “…”`` / ``Dia menambahkan bahwa … “…”``;
3. in the next sentence: ``Hal itu disampaikan Kepala BPS Amalia``;
4. otherwise the quote continues the previous speaker's words (multi-paragraph
   quotes, or a second quoted chunk after ``kata X``).

Indirect quotes are reporting clauses: ``X mengatakan (…) bahwa Y``,
``X menegaskan, Y``, ``Menurut X, Y``, ``Y, kata X``.  Speaker phrases are
resolved to entities by :mod:`warta.extract.speakers`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from warta.extract.speakers import SpeakerPhrase, SpeakerResolver
from warta.lang.data import load_json
from warta.nlp.document import AnalysedDocument
from warta.schema import Entity, Quote, QuoteKind, Span

_QUOTE_MARKS = "\"“”‘’'«»"
MIN_UNCUED_WORDS = 6  # shorter quoted text without a cue is a term or a title


@dataclass(frozen=True, slots=True)
class _Candidate:
    kind: QuoteKind
    start: int
    end: int
    cue: Span | None
    phrase: SpeakerPhrase | None
    continues: bool = False  # no attribution of its own: the previous speaker goes on


@dataclass(frozen=True)
class _Cues:
    said: re.Pattern[str]  # said-root (+nya) as a word
    reporting: re.Pattern[str]
    passive: re.Pattern[str]
    document: re.Pattern[str]
    according: re.Pattern[str]
    pronouns: frozenset[str]
    plural: frozenset[str]
    auxiliaries: tuple[str, ...]
    openers: tuple[str, ...]
    stops: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _cues() -> _Cues:
    c = load_json("speech_cues")
    p = load_json("pronouns")
    return _Cues(
        said=re.compile(rf"(?:{_alternation(c['said_roots'])})(?:nya)?\b", re.IGNORECASE),
        reporting=re.compile(rf"\b(?:{_alternation(c['reporting_verbs'])})\b"),
        passive=re.compile(rf"\b(?:{_alternation(c['passive_verbs'])})\b", re.IGNORECASE),
        document=re.compile(rf"(?:{_alternation(c['document_verbs'])})\b", re.IGNORECASE),
        according=re.compile(r"\b(?:Menurut|menurut)(?:nya\b)?"),
        pronouns=frozenset(p["singular"] + p["plural"]),
        plural=frozenset(p["plural"]),
        auxiliaries=tuple(sorted(c["auxiliaries"], key=len, reverse=True)),
        openers=tuple(sorted(c["clause_openers"], key=len, reverse=True)),
        stops=frozenset(c["speaker_stops"]),
    )


def extract_quotes(doc: AnalysedDocument, entities: list[Entity]) -> list[Quote]:
    """All direct and indirect quotes of ``doc``, in text order."""
    finder = _QuoteFinder(doc)
    direct = finder.direct()
    quoted = [(c.start, c.end) for c in direct]
    indirect = finder.indirect(quoted)
    resolver = SpeakerResolver(doc, entities, quoted)
    quotes: list[Quote] = []
    previous: _Candidate | None = None
    for cand in sorted(direct + indirect, key=lambda c: (c.start, c.kind)):
        position = min(cand.start, cand.phrase.start) if cand.phrase else cand.start
        if cand.phrase is not None:
            speaker = resolver.resolve(cand.phrase, position)
        elif cand.continues or (previous is not None and cand.kind == "direct"):
            speaker = resolver.continue_last(position)
        else:
            speaker = None
        quotes.append(Quote(cand.kind, cand.start, cand.end, doc.text[cand.start:cand.end],
                            cand.cue, speaker))
        previous = cand
    return quotes


class _QuoteFinder:
    def __init__(self, doc: AnalysedDocument) -> None:
        self.doc = doc
        self.text = doc.norm
        self.cues = _cues()
        self.token_starts = [t.idx for t in doc.doc]

    # -- direct ----------------------------------------------------------------
    def direct(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        pairs = [p for p in self.doc.quote_pairs if p.depth == 0]
        for n, pair in enumerate(pairs):
            start, end = _trim(self.text, pair.content_start, pair.content_end)
            if start >= end:
                continue
            after_end = pair.close + 1 if pair.close is not None else pair.content_end
            cue, phrase = self._attribution_after(after_end, start, end)
            if cue is None:
                cue, phrase = self._attribution_before(pair.open)
            if cue is None:
                cue, phrase = self._attribution_next_sentence(after_end)
            words = len(self.text[start:end].split())
            if cue is not None:
                found.append(_Candidate("direct", start, end, cue, phrase))
            elif words >= MIN_UNCUED_WORDS or self._continues(pairs, n, found):
                found.append(_Candidate("direct", start, end, None, None, continues=True))
        return found

    def _continues(self, pairs: list, n: int, found: list[_Candidate]) -> bool:
        """A quoted chunk right after another quote of the same paragraph or of the
        paragraph before goes on with the same speaker."""
        if n == 0 or not found:
            return False
        prev_end = found[-1].end
        between = self.text[prev_end:pairs[n].open]
        return between.count("\n") <= 1 and len(between) < 200

    def _attribution_after(self, pos: int, start: int,
                           end: int) -> tuple[Span | None, SpeakerPhrase | None]:
        line_end = self.text.find("\n", pos)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = self.text[pos:line_end]
        lead = len(rest) - len(rest.lstrip(" ,.!?:;-–—"))
        at = pos + lead
        ended = self.text[end - 1:end] in ".!?" or rest[:lead].strip().startswith(".")
        word = self.text[at:line_end]
        c = self.cues
        # "katanya", "ujar Kapolres", "tutur dia" — lower-case unless the quote ran on
        m = c.said.match(word)
        if m and (word[0].islower() or not ended):
            cue = Span(at, at + m.end(), self.text[at:at + m.end()])
            if m.group(0).lower().endswith("nya") and not _root_ends_nya(m.group(0)):
                nya = at + m.end() - 3
                return cue, SpeakerPhrase(nya, nya + 3, self.text[nya:nya + 3], "clitic")
            return cue, self._phrase_after(at + m.end())
        m = re.match(r"(?:demikian|begitu|hal (?:itu|tersebut|ini))\s+", word, re.IGNORECASE)
        skip = m.end() if m else 0
        m = c.passive.match(word, skip) or (c.said.match(word, skip) if skip else None)
        if m:
            cue = Span(at + m.start(), at + m.end(), m.group(0))
            after = at + m.end()
            oleh = re.match(r"\s+oleh\b", self.text[after:])
            return cue, self._phrase_after(after + (oleh.end() if oleh else 0))
        m = c.document.match(word)
        if m and word[0].islower():
            cue = Span(at, at + m.end(), m.group(0))
            return cue, self._phrase_after(at + m.end(), allow_description=True)
        if not ended:  # "“…,” Purbaya menambahkan."
            m = c.reporting.search(word, 0, 80)
            if m and m.start() > 0:
                subject = self._subject_before(at + m.start(), at)
                if subject is not None and subject.start == at:
                    return Span(at + m.start(), at + m.end(), m.group(0)), subject
        return None, None

    def _attribution_before(self, open_pos: int) -> tuple[Span | None, SpeakerPhrase | None]:
        sentence = self.doc.sentences[self.doc.sentence_index(open_pos)]
        if sentence.start > open_pos:
            return None, None
        prefix_start = sentence.start
        prefix = self.text[prefix_start:open_pos]
        if any(q in prefix for q in _QUOTE_MARKS):
            return None, None
        c = self.cues
        m = re.match(r"\s*(Menurut|Kata|Ujar)(nya)?\b\s*(.*?)[,:]?\s*$", prefix)
        if m:
            cue = Span(prefix_start + m.start(1), prefix_start + m.end(2 if m.group(2) else 1),
                       prefix[m.start(1):m.end(2 if m.group(2) else 1)])
            if m.group(2):
                nya = prefix_start + m.start(2)
                return cue, SpeakerPhrase(nya, nya + 3, "nya", "clitic")
            return cue, self._phrase_after(cue.end)
        verbs = list(c.reporting.finditer(prefix)) + list(c.said.finditer(prefix))
        verbs = [v for v in verbs if v.start() == 0 or not prefix[v.start() - 1].isalpha()]
        if not verbs:
            return None, None
        v = max(verbs, key=lambda v: v.start())
        cue = Span(prefix_start + v.start(), prefix_start + v.end(), v.group(0))
        subject = self._subject_before(cue.start, prefix_start)
        if subject is None and v.group(0).lower().endswith("nya"):
            nya = cue.end - 3
            subject = SpeakerPhrase(nya, nya + 3, "nya", "clitic")
        if subject is None:
            subject = self._phrase_after(cue.end)
        return cue, subject

    def _attribution_next_sentence(self, pos: int) -> tuple[Span | None, SpeakerPhrase | None]:
        index = self.doc.sentence_index(pos)
        if index + 1 >= len(self.doc.sentences):
            return None, None
        nxt = self.doc.sentences[index + 1]
        if nxt.start < pos or self.text[pos:nxt.start].count("\n") > 2:
            return None, None
        head = self.text[nxt.start:nxt.end]
        m = re.match(r"(?:Demikian|Begitu|Hal (?:itu|tersebut|ini)|Pernyataan (?:itu|tersebut))"
                     r"(?:\s+(?:juga|pun))?\s+", head)
        if not m:
            return None, None
        v = self.cues.passive.match(head, m.end()) or self.cues.said.match(head, m.end())
        if not v:
            return None, None
        cue = Span(nxt.start + v.start(), nxt.start + v.end(), v.group(0))
        after = cue.end
        oleh = re.match(r"\s+oleh\b", self.text[after:])
        return cue, self._phrase_after(after + (oleh.end() if oleh else 0))

    # -- indirect --------------------------------------------------------------
    def indirect(self, quoted: list[tuple[int, int]]) -> list[_Candidate]:
        found: list[_Candidate] = []
        c = self.cues

        def inside_quote(pos: int) -> bool:
            return any(a <= pos < b for a, b in quoted)

        for sentence in self.doc.sentences:
            s, e = sentence.start, sentence.end
            body = self.text[s:e]
            taken = False
            for v in c.reporting.finditer(body):
                vs = s + v.start()
                if inside_quote(vs):
                    continue
                tail = body[v.end():]
                b = re.match(r"((?:\s+[^\s“”\"]+){0,6}?)\s+bahwa\s+", tail)
                comma = re.match(r"\s*[,:]\s+(?=[^\s“”\"‘'])", tail)
                if b and "." not in b.group(1) and "," not in b.group(1).strip(", "):
                    content_start = s + v.end() + b.end()
                elif comma:
                    content_start = s + v.end() + comma.end()
                else:
                    continue
                content_end = _trim_end(self.text, content_start, e)
                if content_end - content_start < 8 or inside_quote(content_start):
                    continue
                if self.text[content_start] in _QUOTE_MARKS:
                    continue
                cue = Span(vs, s + v.end(), v.group(0))
                subject = self._subject_before(vs, s)
                found.append(_Candidate("indirect", content_start, content_end, cue, subject))
                taken = True
                break
            if taken:
                continue
            m = re.match(r"(?:\S+\s+){0,3}?(Menurut(nya)?)\b\s*([^,“”\"]{0,80}?),\s+(?=[^\s“”\"])",
                         body)
            if m and not inside_quote(s + m.start(1)):
                cue = Span(s + m.start(1), s + m.end(1), m.group(1))
                if m.group(2):
                    nya = cue.end - 3
                    phrase: SpeakerPhrase | None = SpeakerPhrase(nya, nya + 3, "nya", "clitic")
                else:
                    phrase = self._phrase_after(cue.end)
                content_start = s + m.end()
                content_end = _trim_end(self.text, content_start, e)
                if content_end - content_start >= 8 and not any(
                        q in self.text[content_start:content_end] for q in "“”\""):
                    found.append(_Candidate("indirect", content_start, content_end, cue, phrase))
                    continue
            if any(q in body for q in "“”\""):
                continue
            m = re.search(r",\s*((?:kata|ujar|tutur|ucap|jelas|tegas|ungkap|imbuh|tambah)"
                          r"(?:nya)?)\b", body)
            if m and m.start() > 15 and not inside_quote(s + m.start()):
                cue = Span(s + m.start(1), s + m.end(1), m.group(1))
                if m.group(1).endswith("nya"):
                    nya = cue.end - 3
                    phrase = SpeakerPhrase(nya, nya + 3, "nya", "clitic")
                else:
                    phrase = self._phrase_after(cue.end)
                found.append(_Candidate("indirect", s, _trim_end(self.text, s, s + m.start()),
                                        cue, phrase))
        return found

    # -- phrases ---------------------------------------------------------------
    def _phrase_after(self, pos: int, allow_description: bool = False) -> SpeakerPhrase | None:
        """The speaker named right after a cue: pronoun, titles + name, or a
        short description ("selebaran itu", "seorang warga")."""
        c = self.cues
        i = bisect.bisect_left(self.token_starts, pos)
        tokens = self.doc.doc
        picked = []
        while i < len(tokens) and len(picked) < 8:
            t = tokens[i]
            low = t.lower_
            if t.is_punct and t.text not in ".'-" or t.is_space:
                break
            if not picked and low in c.pronouns:
                return SpeakerPhrase(t.idx, t.idx + len(t.text), t.text, "pronoun")
            if low in c.stops and picked:
                break
            if t.text[:1].isupper() or (t.text[:1].isalpha() and _is_title_or_role(t.text)) or picked and low in ("bin", "binti", "van", "de", "al"):
                picked.append(t)
            else:
                break
            if "\n" in t.whitespace_:
                break
            i += 1
        while picked and picked[-1].is_punct:
            picked.pop()
        if picked:
            start, end = picked[0].idx, picked[-1].idx + len(picked[-1].text)
            return SpeakerPhrase(start, end, self.text[start:end], "name")
        if allow_description or True:
            m = re.match(r"\s*((?:[a-z][\w-]*)(?:\s+[a-z][\w-]*){0,3}?\s+(?:itu|tersebut|ini))\b",
                         self.text[pos:pos + 80])
            if m is None:
                m = re.match(r"\s*((?:seorang|salah seorang|salah satu|para|sejumlah|beberapa)"
                             r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", self.text[pos:pos + 80])
            if m:
                start = pos + m.start(1)
                return SpeakerPhrase(start, pos + m.end(1), m.group(1), "description")
        return None

    def _subject_before(self, verb_start: int, clause_start: int) -> SpeakerPhrase | None:
        """The subject noun phrase standing before a reporting verb."""
        c = self.cues
        seg_start = clause_start
        segment = self.text[clause_start:verb_start]
        cut = max(segment.rfind(","), segment.rfind("”"), segment.rfind("\""),
                  segment.rfind(";"))
        if cut >= 0:
            seg_start = clause_start + cut + 1
        start, end = seg_start, verb_start
        changed = True
        while changed:
            changed = False
            start, end = _trim(self.text, start, end)
            low = self.text[start:end].casefold()
            for aux in c.auxiliaries:
                if low.endswith(" " + aux) or low == aux:
                    end -= len(aux)
                    changed = True
                    break
            for opener in c.openers:
                if low.startswith(opener + " ") and len(low) > len(opener) + 1:
                    start += len(opener) + 1
                    changed = True
                    break
        start, end = _trim(self.text, start, end)
        phrase = self.text[start:end]
        if not phrase or len(phrase.split()) > 8:
            return None
        if phrase.casefold() in c.pronouns:
            return SpeakerPhrase(start, end, phrase, "pronoun")
        if any(w[:1].isupper() for w in phrase.split()):
            if phrase[:1].islower():
                return SpeakerPhrase(start, end, phrase, "description")
            return SpeakerPhrase(start, end, phrase, "name")
        return SpeakerPhrase(start, end, phrase, "description")


def _is_title_or_role(word: str) -> bool:
    from warta.extract.names import is_title

    return is_title(word)


def _root_ends_nya(word: str) -> bool:
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _trim_end(text: str, start: int, end: int) -> int:
    """End of a reported clause: without trailing space and sentence punctuation."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
        end -= 1
    return end
