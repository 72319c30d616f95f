"""Entities: name mentions grouped into the people, organisations and places
they refer to.

Linking is deliberately conservative, in the order a reader would do it:
the same name twice is one entity; aliases the text states are one entity
(see :mod:`warta.extract.aliases`); a short name ("Macron") joins the one
person whose fuller name contains it; a place with a generic head ("Jalur
Gaza") joins the bare place ("Gaza").  The entity's ``name`` is its fullest
name in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from warta.extract.aliases import find_alias_links
from warta.extract.names import (
    NAME_CACHE_SIZE,
    NameMention,
    find_name_mentions,
    initials,
    is_acronym,
    is_title,
    role_before,
)
from warta.lang.data import load_json, load_words
from warta.lang.gazetteer import admin_heads, is_gpe, is_known_org
from warta.nlp.document import AnalysedDocument
from warta.schema import Entity, Mention, Span


@dataclass(eq=False)  # a cluster is itself: `in` and `remove` compare by identity
class _Cluster:
    mentions: list[NameMention] = field(default_factory=list)
    alias_kinds: dict[str, str] = field(default_factory=dict)  # text -> alias/acronym
    _cache: dict[str, tuple[int, str | None]] = field(default_factory=dict)

    def _cached(self, what: str, compute: Callable[[], str | None]) -> str | None:
        # clusters only grow, so their size says whether name and type are stale
        size = len(self.mentions) + len(self.alias_kinds)
        hit = self._cache.get(what)
        if hit is None or hit[0] != size:
            hit = (size, compute())
            self._cache[what] = hit
        return hit[1]

    @property
    def label(self) -> str | None:
        return self._cached("label", self._label)

    def name(self) -> str:
        return self._cached("name", self._name) or ""

    def _label(self) -> str | None:
        label = self._place_or_other()
        named = self.name().split()
        if label in ("LOC", "PER", "ORG") and len(named) > 1 and _is_admin_head(named[0]):
            # "Kecamatan Lembah Gumanti", "Desa Beberan": a governed unit, also where the
            # model took "Nagari Salimpek" for a person
            return "GPE"
        if label in ("LOC", "PER") and len(named) > 1 \
                and named[0] in load_json("name_words")["body_heads"]:
            return "ORG"  # "Badan Pengatur Jalan Tol", typed a place by the model
        if label == "LOC" and not _is_geographic(named) \
                and any(is_gpe(m.text) for m in self.mentions):
            return "GPE"  # "Sumatra Barat" (a spelling the lists lack) = "Sumbar"
        return label

    def _place_or_other(self) -> str | None:
        named = self.name()
        if _is_geographic(named.split()):
            return "LOC"  # "Jalur Gaza", "Pulau Bali": a place, whatever its parts are
        for m in self.mentions:  # the fullest name's own type decides
            if m.text == named and m.label:
                return m.label
        labels = Counter(m.label for m in self.mentions if m.label)
        if not labels:
            return "MISC" if _is_term(named) else None
        if labels["GPE"] and labels["GPE"] >= labels["LOC"]:
            return "GPE"
        return labels.most_common(1)[0][0]

    def _name(self) -> str:
        names = [m.text for m in self.mentions if self.alias_kinds.get(m.text) != "alias"]
        names = names or [m.text for m in self.mentions]
        full = [n for n in names if not is_acronym(n)] or names
        counts = Counter(full)
        first = {n: i for i, n in reversed(list(enumerate(full)))}
        return max(counts, key=lambda n: (len(n.split()), len(n), counts[n], -first[n]))


def _is_geographic(named: list[str]) -> bool:
    """A name opening on a geographic head ("Pulau", "Jalur", "Kepulauan") and more."""
    return len(named) > 1 and named[0] in load_json("name_words")["geo_heads"]


@cache
def _admin_heads() -> frozenset[str]:
    local = load_json("name_words")["local_admin_heads"]
    return frozenset(admin_heads()) | {h.casefold() for h in local}


def _is_admin_head(word: str) -> bool:
    return word.casefold() in _admin_heads()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _key(text: str) -> str:
    """The name as grouping compares it: :func:`_bare_key`, abbreviations spelled out,
    and "Provinsi" inside a body's name left out, since a province's name is unique
    ("DPRD Provinsi Jatim" = "DPRD Jatim", "Pemprov Riau" = "Pemerintah Provinsi Riau";
    not "Kota" or "Kabupaten": "Pemkab Bandung" is not "Pemkot Bandung")."""
    toks = _spell_out_abbreviations(_bare_key(text).split())
    return " ".join(t for i, t in enumerate(toks) if i == 0 or t not in ("provinsi", "prov."))


_ACRONYM_HYPHEN = re.compile(r"(?<=[A-Z]{2})-(?=[A-Z]{2})")


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _bare_key(text: str) -> str:
    """Casefolded, without generic heads ("Kota", "Partai"), suffixes ("Tbk") and a
    bracketed short form inside ("Kejaksaan Tinggi (Kejati) Riau" = "Kejaksaan Tinggi
    Riau"); an acronym hyphenated to the next is two words ("DPR-RI")."""
    heads = _heads()
    toks = _ACRONYM_HYPHEN.sub(" ", text).casefold().split()
    unbracketed = [t for t in toks if not (t[:1] == "(" and t[-1:] == ")")]
    if unbracketed and len(unbracketed) < len(toks):
        toks = unbracketed
    while len(toks) > 1 and toks[0] in heads:
        toks = toks[1:]
    suffixes = _suffixes()
    while len(toks) > 1 and toks[-1] in suffixes:
        toks = toks[:-1]
    return " ".join(toks)


def _spell_out_abbreviations(toks: list[str]) -> list[str]:
    """Standing abbreviations inside a name, spelled out: places anywhere ("Polda
    Kalsel" and "Polda Kalimantan Selatan", "Kedubes AS" and "Kedubes Amerika Serikat"),
    bodies when they open or close a longer name ("PN Solo" and "Pengadilan Negeri
    Solo", "Ditjen Pajak Kemenkeu" and "… Kementerian Keuangan"); not where the full
    name is already beside it ("DKI Jakarta")."""
    places, bodies = _one_word_abbreviations()
    out: list[str] = []
    for i, tok in enumerate(toks):
        at_edge = len(toks) > 1 and i in (0, len(toks) - 1)  # "Ditjen Pajak Kemenkeu"
        full = places.get(tok) or (bodies.get(tok) if at_edge else None)
        if full and toks[i + 1:i + 1 + len(full)] != full and out[-len(full):] != full:
            out.extend(full)
        else:
            out.append(tok)
    return out


@cache
def _one_word_abbreviations() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """One-word standing abbreviations (``known_aliases``) → the words of the full
    name, casefolded: those of places ("Kalsel", "RI", "AS"), and the others."""
    known = {k.casefold(): v.casefold().split() for k, v in load_json("known_aliases").items()
             if not k.startswith("_") and " " not in k
             and k.casefold() not in v.casefold().split()}  # "Amerika": a short name
    places = {k: v for k, v in known.items() if is_gpe(" ".join(v))}
    return places, {k: v for k, v in known.items() if k not in places}


@cache
def _suffixes() -> frozenset[str]:
    words = load_json("name_words")
    return frozenset(s.casefold() for s in words["org_suffixes"] + words["country_suffixes"])


@cache
def _heads() -> frozenset[str]:
    words = load_json("name_words")
    return frozenset(h.casefold() for h in words["place_heads"] + words["org_heads"])


def extract_entities(doc: AnalysedDocument) -> list[Entity]:
    mentions = find_name_mentions(doc)
    links = find_alias_links(doc, mentions)
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}

    def cluster_of(m: NameMention) -> _Cluster:
        key = _key(m.text)
        if key not in by_key:
            by_key[key] = _Cluster()
            clusters.append(by_key[key])
        return by_key[key]

    for m in mentions:
        cluster_of(m).mentions.append(m)
    for link in links:
        target, source = cluster_of(link.name), cluster_of(link.alias)
        target.alias_kinds[link.alias.text] = link.kind
        if source is not target:
            _merge(target, source, by_key, clusters)
    _split_admin_levels(clusters, by_key)
    _merge_misspelt_names(clusters, by_key)
    _merge_short_names(clusters, by_key)
    _merge_mistyped_short_names(clusters, by_key)
    _merge_venue_short_names(clusters, by_key)
    _merge_initialisms(clusters, by_key)
    _merge_acronym_forms(clusters, by_key)
    _merge_acronym_heads(clusters, by_key)
    _merge_known_aliases(clusters, by_key)
    _merge_units_of_a_parent(clusters, by_key)
    _split_admin_levels(clusters, by_key)  # again: a standing name may have joined them
    return _to_entities(doc, clusters)


def _split_admin_levels(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"Kota Bandung" and "Kabupaten Bandung" are a city and a regency, though both key
    to "bandung"; "Desa Sambeng" is not "Kecamatan Juwangi": names written with the heads
    of two levels of government below a province are one unit per level (a province
    is left alone: "Provinsi DKI Jakarta" is "Kota Jakarta"), and so are standing
    nicknames ("Kota Angin" is Majalengka, a regency). The mentions without a head
    ("Bandung") go with the level named last before the first of them (the first named
    after it when none is before)."""
    levels = load_json("name_words")["admin_levels"]
    nicknames = _known_nicknames()
    for cluster in list(clusters):
        level_of: dict[str, tuple[str, str]] = {}  # mention text -> (level, the rest)
        for m in cluster.mentions:
            head = next((h for h in levels if m.text.startswith(h + " ")), None)
            if head and levels[head] != "province" and m.text not in nicknames:
                level_of[m.text] = (levels[head], m.text[len(head) + 1:])
        if len({level for level, _ in level_of.values()}) < 2:
            continue
        by_level: dict[str, list[NameMention]] = {}
        others: list[NameMention] = []
        for m in cluster.mentions:
            (by_level.setdefault(level_of[m.text][0], []) if m.text in level_of
             else others).append(m)
        if others:
            first = min(others, key=lambda m: m.start)
            # "Juwangi" goes with "Kecamatan Juwangi", not with "Desa Sambeng"; between
            # units of one name, with the one named last before it
            named = {level for level, rest in level_of.values() if rest == first.text}
            headed = sorted((m.start, level) for level, ms in by_level.items() for m in ms
                            if not named or level in named)
            before = [level for start, level in headed if start < first.start]
            by_level[before[-1] if before else headed[0][1]].extend(others)
        parts = [_Cluster(mentions=ms, alias_kinds={
            t: k for t, k in cluster.alias_kinds.items() if any(m.text == t for m in ms)})
            for ms in by_level.values()]
        home = next(p for p in parts if not others or others[0] in p.mentions)
        for key, value in list(by_key.items()):
            if value is cluster:
                by_key[key] = home  # later lookups by the shared key find the bare name's
        at = clusters.index(cluster)
        clusters[at:at + 1] = parts


@cache
def _known_nicknames() -> frozenset[str]:
    """The short and other forms of the standing names ("Kota Angin", "Jabar")."""
    return frozenset(k for k in load_json("known_aliases") if not k.startswith("_"))


def _merge(target: _Cluster, source: _Cluster, by_key: dict[str, _Cluster],
           clusters: list[_Cluster]) -> None:
    target.mentions.extend(source.mentions)
    target.alias_kinds.update(source.alias_kinds)
    for k, v in list(by_key.items()):
        if v is source:
            by_key[k] = target
    clusters.remove(source)


def _merge_short_names(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """A person's surname or given name alone joins the one fuller name containing it."""
    # names and types read once; only a host that absorbs a short name changes
    shape = {id(c): (_key(c.name()).split(), c.label, _personal_name(c)) for c in clusters}
    for short in list(clusters):
        if id(short) not in shape:
            continue
        words, label, _ = shape[id(short)]
        if label == "GPE" or len(words) > 2 or is_acronym(short.name()):
            continue
        others = [(c, *shape[id(c)]) for c in clusters if c is not short]
        hosts = [c for c, w, lab, _ in others if lab in ("PER", None)
                 and len(w) > len(words) and _contains(w, words)]
        if not hosts and label in ("PER", None) and len(words) == 2:
            # "Jon Pandu" for "Jon Firman Pandu": first and last name, middle left out
            hosts = [c for c, w, lab, _ in others if lab == "PER" and len(w) > 2
                     and (w[0], w[-1]) == (words[0], words[-1])]
        personal = label in ("PER", "ORG", "LOC", None) and not is_acronym(short.name())
        if not hosts and personal and len(words) == 1 and len(words[0]) >= 5:
            # a misspelt short name: "Nanato" for "Nonato Da Purificacao Sarmento"
            hosts = [c for c, w, _, person in others if person and len(w) > 1
                     and any(_one_edit_apart(x, words[0]) for x in w)]
        if len(hosts) > 1:  # prefer the people among several candidates
            hosts = [c for c in hosts if shape[id(c)][1] == "PER"]
        if len(hosts) > 1 and len(words) == 1:
            # "Guntur" is "Guntur Harahap", not "Asep Guntur Rahayu": people are called by
            # their first or last name, seldom by a middle one
            outer = [c for c in hosts if words[0] in (shape[id(c)][0][0], shape[id(c)][0][-1])]
            hosts = outer or hosts
        if not hosts and personal and len(words) == 1 and len(words[0]) >= 3:
            # a clipped nickname: "Pras" for "Prasetyo Hadi" or "Prasetyo"
            hosts = [c for c, w, lab, _ in others if lab == "PER"
                     and any(x.startswith(words[0]) and x != words[0] for x in w)]
        if len(hosts) > 1:  # "Melkiades" and "Emanuel Melkiades Laka Lena": one person
            hosts = [c for c in hosts if not any(
                d is not c and len(shape[id(d)][0]) > len(shape[id(c)][0])
                and _contains(shape[id(d)][0], shape[id(c)][0]) for d in hosts)]
        # a person's host takes a short name whatever type the model gave it
        if len(hosts) == 1 and (shape[id(hosts[0])][2] or label in ("PER", None)):
            host = hosts[0]
            _merge(host, short, by_key, clusters)
            del shape[id(short)]
            shape[id(host)] = (_key(host.name()).split(), host.label, _personal_name(host))


def _merge_mistyped_short_names(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"Isa" (PER) is "Isa Rachmatarwata" (typed ORG), "Feith" (PER) is "Herbet Feith"
    (typed LOC): a one-word name that is the first or last word of exactly one
    fuller name is that person when the model typed either of them PER and the other
    could be a person's name too (no word of a body's or place's name, no acronym, no
    known place or body) — the model mistyped one of the two, and a person's name is
    what the pair of a full name and its first or last word is. All their mentions
    become PER."""
    def could_be_a_person(c: _Cluster) -> bool:
        name = c.name()
        return c.label in ("PER", None) or not (
            is_gpe(name) or is_known_org(name) or _is_term(name)
            or any(w in _all_heads() or is_acronym(w) for w in name.split()))

    # first and last word of each name of several words (a merge keeps the host's name)
    ends = {id(c): (w[0], w[-1]) for c in clusters if c.label != "MISC"
            for w in [_key(c.name()).split()] if len(w) > 1}
    for short in list(clusters):
        if short not in clusters or short.label == "MISC":
            continue
        words = _key(short.name()).split()
        if len(words) != 1 or len(words[0]) < 3 or is_acronym(short.name()):
            continue
        hosts = [c for c in clusters if c is not short and words[0] in ends.get(id(c), ())]
        if len(hosts) != 1:
            continue
        host = hosts[0]
        if host.label == short.label or "PER" not in (host.label, short.label) \
                or not (could_be_a_person(host) and could_be_a_person(short)):
            continue
        _merge(host, short, by_key, clusters)
        host.mentions[:] = [NameMention(m.start, m.end, m.text, "PER") for m in host.mentions]


def _merge_venue_short_names(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"Ampera" is "Jembatan Ampera", "Leuwipanjang" "Terminal Leuwipanjang", "Himbara"
    "Bank Himbara": a venue's, natural place's or bank's name without its head word is
    it, unless the model typed the bare name a person ("Sudirman" and "Jalan Sudirman"
    are two), it is a known place ("Jawa" and "Pulau Jawa" are two in the guidelines)
    or a common word ("Hutan" is no name of "Kawasan Hutan")."""
    words = load_json("name_words")
    heads = frozenset(words["venue_heads"]) | frozenset(words["geo_heads"]) \
        | frozenset(words["short_org_heads"])
    for host in list(clusters):
        if host not in clusters or host.label not in ("LOC", "ORG"):
            continue
        head, _, rest = host.name().partition(" ")
        if head not in heads or not rest or is_gpe(rest) \
                or rest.casefold() in load_words("common_words"):  # "Kawasan Hutan"
            continue
        bare = by_key.get(_key(rest))
        if bare is None or bare is host or bare.label not in ("LOC", "ORG", None):
            continue
        for m in bare.mentions:
            host.alias_kinds.setdefault(m.text, "alias")
        _merge(host, bare, by_key, clusters)


@cache
def _all_heads() -> frozenset[str]:
    """Words that open a body's, a place's or a venue's name ("Badan", "Kabupaten",
    "Jalan")."""
    words = load_json("name_words")
    return frozenset(w for key in ("org_name_heads", "org_heads", "place_heads", "geo_heads",
                                   "local_admin_heads", "venue_heads") for w in words[key])


def _merge_misspelt_names(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"Mi Santoso" is "Mia Santoso": two people's names of several words that differ
    by one letter in one word (not the last) are one name misspelt; so are two names
    of one other type that differ in one word of five letters or more by one letter or
    two swapped, as written ("Masjid Tibrata" and "Masjid Tribrata", "PT Loco Montardo"
    and "PT Loco Montrado"; not "Keraton Jogja" and "Kecamatan Kraton Yogyakarta")."""
    named = [c for c in clusters if c.label in ("PER", "ORG", "GPE", "LOC") and " " in c.name()]
    # the words compared, read once (names do not change here but by a merge's host)
    words = {id(c): _key(c.name()).split() if c.label == "PER" else _spelled_words(c.name())
             for c in named}
    alive = {id(c) for c in named}  # identity: clusters compare equal by content
    alike: dict[tuple[str | None, int], list[_Cluster]] = {}  # same type, as many words
    for c in named:
        alike.setdefault((c.label, len(words[id(c)])), []).append(c)
    for short in named:
        if id(short) not in alive:
            continue
        mine, person = words[id(short)], short.label == "PER"
        hosts = [c for c in alike[short.label, len(mine)] if c is not short and id(c) in alive
                 and _spelt_as_often_or_first(c, short)
                 and (_one_word_misspelt(words[id(c)], mine) if person
                      else _one_word_mistyped(words[id(c)], mine))]
        if len(hosts) == 1:
            for m in short.mentions:
                hosts[0].alias_kinds.setdefault(m.text, "alias")
            _merge(hosts[0], short, by_key, clusters)
            alive.discard(id(short))


def _one_word_misspelt(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b) or a[-1] != b[-1]:
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and min(map(len, differ[0])) >= 2 and (
        _one_edit_apart(*differ[0]) or _one_given_name(*differ[0]))


@cache
def _spelling_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = dict(load_json("name_words")["name_spellings"])
    return re.compile("|".join(sorted(map(re.escape, pairs), key=len, reverse=True))), pairs


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _spelling_key(word: str) -> str:
    """A name word as one spelling of it: "mochammad", "muhammad" and "mohamad" all
    "muhamad"; "soekarno" "sukarnu"; "syaripuddin" "syaripudin" (``name_spellings``)."""
    pattern, pairs = _spelling_pattern()
    return re.sub(r"(.)\1", r"\1", pattern.sub(lambda m: pairs[m.group()], word))


def _one_given_name(a: str, b: str) -> bool:
    """Two spellings of one name word ("mochammad" and "muhammad")."""
    return len(a) >= 4 and len(b) >= 4 and _spelling_key(a) == _spelling_key(b)


def _spelt_as_often_or_first(host: _Cluster, other: _Cluster) -> bool:
    """Which of two spellings names the entity: the more frequent, on a tie the first."""
    if len(host.mentions) != len(other.mentions):
        return len(host.mentions) > len(other.mentions)
    return min(m.start for m in host.mentions) < min(m.start for m in other.mentions)


def _spelled_words(name: str) -> list[str]:
    """The name's words as written, abbreviations spelled out ("Polda Sulbar" is
    "polda sulawesi barat", one letter from "Polda Sumbar" only as written)."""
    return _spell_out_abbreviations(name.casefold().split())


def _one_word_mistyped(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b):
        return False
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    return len(differ) == 1 and min(map(len, differ[0])) >= 5 and (
        _one_edit_apart(*differ[0]) or _swapped(*differ[0]))


def _swapped(a: str, b: str) -> bool:
    """Two neighbouring letters swapped: "Montardo" / "Montrado"."""
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y]
    return len(a) == len(b) and len(diff) == 2 and diff[1] == diff[0] + 1 \
        and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _merge_initialisms(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"AHY" is "Agus Harimurti Yudhoyono", "KPK" "Komisi Pemberantasan Korupsi":
    an acronym spelling the initials of exactly one fuller name joins it; company
    prefixes and suffixes do not count on either side ("PT SPR" is "PT Sarana
    Pembangunan Riau", "KCL" "PT Kingswood Capital Ltd")."""
    for short in list(clusters):
        name = short.name()
        key = _bare_key(name)
        bare = next((w for w in name.split() if w.casefold() == key), "")  # "SPR" of "PT SPR"
        if short not in clusters or not is_acronym(bare):
            continue
        letters = "".join(c for c in bare if c.isalpha()).casefold()
        hosts = [c for c in clusters if c is not short
                 and letters in (initials(c.name()), initials(_bare_key(c.name())))]
        if len(hosts) == 1:
            for m in short.mentions:
                hosts[0].alias_kinds.setdefault(m.text, "acronym")
            _merge(hosts[0], short, by_key, clusters)


def _merge_acronym_forms(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"Kementerian PU" is "Kementerian Pekerjaan Umum (PU)": a name ending in an
    acronym that another entity goes by, whose name opens with the same words, joins it;
    so does "BPJN Aceh", the short form of "Balai Pelaksanaan Jalan Nasional (BPJN) Aceh"."""
    def bracketed() -> list[_Cluster]:  # the only possible hosts of the second kind
        return [c for c in clusters if " (" in c.name()]

    with_brackets = bracketed()
    for short in list(clusters):
        if short not in clusters:
            continue
        head, _, last = short.name().rpartition(" ")
        first, _, rest = short.name().partition(" ")
        if head and is_acronym(last):
            hosts = [c for c in clusters if c is not short and c.name().startswith(head + " ")
                     and any(m.text == last for m in c.mentions)]
        elif rest and first[:1].isupper():
            # "BPJN Aceh" is "Balai Pelaksanaan Jalan Nasional (BPJN) Aceh", "BPBD
            # Boyolali" "… (BPBD) Kabupaten Boyolali": what follows the bracket is the same
            # (a bare "SMKN" is a kind of school, not the one named with it)
            hosts = _hosts_spelling_out(short, with_brackets, at=0) \
                or _hosts_spelling_out(short, with_brackets)
        else:
            continue
        if len(hosts) == 1:
            for m in short.mentions:
                hosts[0].alias_kinds.setdefault(m.text, "alias")
            _merge(hosts[0], short, by_key, clusters)
            with_brackets = bracketed()  # the host's name may have changed


def _hosts_spelling_out(short: _Cluster, with_brackets: list[_Cluster],
                        at: int | None = None) -> list[_Cluster]:
    """The names that spell out the short form word ``at`` of ``short``'s name stands
    for, around the same bracket: the words before it open the longer name, the words
    after it close it (or there are none). ``at`` defaults to the first acronym after
    the first word ("Dinas PUPR Lembata" is "Dinas Pekerjaan Umum dan Penataan Ruang
    (PUPR) Lembata", "Dinas PUPR" the one such body of the article)."""
    words = short.name().split()
    if at is None:
        at = next((i for i, w in enumerate(words) if i > 0 and is_acronym(w)), None)
        if at is None:
            return []
    before, acronym, after = " ".join(words[:at]), words[at], " ".join(words[at + 1:])
    return [c for c in with_brackets if c is not short
            and (not before or c.name().startswith(before + " "))
            and f" ({acronym})" in c.name()
            and (not after or _key(c.name().partition(f" ({acronym})")[2]) == _key(after))]


def _merge_acronym_heads(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """"BPJS" is "BPJS Kesehatan", "LG" "LG Electronics Indonesia": a bare acronym
    that opens exactly one longer organisation name of the article is that
    organisation, said short. Not when what follows is a place ("BPS" and "BPS Provinsi
    DKI Jakarta" are the national and the regional office), a number ("KIPP" and "KIPP
    1A") or an acronym of its own ("TNI" and "TNI AD" are the forces and one of them),
    and not when two names open with it ("BPJS Kesehatan" and "BPJS Ketenagakerjaan")."""
    for short in list(clusters):
        name = short.name()
        if short not in clusters or short.label != "ORG" or " " in name \
                or not is_acronym(name):
            continue
        # the longer name as written, in any of the host's mentions ("BPJS Kesehatan"
        # of "Badan Penyelenggara Jaminan Sosial (BPJS) Kesehatan")
        longer = {(id(c), m.text): c for c in clusters if c is not short
                  for m in c.mentions if m.text.startswith(name + " ")}
        hosts = list({id(c): c for c in longer.values()}.values())
        if len(hosts) != 1 or hosts[0].label != "ORG":
            continue
        rests = {text[len(name) + 1:] for _, text in longer}
        if any(is_gpe(rest) or any(not w[:1].isupper() or is_acronym(w) for w in rest.split())
               for rest in rests):
            continue  # "Provinsi DKI Jakarta", "1A", "AD", "dan …"
        for m in short.mentions:
            hosts[0].alias_kinds.setdefault(m.text, "alias")
        _merge(hosts[0], short, by_key, clusters)


def _merge_units_of_a_parent(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """A unit named with its parent body is the unit named alone: "Itwasum Polri" =
    "Itwasum", "Banggar DPR" = "Banggar", "Ditjen Pajak Kemenkeu" = "Ditjen Pajak".

    Only when what follows is an organisation of the article (or a known one), or a
    place after a name of more than one word ("Stadion Teladan Medan"; "DPRD Banten"
    and "DPRD" are apart in the guidelines), and exactly one such longer name exists;
    other words are not enough ("Pertamina Hulu Energi" is not "Pertamina")."""
    orgs = {_key(c.name()) for c in clusters if c.label == "ORG"}
    # every way to read an organisation's or a place's mention as "<unit> <rest>", by unit
    readings: dict[str, list[tuple[_Cluster, str, str]]] = {}
    for host in clusters:
        if host.label in ("ORG", "LOC"):
            for m in host.mentions:
                key = _key(m.text)
                for i, char in enumerate(key):
                    if char == " ":
                        readings.setdefault(key[:i], []).append((host, key[i + 1:], m.text))
    alive = {id(c) for c in clusters}
    for unit in list(clusters):
        if id(unit) not in alive or unit.label not in ("ORG", "LOC", None):
            continue
        key = _key(unit.name())
        # a body under a body; a named place (a stadium, a road) only with its town
        # ("Stadion Teladan Medan"), never under a body
        venue = unit.label == "LOC"
        hosts = list({id(c): c for c, rest, text in readings.get(key, ())
                      if c is not unit and id(c) in alive
                      and c.label == ("LOC" if venue else "ORG")
                      and _is_parent(unit.name(), rest, text, set() if venue else orgs,
                                     places_only=venue)}.values())
        if len(hosts) == 1:
            for m in unit.mentions:
                hosts[0].alias_kinds.setdefault(m.text, "alias")
            _merge(hosts[0], unit, by_key, clusters)
            alive.discard(id(unit))


def _is_parent(unit_name: str, rest_key: str, text: str, orgs: set[str], *,
               places_only: bool = False) -> bool:
    """Whether the words after a unit's name (as a key, and as written) name its parent
    body, or the place of a unit with a name of its own ("Stadion Teladan Medan")."""
    rest = " ".join(text.split()[-len(rest_key.split()):])
    if places_only:
        return " " in unit_name.strip() and (is_gpe(rest) or is_gpe(rest_key))
    if rest_key == "indonesia":
        return True  # "Unilever Indonesia", "PT Pos Indonesia": the company here
    if is_gpe(rest) or is_gpe(rest_key) or rest_key.split()[0] in _one_word_abbreviations()[0]:
        # "Polda Sumut", "DPRD Bali", "BI Sumsel": a kind of body in many places is not
        # the same as its office in one (the guidelines keep them apart)
        return " " in unit_name.strip()
    return rest_key in orgs or is_known_org(rest) or rest_key in _known_by_key()


def _merge_known_aliases(clusters: list[_Cluster], by_key: dict[str, _Cluster]) -> None:
    """Standing abbreviations and spellings ("RI" = "Indonesia", "Jabar" = "Jawa Barat",
    "Kota Jogja" = "Yogyakarta", "Sumbar" = "Sumatra Barat") join when the article uses
    two of them, also when the full name itself is absent; the short forms are aliases
    (also where spelling them out in :func:`_key` already grouped them)."""
    canonical = _known_by_key()
    groups: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        full = next((canonical[_bare_key(m.text)] for m in cluster.mentions
                     if _bare_key(m.text) in canonical), None)
        if full:
            groups.setdefault(full, []).append(cluster)
    for full, group in groups.items():
        # the host is the cluster named by the full name itself, not by its short form
        host = next((c for c in group if _bare_key(c.name()) == full), group[0])
        full_named = any(_bare_key(m.text) == full for m in host.mentions)
        for cluster in group:
            for m in cluster.mentions:
                if cluster is not host or (full_named and _bare_key(m.text) != full):
                    host.alias_kinds.setdefault(m.text,
                                                "acronym" if is_acronym(m.text) else "alias")
            if cluster is not host:
                _merge(host, cluster, by_key, clusters)


@cache
def _known_by_key() -> dict[str, str]:
    """Short form (as a bare key) → bare key of the full name, full names mapping to
    themselves."""
    known = {k: v for k, v in load_json("known_aliases").items() if not k.startswith("_")}
    out = {_bare_key(v): _bare_key(v) for v in known.values()}
    out.update({_bare_key(k): _bare_key(v) for k, v in known.items()})
    return out


def _is_term(name: str, lower_case: frozenset[str] | set[str] = frozenset()) -> bool:
    """A capitalised run of common words that the model left untyped ("Proyek Strategis
    Nasional", "Mal Pelayanan Publik", "Badan Usaha Jalan Tol") is a term the article
    defines, often with an acronym: a name of some other kind (MISC), not a person,
    body or place. Common: in the word list, or (``lower_case``) written in lower case
    elsewhere in the article."""
    words = name.split()
    common = load_words("common_words")
    return len(words) > 1 and all(w.casefold() in common or w.casefold() in lower_case
                                  for w in words)


def _personal_name(cluster: _Cluster) -> bool:
    """Typed PER, or a name of several words with no acronym and no word that opens
    a body's name: the model mistyped a person ("Nonato Da Purificacao Sarmento" ORG)."""
    if cluster.label == "PER":
        return True
    words = cluster.name().split()
    heads = set(load_json("name_words")["org_name_heads"]) | set(load_json("name_words")[
        "org_heads"])
    return cluster.label in ("ORG", None) and len(words) >= 3 and not any(
        w in heads or is_acronym(w) for w in words)


def _one_edit_apart(a: str, b: str) -> bool:
    """Same length and one letter different, or one letter inserted or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _to_entities(doc: AnalysedDocument, clusters: list[_Cluster]) -> list[Entity]:
    clusters = sorted(clusters, key=lambda c: min(m.start for m in c.mentions))
    entities = []
    for n, c in enumerate(clusters, 1):
        name = c.name()
        label = c.label
        if label is None and _is_term(name, doc.lower_case_words()):
            label = "MISC"  # "Harga Eceran Tertinggi": words the article writes in lower case
        seen: set[tuple[int, int]] = set()
        mentions: list[Mention] = []
        roles: list[Span] = []
        for m in sorted(c.mentions, key=lambda m: m.start):
            if (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            kind = c.alias_kinds.get(m.text) or (
                "acronym" if is_acronym(m.text) and not is_acronym(name) else "name")
            mentions.append(Mention(m.start, m.end, m.text, kind))  # type: ignore[arg-type]
            if label in ("PER", None):
                role = role_before(doc, m.start)
                if role and not any(r.start == role[0] for r in roles):
                    roles.append(Span(role[0], role[1], doc.text[role[0]:role[1]]))
        aliases = sorted({m.text for m in mentions if m.text != name},
                         key=lambda t: next(i for i, m in enumerate(mentions) if m.text == t))
        entities.append(Entity(id=f"E{n}", name=name, type=label, aliases=aliases,
                               roles=roles, mentions=mentions))
    return entities


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``start:end`` (the longest overlap)."""
    best, best_overlap = None, 0
    for e in entities:
        for m in e.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = e, overlap
    return best


__all__ = ["entity_at", "extract_entities", "is_title"]
