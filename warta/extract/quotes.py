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
from dataclasses import dataclass, replace
from functools import cache

from warta.extract.names import is_title
from warta.extract.speakers import SpeakerPhrase, SpeakerResolver
from warta.lang.data import alternation, load_json, load_words
from warta.nlp.document import AnalysedDocument, Tok
from warta.schema import Entity, Quote, QuoteKind, Span

_QUOTE_MARKS = "\"“”‘’'«»"
_VERB = re.compile(r"(?:me|ber|di|ter|per)[a-z]{4,}")
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
    said_roots: str  # the roots alone, as an alternation
    closing: str  # "demikian", "hal itu" … before a passive cue
    demonstratives: str
    demonstrative_words: frozenset[str]
    quantifiers: str
    reporting: re.Pattern[str]
    passive: re.Pattern[str]
    document: re.Pattern[str]
    according: str  # "Menurut", "Kata", "Ujar": a source opening the sentence …
    according_inside: str  # … and "menurut", which may follow a fronted phrase
    pronouns: frozenset[str]
    plural: frozenset[str]
    auxiliaries: tuple[str, ...]
    openers: tuple[str, ...]
    stops: frozenset[str]
    connectors: frozenset[str]
    title_introducers: frozenset[str]
    object_verbs: frozenset[str]
    clause_markers: frozenset[str]



@cache
def _cues() -> _Cues:
    c = load_json("speech_cues")
    p = load_json("pronouns")
    return _Cues(
        said=re.compile(rf"(?:{alternation(c['said_roots'])})(?:nya)?\b", re.IGNORECASE),
        said_roots=alternation(c["said_roots"]),
        closing=alternation(c["closing_demonstratives"]),
        demonstratives=alternation(c["demonstratives"]),
        demonstrative_words=frozenset(c["demonstratives"]),
        quantifiers=alternation(c["speaker_quantifiers"]),
        reporting=re.compile(rf"\b(?:{alternation(c['reporting_verbs'])})\b"),
        passive=re.compile(rf"\b(?:{alternation(c['passive_verbs'])})\b", re.IGNORECASE),
        document=re.compile(rf"(?:{alternation(c['document_verbs'])})\b", re.IGNORECASE),
        according=alternation([w.capitalize() for w in c["according_to"]]),
        according_inside=alternation(c["according_to_inside"]),
        pronouns=frozenset(p["singular"] + p["plural"]),
        plural=frozenset(p["plural"]),
        auxiliaries=tuple(sorted(c["auxiliaries"], key=len, reverse=True)),
        openers=tuple(sorted(c["clause_openers"], key=len, reverse=True)),
        stops=frozenset(c["speaker_stops"]),
        connectors=frozenset(load_json("name_words")["connectors"]),
        title_introducers=frozenset(c["title_introducers"]),
        object_verbs=frozenset(c["object_verbs"]),
        clause_markers=frozenset(c["clause_markers"]),
    )


def extract_quotes(doc: AnalysedDocument, entities: list[Entity]) -> list[Quote]:
    """All direct and indirect quotes of ``doc``, in text order."""
    finder = _QuoteFinder(doc)
    direct = finder.direct()
    quoted = [(c.start, c.end) for c in direct]
    indirect = finder.indirect(quoted)
    resolver = SpeakerResolver(doc, entities, quoted, [(c.start, c.end) for c in indirect])
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
    return _speakers_named_later(doc.text, quotes)


def _speakers_named_later(text: str, quotes: list[Quote]) -> list[Quote]:
    """A quote paragraph without attribution, followed by a quote paragraph that
    has one, is the same speaker's: Indonesian news often opens a multi-paragraph
    quote and attributes it only in the last paragraph."""
    direct = [i for i, q in enumerate(quotes) if q.kind == "direct"]
    for a, b in zip(reversed(direct[:-1]), reversed(direct[1:]), strict=True):
        q, nxt = quotes[a], quotes[b]
        between = text[q.end:nxt.start]
        if q.cue is None and q.speaker is None and nxt.speaker is not None \
                and between.count("\n") >= 1 and not between.strip(" \n\"“”'‘’,."):
            quotes[a] = replace(q, speaker=nxt.speaker)
    return quotes


class _QuoteFinder:
    def __init__(self, doc: AnalysedDocument) -> None:
        self.doc = doc
        self.text = doc.norm
        self.cues = _cues()
        self.token_starts = doc.token_starts

    # -- direct ----------------------------------------------------------------
    def direct(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        pairs = [p for p in self.doc.quote_pairs if p.depth == 0]
        for pair in pairs:
            start, end = _trim(self.text, pair.content_start, pair.content_end)
            if start >= end or self._introduces_title(pair.open):
                continue
            after_end = pair.close + 1 if pair.close is not None else pair.content_end
            cue, phrase = self._attribution_after(after_end, start, end)
            if cue is None:
                cue, phrase = self._attribution_before(pair.open)
                words = len(self.text[start:end].split())
                adjacent = re.search(r"[,:]\s*$", self.text[max(0, pair.open - 3):pair.open])
                if cue is not None and not adjacent and \
                        (words < 3 or self.text[pair.open] in "‘'"):
                    continue  # 'menyebut kebijakan itu "jalan tengah"': a term, not speech
            if cue is None:
                cue, phrase = self._attribution_next_sentence(after_end)
            if cue is not None:
                found.append(_Candidate("direct", start, end, cue, phrase))
                continue
            single = self.text[pair.open] in "‘'"  # single marks enclose terms and titles
            words = len(self.text[start:end].split())
            if not single and (words >= MIN_UNCUED_WORDS or self._continues(pair.open, found)):
                found.append(_Candidate("direct", start, end, None, None, continues=True))
        return found

    def _introduces_title(self, open_pos: int) -> bool:
        """ 'Tonton juga video "…"', 'berjudul "…"': the marks enclose a title."""
        before = self.text[max(0, open_pos - 30):open_pos].split()
        return bool(before) and before[-1].casefold().strip(":,") in self.cues.title_introducers

    def _continues(self, open_pos: int, found: list[_Candidate]) -> bool:
        """A quote opening the paragraph right after one that ended in a quote, or a
        second chunk after "kata X," in the same sentence, goes on with that speaker."""
        if not found:
            return False
        between = self.text[found[-1].end:open_pos]
        if between.count("\n") == 0:
            return len(between) < 80 and bool(self.cues.said.search(between))
        paragraph_start = self.text.rfind("\n", 0, open_pos) + 1
        at_paragraph_start = not self.text[paragraph_start:open_pos].strip()
        # the previous non-blank paragraph must be the one the last quote ended in
        previous_end = len(self.text[:paragraph_start].rstrip())
        previous_start = self.text.rfind("\n", 0, previous_end) + 1
        return at_paragraph_start and found[-1].end >= previous_start

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
            if m.group(0).lower().endswith("nya"):
                nya = at + m.end() - 3
                return cue, SpeakerPhrase(nya, nya + 3, self.text[nya:nya + 3], "clitic")
            return cue, self._phrase_after(at + m.end())
        m = re.match(rf"(?:{c.closing})\s+", word, re.IGNORECASE)
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
            return cue, self._phrase_after(at + m.end())
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
        m = re.match(rf"\s*({c.according})(nya)?\b\s*(.*?)[,:]?\s*$", prefix)
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
        m = re.match(rf"(?i:{self.cues.closing})(?:\s+(?:juga|pun))?\s+", head)
        if m and not head[:1].isupper():
            m = None
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
        """One reported statement per sentence at most, by the first rule that fits."""
        self._quoted = quoted
        rules = (self._reporting_verb, self._according_to, self._passive_opening,
                 self._trailing_cue)
        found: list[_Candidate] = []
        for sentence in self.doc.sentences:
            for rule in rules:
                cand = rule(sentence.start, sentence.end)
                if cand is not None:
                    found.append(cand)
                    break
        return found

    def _inside_quote(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self._quoted)

    def _content(self, cue: Span, phrase: SpeakerPhrase | None, start: int,
                 end: int) -> _Candidate | None:
        end = _trim_end(self.text, start, end)
        if end - start < 8 or self._inside_quote(start) or self.text[start] in _QUOTE_MARKS:
            return None
        return _Candidate("indirect", start, end, cue, phrase)

    def _reporting_verb(self, s: int, e: int) -> _Candidate | None:
        """"X mengatakan (kepada wartawan) bahwa Y", "X menegaskan, Y", "X menilai Y"."""
        body = self.text[s:e]
        for v in self.cues.reporting.finditer(body):
            vs = s + v.start()
            if self._inside_quote(vs):
                continue
            tail = body[v.end():]
            b = re.match(r"((?:\s+[^\s“”\"]+){0,6}?)\s+(?:bahwa|agar|supaya)\s+", tail)
            comma = re.match(r"((?:\s+[^\s“”\",.]+){0,6}?)\s*[,:]\s+(?=[^\s“”\"‘'])", tail)
            subject = self._subject_before(vs, s)
            if b and "." not in b.group(1) and "," not in b.group(1).strip(", "):
                content_start = s + v.end() + b.end()
            elif comma and self._is_adjunct(comma.group(1)):  # "mengatakan kepada wartawan, …"
                content_start = s + v.end() + comma.end()
            elif subject is not None and subject.kind != "description" and \
                    v.group(0) not in self.cues.object_verbs and \
                    re.match(r"\s+\w", tail) and len(tail.split()) >= 3 and \
                    self._is_clause(tail):
                content_start = s + v.end() + len(tail) - len(tail.lstrip())
            else:
                continue
            cue = Span(vs, s + v.end(), v.group(0))
            cand = self._content(cue, subject, content_start, e)
            if cand is not None:
                return cand
        return None

    def _is_clause(self, text: str) -> bool:
        """A statement has a verb or an auxiliary; a bare topic ("rencana bank
        sentral") has neither."""
        words = re.findall(r"[a-z]+", text.casefold())
        return any(w in self.cues.clause_markers or _VERB.match(w) for w in words)

    def _is_adjunct(self, words: str) -> bool:
        """Nothing, or a phrase like "kepada wartawan" / "Senin (20/10/2025)" /
        "di Jakarta" between a reporting verb and its comma."""
        first = words.split()[0].casefold() if words.split() else ""
        return not first or first in self.cues.stops

    def _according_to(self, s: int, e: int) -> _Candidate | None:
        """"Menurut X, Y", "Kata X, Y", and "Y, menurut X, Y" (the whole sentence)."""
        body = self.text[s:e]
        m = re.match(rf"(?:\S+\s+){{0,3}}?((?:{self.cues.according}|{self.cues.according_inside})"
                     rf"(nya)?)\b\s*"
                     r"([^,“”\"]{0,80}?),\s+(?=[^\s“”\"])", body)
        mid = re.search(rf",\s*((?:{self.cues.according_inside}|{self.cues.said_roots})"
                        rf"(nya)?)\b([^,“”\"]{{0,80}}?),\s+\S", body)
        if m:
            content_start = s + m.end()
        elif mid and body[:mid.start()].strip().casefold() in self.cues.openers:
            m, content_start = mid, s + mid.end() - 1  # "Namun, kata X, …": after the cue
        elif mid and mid.start() > 10:
            m, content_start = mid, s
        else:
            return None
        if any(q in self.text[content_start:e] for q in "“”\""):
            return None
        cue = Span(s + m.start(1), s + m.end(1), m.group(1))
        phrase = self._clitic(cue) if m.group(2) else self._phrase_after(cue.end)
        return self._content(cue, phrase, content_start, e)

    def _passive_opening(self, s: int, e: int) -> _Candidate | None:
        """"Dijelaskan Veronica, Y" / "Diungkapkan, Y" (the speaker goes on)."""
        body = self.text[s:e]
        m = self.cues.passive.match(body)
        if not m or not body[:1].isupper():
            return None
        comma = body.find(",", m.end())
        if comma < 0 or comma - m.end() > 60:
            return None
        cue = Span(s, s + m.end(), m.group(0))
        phrase = self._phrase_after(cue.end) if comma > m.end() + 1 else None
        return self._content(cue, phrase, s + comma + 1 + (body[comma + 1:comma + 2] == " "), e)

    def _trailing_cue(self, s: int, e: int) -> _Candidate | None:
        """"Y, kata dia." / "Y, ujarnya." with no quotation marks."""
        body = self.text[s:e]
        if any(q in body for q in "“”\""):
            return None
        cues = list(re.finditer(r",\s*(" + self.cues.said.pattern + r")", body))
        m = cues[-1] if cues else None
        if m is None or m.start() < 15 or self._inside_quote(s + m.start()):
            return None
        cue = Span(s + m.start(1), s + m.end(1), m.group(1))
        rest = body[m.end():].strip(" .!?")
        if len(rest.split()) > 10:
            return None
        nya = m.group(1).casefold().endswith("nya")
        phrase = self._clitic(cue) if nya else self._phrase_after(cue.end)
        return self._content(cue, phrase, s, s + m.start())

    def _clitic(self, cue: Span) -> SpeakerPhrase:
        return SpeakerPhrase(cue.end - 3, cue.end, "nya", "clitic")

    # -- phrases ---------------------------------------------------------------
    def _phrase_after(self, pos: int) -> SpeakerPhrase | None:
        """The speaker named right after a cue: a pronoun, a role and name
        ("Kepala KPP Pratama Klaten, Veronica Heryanti"), or a short description
        ("selebaran itu", "seorang warga")."""
        c = self.cues
        i = bisect.bisect_left(self.token_starts, pos)
        tokens = self.doc.tokens
        picked: list = []
        in_role = False
        lower_run = 0
        while i < len(tokens) and len(picked) < 24:
            t = tokens[i]
            low = t.lower_
            if not picked and low in c.pronouns:
                return SpeakerPhrase(t.idx, t.idx + len(t.text), t.text, "pronoun")
            bracket = _bracketed_short_form(tokens, i) if picked and t.text == "(" else 0
            if bracket:  # "Kepala Badan Pusat Statistik (BPS) Amalia …": the role goes on
                picked.extend(tokens[i:i + bracket])
                i += bracket
                continue
            if t.is_space or (t.is_punct and t.text not in ",.'-&") or low in c.stops:
                break
            if t.text == "," and not in_role:
                break
            if t.text == "." and not (picked and picked[-1].text[:1].isupper()
                                      and len(picked[-1].text) <= 2):
                break
            title = is_title(t.text)
            in_role = in_role or title
            if t.text[:1].isupper() or title or t.is_punct or t.like_num:
                lower_run = 0
            elif low in c.connectors or low == "dan" or (in_role and lower_run < 3
                                                         and t.is_alpha):
                lower_run += 1
            else:
                break
            picked.append(t)
            if "\n" in t.whitespace_:
                break
            i += 1
        # the phrase ends with its last capitalised word (or a title), not with a short
        # form in brackets: "Kamus Besar Bahasa Indonesia (KBBI)" is the name before it
        while picked and not (picked[-1].text[:1].isupper() or is_title(picked[-1].text)
                              or picked[-1].text == ")"):
            picked.pop()
        if picked and picked[-1].text == ")":
            picked = picked[:max(k for k, t in enumerate(picked) if t.text == "(")]
        if picked:
            start, end = picked[0].idx, picked[-1].idx + len(picked[-1].text)
            return SpeakerPhrase(start, end, self.text[start:end], "name")
        window = self.text[pos:pos + 80]
        named = re.match(r"\s*[a-z][^,.;:“”\"\n]{0,60},\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})",
                         window)
        if named:  # "kata warga asal Ungaran yang melintas, Dhiko"
            start = pos + named.start(1)
            return SpeakerPhrase(start, pos + named.end(1), named.group(1), "name")
        m = re.match(rf"\s*((?:[a-z][\w-]*)(?:\s+[a-z][\w-]*){{0,3}}?\s+(?:{c.demonstratives}))\b",
                     window)
        if m is None:
            m = re.match(rf"\s*((?:{c.quantifiers})"
                         r"\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)", window)
        if m:
            start = pos + m.start(1)
            return SpeakerPhrase(start, pos + m.end(1), m.group(1), "description")
        return None

    def _subject_before(self, verb_start: int, clause_start: int) -> SpeakerPhrase | None:
        """The subject noun phrase standing before a reporting verb."""
        c = self.cues
        seg_start = clause_start
        segment = self.text[clause_start:verb_start]
        appositive = re.match(r"\s*([A-Z][^,]{1,80}),\s([^,]{2,80}),\s*$", segment)
        if appositive:
            # "Alex Pastoor, asisten Kluivert, menegaskan …": the name comes first;
            # "Ketua Unit Komunikasi Publik Unud, Ni Nyoman …, mengatakan": second
            first = appositive.group(1).split()[0]
            group = 2 if (is_title(first) or first.casefold() in load_words("common_words")) \
                else 1
            words = appositive.group(group).split()
            if all(w[:1].isupper() for w in words) and len(words) <= 6:
                start = clause_start + appositive.start(group)
                return SpeakerPhrase(start, clause_start + appositive.end(group),
                                     appositive.group(group), "name")
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
        if not phrase or len(phrase.split()) > 12:
            return None
        if phrase.casefold() in c.pronouns:
            return SpeakerPhrase(start, end, phrase, "pronoun")
        if phrase.split()[-1] in c.demonstrative_words:
            return SpeakerPhrase(start, end, phrase, "description")
        if any(w[:1].isupper() for w in phrase.split()):
            if phrase[:1].islower():
                return SpeakerPhrase(start, end, phrase, "description")
            return SpeakerPhrase(start, end, phrase, "name")
        return SpeakerPhrase(start, end, phrase, "description")


def _bracketed_short_form(tokens: list[Tok], i: int, longest: int = 3) -> int:
    """How many tokens a bracketed short form opening at ``tokens[i]`` spans ("(", "BPS",
    ")"; up to ``longest`` capitalised words inside, no space or line break), or 0."""
    for j in range(i + 1, min(i + longest + 2, len(tokens))):
        t = tokens[j]
        if t.text == ")":
            return j - i + 1 if j > i + 1 else 0
        if not t.text[:1].isupper() or "\n" in tokens[j - 1].whitespace_:
            return 0
    return 0


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
