"""Entities: name mentions grouped into people, organisations and places, with
the role phrases written before a person's name.

Most tests give ``extract_entities`` the named spans a good NER model would
propose (``entities_of``), so they specify the grouping rules, not the model;
the last ones run ``warta.analyze`` with the shipped model and assert types only
where the context leaves no doubt.
"""

from __future__ import annotations

import pytest
from named_spans import (
    GPE,
    LOC,
    ORG,
    PER,
    analysed_with_model,
    entities_of,
    entity_named,
    span,
)

import warta
from warta.extract.entities import entity_at
from warta.schema import Entity


def mentions(entity: Entity) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.text) for m in entity.mentions]


def roles(entity: Entity) -> list[tuple[int, int, str]]:
    return [(r.start, r.end, r.text) for r in entity.roles]


# -- names and roles ---------------------------------------------------------------------

def test_title_is_the_role_not_part_of_the_name():
    text = "Presiden Prabowo Subianto meresmikan Bendungan Jatigede di Sumedang."
    entities = entities_of(text, {"Prabowo Subianto": PER, "Bendungan Jatigede": LOC,
                                  "Sumedang": GPE})
    prabowo = entity_named(entities, "Prabowo Subianto")
    assert prabowo.type == "PER"
    assert mentions(prabowo) == [(*span(text, "Prabowo Subianto"), "Prabowo Subianto")]
    assert roles(prabowo) == [(0, 8, "Presiden")]
    assert [e.name for e in entities] == ["Prabowo Subianto", "Bendungan Jatigede", "Sumedang"]
    assert [e.id for e in entities] == ["E1", "E2", "E3"]


def test_police_rank_suffix_and_roles_in_a_case_are_not_part_of_the_name():
    # Even when the model's span takes them in: "Pol" follows a police rank, and a
    # defendant or suspect is named after the role ("Terdakwa", "Tersangka").
    text = ("Kabid Humas Polda Jabar Kombes Pol Hendra Rochmawan menjelaskan, kunjungan aman. "
            "Terdakwa Budi Santoso menerima vonis itu.")
    entities = entities_of(text, {"Polda Jabar": ORG, "Pol Hendra Rochmawan": PER,
                                  "Terdakwa Budi Santoso": PER})
    hendra = entity_named(entities, "Hendra Rochmawan")
    assert mentions(hendra) == [(*span(text, "Hendra Rochmawan"), "Hendra Rochmawan")]
    assert roles(hendra) == [(0, 34, "Kabid Humas Polda Jabar Kombes Pol")]
    budi = entity_named(entities, "Budi Santoso")
    assert mentions(budi) == [(*span(text, "Budi Santoso"), "Budi Santoso")]
    assert [r.text for r in budi.roles] == ["Terdakwa"]


def test_role_with_a_place_and_the_place_as_its_own_entity():
    text = "Gubernur Jawa Barat Dedi Mulyadi meninjau tanggul yang jebol di Karawang."
    entities = entities_of(text, {"Dedi Mulyadi": PER, "Jawa Barat": GPE, "Karawang": GPE})
    dedi = entity_named(entities, "Dedi Mulyadi")
    assert roles(dedi) == [(0, 19, "Gubernur Jawa Barat")]
    jabar = entity_named(entities, "Jawa Barat")
    assert (jabar.type, mentions(jabar)) == ("GPE", [(9, 19, "Jawa Barat")])
    assert jabar.roles == []


def test_role_and_rank_with_a_place():
    text = ("“Keduanya sudah kami tahan,” ujar Kapolres Bogor AKBP Rio Wahyu Anggoro kepada "
            "wartawan.")
    entities = entities_of(text, {"Rio Wahyu Anggoro": PER, "Bogor": GPE})
    rio = entity_named(entities, "Rio Wahyu Anggoro")
    assert roles(rio) == [(*span(text, "Kapolres Bogor AKBP"), "Kapolres Bogor AKBP")]
    assert mentions(rio) == [(*span(text, "Rio Wahyu Anggoro"), "Rio Wahyu Anggoro")]


ROLE_WORDS = [
    ("Menteri Keuangan Sri Mulyani Indrawati menghadiri rapat di Gedung DPR.",
     {"Sri Mulyani Indrawati": PER, "Gedung DPR": LOC}, "Sri Mulyani Indrawati",
     "Menteri Keuangan", {"Keuangan"}),
    ("Ketua Umum Partai Demokrat Agus Harimurti Yudhoyono hadir di Surabaya.",
     {"Agus Harimurti Yudhoyono": PER, "Partai Demokrat": ORG, "Surabaya": GPE},
     "Agus Harimurti Yudhoyono", "Ketua Umum Partai Demokrat", {"Umum"}),
    ("Wali Kota Bandung Muhammad Farhan meninjau Pasar Kosambi.",
     {"Muhammad Farhan": PER, "Bandung": GPE, "Pasar Kosambi": LOC}, "Muhammad Farhan",
     "Wali Kota Bandung", {"Kota", "Wali Kota"}),
    ("Presiden Prabowo Subianto menerima Perdana Menteri Malaysia Anwar Ibrahim di Istana.",
     {"Prabowo Subianto": PER, "Anwar Ibrahim": PER, "Malaysia": GPE}, "Anwar Ibrahim",
     "Perdana Menteri Malaysia", {"Perdana Menteri", "Perdana"}),
    ("Mantan Presiden Joko Widodo menghadiri pernikahan kerabatnya di Solo.",
     {"Joko Widodo": PER, "Solo": GPE}, "Joko Widodo", "Mantan Presiden",
     {"Mantan Presiden", "Mantan"}),
]


@pytest.mark.parametrize(
    ("text", "names", "person", "role", "not_names"), ROLE_WORDS,
    ids=["menteri-keuangan", "ketua-umum", "wali-kota", "perdana-menteri", "mantan-presiden"])
def test_words_of_a_role_are_not_entities(text, names, person, role, not_names):
    entities = entities_of(text, names)
    assert not {e.name for e in entities} & not_names
    assert roles(entity_named(entities, person)) == [(*span(text, role), role)]


@pytest.mark.parametrize("model_span", ["Yassierli", "Ketenagakerjaan Yassierli"])
def test_a_portfolio_noun_after_a_title_is_the_office(model_span):
    # "Ketenagakerjaan" is no common word, but a ke-…-an noun: a ministry's portfolio
    text = "Menteri Ketenagakerjaan Yassierli meninjau pabrik garmen di Bekasi."
    entities = entities_of(text, {model_span: PER, "Bekasi": GPE})
    assert [e.name for e in entities] == ["Yassierli", "Bekasi"]
    yassierli = entity_named(entities, "Yassierli")
    assert mentions(yassierli) == [(24, 33, "Yassierli")]
    assert roles(yassierli) == [(0, 23, "Menteri Ketenagakerjaan")]


@pytest.mark.parametrize("model_span", ["Agus Harimurti Yudhoyono",
                                        "Kewilayahan Agus Harimurti Yudhoyono"])
def test_no_name_opens_on_a_portfolio_noun(model_span):
    text = ("Menko Infrastruktur dan Pembangunan Kewilayahan Agus Harimurti Yudhoyono "
            "meninjau Tol Cipali.")
    entities = entities_of(text, {model_span: PER})
    ahy = entity_named(entities, "Agus Harimurti Yudhoyono")
    assert mentions(ahy) == [(48, 72, "Agus Harimurti Yudhoyono")]
    assert [e.name for e in entities if e.type == "PER"] == ["Agus Harimurti Yudhoyono"]


def test_an_office_named_without_a_person_leaves_no_entity():
    # "Dalam" is never a name alone, but it stands inside "Kementerian Dalam Negeri"
    text = ("Rapat dihadiri Menteri Dalam Negeri dan Menteri Luar Negeri. Surat dari "
            "Kementerian Dalam Negeri diterima kemarin.")
    entities = entities_of(text, {})
    assert [(e.name, [(m.start, m.end) for m in e.mentions]) for e in entities] == [
        ("Kementerian Dalam Negeri", [span(text, "Kementerian Dalam Negeri")])]


def test_a_name_never_ends_in_a_rank():
    text = "Kapolda Metro Jaya Irjen Karyoto memimpin apel pasukan di Monas."
    entities = entities_of(text, {"Karyoto": PER, "Monas": LOC})
    assert not [e.name for e in entities if "Irjen" in e.name]
    karyoto = entity_named(entities, "Karyoto")
    assert roles(karyoto) == [(0, 24, "Kapolda Metro Jaya Irjen")]


def test_a_role_does_not_run_over_another_persons_name():
    text = ("Menteri Keuangan Sri Mulyani Indrawati dan Menteri Keuangan Singapura Lawrence Wong "
            "bertemu di Bali.")
    entities = entities_of(text, {"Sri Mulyani Indrawati": PER, "Lawrence Wong": PER,
                                  "Singapura": GPE, "Bali": GPE})
    wong = entity_named(entities, "Lawrence Wong")
    role = "Menteri Keuangan Singapura"
    assert roles(wong) == [(*span(text, role), role)]


def test_role_before_a_comma_is_the_persons_role():
    text = ("“Jumlah pasien naik dua kali lipat,” kata Kepala Dinas Kesehatan Kota Bandung, "
            "Anhar Hadian.")
    entities = entities_of(text, {"Anhar Hadian": PER, "Dinas Kesehatan Kota Bandung": ORG})
    role = "Kepala Dinas Kesehatan Kota Bandung"
    assert roles(entity_named(entities, "Anhar Hadian")) == [(*span(text, role), role)]


# -- grouping mentions -----------------------------------------------------------------

def test_short_name_joins_the_fuller_name():
    text = ("Presiden Prabowo Subianto meresmikan Bendungan Jatigede di Sumedang. Prabowo "
            "didampingi Gubernur Jawa Barat Dedi Mulyadi.")
    entities = entities_of(text, {"Prabowo Subianto": PER, "Prabowo": PER, "Dedi Mulyadi": PER,
                                  "Bendungan Jatigede": LOC, "Sumedang": GPE,
                                  "Jawa Barat": GPE})
    prabowo = entity_named(entities, "Prabowo Subianto")
    assert mentions(prabowo) == [(*span(text, "Prabowo Subianto"), "Prabowo Subianto"),
                                 (*span(text, "Prabowo", "Sumedang."), "Prabowo")]
    assert prabowo.aliases == ["Prabowo"]
    assert [m.kind for m in prabowo.mentions] == ["name", "name"]
    assert entity_named(entities, "Dedi Mulyadi").aliases == []


def test_short_name_is_not_merged_into_two_candidates():
    text = ("Menteri Koordinator Bidang Pangan Zulkifli Hasan bertemu Kepala Badan Pangan "
            "Nasional Arief Prasetyo Adi dan Direktur Utama Bulog Ahmad Rizal Ramdhani. Ahmad "
            "menyebut stok beras aman.")
    entities = entities_of(text, {"Zulkifli Hasan": PER, "Arief Prasetyo Adi": PER,
                                  "Ahmad Rizal Ramdhani": PER, "Ahmad": PER, "Bulog": ORG})
    ahmad = entity_named(entities, "Ahmad Rizal Ramdhani")
    assert mentions(ahmad)[-1] == (*span(text, "Ahmad", "Ramdhani."), "Ahmad")
    text2 = text.replace("Arief Prasetyo Adi", "Ahmad Arief")
    entities2 = entities_of(text2, {"Zulkifli Hasan": PER, "Ahmad Arief": PER,
                                    "Ahmad Rizal Ramdhani": PER, "Ahmad": PER, "Bulog": ORG})
    # two people called Ahmad: the short name stays on its own
    alone = entity_named(entities2, "Ahmad")
    assert mentions(alone) == [(*span(text2, "Ahmad", "Ramdhani."), "Ahmad")]


def test_first_and_last_name_join_the_full_name():
    text = ("Bupati Solok Jon Firman Pandu meresmikan masjid itu. Jon Pandu meminta warga ikut "
            "merawatnya, sementara Jon Halim dari Padang menyumbang karpet.")
    entities = entities_of(text, {"Solok": GPE, "Jon Firman Pandu": PER, "Jon Pandu": PER,
                                  "Jon Halim": PER, "Padang": GPE})
    jon = entity_named(entities, "Jon Firman Pandu")
    assert mentions(jon) == [(*span(text, "Jon Firman Pandu"), "Jon Firman Pandu"),
                             (*span(text, "Jon Pandu"), "Jon Pandu")]
    assert mentions(entity_named(entities, "Jon Halim")) == [
        (*span(text, "Jon Halim"), "Jon Halim")]


def test_a_name_misspelt_by_one_letter_is_the_same_person_and_initials_join_it():
    text = ("Polisi memburu buronan berinisial MS. MS yang dimaksud adalah Mia Santoso. "
            "Mia Santoso diduga mengimpor miras ilegal. Mi Santoso kabur ke luar negeri, "
            "kata Kapolres Budi Santoso.")
    entities = entities_of(text, {"MS": PER, "Mia Santoso": PER, "Mi Santoso": PER,
                                  "Budi Santoso": PER})
    mia = entity_named(entities, "Mia Santoso")
    assert [m.text for m in mia.mentions] == ["MS", "MS", "Mia Santoso", "Mia Santoso",
                                              "Mi Santoso"]
    assert sorted(mia.aliases) == ["MS", "Mi Santoso"]
    # a different given name is a different person, not a misspelling
    assert [m.text for m in entity_named(entities, "Budi Santoso").mentions] == ["Budi Santoso"]


def test_a_bracketed_short_form_inside_the_name_of_a_kind_of_body():
    text = ("Kepala Balai Pelaksanaan Jalan Nasional (BPJN) Aceh Heri Yugiantoro meninjau jalan "
            "itu. BPJN Aceh menurunkan alat berat, kata Badan Pusat Statistik (BPS) Jawa Barat.")
    entities = entities_of(text, {"Balai Pelaksanaan Jalan Nasional": ORG, "BPJN": ORG,
                                  "Aceh": GPE, "Heri Yugiantoro": PER, "BPJN Aceh": ORG,
                                  "Badan Pusat Statistik": ORG, "BPS": ORG,
                                  "Jawa Barat": GPE})
    balai = entity_named(entities, "Balai Pelaksanaan Jalan Nasional (BPJN) Aceh")
    assert balai.type == "ORG"
    assert mentions(balai) == [
        (*span(text, "Balai Pelaksanaan Jalan Nasional (BPJN) Aceh"),
         "Balai Pelaksanaan Jalan Nasional (BPJN) Aceh"),
        (*span(text, "BPJN Aceh", "itu. "), "BPJN Aceh")]
    assert mentions(entity_named(entities, "Heri Yugiantoro")) == [
        (*span(text, "Heri Yugiantoro"), "Heri Yugiantoro")]
    # a unique body's acronym is its own mention, and the place after it another entity
    bps = entity_named(entities, "Badan Pusat Statistik")
    assert [m.text for m in bps.mentions] == ["Badan Pusat Statistik", "BPS"]
    assert entity_named(entities, "Jawa Barat").type == "GPE"


def test_a_bracketed_acronym_spells_the_words_the_model_left_before_a_body():
    text = ("Kedutaan Besar Republik Indonesia (KBRI) di Canberra mengeluarkan imbauan. Petugas "
            "Badan Pengawas Obat dan Makanan (BPOM) memeriksa pasar. KBRI juga menyebarkan "
            "nomor darurat.")
    # the model began the names too late: at "Besar" (or at the country) and at "Obat"
    for embassy in ({"Besar Republik Indonesia": ORG}, {"Republik Indonesia": GPE}):
        entities = entities_of(text, {**embassy, "KBRI": ORG, "Canberra": GPE,
                                      "Obat dan Makanan": ORG, "BPOM": ORG})
        kbri = entity_named(entities, "Kedutaan Besar Republik Indonesia")
        assert kbri.type == "ORG"
        assert mentions(kbri) == [
            (*span(text, "Kedutaan Besar Republik Indonesia"), "Kedutaan Besar Republik Indonesia"),
            (*span(text, "KBRI"), "KBRI"), (*span(text, "KBRI", "pasar. "), "KBRI")]
        bpom = entity_named(entities, "Badan Pengawas Obat dan Makanan")
        assert mentions(bpom) == [
            (*span(text, "Badan Pengawas Obat dan Makanan"), "Badan Pengawas Obat dan Makanan"),
            (*span(text, "BPOM"), "BPOM")]
        assert sorted(e.name for e in entities) == [
            "Badan Pengawas Obat dan Makanan", "Canberra", "Kedutaan Besar Republik Indonesia"]


def test_an_english_name_s_acronym_skips_its_connectors_too():
    # "Food and Agriculture Organization (FAO)": the model began at "Agriculture"; the
    # acronym skips "and" as it skips "dan" in "Badan Pengawas Obat dan Makanan (BPOM)"
    text = "Menurut Food and Agriculture Organization (FAO), harga pangan naik. FAO mencatat."
    entities = entities_of(text, {"Agriculture Organization": ORG, "FAO": ORG})
    fao = entity_named(entities, "Food and Agriculture Organization")
    assert mentions(fao) == [
        (*span(text, "Food and Agriculture Organization"), "Food and Agriculture Organization"),
        (*span(text, "FAO"), "FAO"), (*span(text, "FAO", "naik. "), "FAO")]
    assert [e.name for e in entities] == ["Food and Agriculture Organization"]


def test_a_syllable_acronym_spells_the_words_the_model_left_before_a_body():
    # Indonesian bodies are shortened by syllables as often as by initials: "Perludem"
    # spells Per(kumpulan) … (Pemi)lu … Dem(okrasi); the model typed only "Demokrasi"
    text = ("Hal itu disampaikan Perkumpulan untuk Pemilu dan Demokrasi (Perludem) dalam "
            "diskusi di Jakarta. Perludem menilai aturan itu terlambat.")
    entities = entities_of(text, {"Demokrasi": ORG, "Perludem": ORG, "Jakarta": GPE})
    perludem = entity_named(entities, "Perkumpulan untuk Pemilu dan Demokrasi")
    assert perludem.type == "ORG"
    assert mentions(perludem) == [
        (*span(text, "Perkumpulan untuk Pemilu dan Demokrasi"),
         "Perkumpulan untuk Pemilu dan Demokrasi"),
        (*span(text, "Perludem"), "Perludem"), (*span(text, "Perludem", "Jakarta. "), "Perludem")]


def test_an_acronym_of_letters_inside_words_reaches_back_to_its_first_letter():
    text = ("Kementerian Agama meresmikan Sekolah Tinggi Agama Khonghucu Indonesia Negeri "
            "(SETIAKIN) di Bangka. Peneliti itu anggota Asosiasi Studi Sosio-Legal Indonesia "
            "(ASSLESI).")
    entities = entities_of(text, {"Kementerian Agama": ORG, "SETIAKIN": ORG, "ASSLESI": ORG,
                                  "Tinggi Agama Khonghucu Indonesia Negeri": ORG,
                                  "Bangka": GPE, "Legal Indonesia": LOC})
    school = entity_named(entities, "Sekolah Tinggi Agama Khonghucu Indonesia Negeri")
    assert [m.text for m in school.mentions] == [school.name, "SETIAKIN"]
    # after a title ("Anggota") a body's name grows too, and a place typed LOC becomes it
    assoc = entity_named(entities, "Asosiasi Studi Sosio-Legal Indonesia")
    assert assoc.type == "ORG"
    assert [m.text for m in assoc.mentions] == [assoc.name, "ASSLESI"]


def test_a_name_that_spells_its_bracketed_short_form_stays_as_it_is():
    # "Jawa Barat" spells "Jabar"; "(Baru)" is a common word, not a short form
    text = ("Warga Jawa Barat (Jabar) memadati Pasar Kebon Kembang (Baru) di Kota Bogor. "
            "Jabar mencatat lonjakan pengunjung.")
    entities = entities_of(text, {"Jawa Barat": GPE, "Jabar": GPE, "Kebon Kembang": LOC,
                                  "Kota Bogor": GPE})
    assert entity_named(entities, "Jawa Barat").type == "GPE"
    assert [m.text for m in entity_named(entities, "Jawa Barat").mentions] == [
        "Jawa Barat", "Jabar", "Jabar"]
    assert entity_named(entities, "Kebon Kembang").type == "LOC"


def test_an_untyped_name_an_org_acronym_spells_whole_is_that_body():
    # the model typed only "OPEC"; the capitalised runs around "of the" are its name.
    # A term's words ("Pajak Bumi dan Bangunan", a tax) do not become a body even when
    # the model typed the acronym ORG.
    text = ("Laporan Organization of the Petroleum Exporting Countries (OPEC) menyebut "
            "produksi turun. Warga membayar Pajak Bumi dan Bangunan (PBB) tiap tahun.")
    entities = entities_of(text, {"OPEC": ORG, "PBB": ORG})
    opec = entity_named(entities, "Organization of the Petroleum Exporting Countries")
    assert opec.type == "ORG"
    assert [m.text for m in opec.mentions] == [
        "Organization of the Petroleum Exporting Countries", "OPEC"]
    assert "Pajak Bumi dan Bangunan" not in {e.name for e in entities}


def test_a_state_school_is_one_name_with_or_without_its_abbreviation():
    text = ("Siswa SMA Negeri 11 Semarang meraih medali. Kepala SMAN 11 Semarang bangga, "
            "begitu pula guru SMPN 1 Cisarua dan SMP Negeri 1 Cisarua.")
    entities = entities_of(text, {"SMA Negeri 11 Semarang": ORG, "SMAN 11 Semarang": ORG,
                                  "SMPN 1 Cisarua": ORG, "SMP Negeri 1 Cisarua": ORG})
    assert sorted(sorted(m.text for m in e.mentions) for e in entities) == [
        ["SMA Negeri 11 Semarang", "SMAN 11 Semarang"],
        ["SMP Negeri 1 Cisarua", "SMPN 1 Cisarua"]]


def test_a_list_number_glued_to_a_name_is_not_part_of_it():
    # a scraped list lost its line breaks: each item's number sticks to the name before
    text = ("Daftar menteri: 1. Menteri HAM Natalius Pigai2. Menteri Kebudayaan Fadli Zon3. "
            "Kecamatan Gambir4. Kelompok G20. Selesai.")
    entities = entities_of(text, {"Natalius Pigai2": PER, "Fadli Zon3": PER,
                                  "Kecamatan Gambir4": GPE, "G20": ORG})
    assert [(e.name, e.type) for e in entities] == [
        ("Natalius Pigai", "PER"), ("Fadli Zon", "PER"), ("Kecamatan Gambir", "GPE"),
        ("G20", "ORG")]
    assert mentions(entity_named(entities, "Fadli Zon")) == [
        (*span(text, "Fadli Zon"), "Fadli Zon")]


def test_an_acronym_that_does_not_spell_more_words_leaves_the_name_alone():
    text = ("Gedung Badan Pusat Statistik (BPS) ditutup. Ribuan Warga Negara Indonesia (WNI) "
            "di Sydney diimbau berhati-hati.")
    entities = entities_of(text, {"Badan Pusat Statistik": ORG, "BPS": ORG,
                                  "Indonesia": GPE, "Sydney": GPE})
    assert [m.text for m in entity_named(entities, "Badan Pusat Statistik").mentions] == [
        "Badan Pusat Statistik", "BPS"]
    # a term's acronym: the country stays a country
    indonesia = entity_named(entities, "Indonesia")
    assert indonesia.type == "GPE"
    assert mentions(indonesia) == [(*span(text, "Indonesia"), "Indonesia")]


def test_a_place_named_with_an_administrative_head_is_a_gpe():
    text = ("Banjir merendam Desa Beberan di Kecamatan Lembah Gumanti, Kabupaten Solok. Warga "
            "Desa Beberan mengungsi ke Pulau Komodo, bukan ke Lembah Baliem.")
    entities = entities_of(text, {"Desa Beberan": LOC, "Kecamatan Lembah Gumanti": LOC,
                                  "Kabupaten Solok": GPE, "Pulau Komodo": LOC,
                                  "Lembah Baliem": LOC})
    assert entity_named(entities, "Desa Beberan").type == "GPE"
    assert len(entity_named(entities, "Desa Beberan").mentions) == 2
    assert entity_named(entities, "Kecamatan Lembah Gumanti").type == "GPE"
    assert entity_named(entities, "Kabupaten Solok").type == "GPE"
    # islands and valleys stay places without a government
    assert entity_named(entities, "Pulau Komodo").type == "LOC"
    assert entity_named(entities, "Lembah Baliem").type == "LOC"


def test_an_administrative_head_makes_a_gpe_of_what_the_model_called_a_person():
    text = ("Warga Nagari Salimpek di Kecamatan Lembah Gumanti menolak tambang. Wali Nagari "
            "Salimpek, Hendri, mengatakan Nagari Salimpek sudah bersurat.")
    entities = entities_of(text, {"Nagari Salimpek": PER, "Kecamatan Lembah Gumanti": ORG,
                                  "Hendri": PER})
    assert entity_named(entities, "Nagari Salimpek").type == "GPE"
    assert entity_named(entities, "Kecamatan Lembah Gumanti").type == "GPE"
    assert entity_named(entities, "Hendri").type == "PER"


def test_a_name_opening_on_a_body_head_is_an_organisation():
    text = ("Badan Pengatur Jalan Tol (BPJT) rapat di Balai Kota Bandung bersama Dinas "
            "Perhubungan. BPJT lalu meninjau Rumah Makan Saudagar.")
    entities = entities_of(text, {"Badan Pengatur Jalan Tol": LOC, "BPJT": LOC,
                                  "Balai Kota Bandung": LOC, "Dinas Perhubungan": PER,
                                  "Rumah Makan Saudagar": LOC})
    bpjt = entity_named(entities, "Badan Pengatur Jalan Tol")
    assert bpjt.type == "ORG" and [m.text for m in bpjt.mentions] == [
        "Badan Pengatur Jalan Tol", "BPJT", "BPJT"]
    assert entity_named(entities, "Dinas Perhubungan").type == "ORG"
    # a hall or an eatery is a place, whatever body it houses
    assert entity_named(entities, "Balai Kota Bandung").type == "LOC"
    assert entity_named(entities, "Rumah Makan Saudagar").type == "LOC"


def test_a_place_that_goes_by_a_listed_province_or_city_name_is_a_gpe():
    # the model calls the places LOC; "Sumbar" and "Riau" are on the lists
    text = ("Kapal itu berlayar dari Riau ke Sumatra Barat (Sumbar). Pemerintah Sumbar "
            "menyambutnya, lalu kapal singgah di Pulau Komodo dan Kepulauan Seribu.")
    entities = entities_of(text, {"Riau": LOC, "Sumatra Barat": LOC, "Sumbar": LOC,
                                  "Pulau Komodo": LOC, "Kepulauan Seribu": LOC})
    assert entity_named(entities, "Riau").type == "GPE"
    sumbar = entity_named(entities, "Sumatra Barat")
    assert sumbar.type == "GPE" and [m.text for m in sumbar.mentions] == [
        "Sumatra Barat", "Sumbar", "Sumbar"]
    # a geographic head keeps a place a place (as "Jalur Gaza", below)
    assert entity_named(entities, "Pulau Komodo").type == "LOC"
    assert entity_named(entities, "Kepulauan Seribu").type == "LOC"


def test_an_office_after_a_name_is_cut_off_and_a_clipped_nickname_finds_the_full_name():
    text = ("Gubernur NTT Emanuel Melkiades Laka Lena meninjau sekolah itu. \"Kami perbaiki,\" "
            "kata Melki, sapaan Melkiades. \"Tidak masalah,\" ujar Melki Ketua DPD Partai "
            "Golkar NTT itu.")
    entities = entities_of(text, {"NTT": GPE, "Emanuel Melkiades Laka Lena": PER,
                                  "Melki": PER, "Melkiades": PER,
                                  "Melki Ketua DPD": PER, "Partai Golkar": ORG})
    melki = entity_named(entities, "Emanuel Melkiades Laka Lena")
    assert [m.text for m in melki.mentions] == ["Emanuel Melkiades Laka Lena", "Melki",
                                                "Melkiades", "Melki"]
    assert mentions(melki)[-1] == (*span(text, "Melki", "ujar "), "Melki")


def test_a_given_name_that_is_also_a_title_does_not_cut_the_name():
    text = "Presiden menyalami Andi Sultan dan Bupati Ratu Tatu di Serang."
    entities = entities_of(text, {"Andi Sultan": PER, "Ratu Tatu": PER, "Serang": GPE})
    assert mentions(entity_named(entities, "Andi Sultan")) == [
        (*span(text, "Andi Sultan"), "Andi Sultan")]


def test_a_party_organ_is_not_part_of_the_party_name():
    text = ("Ketua DPD II Golkar Makassar Munafri Arifuddin membuka rapat. Golkar Sulsel "
            "mendukungnya, kata Ketua DPC PDIP Badung. Senator DPD RI hadir di Sekretariat "
            "Kabinet.")
    entities = entities_of(text, {"DPD II Golkar Makassar": ORG, "Munafri Arifuddin": PER,
                                  "Golkar Sulsel": ORG, "DPC PDIP Badung": ORG, "DPD RI": ORG,
                                  "Sekretariat Kabinet": ORG})
    golkar = entity_named(entities, "Golkar")
    assert (golkar.type, [m.text for m in golkar.mentions]) == ("ORG", ["Golkar", "Golkar"])
    assert [m.text for m in entity_named(entities, "PDIP").mentions] == ["PDIP"]
    for place in ("Makassar", "Sulsel", "Badung"):
        assert entity_named(entities, place).type == "GPE"
    # the state body DPD RI and the cabinet secretariat keep their names
    assert [m.text for m in entity_named(entities, "DPD RI").mentions] == ["DPD RI"]
    assert entity_named(entities, "Sekretariat Kabinet").type == "ORG"


def test_same_name_twice_is_one_entity():
    text = ("Dedi Mulyadi meninjau tanggul di Karawang pada pagi hari. Siang harinya Dedi Mulyadi "
            "menemui para pengungsi di Karawang.")
    entities = entities_of(text, {"Dedi Mulyadi": PER, "Karawang": GPE})
    assert [e.name for e in entities] == ["Dedi Mulyadi", "Karawang"]
    dedi, karawang = entities
    assert [(m.start, m.end) for m in dedi.mentions] == [
        span(text, "Dedi Mulyadi"), span(text, "Dedi Mulyadi", "harinya")]
    assert [(m.start, m.end) for m in karawang.mentions] == [
        span(text, "Karawang"), span(text, "Karawang", "pengungsi di")]


def test_kota_bandung_is_bandung():
    text = ("Banjir merendam ratusan rumah di Kota Bandung sejak Senin. Hujan deras mengguyur "
            "Bandung selama enam jam.")
    entities = entities_of(text, {"Kota Bandung": GPE, "Bandung": GPE})
    (bandung,) = entities
    assert (bandung.name, bandung.type, bandung.aliases) == ("Kota Bandung", "GPE", ["Bandung"])
    assert mentions(bandung) == [(*span(text, "Kota Bandung"), "Kota Bandung"),
                                 (*span(text, "Bandung", "mengguyur"), "Bandung")]


def test_kota_bandung_is_bandung_without_a_model():
    text = ("Banjir merendam ratusan rumah di Kota Bandung sejak Senin. Hujan deras mengguyur "
            "Bandung selama enam jam.")
    (bandung,) = entities_of(text, {})
    assert (bandung.name, bandung.type) == ("Kota Bandung", "GPE")
    assert [(m.start, m.end) for m in bandung.mentions] == [
        span(text, "Kota Bandung"), span(text, "Bandung", "mengguyur")]


def test_a_place_abbreviated_inside_a_name_is_the_same_name():
    text = ("Polda Kalimantan Selatan menangkap dua pengedar sabu di Banjarmasin. Menurut "
            "Polda Kalsel, barang bukti seberat 2 kilogram. Kedutaan Besar AS dan Kedutaan "
            "Besar Amerika Serikat belum berkomentar.")
    entities = entities_of(text, {"Polda Kalimantan Selatan": ORG, "Polda Kalsel": ORG,
                                  "Banjarmasin": GPE, "Kedutaan Besar AS": ORG,
                                  "Kedutaan Besar Amerika Serikat": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Polda Kalimantan Selatan", ["Polda Kalsel"]), ("Banjarmasin", []),
        ("Kedutaan Besar Amerika Serikat", ["Kedutaan Besar AS"])]
    polda = entities[0]
    assert mentions(polda) == [
        (*span(text, "Polda Kalimantan Selatan"), "Polda Kalimantan Selatan"),
        (*span(text, "Polda Kalsel"), "Polda Kalsel")]


def test_a_body_abbreviated_at_the_start_of_a_name_is_the_same_body():
    text = ("Pengadilan Negeri Solo menunda sidang gugatan itu. Humas PN Solo menyebut sidang "
            "dilanjutkan pekan depan. Kejari Sidoarjo belum menerima berkasnya.")
    entities = entities_of(text, {"Pengadilan Negeri Solo": ORG, "PN Solo": ORG,
                                  "Kejari Sidoarjo": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Pengadilan Negeri Solo", ["PN Solo"]), ("Kejari Sidoarjo", [])]


def test_well_known_other_names_of_people_countries_and_clubs_join_the_name():
    text = ("Menteri Sosial Saifullah Yusuf meninjau dapur umum. Gus Ipul mengatakan bantuan "
            "cukup. Ekspor ke China naik, dan Negeri Tirai Bambu menjadi pasar terbesar. "
            "Arsenal menang; The Gunners kini memimpin klasemen.")
    entities = entities_of(text, {"Saifullah Yusuf": PER, "Gus Ipul": PER, "China": GPE,
                                  "Negeri Tirai Bambu": GPE, "Arsenal": ORG,
                                  "The Gunners": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Saifullah Yusuf", ["Gus Ipul"]), ("China", ["Negeri Tirai Bambu"]),
        ("Arsenal", ["The Gunners"])]


def test_a_directorate_general_abbreviated_is_the_same_body():
    text = ("Direktorat Jenderal Pajak mencatat penerimaan naik. Menurut Ditjen Pajak, "
            "kepatuhan wajib pajak membaik.")
    entities = entities_of(text, {"Direktorat Jenderal Pajak": ORG, "Ditjen Pajak": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Direktorat Jenderal Pajak", ["Ditjen Pajak"])]


def test_a_bracketed_short_form_inside_a_name_does_not_make_another_name():
    text = ("Kejaksaan Tinggi (Kejati) Riau menahan dua tersangka. Juru bicara "
            "Kejaksaan Tinggi Riau membenarkan penahanan itu.")
    entities = entities_of(text, {"Kejaksaan Tinggi (Kejati) Riau": ORG,
                                  "Kejaksaan Tinggi Riau": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Kejaksaan Tinggi (Kejati) Riau", ["Kejaksaan Tinggi Riau"])]


def test_a_unit_named_with_its_parent_body_is_the_unit_named_alone():
    text = ("Itwasum Polri memeriksa para perwira. Menurut Itwasum, pemeriksaan rutin. "
            "Polri mendukung. Kantor perwakilan BI Sumsel mencatat inflasi; BI menahan suku "
            "bunga. Unilever Indonesia membagikan dividen; Unilever mencatat laba naik.")
    entities = entities_of(text, {"Itwasum Polri": ORG, "Itwasum": ORG, "Polri": ORG,
                                  "BI Sumsel": ORG, "BI": ORG, "Unilever Indonesia": ORG,
                                  "Unilever": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Itwasum Polri", ["Itwasum"]), ("Polri", []),
        # a body and its office in one place stay apart
        ("BI Sumsel", []), ("BI", []),
        ("Unilever Indonesia", ["Unilever"])]


def test_a_bare_acronym_opening_one_longer_name_is_that_body():
    text = ("BPJS Kesehatan menaikkan iuran. Direktur BPJS menyebut kenaikan itu perlu. "
            "BPS Provinsi DKI Jakarta mencatat inflasi; BPS merilis angka nasional. "
            "TNI AD mengirim pasukan; TNI menyiapkan logistik.")
    entities = entities_of(text, {"BPJS Kesehatan": ORG, "BPJS": ORG,
                                  "BPS Provinsi DKI Jakarta": ORG, "BPS": ORG,
                                  "TNI AD": ORG, "TNI": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("BPJS Kesehatan", ["BPJS"]),
        # a regional office and the national body; one of the forces and all of them
        ("BPS Provinsi DKI Jakarta", []), ("BPS", []), ("TNI AD", []), ("TNI", [])]


def test_a_bare_acronym_opening_two_longer_names_stays_apart():
    text = ("BPJS Kesehatan dan BPJS Ketenagakerjaan membuka layanan bersama. "
            "Peserta BPJS diminta memperbarui data.")
    entities = entities_of(text, {"BPJS Kesehatan": ORG, "BPJS Ketenagakerjaan": ORG,
                                  "BPJS": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("BPJS Kesehatan", []), ("BPJS Ketenagakerjaan", []), ("BPJS", [])]


def test_a_venue_named_with_its_town_is_the_venue_named_alone():
    text = ("Laga itu digelar di Stadion Teladan Medan. Stadion Teladan baru selesai "
            "direnovasi. Polda Papua Barat dan Polda Papua menggelar patroli bersama.")
    entities = entities_of(text, {"Stadion Teladan Medan": LOC, "Stadion Teladan": LOC,
                                  "Polda Papua Barat": ORG, "Polda Papua": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Stadion Teladan Medan", ["Stadion Teladan"]),
        # "Barat" is no town: two provinces' police
        ("Polda Papua Barat", []), ("Polda Papua", [])]


def test_standing_short_names_of_new_bodies_join_the_full_name():
    text = ("Badan Gizi Nasional menambah dapur umum. Menurut Badan Gizi, anggaran cukup. "
            "Kementerian Haji dan Umrah menyiapkan kuota; Kementerian Haji juga membuka "
            "pendaftaran.")
    entities = entities_of(text, {"Badan Gizi Nasional": ORG, "Badan Gizi": ORG,
                                  "Kementerian Haji dan Umrah": ORG, "Kementerian Haji": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Badan Gizi Nasional", ["Badan Gizi"]),
        ("Kementerian Haji dan Umrah", ["Kementerian Haji"])]


def test_a_city_and_a_regency_of_one_name_are_two_places():
    text = ("Banjir melanda Kota Bandung dan Kabupaten Bandung. Di Kabupaten Bandung, tiga "
            "desa terendam. Sungai di Bandung meluap lagi sore ini. Warga Kabupaten "
            "Majalengka bangga dengan julukan Kota Angin.")
    entities = entities_of(text, {"Kota Bandung": GPE, "Kabupaten Bandung": GPE,
                                  "Bandung": GPE, "Kabupaten Majalengka": GPE,
                                  "Kota Angin": GPE})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Kota Bandung", []),
        # the bare name goes with the unit named last before it
        ("Kabupaten Bandung", ["Bandung"]),
        # a standing nickname that opens with "Kota" is no city of its own
        ("Kabupaten Majalengka", ["Kota Angin"])]


def test_a_bank_named_again_without_bank_is_the_bank():
    text = ("Bank Mega menyalurkan kredit Rp 5 triliun. Direktur Mega menyebut permintaan "
            "naik. Bank Indonesia menahan suku bunga; ekonomi Indonesia tumbuh 5 persen.")
    entities = entities_of(text, {"Bank Mega": ORG, "Mega": ORG, "Bank Indonesia": ORG,
                                  "Indonesia": GPE})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Bank Mega", ["Mega"]),
        # the central bank is no name of the country
        ("Bank Indonesia", []), ("Indonesia", [])]


def test_a_short_form_with_its_acronym_inside_joins_the_name_that_spells_it_out():
    text = ("Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Lembata memperbaiki jalan. "
            "Kepala Dinas PUPR Lembata menyebut pekerjaan selesai bulan depan.")
    entities = entities_of(text, {
        "Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Lembata": ORG,
        "Dinas PUPR Lembata": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Lembata", ["Dinas PUPR Lembata"])]


def test_a_kind_of_body_written_alone_is_no_name():
    text = ("Ketua DPRD Bali menerima laporan itu. DPRD menjadwalkan rapat dengan Pemprov. "
            "Selain itu, Pemerintah menyiapkan anggaran. Dirinya yakin rapat lancar.")
    entities = entities_of(text, {"DPRD Bali": ORG, "DPRD": ORG, "Pemprov": ORG,
                                  "Selain": PER, "Pemerintah": ORG, "Dirinya": PER})
    assert [e.name for e in entities] == ["DPRD Bali"]


def test_a_person_in_brackets_after_a_place_holds_its_office_and_is_no_alias():
    text = ("Ramaphosa berterima kasih kepada Presiden Indonesia (Prabowo) atas sambutannya. "
            "Presiden Prabowo Subianto menjamu tamunya.")
    entities = entities_of(text, {"Ramaphosa": PER, "Indonesia": GPE, "Prabowo": PER,
                                  "Prabowo Subianto": PER})
    assert {e.name: [m.text for m in e.mentions] for e in entities} == {
        "Ramaphosa": ["Ramaphosa"], "Indonesia": ["Indonesia"],
        "Prabowo Subianto": ["Prabowo", "Prabowo Subianto"]}


def test_hakim_after_a_given_name_is_a_surname_not_an_office():
    text = "Ketua DPRD Banten, Fahmi Hakim, menyatakan pengawasan diperketat. Fahmi menambahkan."
    entities = entities_of(text, {"DPRD Banten": ORG, "Fahmi Hakim": PER, "Fahmi": PER})
    fahmi = entity_named(entities, "Fahmi Hakim")
    assert [m.text for m in fahmi.mentions] == ["Fahmi Hakim", "Fahmi"]


def test_a_short_name_prefers_the_person_it_opens_or_ends_over_a_middle_name():
    text = ("Penyidik Guntur Harahap memeriksa saksi. Direktur Asep Guntur Rahayu hadir. "
            "Guntur menyebut saksi kooperatif.")
    entities = entities_of(text, {"Guntur Harahap": PER, "Asep Guntur Rahayu": PER,
                                  "Guntur": PER})
    assert [m.text for m in entity_named(entities, "Guntur Harahap").mentions] == [
        "Guntur Harahap", "Guntur"]


def test_a_news_brand_in_lower_case_and_glued_to_its_neighbours_is_an_organisation():
    text = ("Hal itu disampaikan Kapolres kepadadetikSulsel, Senin. Pantauandetikcomdi lokasi, "
            "antrean mengular selama 30 detik saja. Seperti dilansir detikNews, warga lega.")
    entities = entities_of(text, {"Kapolres kepadadetikSulsel": ORG,
                                  "Pantauandetikcomdi": ORG})
    assert [(e.name, e.type, mentions(e)) for e in entities] == [
        ("detikSulsel", "ORG", [(*span(text, "detikSulsel"), "detikSulsel")]),
        ("detikcom", "ORG", [(*span(text, "detikcom"), "detikcom")]),
        ("detikNews", "ORG", [(*span(text, "detikNews"), "detikNews")])]


def test_ibu_kota_is_a_capital_not_a_title_and_abah_apoteker_are_titles():
    text = ("Otorita Ibu Kota Nusantara membuka lelang. Ibu Kota Nusantara dibangun bertahap. "
            "Menurut Abah Eko, warga senang. Apoteker Noel Wicks ikut hadir. Kejati Papua "
            "menyita aset.")
    entities = entities_of(text, {"Ibu Kota Nusantara": GPE, "Abah Eko": PER,
                                  "Apoteker Noel Wicks": PER, "Kejati Papua": ORG})
    assert [e.name for e in entities] == [
        "Ibu Kota Nusantara", "Eko", "Noel Wicks", "Kejati Papua"]


def test_a_parent_body_abbreviated_at_the_end_of_a_name_and_dki_jakarta():
    text = ("Ditjen Pajak Kementerian Keuangan mencatat kenaikan. Menurut Ditjen Pajak "
            "Kemenkeu, kepatuhan membaik di DKI Jakarta. Jakarta menyumbang terbanyak.")
    entities = entities_of(text, {"Ditjen Pajak Kementerian Keuangan": ORG,
                                  "Ditjen Pajak Kemenkeu": ORG, "DKI Jakarta": GPE,
                                  "Jakarta": GPE})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Ditjen Pajak Kementerian Keuangan", ["Ditjen Pajak Kemenkeu"]),
        ("Jakarta", ["DKI Jakarta"])]


def test_a_short_form_with_the_place_written_differently_joins_the_bracketed_name():
    text = ("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Boyolali mencatat banjir. "
            "BPBD Boyolali mengirim perahu karet. SMKN di sana diliburkan.")
    entities = entities_of(text, {
        "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Boyolali": ORG,
        "BPBD Boyolali": ORG})
    assert [(e.name, e.aliases) for e in entities if e.type] == [
        ("Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Boyolali", ["BPBD Boyolali"])]


def test_company_initials_join_the_company_without_its_legal_form():
    text = ("PT Sarana Pembangunan Riau mengelola blok itu. Direktur PT SPR menyebut "
            "produksi naik. Kontraktornya, PT Kingswood Capital Ltd, diperiksa; KCL membantah.")
    entities = entities_of(text, {"PT Sarana Pembangunan Riau": ORG, "PT SPR": ORG,
                                  "PT Kingswood Capital Ltd": ORG, "KCL": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("PT Sarana Pembangunan Riau", ["PT SPR"]), ("PT Kingswood Capital Ltd", ["KCL"])]


def test_a_body_or_place_misspelt_by_one_letter_or_two_swapped_is_the_same_name():
    text = ("Warga berkumpul di Masjid Tribrata. Takmir Masjid Tibrata menyiapkan makanan. "
            "PT Loco Montrado digugat; kuasa hukum PT Loco Montardo menolak. Polda Sulbar "
            "dan Polda Sumbar bekerja sama.")
    entities = entities_of(text, {"Masjid Tribrata": LOC, "Masjid Tibrata": LOC,
                                  "PT Loco Montrado": ORG, "PT Loco Montardo": ORG,
                                  "Polda Sulbar": ORG, "Polda Sumbar": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Masjid Tribrata", ["Masjid Tibrata"]), ("PT Loco Montrado", ["PT Loco Montardo"]),
        ("Polda Sulbar", []), ("Polda Sumbar", [])]


def test_dki_before_jakarta_is_not_spelled_out_twice():
    text = "Pemprov DKI Jakarta menambah armada bus. Pemprov DKI menyebut armada baru tiba Mei."
    entities = entities_of(text, {"Pemprov DKI Jakarta": ORG, "Pemprov DKI": ORG})
    assert [e.name for e in entities] == ["Pemprov DKI Jakarta", "Pemprov DKI"]


def test_a_geographic_head_makes_a_place_of_a_state():
    text = ("Pasukan Israel kembali menyerang Jalur Gaza pada Senin malam. Serangan di Gaza "
            "menewaskan sedikitnya 20 orang.")
    entities = entities_of(text, {"Israel": GPE, "Jalur Gaza": LOC, "Gaza": GPE})
    gaza = entity_named(entities, "Jalur Gaza")
    assert gaza.type == "LOC"
    assert mentions(gaza) == [(*span(text, "Jalur Gaza"), "Jalur Gaza"),
                              (*span(text, "Gaza", "Serangan di"), "Gaza")]


def test_entity_at_finds_the_entity_of_a_span():
    text = "Gubernur Jawa Barat Dedi Mulyadi meninjau tanggul yang jebol di Karawang."
    entities = entities_of(text, {"Dedi Mulyadi": PER, "Jawa Barat": GPE, "Karawang": GPE})
    assert entity_at(entities, *span(text, "Mulyadi")).name == "Dedi Mulyadi"
    assert entity_at(entities, *span(text, "Gubernur Jawa")).name == "Jawa Barat"
    assert entity_at(entities, *span(text, "meninjau")) is None


# -- capitalised words that are not names ------------------------------------------------

def test_capitalised_sentence_openers_are_not_names():
    text = ("Banjir merendam ratusan rumah di Kabupaten Bekasi sejak Senin. Hujan deras mengguyur "
            "wilayah itu selama enam jam.")
    entities = entities_of(text, {"Kabupaten Bekasi": GPE})
    assert [(e.name, mentions(e)) for e in entities] == [
        ("Kabupaten Bekasi", [(*span(text, "Kabupaten Bekasi"), "Kabupaten Bekasi")])]


def test_common_word_opening_the_sentence_is_cut_from_a_place():
    text = ("Warga Bandung mengeluhkan kemacetan di Jalan Asia Afrika. Pemerintah Kota Bandung "
            "berjanji menambah petugas.")
    entities = entities_of(text, {"Bandung": GPE, "Jalan Asia Afrika": LOC,
                                  "Pemerintah Kota Bandung": ORG})
    assert "Warga Bandung" not in {e.name for e in entities}
    bandung = entity_named(entities, "Bandung")
    assert mentions(bandung)[0] == (6, 13, "Bandung")


def test_common_word_opening_the_sentence_is_cut_without_a_model_span():
    text = "Warga Bandung mengeluhkan kemacetan di Jalan Asia Afrika setiap akhir pekan."
    entities = entities_of(text, {"Jalan Asia Afrika": LOC})
    assert "Warga Bandung" not in {e.name for e in entities}
    bandung = entity_named(entities, "Bandung")
    assert (bandung.type, mentions(bandung)) == ("GPE", [(6, 13, "Bandung")])


def test_a_typed_organisation_name_opening_the_sentence_is_kept_whole():
    text = ("Partai Golkar menggelar rapat pimpinan nasional di Jakarta. Golkar menyatakan "
            "dukungan untuk program pemerintah.")
    entities = entities_of(text, {"Partai Golkar": ORG, "Golkar": ORG, "Jakarta": GPE})
    golkar = entity_named(entities, "Partai Golkar")
    assert mentions(golkar) == [(0, 13, "Partai Golkar"),
                                (*span(text, "Golkar", "Jakarta."), "Golkar")]


def test_currency_sign_is_not_a_name():
    text = "Pemerintah menaikkan harga beras. Harga beras medium kini Rp 13.500 per kilogram."
    assert entities_of(text, {}) == []


def test_first_word_of_a_quotation_is_not_a_name():
    text = ("Menteri Keuangan Sri Mulyani Indrawati ditemui di kantornya. Menurut dia, "
            "“Penerimaan pajak tahun ini masih sesuai target.”")
    entities = entities_of(text, {"Sri Mulyani Indrawati": PER})
    assert "Penerimaan" not in {e.name for e in entities}


# -- end to end, with the shipped model ----------------------------------------------

E2E = ("Jakarta - Presiden Prabowo Subianto meresmikan Bendungan Jatigede di Kabupaten Sumedang, "
       "Jawa Barat, Selasa (21/10/2025). Prabowo didampingi Gubernur Jawa Barat Dedi Mulyadi."
       "\n\nKomisi Pemberantasan Korupsi atau KPK menahan dua tersangka baru di Jakarta. Ketua "
       "Umum Partai Demokrat Agus Harimurti Yudhoyono hadir di Surabaya.")


@pytest.fixture(scope="module")
def e2e() -> warta.Analysis:
    return analysed_with_model(E2E)


def test_end_to_end_people_with_roles(e2e):
    prabowo = entity_named(e2e.entities, "Prabowo Subianto")
    assert prabowo.type == "PER"
    assert mentions(prabowo) == [(*span(E2E, "Prabowo Subianto"), "Prabowo Subianto"),
                                 (*span(E2E, "Prabowo", "2025)."), "Prabowo")]
    assert roles(prabowo) == [(*span(E2E, "Presiden"), "Presiden")]
    dedi = entity_named(e2e.entities, "Dedi Mulyadi")
    assert dedi.type == "PER"
    assert roles(dedi) == [(*span(E2E, "Gubernur Jawa Barat"), "Gubernur Jawa Barat")]
    ahy = entity_named(e2e.entities, "Agus Harimurti Yudhoyono")
    assert ahy.type == "PER"


def test_end_to_end_places_and_organisations(e2e):
    jabar = entity_named(e2e.entities, "Jawa Barat")
    assert jabar.type == "GPE"
    assert [(m.start, m.end) for m in jabar.mentions] == [
        span(E2E, "Jawa Barat"), span(E2E, "Jawa Barat", "Gubernur ")]
    jakarta = entity_named(e2e.entities, "Jakarta")
    assert (jakarta.type, [(m.start, m.end) for m in jakarta.mentions]) == (
        "GPE", [span(E2E, "Jakarta"), span(E2E, "Jakarta", "baru di ")])
    kpk = entity_named(e2e.entities, "Komisi Pemberantasan Korupsi")
    assert kpk.type == "ORG"
    assert kpk.aliases == ["KPK"]
    assert entity_named(e2e.entities, "Surabaya").type == "GPE"
    for e in e2e.entities:
        for m in e.mentions:
            assert E2E[m.start:m.end] == m.text


def test_an_untyped_term_of_common_words_is_misc():
    text = ("Pemerintah mempercepat Proyek Strategis Nasional (PSN) di Jawa Barat. Daftar PSN "
            "diperbarui tiap tahun.")
    entities = entities_of(text, {"Jawa Barat": GPE})
    psn = entity_named(entities, "Proyek Strategis Nasional")
    assert (psn.type, psn.aliases) == ("MISC", ["PSN"])
    assert [(m.start, m.end, m.kind) for m in psn.mentions] == [
        (23, 48, "name"), (50, 53, "acronym"), (*span(text, "PSN", "Daftar "), "acronym")]
    assert entity_named(entities, "Jawa Barat").type == "GPE"


def test_a_term_whose_words_the_article_writes_in_lower_case_is_misc():
    text = ("Pemerintah menaikkan Harga Eceran Tertinggi (HET) beras medium. Kenaikan harga "
            "eceran itu berlaku pekan depan, dan HET baru tertinggi sejak 2023.")
    entities = entities_of(text, {})
    assert [(e.name, e.type, e.aliases) for e in entities] == [
        ("Harga Eceran Tertinggi", "MISC", ["HET"])]


def test_a_description_in_brackets_after_a_name_is_no_alias():
    text = ("Dapur umum dibangun di banyak daerah: 1 SPPG Polda Papua Barat Daya (Tahap "
            "Pembangunan). Dua dapur lain masih Tahap Pembangunan juga.")
    entities = entities_of(text, {"Polda Papua Barat Daya": ORG})
    polda = entity_named(entities, "Polda Papua Barat Daya")
    assert (polda.type, polda.aliases) == ("ORG", [])
    assert all(e.type != "ORG" for e in entities if e is not polda)


def test_a_company_keeps_its_legal_form():
    text = ("Kontrak diteken PT Pertamina (Persero) dan PT Waskita Karya (Persero) Tbk. "
            "Pertamina menyambut baik.")
    entities = entities_of(text, {"PT Pertamina": ORG, "PT Waskita Karya": ORG, "Pertamina": ORG})
    pertamina = entity_named(entities, "PT Pertamina (Persero)")
    assert [(m.start, m.end, m.text) for m in pertamina.mentions] == [
        (16, 38, "PT Pertamina (Persero)"), (*span(text, "Pertamina", "Tbk. "), "Pertamina")]
    waskita = entity_named(entities, "PT Waskita Karya (Persero) Tbk")
    assert [(m.start, m.end) for m in waskita.mentions] == [(43, 73)]


def test_a_person_glued_to_an_organisation_span_is_split_off():
    text = ('Gubernur Bank Indonesia Perry Warjiyo hadir di Washington. "Ekonomi tumbuh," '
            "tegas Perry.")
    entities = entities_of(text, {"Bank Indonesia Perry Warjiyo": ORG, "Perry": PER,
                                  "Washington": GPE})
    assert [(e.name, e.type, [(m.start, m.end) for m in e.mentions]) for e in entities] == [
        ("Bank Indonesia", "ORG", [(9, 23)]),
        ("Perry Warjiyo", "PER", [(24, 37), span(text, "Perry", "tegas ")]),
        ("Washington", "GPE", [span(text, "Washington")])]


def test_kaka_is_an_honorific():
    text = ("Bupati Flores Timur Anton Doni Dihen hadir. Ia menganggap Anton seperti kakak. "
            "Kaka Anton berkontribusi besar.")
    entities = entities_of(text, {"Flores Timur": GPE, "Anton Doni Dihen": PER, "Anton": PER})
    anton = entity_named(entities, "Anton Doni Dihen")
    assert [m.text for m in anton.mentions if m.kind == "name"] == [
        "Anton Doni Dihen", "Anton", "Anton"]
    assert anton.mentions[-1].start == text.index("Anton berkontribusi")


def test_a_place_named_like_a_title_and_a_unit_number_before_a_name():
    text = ("Kepala Satuan Tugas Wilayah V Dian Patria meninjau Raja Ampat. Pemda Raja Ampat "
            "menyambut kunjungan itu.")
    entities = entities_of(text, {"V Dian Patria": PER, "Raja Ampat": GPE, "Pemda": ORG})
    assert [(m.start, m.end) for m in entity_named(entities, "Dian Patria").mentions] == [
        span(text, "Dian Patria")]
    raja_ampat = entity_named(entities, "Raja Ampat")
    assert (raja_ampat.type, len(raja_ampat.mentions)) == ("GPE", 2)
    assert "Pemda" not in {e.name for e in entities}  # a generic word, not a name


def test_a_direction_after_a_place_is_part_of_its_name():
    text = "Kapal induk dikirim ke Laut Tengah Timur, dekat Jakarta Utara versi peta lama."
    entities = entities_of(text, {"Laut Tengah": LOC, "Jakarta": GPE})
    assert [(e.name, e.type, [(m.start, m.end) for m in e.mentions]) for e in entities] == [
        ("Laut Tengah Timur", "LOC", [span(text, "Laut Tengah Timur")]),
        ("Jakarta Utara", "GPE", [span(text, "Jakarta Utara")])]


def test_a_place_word_ending_a_persons_name_and_a_regency_inside_an_office():
    text = ("Wakil Ketua Komisi II DPR RI Aria Bima hadir. Kepala Kejaksaan Negeri Kuantan "
            "Singingi Soenardi juga hadir, kata Singingi Soenardi kepada wartawan.")
    entities = entities_of(text, {"DPR RI": ORG, "Aria": PER, "Bima": GPE,
                                  "Kejaksaan Negeri Kuantan Singingi Soenardi": ORG,
                                  "Singingi Soenardi": PER})
    names = {e.name: e.type for e in entities}
    assert names["Aria Bima"] == "PER" and "Bima" not in names
    assert names["Kejaksaan Negeri Kuantan Singingi Soenardi"] == "ORG"


def test_a_hyphenated_pair_of_people_names_each_of_them():
    text = ("Kabinet pemerintahan Prabowo-Gibran genap setahun. Presiden Prabowo Subianto dan "
            "Wakil Presiden Gibran Rakabuming Raka hadir di Istana.")
    entities = entities_of(text, {"Prabowo-Gibran": PER, "Prabowo Subianto": PER,
                                  "Gibran Rakabuming Raka": PER, "Istana": LOC})
    pair = text.index("Prabowo-Gibran")
    assert mentions(entity_named(entities, "Prabowo Subianto")) == [
        (pair, pair + 7, "Prabowo"), (*span(text, "Prabowo Subianto"), "Prabowo Subianto")]
    assert mentions(entity_named(entities, "Gibran Rakabuming Raka")) == [
        (pair + 8, pair + 14, "Gibran"),
        (*span(text, "Gibran Rakabuming Raka"), "Gibran Rakabuming Raka")]


def test_a_hyphenated_pair_of_known_bodies_and_places_is_split():
    text = "Koordinasi BI-OJK diperkuat di tengah perang Rusia-Ukraina yang berlarut."
    entities = entities_of(text, {"BI-OJK": ORG, "Rusia-Ukraina": GPE})
    assert [(e.name, e.type, mentions(e)) for e in entities] == [
        ("BI", "ORG", [(11, 13, "BI")]), ("OJK", "ORG", [(14, 17, "OJK")]),
        ("Rusia", "GPE", [(45, 50, "Rusia")]), ("Ukraina", "GPE", [(51, 58, "Ukraina")])]


@pytest.mark.parametrize("text, name", [
    # a double-barrelled surname: its parts are never written alone
    ("Bek kanan Kyle Walker-Peters cedera saat latihan.", "Kyle Walker-Peters"),
    # the article also writes the parts as one name
    ("Koleksi Permaisuri Marie Louise dipamerkan. Perhiasan Marie-Louise dicuri.",
     "Marie-Louise"),
    # the pair opens a longer name
    ("Indonesia menggelar Indonesia-Pakistan Economic Forum bersama Pakistan.",
     "Indonesia-Pakistan"),
])
def test_a_hyphenated_name_that_is_one_name_stays_whole(text, name):
    labels = {"Kyle Walker-Peters": PER, "Marie Louise": PER, "Marie-Louise": PER,
              "Indonesia-Pakistan": GPE, "Indonesia": GPE, "Pakistan": GPE}
    entities = entities_of(text, {k: v for k, v in labels.items() if k in text})
    start = text.index(name)
    assert (start, start + len(name), name) in [m for e in entities for m in mentions(e)]


def test_a_name_is_not_stretched_over_a_hyphen_onto_the_next_name():
    text = "Antrean di Tol Jakarta-Bandung mengular sejak pagi."
    entities = entities_of(text, {"Tol Jakarta": LOC, "Bandung": GPE})
    assert [(e.name, mentions(e)) for e in entities] == [
        ("Tol Jakarta", [(11, 22, "Tol Jakarta")]), ("Bandung", [(23, 30, "Bandung")])]


def test_a_name_in_a_promotion_line_loses_the_title_case_words_around_it():
    text = ('Menteri Keuangan Purbaya Yudhi Sadewa menyebut defisit aman. Purbaya '
            'menambahkan belanja tetap jalan.\n\n'
            'Simak juga Video: Purbaya Ancam Pegawai Nakal, Dubes Jepang Temui Prabowo\n')
    entities = entities_of(text, {"Purbaya Yudhi Sadewa": PER, "Purbaya": PER,
                                  "Purbaya Ancam Pegawai Nakal": PER,
                                  "Temui Prabowo": PER, "Jepang": GPE})
    promo = text.index("Simak")
    assert [(e.name, e.type, [m.start for m in e.mentions]) for e in entities if e.type] == [
        ("Purbaya Yudhi Sadewa", "PER", [text.index("Purbaya"), text.index("Purbaya", 20),
                                         text.index("Purbaya", promo)]),
        ("Jepang", "GPE", [text.index("Jepang")]),
        # "Prabowo" is not written in running text: nothing tells the name from the verb
        ("Temui Prabowo", "PER", [text.index("Temui")])]


def test_a_capitalised_run_in_a_promotion_line_does_not_lengthen_a_name():
    text = ("Kabinet bekerja keras, kata juru bicara.\n\n"
            'Tonton juga video "Prabowo Ibaratkan Kabinet Bak Tim Sepakbola"\n')
    entities = entities_of(text, {"Prabowo": PER})
    assert [(e.name, e.type) for e in entities if e.type] == [("Prabowo", "PER")]


def test_a_body_named_by_its_kind_at_the_start_of_a_sentence_keeps_its_head():
    text = ("Menteri Bahlil menegaskan itu kepada ESDM daerah.\n\nKementerian ESDM pun "
            "tak tinggal diam.")
    entities = entities_of(text, {"Bahlil": PER, "ESDM": ORG, "Kementerian ESDM": ORG})
    assert "Kementerian ESDM" in [m.text for e in entities for m in e.mentions]


def test_promotion_lines_are_title_case_lines_opened_by_a_cue():
    from warta.text.headlines import promotion_lines
    text = ("Simak juga Video: Sri Mulyani Bicara Soal Coretax\n"
            "Baca juga: harga cabai naik di pasar\n"  # not title case
            "Kejaksaan Negeri Lembata Menahan Kepala Dinas\n"  # title case, no cue
            'Tonton juga video "Cina dan India Pimpin Produksi Hidrogen"')
    starts = [text.index("Simak"), text.index("Tonton")]
    assert [start for start, _ in promotion_lines(text)] == starts


def test_a_degree_after_a_name_is_not_part_of_it():
    text = ("Senada, Prof Raldi Hendro Koestoer PhD, dosen Universitas Indonesia, menilai "
            "aturan itu terlambat. Raldi juga meminta kampus bersiap. Rektor Budi Santoso "
            "M.Si menyambutnya.")
    entities = entities_of(text, {"Raldi Hendro Koestoer": PER, "Raldi": PER,
                                  "Universitas Indonesia": ORG})
    raldi = entity_named(entities, "Raldi Hendro Koestoer")
    assert [m.text for m in raldi.mentions if m.kind == "name"] == [
        "Raldi Hendro Koestoer", "Raldi"]
    # a name the model left untyped stops before the degree as well
    assert any(m.text == "Budi Santoso" for e in entities for m in e.mentions)
    assert not any("PhD" in m.text or "M.Si" in m.text for e in entities for m in e.mentions)


def test_names_spelt_the_old_way_or_transliterated_otherwise_are_one_person():
    text = ("Ketua KPU Mochammad Afifuddin membuka rapat. Muhammad Afifuddin menyebut tahapan "
            "berjalan. Kapolres AKBP Muhammad Syarifudin Lubis hadir; Muhammad Syaripuddin "
            "Lubis meminta warga tenang. Mantan ajudan Soekarno Hadi dan Sukarto Hadi "
            "juga hadir.")
    entities = entities_of(text, {"KPU": ORG, "Mochammad Afifuddin": PER,
                                  "Muhammad Afifuddin": PER, "Muhammad Syarifudin Lubis": PER,
                                  "Muhammad Syaripuddin Lubis": PER, "Soekarno Hadi": PER,
                                  "Sukarto Hadi": PER})
    people = sorted(sorted(m.text for m in e.mentions) for e in entities if e.type == "PER")
    assert people == [["Mochammad Afifuddin", "Muhammad Afifuddin"],
                      ["Muhammad Syarifudin Lubis", "Muhammad Syaripuddin Lubis"],
                      ["Soekarno Hadi"], ["Sukarto Hadi"]]  # another name, not a spelling


def test_a_short_name_joins_the_one_full_name_the_model_typed_otherwise():
    # the model typed the full name ORG and the surname PER, or the reverse: one person
    text = ("Mantan Direktur Isa Rachmatarwata diperiksa jaksa. Isa membantah semua tuduhan. "
            "Peneliti Herbet Feith menulis buku itu; Feith wafat pada 2001. Di Jalan Sudirman "
            "warga berkumpul, sementara Sudirman mengaku tidak tahu.")
    entities = entities_of(text, {"Isa Rachmatarwata": ORG, "Isa": PER, "Herbet Feith": LOC,
                                  "Feith": PER, "Jalan Sudirman": LOC, "Sudirman": PER})
    isa = entity_named(entities, "Isa Rachmatarwata")
    assert (isa.type, [m.text for m in isa.mentions]) == ("PER", ["Isa Rachmatarwata", "Isa"])
    feith = entity_named(entities, "Herbet Feith")
    assert (feith.type, [m.text for m in feith.mentions]) == ("PER", ["Herbet Feith", "Feith"])
    # a street named after someone is no person: "Sudirman" stays apart
    assert entity_named(entities, "Jalan Sudirman").type == "LOC"
    assert entity_named(entities, "Sudirman").type == "PER"


def test_provinsi_inside_a_body_s_name_and_a_hyphenated_ri_change_nothing():
    text = ("DPRD Provinsi Jatim menggelar rapat paripurna. Ketua DPRD Jatim membuka rapat, "
            "dan DPRD Jawa Timur menyetujui anggaran. Komisi XIII DPR-RI ikut hadir; Komisi "
            "XIII DPR RI mencatat usulan. Pemkab Bandung dan Pemkot Bandung juga diundang.")
    entities = entities_of(text, {"DPRD Provinsi Jatim": ORG, "DPRD Jatim": ORG,
                                  "DPRD Jawa Timur": ORG, "Komisi XIII DPR-RI": ORG,
                                  "Komisi XIII DPR RI": ORG, "Pemkab Bandung": ORG,
                                  "Pemkot Bandung": ORG})
    assert sorted([m.text for m in e.mentions] for e in entities) == [
        ["DPRD Provinsi Jatim", "DPRD Jatim", "DPRD Jawa Timur"],
        ["Komisi XIII DPR-RI", "Komisi XIII DPR RI"], ["Pemkab Bandung"], ["Pemkot Bandung"]]


def test_a_venue_named_without_its_head_word_is_the_venue():
    text = ("Polisi menutup Jembatan Ampera sementara. Warga yang melintasi Ampera diminta "
            "memutar. Di Jalan Sudirman macet, kata Sudirman, petugas parkir. Petugas menjaga "
            "Kawasan Hutan itu; Hutan lindung juga dijaga.")
    entities = entities_of(text, {"Jembatan Ampera": LOC, "Ampera": LOC, "Jalan Sudirman": LOC,
                                  "Sudirman": PER, "Kawasan Hutan": LOC, "Hutan": LOC})
    by_name = {e.name: [m.text for m in e.mentions] for e in entities}
    assert by_name["Jembatan Ampera"] == ["Jembatan Ampera", "Ampera"]
    # a person's name is no street's, and a common word no name of a place
    assert by_name["Jalan Sudirman"] == ["Jalan Sudirman"]
    assert by_name["Sudirman"] == ["Sudirman"]
    assert by_name["Kawasan Hutan"] == ["Kawasan Hutan"]


def test_a_short_name_of_a_country_joins_it_and_is_not_spelled_out_inside_names():
    text = ("Pemerintah Arab Saudi membuka kuota haji. Saudi juga menambah penerbangan, kata "
            "Kedutaan Besar Arab Saudi. Warga Amerika Serikat ikut; Amerika menolak.")
    entities = entities_of(text, {"Arab Saudi": GPE, "Saudi": GPE, "Amerika Serikat": GPE,
                                  "Amerika": GPE, "Kedutaan Besar Arab Saudi": ORG})
    assert sorted([m.text for m in e.mentions] for e in entities) == [
        ["Amerika Serikat", "Amerika"], ["Arab Saudi", "Saudi"], ["Kedutaan Besar Arab Saudi"]]


def test_standing_names_of_institutions_join_without_brackets():
    # known_aliases: general knowledge of Indonesian and international bodies, so an
    # article that writes the full name once and the short one later is one entity
    text = ("Kementerian Energi dan Sumber Daya Mineral menaikkan target produksi. Kementerian "
            "ESDM juga meminta PLN menambah pembangkit. Perusahaan Listrik Negara siap. "
            "Bank Dunia memuji langkah itu; World Bank menilai investasi akan naik.")
    entities = entities_of(text, {
        "Kementerian Energi dan Sumber Daya Mineral": ORG, "Kementerian ESDM": ORG, "PLN": ORG,
        "Perusahaan Listrik Negara": ORG, "Bank Dunia": ORG, "World Bank": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Kementerian Energi dan Sumber Daya Mineral", ["Kementerian ESDM"]),
        ("Perusahaan Listrik Negara", ["PLN"]),
        ("World Bank", ["Bank Dunia"])]


def test_club_nicknames_and_short_names_are_the_club():
    text = ("Persib Bandung menang 2-0 atas Persija. Maung Bandung kini memimpin klasemen, "
            "sedangkan Macan Kemayoran turun ke posisi lima. Persib menjamu PSM pekan depan.")
    entities = entities_of(text, {"Persib Bandung": ORG, "Persija": ORG, "Maung Bandung": ORG,
                                  "Macan Kemayoran": ORG, "Persib": ORG, "PSM": ORG})
    assert [(e.name, e.aliases) for e in entities] == [
        ("Persib Bandung", ["Maung Bandung", "Persib"]),
        ("Persija", ["Macan Kemayoran"]), ("PSM", [])]


def test_a_party_organ_tagged_apart_from_the_party_is_still_an_organ():
    # the model tagged "DPD" alone and "Golkar Gowa" as one body: the organ, its level
    # and the party are read together, so the region after the party is a place
    text = ("Ketua DPD II Golkar Gowa Andi Maddusila membuka rapat kerja. Golkar Gowa "
            "menargetkan sepuluh kursi.")
    entities = entities_of(text, {"DPD": ORG, "Golkar Gowa": ORG, "Andi Maddusila": PER})
    golkar = entity_named(entities, "Golkar")
    assert mentions(golkar) == [(*span(text, "Golkar"), "Golkar"),
                                (*span(text, "Golkar", "kerja."), "Golkar")]
    assert entity_named(entities, "Gowa").type == "GPE"
    assert not any(m.text == "DPD" for e in entities for m in e.mentions)


def test_a_place_opening_a_person_span_after_an_office_is_the_office_region():
    # "Ketua Golkar Parepare Tasming Hamid": the model put the region into the name
    text = ("Ketua Golkar Parepare Tasming Hamid meresmikan pasar baru. Tasming berharap pasar "
            "itu ramai. Seorang warga bernama Kendari Putra ikut berbelanja.")
    entities = entities_of(text, {"Golkar": ORG, "Parepare Tasming Hamid": PER, "Tasming": PER,
                                  "Kendari Putra": PER})
    assert mentions(entity_named(entities, "Parepare")) == [(*span(text, "Parepare"), "Parepare")]
    assert entity_named(entities, "Parepare").type == "GPE"
    tasming = entity_named(entities, "Tasming Hamid")
    assert mentions(tasming) == [(*span(text, "Tasming Hamid"), "Tasming Hamid"),
                                 (*span(text, "Tasming", "baru."), "Tasming")]
    # no office before it: a person's name that opens with a place's stays whole
    assert entity_named(entities, "Kendari Putra").type == "PER"


def test_the_body_head_before_a_spelled_portfolio_belongs_to_the_name():
    # the model found only the acronym; the words it spells follow "Kementerian"
    text = ("Kementerian Perumahan dan Kawasan Permukiman (PKP) menyiapkan rumah subsidi. "
            "PKP menargetkan tiga juta rumah.")
    entities = entities_of(text, {"PKP": ORG})
    pkp = entity_named(entities, "Kementerian Perumahan dan Kawasan Permukiman")
    assert pkp.type == "ORG"
    assert mentions(pkp) == [(0, 44, "Kementerian Perumahan dan Kawasan Permukiman"),
                             (*span(text, "PKP"), "PKP"), (*span(text, "PKP", "subsidi."), "PKP")]


def test_a_body_named_with_its_building_is_the_body():
    text = "Rapat digelar di Gedung Bursa Efek Indonesia (BEI), Jakarta, Kamis pagi."
    entities = entities_of(text, {"Gedung Bursa Efek Indonesia": ORG, "BEI": ORG,
                                  "Jakarta": GPE})
    bei = entity_named(entities, "Bursa Efek Indonesia")
    assert mentions(bei) == [(*span(text, "Bursa Efek Indonesia"), "Bursa Efek Indonesia"),
                             (*span(text, "BEI"), "BEI")]


def test_a_portfolio_acronym_after_a_minister_title_is_no_name():
    text = ("Menteri Energi dan Sumber Daya Mineral (ESDM) Bahlil Lahadalia hadir bersama "
            "Menteri Koordinator Bidang Infrastruktur dan Pembangunan Kewilayahan Agus "
            "Harimurti Yudhoyono (AHY). Kementerian Energi dan Sumber Daya Mineral (ESDM) "
            "menyiapkan datanya.")
    entities = entities_of(text, {"ESDM": ORG, "Bahlil Lahadalia": PER,
                                  "Agus Harimurti Yudhoyono": PER, "AHY": PER,
                                  "Kementerian Energi dan Sumber Daya Mineral": ORG})
    esdm = entity_named(entities, "Kementerian Energi dan Sumber Daya Mineral")
    # the office's acronym is no mention; the ministry's, after "Kementerian", is
    assert [m.text for m in esdm.mentions] == ["Kementerian Energi dan Sumber Daya Mineral",
                                               "ESDM"]
    assert esdm.mentions[1].start == text.rindex("ESDM")
    # a person's name between the portfolio and the bracket: the acronym is theirs
    assert [m.text for m in entity_named(entities, "Agus Harimurti Yudhoyono").mentions] == [
        "Agus Harimurti Yudhoyono", "AHY"]


def test_a_company_name_typed_in_two_parts_is_joined_by_its_acronym():
    text = ("Tarif dihitung oleh PT Lintas Marga Sedaya Utama (LMSU) sejak Senin. Sementara "
            "itu, ASEAN Petroleum Security Agreement (APSA) dibahas di Kuala Lumpur.")
    entities = entities_of(text, {"PT Lintas Marga": ORG, "Sedaya Utama": PER,
                                  "LMSU": ORG, "ASEAN": ORG, "Kuala Lumpur": GPE})
    lmsu = entity_named(entities, "PT Lintas Marga Sedaya Utama")
    assert (lmsu.type, mentions(lmsu)) == ("ORG", [
        (*span(text, "PT Lintas Marga Sedaya Utama"), "PT Lintas Marga Sedaya Utama"),
        (*span(text, "LMSU"), "LMSU")])
    # a body's name and a treaty's after it: only a company's or a party's name grows
    assert [m.text for m in entity_named(entities, "ASEAN").mentions] == ["ASEAN"]


def test_a_name_with_an_age_in_brackets_is_a_person():
    text = ("Seorang pedagang, Sri Wahyuni (42) melapor ke polisi. Korban banjir tersebar di "
            "Cianjur (12) dan Garut (8).")
    entities = entities_of(text, {"Sri Wahyuni": ORG, "Cianjur": GPE, "Garut": GPE})
    assert entity_named(entities, "Sri Wahyuni").type == "PER"
    # counts per region stay places
    assert entity_named(entities, "Cianjur").type == entity_named(entities, "Garut").type == "GPE"
