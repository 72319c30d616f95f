"""The seed article (examples/seed.txt): every fact the issue names, exactly.

No list of this article's names exists anywhere in Warta; entities come from the
shipped NER model, capitalisation, the text's own alias statements and general
gazetteers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import warta
from warta.schema import Analysis, Entity

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed.txt"
TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return warta.analyze(TEXT, published="2023-10-24")


def entity(analysis: Analysis, name: str) -> Entity:
    matches = [e for e in analysis.entities if e.name == name]
    assert len(matches) == 1, f"{name!r}: {[e.name for e in analysis.entities]}"
    return matches[0]


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def test_text_is_verbatim():
    assert TEXT.startswith("Presiden Prancis Emmanuel Macron")
    assert "“Prancis siap" in TEXT and "aturan.”" in TEXT


def test_every_span_is_evidence(analysis):
    for e in analysis.entities:
        for m in e.mentions:
            assert TEXT[m.start:m.end] == m.text
    for q in analysis.quotes:
        assert TEXT[q.start:q.end] == q.text
        if q.speaker:
            assert TEXT[q.speaker.start:q.speaker.end] == q.speaker.text
        if q.cue:
            assert TEXT[q.cue.start:q.cue.end] == q.cue.text
    for fact in [*analysis.dates, *analysis.amounts, *analysis.attributions]:
        assert TEXT[fact.start:fact.end] == fact.text


def test_macron_with_short_name_and_pronouns(analysis):
    macron = entity(analysis, "Emmanuel Macron")
    assert macron.type == "PER"
    assert [r.text for r in macron.roles] == ["Presiden Prancis"]
    kinds = {(m.start, m.end): m.kind for m in macron.mentions}
    assert kinds[at("Emmanuel Macron")] == "name"
    assert kinds[at("Macron", 1)] == "name"
    katanya = at("katanya")
    assert kinds[(katanya[1] - 3, katanya[1])] == "pronoun"
    assert kinds[at("Dia menambahkan")[0], at("Dia menambahkan")[0] + 3] == "pronoun"
    assert "Macron" in macron.aliases


def test_netanyahu(analysis):
    netanyahu = entity(analysis, "Benjamin Netanyahu")
    assert netanyahu.type == "PER"
    assert [r.text for r in netanyahu.roles] == ["Presiden Israel"]
    assert at("Netanyahu", 1) in {(m.start, m.end) for m in netanyahu.mentions}


def test_isis_and_daesh_are_one_entity(analysis):
    isis = entity(analysis, "ISIS")
    assert isis.type == "ORG"
    assert isis.aliases == ["Daesh"]
    daesh = next(m for m in isis.mentions if m.text == "Daesh")
    assert (daesh.start, daesh.end, daesh.kind) == (*at("Daesh"), "alias")
    assert sum(m.text == "ISIS" for m in isis.mentions) == 3


def test_idf_from_parenthesis_and_bare_mention(analysis):
    idf = entity(analysis, "Pasukan Pertahanan Israel")
    assert idf.type == "ORG"
    assert idf.aliases == ["IDF"]
    spans = [(m.start, m.end, m.kind) for m in idf.mentions]
    assert spans == [(*at("Pasukan Pertahanan Israel"), "name"), (*at("IDF"), "acronym"),
                     (*at("IDF", 1), "acronym")]


@pytest.mark.parametrize("name", ["Hamas", "Hezbollah", "Reuters"])
def test_organisations(analysis, name):
    assert entity(analysis, name).type == "ORG"


def test_hamas_mentions(analysis):
    hamas = entity(analysis, "Hamas")
    assert len(hamas.mentions) == 7  # "Teroris Hamas" is Hamas, not a person


@pytest.mark.parametrize("name", ["Prancis", "Israel", "AS", "Iran", "Irak", "Suriah",
                                  "Palestina"])
def test_geopolitical_entities(analysis, name):
    assert entity(analysis, name).type == "GPE"


def test_places(analysis):
    gaza = entity(analysis, "Jalur Gaza")
    assert gaza.type == "LOC"
    assert {m.text for m in gaza.mentions} == {"Gaza", "Jalur Gaza"}
    for name in ["Timur Tengah", "Laut Tengah Timur"]:
        assert entity(analysis, name).type == "LOC"


def test_no_common_words_as_entities(analysis):
    names = {e.name for e in analysis.entities}
    assert not names & {"Perintah", "Teroris Hamas", "Orang Israel", "Koalisi", "Anda", "Dia"}


def test_exactly_three_direct_quotes(analysis):
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert [(q.start, q.end) for q in direct] == [
        (TEXT.index("Prancis siap"), TEXT.index("Hamas,”") + len("Hamas,")),
        (TEXT.index("harus tanpa"), TEXT.index("aturan.”") + len("aturan.")),
        (TEXT.index("Jika Anda"), TEXT.index("daerah Anda,”") + len("daerah Anda,")),
    ]
    macron = entity(analysis, "Emmanuel Macron")
    first, second, leaflet = direct
    assert first.cue.text == "katanya"
    assert (first.speaker.entity, first.speaker.kind) == (macron.id, "pronoun")
    assert second.cue.text == "menambahkan"
    assert (second.speaker.entity, second.speaker.text) == (macron.id, "Dia")
    assert leaflet.cue.text == "baca"
    assert leaflet.speaker.text == "selebaran itu"
    assert leaflet.speaker.kind == "description"
    idf = entity(analysis, "Pasukan Pertahanan Israel")
    assert leaflet.speaker.entity == idf.id
    assert "Pasukan Pertahanan Israel" in leaflet.speaker.note


def test_indirect_quotes_with_speakers(analysis):
    indirect = {TEXT[q.cue.start:q.cue.end]: q for q in analysis.quotes if q.kind == "indirect"}
    macron = entity(analysis, "Emmanuel Macron")
    idf = entity(analysis, "Pasukan Pertahanan Israel")
    added = indirect["menambahkan"]
    assert added.text.startswith("pertempuran melawan Hamas")
    assert added.speaker.entity == macron.id
    said = indirect["mengatakan"]
    assert said.text.startswith("mereka menjatuhkan selebaran")
    assert (said.speaker.entity, said.speaker.text) == (idf.id, "IDF")
    advised = indirect["menyarankan"]
    assert advised.text.startswith("pasukan AS akan campur tangan")
    assert advised.speaker.text == "pejabat Israel maupun AS"
    assert advised.speaker.kind == "description"


def test_dates_resolved_against_publication(analysis):
    dates = {d.text: d for d in analysis.dates}
    tuesday = [d for d in analysis.dates if d.text.endswith("Selasa")]
    assert len(tuesday) == 2 and all(d.value == "2023-10-24" for d in tuesday)
    assert dates["7 Oktober"].value == "2023-10-07"
    assert dates["7 Oktober"].granularity == "day"
    weeks = [d for d in analysis.dates if d.kind == "duration" and "seminggu" in d.text]
    assert len(weeks) == 2
    assert all(d.qualifier == "more-than" and d.value in ("P1W", "P7D") for d in weeks)


def test_amounts(analysis):
    amounts = {a.text: a for a in analysis.amounts}
    hostages = amounts["lebih dari 200 sandera"]
    assert (hostages.value, hostages.qualifier, hostages.unit) == (200, "more-than", "sandera")
    assert (hostages.start, hostages.end) == at("lebih dari 200 sandera")
    assert amounts["dua kelompok kapal induk"].value == 2
    assert amounts["dua warga negara AS"].value == 2
    assert amounts["dua warga Israel"].value == 2


def test_contributing_agency(analysis):
    (agency,) = analysis.attributions
    assert (agency.name, agency.role) == ("Reuters", "contributor")
    assert agency.text == "Reuters memberikan kontribusi untuk laporan ini"
