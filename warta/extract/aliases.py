"""Aliases and acronyms the text itself states.

"Pasukan Pertahanan Israel (IDF)", "BPS (Badan Pusat Statistik)",
"Badan Pusat Statistik atau BPS", "Abu Bakar alias Abu", "dikenal sebagai X",
and "… Daesh …, menggunakan istilah lain untuk ISIS" each say that two names
refer to one entity.  The patterns are in ``warta/lang/id/alias_cues.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from warta.extract.names import NameMention, is_acronym, is_title
from warta.lang.data import load_json, load_words
from warta.nlp.document import AnalysedDocument


@dataclass(frozen=True, slots=True)
class AliasLink:
    """``alias`` names the same entity as ``name``; ``kind`` is alias or acronym."""

    name: NameMention
    alias: NameMention
    kind: str


@cache
def _between_cue() -> re.Pattern[str]:
    cues = load_json("alias_cues")
    between = "|".join(re.escape(c) for c in sorted(cues["between"], key=len, reverse=True))
    return re.compile(rf"^\s*,?\s*(?:{between})\s+$", re.IGNORECASE)


@cache
def _other_term_cues() -> tuple[str, ...]:
    return tuple(c.lower() for c in load_json("alias_cues")["other_term_for"])


def find_alias_links(doc: AnalysedDocument, mentions: list[NameMention]) -> list[AliasLink]:
    """Pairs of mentions the text declares to be the same entity."""
    text = doc.text
    between_cue = _between_cue()
    other_term_cues = _other_term_cues()
    links: list[AliasLink] = []
    ordered = sorted(mentions, key=lambda m: m.start)
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = _without_trailing_titles(text[a.end:b.start])
        if gap.strip() == "(" and text[b.end:b.end + 1] == ")":
            # "Ahmad Sahroni (NasDem)" states a party, not another name
            party = a.label == "PER" and (is_acronym(b.text) or b.label == "ORG")
            # "Harmann Pharmaceutical (Pakistan)", "ICE (Indonesia)" state where a body
            # is, not another name ("Negeri Kanguru (Australia)" is a name: not an acronym)
            seat = b.label == "GPE" and (a.label not in ("GPE", "LOC", None)
                                         or a.label is None and is_acronym(a.text))
            # "Presiden Indonesia (Prabowo)", "Ketua DPRD (Fahmi Hakim)": the person who
            # holds the office the body or place names, not another name of it
            holder = a.label in ("GPE", "LOC", "ORG") and b.label == "PER" \
                and not is_acronym(b.text)
            # "SPPG Polda Papua Barat Daya (Tahap Pembangunan)": a description in common
            # words, not another name
            described = b.label is None and all(
                w.casefold() in load_words("common_words") for w in b.text.split())
            # "dolar Kanada (CAD)", "kereta cepat Jakarta-Bandung (Whoosh)": the bracket
            # names the phrase that ends with the place, not the place
            phrase = a.label in ("GPE", "LOC") and " " not in a.text \
                and _ends_a_phrase(text, a.start)
            if seat or holder or described or phrase:
                continue
            if not party or _spells_initials(text, a, b.text):
                links.append(_link(a, b))
        elif between_cue.match(gap) and _plausible_pair(gap, a.text, b.text):
            links.append(_link(a, b))
    # "Munafri 'Appi' Arifuddin": a nickname in quotation marks inside a person's name;
    # the three are one person
    for a, b, c in zip(ordered, ordered[1:], ordered[2:], strict=False):
        opening, closing = text[a.end:b.start], text[b.end:c.start]
        if a.label == c.label == "PER" and b.label in ("PER", None) \
                and (opening, closing) in _NICKNAME_MARKS:
            links.extend([AliasLink(a, b, "alias"), AliasLink(a, c, "alias")])
    # "…, istilah lain untuk ISIS": the other term is the nearest earlier name in the
    # preceding sentence(s) that is not otherwise known and not a place
    for m in ordered:
        head = text[max(0, m.start - 80):m.start].rstrip().lower()
        if not head.endswith(other_term_cues):
            continue
        window_start = doc.sentences[max(0, doc.sentence_index(m.start) - 1)].start
        keys = {_key(x.text) for x in ordered if not window_start <= x.start < m.start}
        candidates = [x for x in ordered if window_start <= x.start < m.start
                      and _key(x.text) not in keys and _key(x.text) != _key(m.text)
                      and x.label not in ("GPE", "LOC", "PER")]
        if candidates:
            links.append(AliasLink(m, candidates[-1], "alias"))
    return links


_NICKNAME_MARKS = {(" '", "' "), (' "', '" '), (" ‘", "’ "), (" “", "” ")}


def _spells_initials(text: str, name: NameMention, acronym: str) -> bool:
    """"Agus Harimurti Yudhoyono (AHY)", "Kang Dedi Mulyadi (KDM)": the acronym is
    the person's initials (with the word before the name), not a party."""
    letters = "".join(c for c in acronym if c.isalpha()).casefold()
    words = (text[max(0, name.start - 30):name.start].split()[-1:] + name.text.split())
    initials = "".join(w[0] for w in words if w[:1].isalpha()).casefold()
    return len(letters) >= 2 and (initials.endswith(letters) or initials[1:] == letters)


def _ends_a_phrase(text: str, start: int) -> bool:
    """The name at ``start`` closes a longer phrase: glued by a hyphen to the word
    before it ("Jakarta-Bandung") or after a lower-case word ("dolar Kanada", "… Jawa
    Barat dan Banten (BJB)"), not a preposition ("di Jakarta (DKI)" is the place's own
    short form)."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return True
    before = text[max(0, start - 30):start]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and words[-1].isalpha() and words[-1].islower() \
        and words[-1] not in _function_words()


@cache
def _function_words() -> frozenset[str]:
    return frozenset(load_json("alias_cues")["function_words"])


def _without_trailing_titles(gap: str) -> str:
    """ "… atau yang akrab disapa Gus Ipul", "(Gus Ipul)": the title belongs to the alias.

    Reads words from the end only (the gap between two mentions can be a paragraph)."""
    rest = gap.rstrip()
    while True:
        head, sep, last = rest.rpartition(" ")
        bare = last.lstrip("(")
        if not bare or not is_title(bare):
            return rest + " "
        if last.startswith("("):  # "(Gus Ipul)": keep the bracket, drop its title
            return head + sep + "( "
        rest = head


def _plausible_pair(gap: str, a: str, b: str) -> bool:
    """"atau" joins alternatives too ("Irak atau Suriah"): accept it only between
    a long name and an acronym sharing its first letter."""
    if gap.strip().casefold() != "atau":
        return True
    long, short = (b, a) if is_acronym(a) else (a, b)
    return (is_acronym(short) and not is_acronym(long) and len(long.split()) >= 2
            and long[0].casefold() == short[0].casefold())


def _link(a: NameMention, b: NameMention) -> AliasLink:
    """The acronym (or shorter form) becomes the alias of the fuller name."""
    if is_acronym(a.text) and not is_acronym(b.text):
        return AliasLink(b, a, "acronym")
    return AliasLink(a, b, "acronym" if is_acronym(b.text) else "alias")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
