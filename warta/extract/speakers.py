"""Who is speaking: from the words that attribute a quote to an entity.

A quote's attribution ("kata Gubernur Abdul Wahid", "ujarnya", "Dia menambahkan",
"baca selebaran itu", "Baik pejabat Israel maupun AS telah menyarankan") is first
cut out of the text by :mod:`warta.extract.quotes` as a :class:`SpeakerPhrase`;
this module turns the phrase into a :class:`~warta.schema.Speaker`:

* a name (or short name) is looked up among the entities, so the speaker gets
  the fullest name the article uses anywhere;
* a bare title ("kata Menkeu") finds the person who holds that role;
* a pronoun or -nya finds the most salient person before it: the subject of the
  latest sentence that mentions a person, or the latest speaker if that is more
  recent;
* a description ("selebaran itu") stays a description, with the entity behind
  it named in ``note`` when an earlier sentence says who produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from warta.extract.entities import entity_at
from warta.extract.names import is_acronym, is_office_noun, is_title
from warta.lang.data import load_json, load_words
from warta.lang.gazetteer import is_gpe
from warta.nlp.document import AnalysedDocument
from warta.nlp.syntax import is_subject_at
from warta.schema import Entity, Mention, Quote, Speaker

PhraseKind = Literal["name", "pronoun", "clitic", "description"]


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    start: int
    end: int
    text: str
    kind: PhraseKind


@dataclass
class SpeakerResolver:
    """Resolves phrases in document order, remembering who spoke last."""

    doc: AnalysedDocument
    entities: list[Entity]
    quoted: list[tuple[int, int]]  # direct-quote contents: names there are not speakers
    reported: list[tuple[int, int]] = field(default_factory=list)  # indirect contents
    history: list[tuple[int, Speaker]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # named speakers the name finder missed become entities here, so that a
        # later "ujarnya" can refer to them; add_speaker_mentions materialises them
        self.entities = list(self.entities)
        self._known = {e.id for e in self.entities}
        self._speaking: set[str] = set()  # untyped names that speak are people
        self._by_id: dict[str, Entity] = {}  # the first entity of each id, as a lookup
        for e in self.entities:
            self._by_id.setdefault(e.id, e)

    def resolve(self, phrase: SpeakerPhrase | None, position: int) -> Speaker | None:
        if phrase is None:
            return None
        if phrase.kind in ("pronoun", "clitic"):
            speaker = self._pronoun(phrase, position)
        elif phrase.kind == "name":
            speaker = self._name(phrase)
        else:
            speaker = self._description(phrase, position)
        if speaker is not None:
            self.history.append((position, speaker))
        return speaker

    def continue_last(self, position: int, max_gap: int = 1200) -> Speaker | None:
        """The latest speaker, for a quote that goes on without a new attribution."""
        if self.history and position - self.history[-1][0] <= max_gap:
            speaker = self.history[-1][1]
            self.history.append((position, speaker))
            return speaker
        return None

    # -- phrase kinds -------------------------------------------------------
    def _name(self, phrase: SpeakerPhrase) -> Speaker:
        people = [(e, m) for e, m in self._entities_in(phrase.start, phrase.end)
                  if e.type == "PER"]
        if people:  # the name closes the phrase: "Kepala BPS Amalia Adininggar"
            entity, mention = max(people, key=lambda em: em[1].end)
            return Speaker(entity.name, entity.id, mention.start, mention.end, mention.text,
                           "name")
        run = self._name_run(phrase)
        if run is not None:
            start, end = run
            entity = entity_at(self.entities, start, end)
            text = self.doc.text[start:end]
            if entity is None:
                entity = self._speaker_entity(text)
            if entity.type in ("PER", "LOC", None):  # places do not speak: a mistyped person
                if entity.type == "LOC" or _looks_personal(entity.name, phrase.text):
                    self._speaking.add(entity.id)
                return Speaker(entity.name, entity.id, start, end, text, "name")
        bare = " ".join(w for w in phrase.text.split() if not is_title(w))
        others = [(e, m) for e, m in self._entities_in(phrase.start, phrase.end)
                  if e.type == "ORG" or m.text == bare]
        if others:  # "kata KPK", "ujar Polda Metro Jaya" — but "Warga Bandung" is not Bandung
            entity, mention = max(others, key=lambda em: em[1].end - em[1].start)
            return Speaker(entity.name, entity.id, mention.start, mention.end, mention.text,
                           "name")
        holder = self._role_holder(phrase.text.split())
        if holder is not None:  # "kata Menkeu": the person holding the role
            return Speaker(holder.name, holder.id, phrase.start, phrase.end, phrase.text,
                           "description")
        return Speaker(phrase.text, None, phrase.start, phrase.end, phrase.text, "description")

    def _speaker_entity(self, name: str) -> Entity:
        """The speaker entity created earlier for this name (or a fuller form of
        it), or a new one."""
        words = set(name.casefold().split())
        for e in self.entities:
            if e.id not in self._known and (words <= set(e.name.casefold().split())):
                return e
        entity = Entity(id=f"E{len(self.entities) + 1}", name=name, type="PER")
        self.entities.append(entity)
        self._by_id.setdefault(entity.id, entity)
        return entity

    def _name_run(self, phrase: SpeakerPhrase) -> tuple[int, int] | None:
        """The personal name ending a role phrase: capitalised words read back from
        the end until a title, an acronym, a place, a portfolio or a comma."""
        words = [(m.start() + phrase.start, m.group(0))
                 for m in re.finditer(r"\S+", phrase.text)]
        run: list[tuple[int, int]] = []
        for start, word in reversed(words):
            if word.endswith(",") and run:
                break
            bare = word.rstrip(",")
            if not bare[:1].isupper() or is_title(bare) or is_gpe(bare) or \
                    is_office_noun(bare) or (is_acronym(bare) and (run or len(words) > 1)):
                break  # "Menteri Ketenagakerjaan": the office, not a name
            run.append((start, start + len(bare)))
        if not run:
            return None
        start, end = run[-1][0], run[0][1]
        if _names_no_one(self.doc.text[start:end], self.doc.lower_case_words()):
            return None  # "Selain itu, …", "Pemerintah menyebut …": no person's name
        return start, end

    def _pronoun(self, phrase: SpeakerPhrase, position: int) -> Speaker | None:
        pronouns = load_json("pronouns")
        plural = phrase.text.casefold() in pronouns["plural"]
        wanted = ("ORG", "GPE") if plural else ("PER",)
        referent = self._salient_before(position, wanted)
        if referent is None:
            return Speaker(phrase.text, None, phrase.start, phrase.end, phrase.text, "pronoun")
        return Speaker(referent.name, referent.id, phrase.start, phrase.end, phrase.text,
                       "pronoun")

    def _description(self, phrase: SpeakerPhrase, position: int) -> Speaker:
        inside = [em for em in self._entities_in(phrase.start, phrase.end)]
        note = None
        head = phrase.text.split()[0].casefold()
        words = phrase.text.casefold().split()
        if words[-1] in load_json("speech_cues")["demonstratives"] and (
                head in load_json("pronouns")["person_nouns"] or is_title(head)):
            # "Ketua DPP PDIP ini", "Pria itu": points back to a person
            person = self._salient_before(position, ("PER",))
            if person is not None:
                return Speaker(person.name, person.id, phrase.start, phrase.end, phrase.text,
                               "description")
        producer = self._producer_of(head, position) if len(phrase.text.split()) <= 3 else None
        if producer is not None:
            note = f"issued by {producer.name}"
            return Speaker(phrase.text, producer.id, phrase.start, phrase.end, phrase.text,
                           "description", note)
        if len(inside) == 1 and inside[0][0].type in ("ORG",) and \
                len(phrase.text.split()) <= len(inside[0][1].text.split()) + 2:
            entity, _ = inside[0]
            return Speaker(entity.name, entity.id, phrase.start, phrase.end, phrase.text,
                           "description")
        return Speaker(phrase.text, None, phrase.start, phrase.end, phrase.text, "description")

    # -- lookups --------------------------------------------------------------
    def _entities_in(self, start: int, end: int) -> list[tuple[Entity, Mention]]:
        found = []
        for e in self.entities:
            for m in e.mentions:
                if m.start >= start and m.end <= end and m.kind != "pronoun":
                    found.append((e, m))
        return found

    def _is_quoted(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.quoted)

    def _salient_before(self, position: int, types: tuple[str, ...]) -> Entity | None:
        """Who a pronoun means: the latest speaker, unless a fitting entity was
        made the subject of the sentence just before (outside reported speech);
        with no speaker yet, the latest subject, else the first fitting entity of
        the latest sentence naming one (subjects come first)."""
        last = next(((pos, sp) for pos, sp in reversed(self.history)
                     if sp.entity and self._type_of(sp.entity) in types), None)
        since = last[0] if last else -1
        here = self.doc.sentence_index(position)  # a new subject must be this close
        best_sentence, best = -1, None
        openers: list[tuple[int, Entity]] = []  # mentions that open their sentence
        for e in self.entities:
            if self._type_of(e.id) not in types:
                continue
            for m in e.mentions:
                if m.start >= position or self._is_quoted(m.start) or m.kind == "pronoun":
                    continue
                if m.start > since and not any(a <= m.start < b for a, b in self.reported) \
                        and self._opens_sentence(m.start) and not self._hearsay_after(m.end):
                    openers.append((m.start, e))
                s = self.doc.sentence_index(m.start)
                if s > best_sentence or (s == best_sentence and best and m.start < best[1]):
                    best_sentence, best = s, (e, m.start)
        # latest first; the parse (the costly check) only until one passes, and not for
        # the last speaker, who is the answer either way
        openers.sort(key=lambda pair: -pair[0])
        speaker = last[1].entity if last else None
        subject = next((e for start, e in openers if self.doc.sentence_index(start) >= here - 1
                        and (e.id == speaker or self._parse_agrees(start))), None)
        if subject is not None and subject.id != speaker:
            return subject
        if speaker is not None:
            return next(e for e in self.entities if e.id == speaker)
        # nobody has spoken yet: the latest subject
        any_subject = next((e for start, e in openers if self._parse_agrees(start)), None)
        if any_subject is not None:
            return any_subject
        return best[0] if best else None

    def _hearsay_after(self, offset: int) -> bool:
        """"AL disebut menuding …", "AL juga dilaporkan …": the subject of a hearsay verb
        (``hearsay_verbs``, after at most one auxiliary) is what a report is about, no
        new speaker."""
        cues = load_json("speech_cues")
        words = [w.casefold() for w in self.doc.text[offset:offset + 40].split()[:2]]
        if words and words[0] in cues["auxiliaries"]:
            words = words[1:]
        return bool(words) and words[0] in cues["hearsay_verbs"]

    def _opens_sentence(self, offset: int) -> bool:
        """A mention in the opening noun phrase of its sentence (after a fronted
        phrase and its comma: "Pengacara terdakwa, Tuti Wijaya menyampaikan …"),
        not the object of a verb ("Ia lalu bertemu Prasetyo Hadi")."""
        sentence = self.doc.sentences[self.doc.sentence_index(offset)]
        segment = self.doc.text[sentence.start:offset].rsplit(",", 1)[-1]
        words = segment.split()
        pronouns = load_json("pronouns")
        personal = set(pronouns["singular"]) | set(pronouns["plural"])
        openers = set(load_json("speech_cues")["clause_openers"])
        return len(words) <= 8 and all(
            (w[:1].isupper() and w.casefold() not in personal) or is_title(w)
            or w.casefold() in openers for w in words)

    def _parse_agrees(self, offset: int) -> bool:
        """The parse, where the model has a parser, makes the mention a subject: the
        opening words may be a fronted phrase without a comma ("Menurut AHY
        pemerintah terus mencari …"). Without a parser the word shape decides."""
        index = self.doc.sentence_index(offset)
        parse = self.doc.sentence_parse(index)
        return parse is None or is_subject_at(parse, offset - self.doc.sentences[index].start)

    def _type_of(self, entity_id: str) -> str | None:
        entity = self._by_id.get(entity_id)
        if entity is not None and entity_id in self._speaking:
            return "PER"
        return entity.type if entity else None

    def _role_holder(self, words: list[str]) -> Entity | None:
        """The person whose stated role has these title words, abbreviated or
        written out ("kata Menkeu" → "Menteri Keuangan Purbaya …")."""
        expansions = load_json("title_abbreviations")
        wanted = [w.casefold() for w in words if is_title(w)]
        if not wanted:
            return None
        for e in reversed(self.entities):
            for role in e.roles:
                role_text = " " + " ".join(role.text.casefold().split()) + " "
                if all(f" {w} " in role_text or f" {expansions.get(w, '#')} " in role_text
                       for w in wanted):
                    return e
        return None

    def _producer_of(self, noun: str, position: int) -> Entity | None:
        """Who produced the thing ("selebaran") an earlier sentence mentions:
        the speaker or first entity of the first sentence naming it."""
        if not re.fullmatch(r"[a-z]+", noun):
            return None
        pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
        for sentence in self.doc.sentences:
            if sentence.start >= position:
                break
            m = pattern.search(self.doc.text, sentence.start, sentence.end)
            if not m:
                continue
            for pos, sp in self.history:
                if sentence.start <= pos < sentence.end and sp.entity:
                    return next(e for e in self.entities if e.id == sp.entity)
            first = entity_at_first(self.entities, sentence.start, m.start())
            if first is not None:
                return first
        return None


def _looks_personal(name: str, phrase: str) -> bool:
    """An untyped speaker is a person when a title introduces it ("kata Kapolres
    Budi"), when it is initials ("kata S"), or a name of several words."""
    words = phrase.split()
    return (len(words) > len(name.split()) and is_title(words[0])) \
        or (name.isupper() and len(name) <= 3) or len(name.split()) >= 2


def entity_at_first(entities: list[Entity], start: int, end: int) -> Entity | None:
    best = None
    for e in entities:
        for m in e.mentions:
            if start <= m.start < end and (best is None or m.start < best[1]):
                best = (e, m.start)
    return best[0] if best else None


def add_speaker_mentions(entities: list[Entity], quotes: list[Quote], *,
                         has_ner_model: bool | None = None
                         ) -> tuple[list[Entity], list[Quote]]:
    """Give entities the pronoun and title mentions that quotes resolved to them,
    and make an entity of each named speaker the name finder missed. ``has_ner_model``:
    a statistical NER ran (default: some entity is typed)."""
    known = {e.id for e in entities}
    extra: dict[str, list[Mention]] = {}
    created: dict[str, Entity] = {}
    speaking: set[str] = set()
    for q in quotes:
        sp = q.speaker
        if sp is None or sp.entity is None:
            continue
        if sp.entity not in known:
            entity = created.setdefault(sp.entity, Entity(id=sp.entity, name=sp.name,
                                                          type="PER"))
            extra.setdefault(sp.entity, []).append(
                Mention(sp.start, sp.end, sp.text, "pronoun" if sp.kind == "pronoun" else "name"))
            if len(sp.name) > len(entity.name) and sp.kind == "name":
                created[sp.entity] = replace(entity, name=sp.name)
        elif sp.kind == "name" and _looks_personal(sp.name, sp.text):
            speaking.add(sp.entity)
        elif sp.kind == "pronoun" or (sp.kind == "description" and sp.note is None):
            extra.setdefault(sp.entity, []).append(Mention(sp.start, sp.end, sp.text, sp.kind))
    merged = []
    for e in [*entities, *created.values()]:
        if e.type in (None, "LOC") and e.id in speaking:
            e = replace(e, type="PER")
        if e.id in extra:
            spans = {(m.start, m.end) for m in e.mentions}
            added = {(m.start, m.end): m for m in extra[e.id] if (m.start, m.end) not in spans}
            e = replace(e, mentions=sorted([*e.mentions, *added.values()],
                                           key=lambda m: m.start))
            names = [m.text for m in e.mentions if m.kind == "name"]
            if e.id not in known and names:
                e = replace(e, aliases=sorted({n for n in names if n != e.name}))
        merged.append(e)
    return _without_ungrounded(merged, quotes, has_ner_model)


def _without_ungrounded(entities: list[Entity], quotes: list[Quote],
                        has_ner_model: bool | None = None
                        ) -> tuple[list[Entity], list[Quote]]:
    """With a statistical NER, a capitalised run it did not type ("Self Regulatory
    Organization", "Tonton") is kept only when something else vouches for it: a
    stated alias, or a quote it speaks.  Kept for an alias, it is a name of some other
    kind (MISC): what an article defines with an acronym but the model does not take
    for a person, body or place is mostly a programme, event, product or term ("Renewable
    Energy Certificate (REC)", "Trade Expo Indonesia (TEI)").  Ids are renumbered in
    text order."""
    if has_ner_model is None:
        has_ner_model = any(e.type for e in entities)
    if not has_ner_model:
        return entities, quotes  # no model: the untyped candidates are all we have
    speaking = {q.speaker.entity for q in quotes if q.speaker and q.speaker.entity}
    kept = [e for e in entities if e.type or e.id in speaking
            or any(m.kind in ("alias", "acronym") for m in e.mentions)]
    kept = [replace(e, type="MISC") if e.type is None and e.id not in speaking else e
            for e in kept]
    kept.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    ids = {e.id: f"E{n}" for n, e in enumerate(kept, 1)}
    kept = [replace(e, id=ids[e.id]) for e in kept]
    quotes = [q if not (q.speaker and q.speaker.entity) else
              replace(q, speaker=replace(q.speaker, entity=ids.get(q.speaker.entity)))
              for q in quotes]
    return kept, quotes


def _names_no_one(text: str, lower_case: frozenset[str]) -> bool:
    """A capitalised word that is no name: a sentence opener ("Selain"), a kind of body
    written alone ("Pemerintah", "DPRD"), a common word the article also writes in lower
    case ("Polisi"; not "Akbar" or "Fajar", names that are also words), a common word
    with a clitic ("Semboyannya", "Keduanya")."""
    words = load_json("name_words")
    if text in words["not_names"] or text in words["generic_bodies"]:
        return True
    word = text.casefold()
    common = load_words("common_words")
    return " " not in word and ((word in common and word in lower_case)
                                or (word.endswith("nya") and word[:-3] in common))
