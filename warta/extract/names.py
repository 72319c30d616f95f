"""Name mentions: where the text names a person, organisation or place.

The statistical NER of the nlp layer proposes typed spans.  Capitalisation is a
strong second signal in Indonesian, where common nouns are written in lower
case mid-sentence: capitalised token runs the model did not tag are kept as
untyped candidates.  Leading titles ("Presiden", "Kapolres AKBP") are cut off a
name and returned as the role phrase written before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress

from warta.lang.data import alternation, load_json, load_words
from warta.lang.gazetteer import admin_heads, gpe_names, is_gpe, is_known_org
from warta.nlp.document import AnalysedDocument, NamedSpan, Tok
from warta.text.headlines import promotion_lines

# Functions of a name's string are cached, within bounds: a process that analyses
# millions of articles must not keep every name it has ever seen.
NAME_CACHE_SIZE = 1 << 16


@dataclass(frozen=True, slots=True)
class NameMention:
    start: int
    end: int
    text: str
    label: str | None  # PER/ORG/GPE/LOC/MISC or None (untyped candidate)


def titles() -> frozenset[str]:
    return load_words("titles")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 10 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


@cache
def _initial_connectors() -> frozenset[str]:
    """Words an acronym skips ("Badan Pengawas Obat dan Makanan" is BPOM, "Food and
    Agriculture Organization" FAO)."""
    return frozenset(load_json("name_words")["connectors"]) | {
        "dan", "di", "untuk", "&", "and", "of", "for", "on", "the"}


@lru_cache(maxsize=NAME_CACHE_SIZE)
def initials(name: str) -> str:
    """"kpk" for "Komisi Pemberantasan Korupsi"; "" for a one-word name."""
    words = [w for w in name.split() if w.casefold() not in _initial_connectors()]
    return "".join(w[0] for w in words).casefold() if len(words) > 1 else ""


def is_title(word: str) -> bool:
    return word.casefold() in titles()


@cache
def _multiword_title_words() -> frozenset[str]:
    return frozenset(w for title in load_words("multiword_titles") for w in title.split())


def _is_title_at(tokens: list[Tok], i: int) -> bool:
    """A title word, or a word of a multi-word office ("Wali Kota", "Perdana Menteri");
    not the first word of a compound such as "Ibu Kota" (``not_title_compounds``)."""
    if is_title(tokens[i].text):
        following = " ".join(t.lower_ for t in tokens[i:i + 2])
        return following not in load_json("name_words")["not_title_compounds"]
    if tokens[i].lower_ not in _multiword_title_words():
        return False
    multi = load_words("multiword_titles")
    for lo in range(max(0, i - 3), i + 1):
        for hi in range(i + 1, min(len(tokens), lo + 4) + 1):
            if " ".join(t.lower_ for t in tokens[lo:hi]) in multi:
                return True
    return False


def _is_capitalised(token: Tok) -> bool:
    text = token.text
    return text[:1].isupper() and (token.is_alpha or any(c.isalpha() for c in text))


def _capitalised_flags(tokens: list[Tok]) -> list[bool]:
    """:func:`_is_capitalised` of every token, read once: the name scan asks up to
    three times per token."""
    return list(map(_is_capitalised, tokens))


_ALNUM = re.compile(r"[^\W_]")


def _first_words(doc: AnalysedDocument) -> list[int]:
    """Offset of the first letter or digit from each sentence's start (the text's
    length when there is none): what :func:`_sentence_initial` compares against."""
    found = (_ALNUM.search(doc.text, s.start) for s in doc.sentences)
    return [m.start() if m else len(doc.text) for m in found]


def _sentence_initial(doc: AnalysedDocument, token: Tok, first_words: list[int]) -> bool:
    """True when only punctuation (an opening quote, a bracket) stands between the
    start of the token's sentence and the token."""
    index = doc.sentence_index(token.idx)
    sentence = doc.sentences[index]
    before = doc.text[max(sentence.start, token.idx - 2):token.idx].rstrip()
    return first_words[index] >= token.idx \
        or before[-1:] in ("“", "\"", "‘")  # a quotation opens like a sentence


def find_name_mentions(doc: AnalysedDocument) -> list[NameMention]:
    """Typed NER spans plus untyped capitalised runs, titles cut off, in text order."""
    words = load_json("name_words")
    not_names = frozenset(words["not_names"])
    connectors = frozenset(words["connectors"])
    inner = frozenset(words["inner_words"])
    text = doc.text
    found: list[NameMention] = []
    covered = [False] * len(text)
    nicknames = frozenset(text[s.start:s.end] for s in doc.names
                          if _after_nickname_cue(text, s.start))
    spans = _joined_person_spans(doc.names, text)
    taken = 0  # end of the last span that swallowed the next one over a hyphen
    for k, span in enumerate(spans):
        if span.start < taken or not text[span.start:span.start + 1].isupper():
            continue  # names are capitalised; a lower-case "name" is a model error
        end = _whole_word_end(text, span.end)
        if k + 1 < len(spans) and spans[k + 1].start < end:
            # "Agnes Pannier" + "-" + "Runacher": a given name and a double-barrelled
            # surname, one person; "Prabowo" + "-" + "Gibran", "Tol Jakarta" + "-" +
            # "Bandung", "Prabowo Subianto" + "-" + "Gibran Rakabuming Raka": two names
            nxt = spans[k + 1]
            if span.label == nxt.label == "PER" and " " in text[span.start:span.end] \
                    and " " not in text[nxt.start:nxt.end]:
                taken = end
            else:
                end = span.end
        start, end = _strip_titles(doc, span.start, end, span.label, nicknames)
        while end > start and " " in text[start:end] and \
                not text[start:end].rsplit(" ", 1)[1][:1].isupper():
            end = start + text[start:end].rindex(" ")  # "Sony kepadadetikJabar"
        if span.label == "ORG":
            end = _with_legal_form(text, end)
        elif span.label in ("GPE", "LOC"):
            end = _with_compass_word(text, end)
        if start < end:
            found.append(NameMention(start, end, text[start:end], span.label))
            for k in range(start, end):
                covered[k] = True

    first_words = _first_words(doc)
    capitalised_at: dict[str, list[int]] = {}  # word → offsets, not opening a sentence
    tokens = doc.tokens
    capitalised = _capitalised_flags(tokens)
    for t in compress(tokens, capitalised):
        if not _sentence_initial(doc, t, first_words):
            capitalised_at.setdefault(t.text, []).append(t.idx)
    capitalised_elsewhere = capitalised_at.keys()
    i = 0
    while i < len(tokens):
        if not capitalised[i]:  # most tokens: jump to the next capitalised one (in C)
            try:
                i = capitalised.index(True, i)
            except ValueError:
                break
        tok = tokens[i]
        if tok.text in not_names or covered[tok.idx] \
                or tok.text.rstrip(".") in _degrees():  # "Koestoer PhD": no more name
            i += 1
            continue
        j = i
        while j + 1 < len(tokens):
            nxt = tokens[j + 1]
            if tokens[j].whitespace_ == "" and nxt.is_punct:
                break
            inside = nxt.text in inner and j + 2 < len(tokens) and capitalised[j + 2]
            if capitalised[j + 1] and (nxt.text not in not_names or inside) \
                    and not covered[nxt.idx] and nxt.text.rstrip(".") not in _degrees():
                j += 1
            elif (nxt.lower_ in connectors and j + 2 < len(tokens)
                  and capitalised[j + 2]):
                j += 2
            else:
                break
        run = tokens[i:j + 1]
        i = j + 1
        # drop leading title words; what remains is the candidate name
        k = 0
        while k < len(run) and _is_title_at(tokens, run[k].i) and not (
                k == len(run) - 2 and run[k].text in load_json("name_words")["nickname_titles"]):
            k += 1
        run = run[k:]
        trailing = 0
        while run and _is_title_at(tokens, run[-1].i):  # "Kapolda Metro Jaya Irjen" Karyoto
            run, trailing = run[:-1], trailing + 1
        if not len(run):
            continue
        if k and trailing and not (len(run) == 1 and _is_role_anchor([run[0].text])):
            continue  # between two titles: part of an office ("Kapolda Metro Jaya Irjen")
        if (k or (run[0].i > 0 and _is_title_at(tokens, run[0].i - 1))) \
                and all(t.lower_ in load_words("common_words") or is_office_noun(t.text)
                        for t in run) \
                and run[0].text not in words["org_name_heads"]:
            continue  # "Menteri Luar Negeri …", "Menteri Ketenagakerjaan": the office
        first = run[0]
        if _sentence_initial(doc, first, first_words) and len(run) == 1 \
                and first.text not in capitalised_elsewhere:
            continue
        run_start, end = run[0].idx, _whole_word_end(text, run[-1].idx + len(run[-1].text))
        start, end = _strip_titles(doc, run_start, end, None, nicknames)
        role_part = text[run_start:start].strip()
        if role_part and (is_gpe(role_part) or _is_role_anchor([role_part])) \
                and " " not in role_part.strip():
            found.append(NameMention(run_start, run_start + len(role_part), role_part, None))
        found.append(NameMention(start, end, text[start:end], None))
    concepts = load_words("concept_acronyms")
    found = [_typed(m) for m in _drop_sentence_initial_words(doc, found, first_words)
             if m.text not in concepts]
    found.sort(key=lambda m: (m.start, -m.end))
    promotion = promotion_lines(text)
    found = _joined_parts(_split_trailing_people(found, text), text, promotion)
    found = _split_hyphenated_pairs(_extended_to_acronym(found, text), text)
    found = _names_in_promotion_lines(doc, found, promotion, capitalised_at)
    found = _with_media_brands(found, text)
    generic = frozenset(load_json("name_words")["generic_bodies"])
    # "DPRD" alone is a kind of body; "Selain", "Dirinya" typed by the model are no names
    found = [m for m in found if m.text not in generic and m.text not in not_names]
    found = _without_party_organs(_with_bracketed_short_forms(found, text), text)
    found = _without_portfolio_acronyms(_without_list_numbers(found, text), text)
    return _people_with_ages(_split_leading_places(found, text), text)


_GLUED_NUMBER = re.compile(r"(?<=[A-Za-z]{2})[0-9]{1,2}$")


@cache
def _degrees() -> frozenset[str]:
    return frozenset(load_words("academic_degrees"))


def _without_list_numbers(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Menteri HAM Natalius Pigai4. Menteri Kehutanan Raja Juli Antoni5. …": a scraped
    list lost its line breaks, and the next item's number is glued to the name before
    it; the number, followed by the item's full stop, is no part of the name ("G20."
    keeps its number: one letter before it)."""
    out = []
    for m in mentions:
        glued = _GLUED_NUMBER.search(m.text)
        if glued and text[m.end:m.end + 1] == ".":
            end = m.start + glued.start()
            m = NameMention(m.start, end, text[m.start:end], m.label)
        out.append(m)
    return out
_BRACKETED_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]{1,9})\)")


def _extended_to_acronym(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Kedutaan Besar Republik Indonesia (KBRI)" where the model began the name at
    "Besar" or "Republik": the acronym in brackets spells the capitalised words before
    the name, so the name takes them, with the untyped run they were read as (only a
    body's or a place's name the model typed; never across a typed mention or out of
    the sentence). A place grows only into a body's name ("Kedutaan Besar Republik
    Indonesia", not "Warga Negara Indonesia"); a term's acronym (``concept_acronyms``:
    "HAM", "WNI") and a portfolio after a title ("Menteri Agraria dan Tata Ruang
    (ATR)", an office) leave the name as it is; a body's name after a title grows
    ("Anggota Asosiasi Studi Sosio-Legal Indonesia (ASSLESI)"). Syllable acronyms
    ("Perkumpulan untuk Pemilu dan Demokrasi (Perludem)") are spelled as Schwartz and
    Hearst spell them (:func:`_explained_from`)."""
    out: list[NameMention] = []
    label_at = {p.start: p.label for p in mentions}
    for m in mentions:
        after = _BRACKETED_ACRONYM.match(text, m.end)
        # an untyped run before an acronym the model typed ORG: "Organization of the
        # Petroleum Exporting Countries (OPEC)", when the acronym spells all of it
        spelled_body = after is not None and m.label is None \
            and label_at.get(after.start(1)) == "ORG"
        if after and m.label == "ORG":
            m = _body_in_its_building(m, after.group(1).casefold())
        if after and out and m.label != "ORG" and _spell_one_name(
                out[-1], m, text, after.group(1).casefold()):
            # "PT Roatex Indonesia" + "Tollroad System" (RITS): one company's name
            m = NameMention(out[-1].start, m.end, text[out[-1].start:m.end], "ORG")
            out.pop()
        if after and (m.label in ("ORG", "GPE", "LOC") or spelled_body) \
                and (is_acronym(after.group(1))
                     or m.label is not None and _syllable_acronym(after.group(1))):
            letters = after.group(1).casefold()
            own = initials(m.text) or m.text[:1].casefold()
            floor = max((p.end for p in out if p.label is not None), default=0)
            start = m.start
            if len(letters) > len(own) and letters.endswith(own):
                start = _start_spelling(text, floor, m.start, letters[:-len(own)])
            elif m.label is not None and _explained_from(m.text, letters) is None:
                start = _start_explaining(text, floor, m.start, m.end, letters)
            spelled = text[start:m.end]
            # "Kementerian Perumahan dan Kawasan Permukiman (PKP)": the acronym spells
            # the portfolio, the body's head before it is part of the name all the same
            head = _body_head_before(text, floor, start) if m.label in ("ORG", None) else None
            start = start if head is None else head
            taken = text[start:m.start].split()
            body = bool(taken) and taken[0] in load_json("name_words")["org_name_heads"]
            office = text[floor:start].split()[-1:]  # "Menteri Agraria dan Tata Ruang (ATR)"
            if spelled_body and (initials(spelled) != letters
                                 or _common_words_only(spelled) and head is None):
                taken = []  # not all spelled, or a term ("Pajak Bumi dan Bangunan (PBB)":
                # the acronym the model typed ORG is a tax's)
            if taken and (m.label != "GPE" or body) \
                    and not (office and is_title(office[0]) and not body) \
                    and after.group(1) not in load_words("concept_acronyms"):
                out = [p for p in out if p.end <= start] + [
                    rest for p in out if p.start < start < p.end
                    for rest in [_untyped_rest(p, start, text)] if rest]
                label = "ORG" if m.label in ("GPE", None) or body else m.label
                m = NameMention(start, m.end, text[start:m.end], label)
        out.append(m)
    return out


def _spell_one_name(body: NameMention, rest: NameMention, text: str, letters: str) -> bool:
    """Whether a company's or a party's name (opening with ``org_heads``: "PT", "Partai")
    and the name right after it, which the model typed apart, together spell the
    acronym in brackets after them (the head spells nothing). Only those: "ASEAN" +
    "Petroleum Security Agreement (APSA)" is a body and the name of its treaty."""
    heads = load_json("name_words")["org_heads"]
    if body.label != "ORG" or body.end + 1 != rest.start or text[body.end] != " " \
            or body.text.split()[0] not in heads:
        return False
    words = body.text.split()[1:] + rest.text.split()
    return len(words) > 2 and initials(" ".join(words)) == letters


def _body_in_its_building(m: NameMention, letters: str) -> NameMention:
    """"di Gedung Bursa Efek Indonesia (BEI)" typed as one body: the acronym spells the
    body's name without the building word (``venue_heads``), so the name is the body's
    and the building word is the place it is said to be in."""
    first, _, rest = m.text.partition(" ")
    if first in load_json("name_words")["venue_heads"] and initials(rest) == letters:
        return NameMention(m.end - len(rest), m.end, rest, "ORG")
    return m


def _body_head_before(text: str, floor: int, start: int) -> int | None:
    """Where the head of a body's name (``body_heads``: "Kementerian", "Badan") begins
    when it is the word right before ``start`` and after ``floor``; None otherwise."""
    match = re.search(r"(?:^|\s)(\w+) $", text[floor:start])
    if match and match.group(1) in load_json("name_words")["body_heads"]:
        return floor + match.start(1)
    return None


def _common_words_only(name: str) -> bool:
    common = load_words("common_words")
    return all(w.casefold() in common or w.casefold() in _initial_connectors()
               for w in name.split())


def _untyped_rest(m: NameMention, cut: int, text: str) -> NameMention | None:
    """What is left of an untyped run before ``cut``, if it still holds a name word."""
    rest = text[m.start:cut].rstrip()
    if not rest or _common_words_only(rest):
        return None
    return NameMention(m.start, m.start + len(rest), rest, None)


def _start_spelling(text: str, floor: int, start: int, letters: str) -> int:
    """Where the capitalised words right before ``start`` whose initials are
    ``letters`` begin (connectors between them spell nothing); ``start`` if none."""
    pos, needed = start, letters
    while needed:
        before = text[floor:pos - 1] if text[pos - 1:pos] == " " else ""
        if not before or before[-1].isspace():
            return start
        word = before.split()[-1]
        if not word[0].isalpha():
            return start
        if word.casefold() in _initial_connectors():
            pos -= len(word) + 1
            continue
        if not word[0].isupper() or word[0].casefold() != needed[-1]:
            return start
        pos, needed = pos - len(word) - 1, needed[:-1]
    return pos


def _syllable_acronym(word: str) -> bool:
    """"Perludem", "Bapelkes", "Dinkes": a capitalised word in brackets after a name,
    not a common word ("(Baru)"), may shorten it by syllables."""
    return word[:1].isupper() and word[1:].islower() and len(word) >= 4 \
        and word.casefold() not in load_words("common_words")


def _explained_from(name: str, letters: str) -> int | None:
    """Where in ``name`` the words begin whose letters spell ``letters`` in order, the
    first at a word's start (Schwartz & Hearst's test, 2003: "Perkumpulan untuk Pemilu
    dan Demokrasi" spells "perludem", "Sekolah Tinggi Agama Khonghucu Indonesia Negeri"
    "setiakin"); the latest such start, None if none. Syllable acronyms, common in
    Indonesian, are spelled this way, not by initials."""
    folded = name.casefold()
    pos = len(folded)
    for index in range(len(letters) - 1, -1, -1):
        while True:
            pos = folded.rfind(letters[index], 0, pos)
            if pos < 0:
                return None
            if index or pos == 0 or not folded[pos - 1].isalnum():
                break
    return pos


def _start_explaining(text: str, floor: int, start: int, end: int, letters: str) -> int:
    """Where the name before ``start`` begins that, with the rest up to ``end``, spells
    ``letters`` (:func:`_explained_from`): the capitalised words right before
    ``start`` (with connectors and hyphenated halves, "Sosio-Legal"), never more than
    the acronym has letters; ``start`` if they do not spell it."""
    words: list[int] = []
    pos = start
    while len(words) < len(letters):
        match = re.search(r"(?:^|[ -])([\w'’]+)[ -]$", text[floor:pos])
        if not match:
            break
        word = match.group(1)
        if not (word[0].isupper() or word.casefold() in _initial_connectors()):
            break
        pos = floor + match.start(1)
        words.append(pos)
    for candidate in words:  # nearest first: the shortest name that spells it
        if text[candidate].isupper():
            found = _explained_from(text[candidate:end], letters)
            if found == 0:
                return candidate
    return start


_ROMAN_LEVEL = re.compile(r"(?:I{1,2}) ")


def _without_party_organs(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"DPD II Golkar" is Golkar, "DPC PDIP Badung" is PDIP and Badung: a party's organ
    (``party_organs``) is not part of its name, and a region after the party is a place
    of its own; so is a region after a party the article names through an organ
    ("Golkar Sulsel").  Not "DPD RI": what follows the organ must not be a place."""
    words = load_json("name_words")
    organs, suffixes = words["party_organs"], words["country_suffixes"]
    read: list[tuple[NameMention, NameMention, NameMention | None, bool]] = []
    for m in _organs_joined(mentions, text, frozenset(organs)):
        first, _, rest = m.text.partition(" ")
        level = _ROMAN_LEVEL.match(rest)
        rest = rest[level.end():] if level else rest
        organ = m.label in ("ORG", None) and first in organs and rest[:1].isupper() \
            and not is_gpe(rest) and rest not in suffixes
        if organ:
            m = NameMention(m.end - len(rest), m.end, rest, "ORG")
        read.append((m, *_party_and_place(m), organ))  # the mention, party, place, organ
    parties = {party.text for _, party, _, organ in read if organ}
    out: list[NameMention] = []
    for m, party, place, organ in read:
        if place is not None and (organ or party.text in parties):
            out.extend([party, place])
        else:
            out.append(m)
    return out


_PORTFOLIO_WORD = re.compile(r"([A-Z][\w-]*|dan|,)$")


def _without_portfolio_acronyms(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Menteri Energi dan Sumber Daya Mineral (ESDM)": the words after a minister's
    title (``minister_titles``) up to a bracketed acronym are the portfolio, and the
    acronym is the portfolio's: an office, not a body's name, and neither is a mention
    (unless the words open with a body's head). Up to eleven words of portfolio."""
    minister = frozenset(load_json("name_words")["minister_titles"])
    heads = frozenset(load_json("name_words")["body_heads"])
    drop: list[tuple[int, int]] = []
    for m in mentions:
        if text[m.start - 2:m.start] != " (" or text[m.end:m.end + 1] != ")" \
                or not is_acronym(m.text):
            continue
        floor = max(0, m.start - 200)
        words = list(re.finditer(r"[^\s,]+|,", text[floor:m.start - 2]))[-12:]
        for k in range(len(words) - 1, -1, -1):
            if words[k].group() in minister:
                portfolio = words[k + 1:]
                if portfolio[:1] and portfolio[0].group() == "Koordinator":
                    portfolio = portfolio[1:]  # "Menteri Koordinator Bidang Pangan (…)"
                start = floor + portfolio[0].start() if portfolio else m.start
                if portfolio and portfolio[0].group() not in heads and not any(
                        p.label == "PER" and start <= p.start < m.start for p in mentions):
                    drop.append((start, m.end))  # not "… Kewilayahan Agus Harimurti
                    # Yudhoyono (AHY)": a person's name between, the acronym is theirs
                break
            if not _PORTFOLIO_WORD.match(words[k].group()):
                break
    return [m for m in mentions if not any(lo <= m.start and m.end <= hi for lo, hi in drop)]


_AGE_AFTER = re.compile(r" \(\d{1,2}\)")


def _people_with_ages(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Suci Anggraini (30) mengaku …": a name with an age in brackets after it is a
    person's, whatever the model typed it (every such name in the annotated articles is).
    Not a known place or body: "Cianjur (12), Bogor (8)" counts something per region."""
    out = []
    for m in mentions:
        if m.label != "PER" and _AGE_AFTER.match(text, m.end) \
                and not is_gpe(m.text) and not is_known_org(m.text):
            m = NameMention(m.start, m.end, m.text, "PER")
        out.append(m)
    return out


_ORGAN_GAP = re.compile(r" (?:I{1,2} )?")


def _organs_joined(mentions: list[NameMention], text: str,
                   organs: frozenset[str]) -> list[NameMention]:
    """"DPD" + "II" + "Golkar" found apart (the model tagged only the party, or only the
    organ): the organ, its level and the name after it as one mention, which
    :func:`_without_party_organs` reads as a party's organ. Only a name of a body or an
    untyped one right after the organ ("DPD Sultan Najamudin" stays a person)."""
    out: list[NameMention] = []
    skip_to = -1
    for k, m in enumerate(mentions):
        if m.start < skip_to:
            continue
        if m.text in organs and m.label in ("ORG", None):
            nxt = next((n for n in mentions[k + 1:] if n.start >= m.end
                        and not _ROMAN_LEVEL.fullmatch(n.text + " ")), None)
            if nxt is not None and nxt.label in ("ORG", None) \
                    and _ORGAN_GAP.fullmatch(text, m.end, nxt.start):
                out.append(NameMention(m.start, nxt.end, text[m.start:nxt.end], "ORG"))
                skip_to = nxt.end
                continue
        out.append(m)
    return out


def _split_leading_places(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Wali Kota Makassar Munafri Arifuddin", "Golkar Makassar Munafri": after an office
    or a body's name, a person's name that opens with a known place begins after it; the
    place is the office's region, a mention of its own. Only there: people are named
    after places ("Jakarta" is no one's given name, but the test would not know)."""
    bodies = {m.end for m in mentions if m.label in ("ORG", "GPE")}
    out: list[NameMention] = []
    for m in mentions:
        words = m.text.split(" ")
        cut = None
        if m.label == "PER" and len(words) > 1 and text[m.start - 1:m.start] == " ":
            before = text[max(0, m.start - 40):m.start].split()[-1:]  # the word before
            if before and (is_title(before[0]) or m.start - 1 in bodies
                           or before[0].casefold() in _multiword_title_words()):
                cut = next((k for k in range(len(words) - 1, 0, -1)
                            if is_gpe(" ".join(words[:k]))), None)
        if cut is None or not words[cut][:1].isupper():
            out.append(m)
            continue
        place_end = m.start + len(" ".join(words[:cut]))
        out.append(NameMention(m.start, place_end, text[m.start:place_end], "GPE"))
        out.append(NameMention(place_end + 1, m.end, text[place_end + 1:m.end], "PER"))
    return out


def _party_and_place(m: NameMention) -> tuple[NameMention, NameMention | None]:
    """"PDIP Badung" → "PDIP", "Badung": the longest known place ending an organisation's
    name (the mention unchanged, and no place, when none does)."""
    if m.label != "ORG":
        return m, None
    words = m.text.split(" ")
    for k in range(1, len(words)):
        tail = " ".join(words[k:])
        if is_gpe(tail):
            cut = m.start + len(" ".join(words[:k]))
            return (NameMention(m.start, cut, m.text[:cut - m.start], "ORG"),
                    NameMention(cut + 1, m.end, tail, "GPE"))
    return m, None


_BRACKET_THEN_WORDS = re.compile(r" \(([A-Z][\w-]{1,15})\) ([A-Z0-9][\w'-]*(?: [A-Z0-9][\w'-]*)*)")


def _with_bracketed_short_forms(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Balai Pelaksanaan Jalan Nasional (BPJN) Aceh" is one name: the bracket shortens
    the name of a kind of body (``generic_unit_heads``: "Balai", "Dinas", "Sekolah" …)
    and the words after it say which one, up to a person's name or a title ("… (BPJN)
    Aceh Heri Yugiantoro", "Dinas Kesehatan (Dinkes) Kepala …")."""
    heads = load_json("name_words")["generic_unit_heads"]
    out: list[NameMention] = []
    covered_to = -1
    for m in mentions:
        if m.start < covered_to:
            continue  # the short form or the rest of a name joined below
        after = _BRACKET_THEN_WORDS.match(text, m.end)
        if after and m.label in ("ORG", None) and any(
                m.text == h or m.text.startswith(h + " ") for h in heads):
            words = after.group(2).split(" ")
            keep = next((k for k, w in enumerate(words) if is_title(w)), len(words))
            end = after.start(2) + len(" ".join(words[:keep]))
            end = min([end] + [p.start - 1 for p in mentions
                               if p.label == "PER" and after.start(2) <= p.start < end])
            if end > after.start(2):
                out.append(NameMention(m.start, end, text[m.start:end], "ORG"))
                covered_to = end
                continue
        out.append(m)
    return out


def _split_trailing_people(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Gubernur Bank Indonesia Perry Warjiyo" tagged as one organisation: when the
    span's last words begin with a name the article uses for a person elsewhere
    ("Perry"), they are that person and the rest is the organisation."""
    people = {m.text for m in mentions if m.label == "PER"}
    people |= {p.split()[0] for p in people}
    heads = set(load_json("name_words")["org_heads"])
    out: list[NameMention] = []
    for m in mentions:
        words = m.text.split(" ")
        # a full name (two words or more) after a body's own name, not after "PT" alone
        cut = next((k for k in range(1, len(words) - 1) if m.label == "ORG"
                    and words[k] in people and words[k][:1].isupper()
                    and not set(words[:k]) <= heads
                    and not any(" ".join(words[j:k + 1]).casefold() in gpe_names()
                                for j in range(k))), None)  # not inside "Kuantan Singingi"
        if cut is None:
            out.append(m)
            continue
        org_end = m.start + len(" ".join(words[:cut]))
        person_start = org_end + 1
        out.append(NameMention(m.start, org_end, text[m.start:org_end], "ORG"))
        out.append(NameMention(person_start, m.end, text[person_start:m.end], "PER"))
    return out


_WORD = re.compile(r"[^\W\d_][\w.]*")
_CAPITALISED_NEXT = re.compile(r" [A-Z]")


def _split_hyphenated_pairs(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"Prabowo-Gibran", "Jakarta-Bandung", "BI-OJK": a pair (or chain) of names joined
    by hyphens, one word to the tokenizer, names each of them.

    Only when every part is a name on its own — a known place or institution, or a
    word the article also writes alone; for people one part is enough, as "Gibran"
    may only ever be written beside "Prabowo" — so that double-barrelled surnames
    ("Walker-Peters", written after a given name), reduplications ("Undang-Undang")
    and prefixes ("Al-Khoziny") stay whole; and not when the article also writes the
    parts as one name ("Marie Louise") or a capitalised word follows (the pair opens a
    longer name).  A part's type: the gazetteers', else the type of a mention starting
    with it elsewhere, else the pair's own.
    """
    out: list[NameMention] = []
    alone: set[str] | None = None
    for m in mentions:
        parts = m.text.split("-")
        if len(parts) < 2 or " " in m.text or len({p.casefold() for p in parts}) < len(parts) \
                or not all(_WORD.fullmatch(p) and p[:1].isupper() for p in parts):
            out.append(m)
            continue
        if alone is None:  # words written alone, not as part of a hyphenated word
            alone = {w.group() for w in re.finditer(r"(?<![\w-])[^\W\d_][\w]*(?![\w-])", text)}
        named = [is_gpe(p) or is_known_org(p) or p in alone for p in parts]
        if not (any(named) if m.label == "PER" else all(named)) \
                or " ".join(parts) in text \
                or _CAPITALISED_NEXT.match(text, m.end):
            # "Marie-Louise" also written "Marie Louise": one name; "Indonesia-Pakistan
            # Economic Forum": the pair is part of a longer name
            out.append(m)
            continue
        start = m.start
        for part in parts:
            out.append(NameMention(start, start + len(part), part, _part_label(part, m, mentions)))
            start += len(part) + 1
    return out


@cache
def _media_brand_pattern() -> re.Pattern[str]:
    brands = load_json("name_words")["media_brands"]
    return re.compile("|".join(rf"{re.escape(brand)}(?i:{alternation(sorted(channels))})"
                               for brand, channels in brands.items()))


def _with_media_brands(mentions: list[NameMention], text: str) -> list[NameMention]:
    """"detikNews", "detikcom" are organisations though written in lower case, and
    scraped text glues them to their neighbours ("kepadadetikSulsel", "Pantauandetikcomdi"):
    each is a mention of its own, replacing any name that ran over it."""
    brands = [m for m in _media_brand_pattern().finditer(text)
              if not (m.start() and text[m.start() - 1].isupper())]
    if not brands:
        return mentions
    spans = [(m.start(), m.end()) for m in brands]
    kept = [m for m in mentions if not any(m.start < e and s < m.end for s, e in spans)]
    kept += [NameMention(s, e, text[s:e], "ORG") for s, e in spans]
    return sorted(kept, key=lambda m: (m.start, -m.end))


def _names_in_promotion_lines(doc: AnalysedDocument, mentions: list[NameMention],
                               lines: list[tuple[int, int]],
                               capitalised_at: dict[str, list[int]]) -> list[NameMention]:
    """In a promotion line ("Simak juga Video: …", :mod:`warta.text.headlines`) every
    word is capitalised, so a name runs on into the words around it ("Temui Prabowo",
    "Sri Mulyani Bicara").
    There, a name the model typed that has a word the article capitalises in running
    text (or a known place, body or acronym) keeps only such words, split where others
    stood between them; a name with none of them is left as it is (nothing to tell it
    by), and so are untyped runs (they stay untyped)."""
    if not lines:
        return mentions
    in_line = [False] * (len(doc.text) + 1)
    for start, end in lines:
        in_line[start:end] = [True] * (end - start)

    def anchor(word: str) -> bool:
        in_body = any(not in_line[at] for at in capitalised_at.get(word, ()))
        return in_body or is_gpe(word) or is_known_org(word) or is_acronym(word)

    out: list[NameMention] = []
    for m in mentions:
        words = [(w.start() + m.start, w.group()) for w in re.finditer(r"\S+", m.text)]
        capitalised = [w for _, w in words if w[:1].isupper()]
        if m.label is None or not in_line[m.start] or len(words) < 2 \
                or not any(map(anchor, capitalised)) \
                or all(map(anchor, capitalised)):
            out.append(m)
            continue
        runs: list[list[tuple[int, str]]] = [[]]
        for k, (start, word) in enumerate(words):
            inner = not word[:1].isupper() and 0 < k < len(words) - 1 \
                and anchor(words[k - 1][1]) and anchor(words[k + 1][1])  # "Bank of Japan"
            if anchor(word) or inner:
                runs[-1].append((start, word))
            elif runs[-1]:
                runs.append([])
        parts = [run for run in runs if run]
        label_to = max(parts, key=len)
        for run in parts:
            start, end = run[0][0], run[-1][0] + len(run[-1][1])
            out.append(NameMention(start, end, doc.text[start:end],
                                   m.label if run is label_to else None))
    return out


def _part_label(part: str, pair: NameMention, mentions: list[NameMention]) -> str | None:
    if is_gpe(part):
        return "GPE"
    if is_known_org(part):
        return "ORG"
    labels = Counter(m.label for m in mentions if m is not pair and m.label
                     and m.text.split(" ", 1)[0] == part)
    return labels.most_common(1)[0][0] if labels else pair.label


def _joined_parts(mentions: list[NameMention], text: str,
                  promotion: list[tuple[int, int]] = ()) -> list[NameMention]:
    """An untyped capitalised run touching a person's name is the rest of that name
    ("Kemenkeu Bimo" + "Wijayanto" as the model split them).  Not for other types: the
    model's organisation and place spans are better than a capitalised run ("Eksekusi
    KPK", "HUT Golkar", "Provinsi NTT Tahun Anggaran" are a word and a name); nor in
    ``promotion`` lines, where every word is capitalised ("Prabowo" + "Ibaratkan
    Kabinet")."""
    joined: list[NameMention] = []
    for m in mentions:
        prev = joined[-1] if joined else None
        labels = {prev.label, m.label} if prev else set()
        if any(start <= m.start < end for start, end in promotion):
            joined.append(m)
            continue
        if prev and text[prev.end:m.start] == " " and None in labels and len(labels) == 2:
            label = (labels - {None}).pop()
            if label != "PER" or (prev.label is None and prev.text.isupper()) \
                    or prev.text.rsplit(" ", 1)[-1] in _unit_numbers():
                joined.append(m)  # "Eksekusi" + "KPK", "ESDM" + "Bahlil Lahadalia": two things
                continue
            start = prev.start
            if prev.label is None:  # "Pembangunan Kewilayahan" + "Agus …": office words
                while " " in text[start:prev.end] and \
                        _is_office_part(text[start:prev.end].split(" ", 1)[0]):
                    start += text[start:prev.end].index(" ") + 1
                if _is_office_part(text[start:prev.end]):
                    joined[-1:] = [m]
                    continue
            joined[-1] = NameMention(start, m.end, text[start:m.end], "PER")
        else:
            joined.append(m)
    return joined


def _whole_word_end(text: str, end: int) -> int:
    """Names end at a word's end: "Shin Tae" + "-yong", "Butar" + "-butar"."""
    while end + 1 < len(text) and text[end] in "-'" and text[end + 1].isalpha():
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    return end


def _with_legal_form(text: str, end: int) -> int:
    """A company's legal form belongs to its name: "PT Pertamina" + " (Persero)", + " Tbk"."""
    return _extended(text, end, load_json("name_words")["org_suffixes"], repeat=True)


def _with_compass_word(text: str, end: int) -> int:
    """A direction written after a place belongs to it: "Laut Tengah" + " Timur"."""
    return _extended(text, end, load_json("name_words")["compass_words"], repeat=False)


def _extended(text: str, end: int, words: list[str], *, repeat: bool) -> int:
    """``end`` moved over the whole words of ``words`` that follow it after a space
    (tried in the order listed; once, or as long as one follows)."""
    for word in words:
        if text.startswith(" " + word, end) and not text[end + 1 + len(word):][:1].isalnum():
            end += 1 + len(word)
            return _extended(text, end, words, repeat=True) if repeat else end
    return end


def _joined_person_spans(spans: list[NamedSpan], text: str) -> list[NamedSpan]:
    """Two person spans with only a space between are one name the model split
    ("Bimo" "Wijayanto"), and so is a person followed by a one-word place ("Aria" "Bima")."""
    joined: list[NamedSpan] = []
    for span in spans:
        prev = joined[-1] if joined else None
        glued = prev is not None and text[prev.end:span.start] == " "
        # "Aria" + "Bima": a one-word place right after a person's name is its last word
        place_word = span.label == "GPE" and " " not in text[span.start:span.end]
        if glued and prev.label == "PER" and (span.label == "PER" or place_word):
            joined[-1] = NamedSpan(prev.start, span.end, "PER")
        else:
            joined.append(span)
    return joined


def _typed(m: NameMention) -> NameMention:
    """A name the gazetteers know as a country, province or city is a GPE, and a
    known institution ("PDIP", "Bawaslu") an ORG, whatever the model said
    ("Pakistan" as PER, "Indonesia" as ORG are model errors)."""
    if m.label != "GPE" and is_gpe(m.text):
        return NameMention(m.start, m.end, m.text, "GPE")
    if m.label != "ORG" and is_known_org(m.text):
        return NameMention(m.start, m.end, m.text, "ORG")
    return m


def _drop_sentence_initial_words(doc: AnalysedDocument, mentions: list[NameMention],
                                 first_words: list[int]) -> list[NameMention]:
    """A common word capitalised only because it opens the sentence is not part of
    a name: "Teroris Hamas" → "Hamas" when "Hamas" is named elsewhere;
    "Perintah" or "Koalisi internasional" alone → no name at all."""
    common = load_words("common_words")
    texts = {m.text for m in mentions}
    kept = []
    for m in mentions:
        first, _, rest = m.text.partition(" ")
        token = doc.token_range(m.start, m.start + len(first))
        if not token or first.casefold() not in common or first.isupper() \
                or not _sentence_initial(doc, token[0], first_words):
            kept.append(m)
            continue
        if m.label and first in _head_words():
            kept.append(m)  # "Partai Golkar", "Kementerian ESDM" as typed: the head belongs
        elif rest and (rest in texts - {m.text} or (m.label is None and is_gpe(rest))):
            start = m.start + len(first) + 1
            kept.append(NameMention(start, m.end, rest, None))
        elif rest and any(w[:1].isupper() for w in rest.split()):
            kept.append(m)
    return kept


@cache
def _head_words() -> frozenset[str]:
    """Words that open the names of bodies and places ("Partai", "Kementerian", "Jalur")."""
    words = load_json("name_words")
    return frozenset(words["org_heads"] + words["place_heads"] + words["org_name_heads"])


@cache
def _nickname_cue() -> re.Pattern[str]:
    cues = sorted(load_json("alias_cues")["nickname"], key=len, reverse=True)
    return re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(c) for c in cues) + r")\s+$",
                      re.IGNORECASE)


def _after_nickname_cue(text: str, start: int) -> bool:
    return bool(_nickname_cue().search(text[max(0, start - 40):start]))


@cache
def _unit_numbers() -> frozenset[str]:
    return frozenset(load_json("name_words")["unit_numbers"])


def _strip_titles(doc: AnalysedDocument, start: int, end: int, label: str | None = "PER",
                  nicknames: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Cut the role off a name: leading titles ("Kapolres AKBP"), and after a title
    everything up to the last place or acronym ("Menteri Lingkungan Hidup Prancis
    Agnes Pannier-Runacher" → "Agnes Pannier-Runacher")."""
    span = doc.token_range(start, end)
    if not span or (label != "PER" and is_gpe(doc.text[start:end])):
        return start, end  # "Raja Ampat" is a regency, not a king
    if _after_nickname_cue(doc.text, start) or doc.text[start:end] in nicknames:
        return start, end  # "akrab disapa Gus Ipul": the name as people say it
    tokens = doc.tokens
    k = 0
    nickname_titles = load_json("name_words")["nickname_titles"]
    while k < len(span) and (_is_title_at(tokens, span[k].i)
                             or (label == "PER" and k < len(span) - 1
                                 and span[k].text in _unit_numbers())):
        if k == len(span) - 2 and span[k].text in nickname_titles:
            break  # "Mensos Gus Ipul": "Gus Ipul" is the name people know him by
        k += 1  # "Wilayah V Dian Patria": the unit's number ends the office
    if k == len(span):
        return end, end  # a title alone ("Jubir") names no one
    while label == "PER" and k < len(span) - 1 and is_office_noun(span[k].text):
        k += 1  # "… Pembangunan Kewilayahan Agus Harimurti Yudhoyono": no name opens so
    titled = k > 0 or (span[0].i > 0 and _is_title_at(tokens, span[0].i - 1))
    common = load_words("common_words")
    if titled and label in ("PER", None) and any(t.lower_ not in common for t in span[k:]):
        # "Menteri Keuangan Purbaya": "Keuangan" is the office, not the name, and so is
        # "Ketenagakerjaan" ("Menteri Ketenagakerjaan Yassierli"), a portfolio's noun
        while k < len(span) - 1 and span[k].text[:1].isupper() and (
                span[k].lower_ in common or is_office_noun(span[k].text)):
            k += 1
    if titled and label in ("PER", None):
        # the name follows the last title ("Metro Jaya Irjen Karyoto") or the last
        # place or acronym of the role ("Lingkungan Hidup Prancis Agnes …")
        for j in range(len(span) - 2, k - 1, -1):
            words = [t.text for t in span[max(k, j - 2):j + 1]]
            if (_is_title_at(tokens, span[j].i) or _is_role_anchor(words)) \
                    and all(_is_capitalised(t) for t in span[j + 1:]):
                k = j + 1
                break
    if label in ("PER", None):
        # "Melki Ketua DPD": an office after the name is the role, not more of the name
        # (in an untyped run only after uncommon words: "Kantor Gubernur" is a place)
        cut = next((j for j in range(k + 1, len(span)) if _is_office_word(span[j].text)), None)
        if cut is not None and (label == "PER" or not any(
                t.lower_ in common for t in span[k:cut])):
            end = span[cut - 1].idx + len(span[cut - 1].text)
    return span[k].idx, end


@cache
def _office_noun_pattern() -> tuple[re.Pattern[str], int]:
    spec = load_json("name_words")["office_nouns"]
    return (re.compile(rf"(?:{alternation(spec['prefixes'])})[a-z]+{spec['suffix']}"),
            spec["min_length"])


@cache
def _heads_of_names() -> frozenset[str]:
    """Words that open a body's, a place's or a unit's name, casefolded ("Kecamatan",
    "Kejaksaan", "Kepulauan", "Pengadilan"): never a portfolio to cut off."""
    words = load_json("name_words")
    keys = ("org_name_heads", "org_heads", "body_heads", "place_heads", "geo_heads",
            "local_admin_heads", "venue_heads", "generic_unit_heads", "short_org_heads")
    heads = {w.casefold() for key in keys for w in words[key]}
    return frozenset(heads | {w.casefold() for w in words["admin_levels"]} | set(admin_heads()))


def is_office_noun(word: str) -> bool:
    """A ke-…-an or pe(r)-…-an noun ("Ketenagakerjaan", "Pemasyarakatan"): a portfolio,
    unless it opens names of bodies or places ("Kecamatan", "Kejaksaan", "Pengadilan")."""
    pattern, min_length = _office_noun_pattern()
    return len(word) >= min_length and pattern.fullmatch(word) is not None \
        and word.casefold() not in _heads_of_names()


def _is_office_part(word: str) -> bool:
    """A word of an office's name: a common word ("Pembangunan") or a portfolio's noun."""
    return word.casefold() in load_words("common_words") or is_office_noun(word)


def _is_office_word(word: str) -> bool:
    """A title that names an office ("Ketua", "Bupati"), not one that is also a given
    name or a form of address ("Sultan", "Ratu", "Bapak": ``name_like_titles``)."""
    return len(word) >= 5 and word[:1].isupper() and is_title(word) \
        and word not in load_json("name_words")["name_like_titles"]


def _is_role_anchor(words: list[str]) -> bool:
    """A place or an acronymed body ends the role part of "<title> <body> <name>"."""
    last = words[-1]
    letters = [c for c in last if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    return any(is_gpe(" ".join(words[i:])) for i in range(len(words)))


def role_before(doc: AnalysedDocument, start: int) -> tuple[int, int] | None:
    """The role phrase written right before a person's name, if any.

    A role starts with a title word and runs up to the name through title
    words, capitalised words ("Presiden Prancis") and role words ("juru bicara").
    """
    span = doc.token_range(start, start + 1)
    if not span:
        return None
    role_words = load_words("role_words")
    tokens = doc.tokens
    i = span[0].i - 1
    if i > 0 and tokens[i].text == ",":  # "Kepala Dinas Kesehatan Kota Bandung, Anhar …"
        i -= 1
    first = None
    while i >= 0:
        tok = tokens[i]
        if tok.is_punct or tok.is_space or "\n" in tok.whitespace_:
            break
        if _is_title_at(tokens, i):
            first = i
        elif not (_is_capitalised(tok) or tok.lower_ in role_words or tok.text in role_words):
            break
        i -= 1
    if first is None:
        return None
    role_start = tokens[first].idx
    last = tokens[span[0].i - 1]
    if last.text == ",":
        last = tokens[span[0].i - 2]
    role_end = last.idx + len(last.text)
    return role_start, role_end
