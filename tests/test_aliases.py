"""Aliases: names the text itself says are one entity, and acronyms or short
forms that can only mean one fuller name.

The tests give the extractors the named spans a good NER model would propose
(``entities_of``), so they specify the linking rules, not the model.
"""

from __future__ import annotations

import pytest
from named_spans import (
    GPE,
    LOC,
    ORG,
    PER,
    doc_of,
    entities_of,
    entity_named,
    span,
)

from warta.extract.aliases import find_alias_links, is_acronym
from warta.extract.entities import entity_at, extract_entities
from warta.extract.names import find_name_mentions
from warta.schema import Entity


def mentions(entity: Entity) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, m.text, m.kind) for m in entity.mentions]


# -- acronyms stated in the text -------------------------------------------------------

BPS = ("Badan Pusat Statistik (BPS) mencatat inflasi tahunan sebesar 2,65 persen. Data BPS juga "
       "menunjukkan kenaikan harga beras di 30 provinsi.")


def test_acronym_in_parentheses_and_later_alone():
    entities = entities_of(BPS, {"Badan Pusat Statistik": ORG, "BPS": ORG})
    (bps,) = entities
    assert (bps.name, bps.type, bps.aliases) == ("Badan Pusat Statistik", "ORG", ["BPS"])
    assert mentions(bps) == [
        (0, 21, "Badan Pusat Statistik", "name"),
        (23, 26, "BPS", "acronym"),
        (*span(BPS, "BPS", "Data "), "BPS", "acronym"),
    ]


def test_model_span_covering_name_and_parenthesised_acronym():
    # a model may tag "Badan Pusat Statistik (BPS)" as one span
    entities = entities_of(BPS, {"Badan Pusat Statistik (BPS)": ORG, "BPS": ORG})
    (bps,) = entities
    assert (bps.name, bps.aliases) == ("Badan Pusat Statistik", ["BPS"])
    assert [(m.start, m.end) for m in bps.mentions] == [(0, 21), (23, 26),
                                                        span(BPS, "BPS", "Data ")]


def test_acronym_opening_a_sentence_is_a_mention():
    text = ("Badan Pusat Statistik (BPS) mencatat inflasi tahunan sebesar 2,65 persen. BPS juga "
            "mencatat kenaikan harga beras di 30 provinsi.")
    (bps,) = entities_of(text, {"Badan Pusat Statistik": ORG, "BPS": ORG})
    assert mentions(bps)[-1] == (*span(text, "BPS", "persen. "), "BPS", "acronym")


def test_full_name_in_parentheses_after_the_acronym():
    text = ("Penyidik KPK (Komisi Pemberantasan Korupsi) memeriksa tiga saksi. Pemeriksaan di "
            "Gedung Merah Putih KPK berlangsung enam jam.")
    entities = entities_of(text, {"KPK": ORG, "Komisi Pemberantasan Korupsi": ORG,
                                  "Gedung Merah Putih": LOC})
    kpk = entity_named(entities, "Komisi Pemberantasan Korupsi")
    assert kpk.aliases == ["KPK"]
    assert mentions(kpk) == [
        (*span(text, "KPK"), "KPK", "acronym"),
        (*span(text, "Komisi Pemberantasan Korupsi"), "Komisi Pemberantasan Korupsi", "name"),
        (*span(text, "KPK", "Putih "), "KPK", "acronym"),
    ]


def test_atau_between_a_name_and_its_acronym():
    text = ("Komisi Pemberantasan Korupsi atau KPK menahan dua tersangka baru dalam kasus kuota "
            "haji. Penahanan dilakukan di Rutan KPK selama 20 hari.")
    entities = entities_of(text, {"Komisi Pemberantasan Korupsi": ORG, "KPK": ORG,
                                  "Rutan KPK": LOC})
    kpk = entity_named(entities, "Komisi Pemberantasan Korupsi")
    assert kpk.aliases == ["KPK"]
    assert mentions(kpk)[:2] == [
        (0, 28, "Komisi Pemberantasan Korupsi", "name"),
        (*span(text, "KPK"), "KPK", "acronym"),
    ]


def test_atau_between_two_places_is_no_alias():
    text = "Konflik bersenjata meluas ke Irak atau Suriah dalam beberapa pekan terakhir."
    doc = doc_of(text, {"Irak": GPE, "Suriah": GPE})
    assert find_alias_links(doc, find_name_mentions(doc)) == []
    assert [e.name for e in extract_entities(doc)] == ["Irak", "Suriah"]


def test_acronym_of_initials_without_a_stated_link():
    text = ("Ketua Umum Partai Demokrat Agus Harimurti Yudhoyono hadir dalam acara itu di "
            "Surabaya. AHY mengatakan bahwa partainya mendukung program pemerintah.")
    entities = entities_of(text, {"Partai Demokrat": ORG, "Agus Harimurti Yudhoyono": PER,
                                  "AHY": PER, "Surabaya": GPE})
    ahy = entity_named(entities, "Agus Harimurti Yudhoyono")
    assert ahy.aliases == ["AHY"]
    assert mentions(ahy) == [
        (*span(text, "Agus Harimurti Yudhoyono"), "Agus Harimurti Yudhoyono", "name"),
        (*span(text, "AHY"), "AHY", "acronym"),
    ]


def test_acronym_of_initials_of_two_names_stays_apart():
    # (an acronym that general knowledge resolves, "BIN" = "Badan Intelijen Negara" in
    # known_aliases, joins its body whatever else the article names)
    text = ("Bank Pembangunan Daerah dan Badan Permusyawaratan Desa menggelar rapat bersama. "
            "BPD menyatakan rapat itu membahas dana desa.")
    entities = entities_of(text, {"Bank Pembangunan Daerah": ORG,
                                  "Badan Permusyawaratan Desa": ORG, "BPD": ORG})
    alone = entity_named(entities, "BPD")
    assert [(m.start, m.end) for m in alone.mentions] == [span(text, "BPD")]
    assert entity_named(entities, "Bank Pembangunan Daerah").aliases == []


# -- other names stated in the text ----------------------------------------------------

def test_alias():
    text = ("Polisi masih memburu Abdul Rahman alias Dul Kancil yang diduga menjadi otak "
            "perampokan toko emas itu.")
    (abdul,) = entities_of(text, {"Abdul Rahman": PER, "Dul Kancil": PER})
    assert (abdul.name, abdul.aliases) == ("Abdul Rahman", ["Dul Kancil"])
    assert mentions(abdul) == [(*span(text, "Abdul Rahman"), "Abdul Rahman", "name"),
                               (*span(text, "Dul Kancil"), "Dul Kancil", "alias")]


def test_dikenal_sebagai():
    text = ("Dalam acara itu, Joko Widodo yang dikenal sebagai Jokowi menyapa warga Solo. Jokowi "
            "lalu berfoto bersama para pedagang.")
    entities = entities_of(text, {"Joko Widodo": PER, "Jokowi": PER, "Solo": GPE})
    jokowi = entity_named(entities, "Joko Widodo")
    assert jokowi.aliases == ["Jokowi"]
    assert mentions(jokowi) == [(*span(text, "Joko Widodo"), "Joko Widodo", "name"),
                                (*span(text, "Jokowi"), "Jokowi", "alias"),
                                (*span(text, "Jokowi", "Solo. "), "Jokowi", "alias")]


def test_dikenal_sebagai_a_title_like_nickname():
    text = ("Penyanyi Rhoma Irama yang dikenal sebagai Raja Dangdut tampil di Lapangan Banteng, "
            "Jakarta.")
    entities = entities_of(text, {"Rhoma Irama": PER, "Raja Dangdut": PER,
                                  "Lapangan Banteng": LOC, "Jakarta": GPE})
    rhoma = entity_named(entities, "Rhoma Irama")
    assert rhoma.aliases == ["Raja Dangdut"]
    assert mentions(rhoma)[1] == (*span(text, "Raja Dangdut"), "Raja Dangdut", "alias")
    assert rhoma.roles == []


GUS_IPUL = ("Menteri Sosial Saifullah Yusuf atau yang akrab disapa Gus Ipul meninjau dapur umum di "
            "Bekasi. Gus Ipul memastikan bantuan logistik bagi para pengungsi mencukupi.")


def test_akrab_disapa_links_the_nickname():
    entities = entities_of(GUS_IPUL, {"Saifullah Yusuf": PER, "Gus Ipul": PER, "Bekasi": GPE})
    saifullah = entity_named(entities, "Saifullah Yusuf")
    assert entity_at(entities, *span(GUS_IPUL, "Gus Ipul")) is saifullah
    assert entity_at(entities, *span(GUS_IPUL, "Gus Ipul", "Bekasi. ")) is saifullah
    assert len([e for e in entities if e.type == "PER"]) == 1


def test_akrab_disapa_keeps_the_nickname_as_written():
    entities = entities_of(GUS_IPUL, {"Saifullah Yusuf": PER, "Gus Ipul": PER, "Bekasi": GPE})
    saifullah = entity_named(entities, "Saifullah Yusuf")
    assert saifullah.aliases == ["Gus Ipul"]
    assert mentions(saifullah)[1:] == [
        (*span(GUS_IPUL, "Gus Ipul"), "Gus Ipul", "alias"),
        (*span(GUS_IPUL, "Gus Ipul", "Bekasi. "), "Gus Ipul", "alias"),
    ]


def test_istilah_lain_untuk():
    text = ("Para pejabat menyebut kelompok itu Daesh, istilah lain untuk ISIS, dalam pernyataan "
            "resmi mereka.")
    (isis,) = entities_of(text, {"Daesh": ORG, "ISIS": ORG})
    assert (isis.name, isis.aliases) == ("ISIS", ["Daesh"])
    assert mentions(isis) == [(*span(text, "Daesh"), "Daesh", "alias"),
                              (*span(text, "ISIS"), "ISIS", "name")]


def test_organisation_short_name_in_parentheses():
    text = ("Kepolisian Negara Republik Indonesia (Polri) memeriksa tiga saksi. Polri menyatakan "
            "penyelidikan masih berjalan.")
    entities = entities_of(text, {"Kepolisian Negara Republik Indonesia": ORG, "Polri": ORG})
    (polri,) = entities
    assert (polri.name, polri.aliases) == ("Kepolisian Negara Republik Indonesia", ["Polri"])
    assert [(m.start, m.end, m.kind) for m in polri.mentions] == [
        (0, 36, "name"), (*span(text, "Polri"), "alias"),
        (*span(text, "Polri", "saksi. "), "alias")]


def test_party_of_a_politician_in_parentheses_is_no_alias():
    text = ("Wakil Ketua Komisi III DPR Ahmad Sahroni (NasDem) mengkritik lambannya penanganan "
            "kasus itu.")
    doc = doc_of(text, {"DPR": ORG, "Ahmad Sahroni": PER, "NasDem": ORG})
    assert find_alias_links(doc, find_name_mentions(doc)) == []
    entities = extract_entities(doc)
    sahroni = entity_named(entities, "Ahmad Sahroni")
    assert sahroni.aliases == []
    assert [(m.start, m.end) for m in sahroni.mentions] == [span(text, "Ahmad Sahroni")]
    nasdem = entity_named(entities, "NasDem")
    assert (nasdem.type, [(m.start, m.end) for m in nasdem.mentions]) == (
        "ORG", [span(text, "NasDem")])


def test_country_in_parentheses_after_a_company_is_its_seat_not_an_alias():
    text = ("MoU ditandatangani antara Harmann Pharmaceutical (Pakistan) dan PT Ultra Sakti "
            "(Indonesia). Pakistan menjadi mitra dagang penting.")
    doc = doc_of(text, {"Harmann Pharmaceutical": ORG, "Pakistan": GPE,
                        "PT Ultra Sakti": ORG, "Indonesia": GPE})
    assert find_alias_links(doc, find_name_mentions(doc)) == []
    pakistan = entity_named(extract_entities(doc), "Pakistan")
    assert (pakistan.type, len(pakistan.mentions)) == ("GPE", 2)


def test_country_in_parentheses_after_an_untyped_acronym_is_its_seat():
    text = ("Acara ditutup dengan penandatanganan MoU antara ICE (Indonesia) dan Gwadar "
            "Chamber of Commerce. Indonesia mengekspor kopi ke Pakistan.")
    doc = doc_of(text, {"Indonesia": GPE, "Pakistan": GPE})  # the model left ICE untyped
    assert find_alias_links(doc, find_name_mentions(doc)) == []
    indonesia = entity_named(extract_entities(doc), "Indonesia")
    assert (indonesia.type, indonesia.aliases, len(indonesia.mentions)) == ("GPE", [], 2)


def test_a_bracket_after_a_phrase_ending_in_a_place_names_the_phrase():
    text = ("Rupiah menguat terhadap dolar Kanada (CAD) pagi ini. Utang proyek Kereta Cepat "
            "Jakarta-Bandung (KCJB) dibahas lagi. Warga Jawa Barat (Jabar) menunggu.")
    doc = doc_of(text, {"Kanada": GPE, "CAD": ORG, "Kereta Cepat Jakarta": ORG,
                        "Bandung": GPE, "KCJB": ORG, "Jawa Barat": GPE, "Jabar": GPE})
    links = find_alias_links(doc, find_name_mentions(doc))
    # the currency and the railway are what the brackets name; a place's own short
    # form after a capitalised name stays its alias
    assert [(link.name.text, link.alias.text) for link in links] == [("Jawa Barat", "Jabar")]


def test_a_bracket_after_a_place_introduced_by_a_preposition_is_its_short_form():
    text = ("Banjir rob kembali terjadi di Jakarta (DKI) pekan ini. Bank Pembangunan Daerah "
            "Jawa Barat dan Banten (BJB) membuka posko.")
    doc = doc_of(text, {"Jakarta": GPE, "DKI": GPE, "Bank Pembangunan Daerah Jawa Barat": ORG,
                        "Banten": GPE, "BJB": ORG})
    links = find_alias_links(doc, find_name_mentions(doc))
    # after "dan" the place closes the bank's name, whose short form the bracket is
    assert [(link.name.text, link.alias.text) for link in links] == [("Jakarta", "DKI")]


def test_nickname_of_a_country_in_parentheses_stays_an_alias():
    text = "Ribuan warga Negeri Kanguru (Australia) turun ke jalan pada Minggu."
    doc = doc_of(text, {"Australia": GPE})  # the nickname is an untyped capitalised run
    links = find_alias_links(doc, find_name_mentions(doc))
    assert {(link.name.text, link.alias.text) for link in links} <= {
        ("Negeri Kanguru", "Australia"), ("Australia", "Negeri Kanguru")}
    assert len(links) == 1


def test_a_nickname_in_quotation_marks_inside_a_name_is_the_same_person():
    text = ("Wali Kota Makassar Munafri 'Appi' Arifuddin menyinggung kursi ketua DPRD. "
            "Appi menilai itu target partai, sementara Andi \"Ical\" Rahman menolak.")
    doc = doc_of(text, {"Makassar": GPE, "Munafri": PER, "Appi": PER, "Arifuddin": PER,
                        "DPRD": ORG, "Andi": PER, "Ical": None, "Rahman": PER})
    entities = extract_entities(doc)
    appi = entity_named(entities, "Munafri")
    assert [m.text for m in appi.mentions] == ["Munafri", "Appi", "Arifuddin", "Appi"]
    assert sorted(appi.aliases) == ["Appi", "Arifuddin"]
    ical = entity_named(entities, "Andi")
    assert [m.text for m in ical.mentions] == ["Andi", "Ical", "Rahman"]
    # a quoted word between a place and a person is no nickname
    doc = doc_of("Warga Makassar 'Appi' Arifuddin datang.", {"Makassar": GPE, "Appi": PER,
                                                          "Arifuddin": PER})
    assert find_alias_links(doc, find_name_mentions(doc)) == []


def test_clipped_nickname_joins_the_full_name():
    text = ("Menteri Sekretaris Negara Prasetyo Hadi menyampaikan agenda kunjungan kerja Presiden. "
            "Pras menyebut Presiden akan berkunjung ke Papua pekan depan.")
    entities = entities_of(text, {"Prasetyo Hadi": PER, "Pras": PER, "Papua": GPE})
    pras = entity_named(entities, "Prasetyo Hadi")
    assert pras.aliases == ["Pras"]
    assert [(m.start, m.end, m.text) for m in pras.mentions] == [
        (*span(text, "Prasetyo Hadi"), "Prasetyo Hadi"), (*span(text, "Pras", "Presiden. "),
                                                          "Pras")]


@pytest.mark.parametrize(("text", "expected"), [
    ("BPS", True), ("KPK", True), ("AHY", True), ("DPR-RI", True), ("TNI AD", True),
    ("Polri", False), ("NasDem", False), ("Jakarta", False), ("A", False),
])
def test_is_acronym(text, expected):
    assert is_acronym(text) is expected


# -- variants of one organisation's or place's name -----------------------------------------

PU = ("Kementerian Pekerjaan Umum (PU) menyiapkan anggaran perbaikan jalan nasional. Menurut "
      "Kementerian PU, pekerjaan dimulai pekan depan.")


def test_name_ending_in_an_acronym_of_a_fuller_name_joins_it():
    entities = entities_of(PU, {"Kementerian Pekerjaan Umum": ORG, "PU": ORG,
                                "Kementerian PU": ORG})
    (pu,) = entities
    assert pu.name == "Kementerian Pekerjaan Umum"
    assert [(m.start, m.end, m.text) for m in pu.mentions] == [
        (0, 26, "Kementerian Pekerjaan Umum"), (28, 30, "PU"),
        (*span(PU, "Kementerian PU"), "Kementerian PU")]


def test_ri_after_a_national_body_names_the_same_body():
    text = ("Komisi II DPR RI memanggil para gubernur. Rapat di Komisi II DPR itu "
            "berlangsung lima jam, dan pimpinan DPR RI menerima laporannya.")
    entities = entities_of(text, {"Komisi II DPR RI": ORG, "Komisi II DPR": ORG, "DPR RI": ORG})
    assert sorted((e.name, [m.text for m in e.mentions]) for e in entities) == [
        ("DPR RI", ["DPR RI"]), ("Komisi II DPR RI", ["Komisi II DPR RI", "Komisi II DPR"])]


def test_javanese_and_papuan_district_heads_are_place_heads():
    text = ("Longsor menimpa dua rumah di Kapanewon Tanjungsari, Gunungkidul. Warga Tanjungsari "
            "diminta waspada.")
    entities = entities_of(text, {"Kapanewon Tanjungsari": GPE, "Tanjungsari": GPE,
                                  "Gunungkidul": GPE})
    place = entity_named(entities, "Kapanewon Tanjungsari")
    assert [m.text for m in place.mentions] == ["Kapanewon Tanjungsari", "Tanjungsari"]


def test_standing_abbreviations_join_also_without_the_full_name():
    text = ("Banjir melanda Sumatra Barat sejak Senin. BPBD Sumbar mencatat 300 rumah terendam. "
            "Wisatawan di Kota Jogja diminta waspada, kata Pemkot Yogyakarta.")
    entities = entities_of(text, {"Sumatra Barat": GPE, "Sumbar": GPE, "BPBD": ORG,
                                  "Kota Jogja": GPE, "Yogyakarta": GPE})
    sumbar = entity_named(entities, "Sumatra Barat")
    assert [(m.text, m.kind) for m in sumbar.mentions] == [
        ("Sumatra Barat", "name"), ("Sumbar", "alias")]
    jogja = entity_named(entities, "Yogyakarta")
    assert [(m.text, m.kind) for m in jogja.mentions] == [
        ("Kota Jogja", "alias"), ("Yogyakarta", "name")]
