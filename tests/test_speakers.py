"""Speakers: who each attribution points to.

Pronouns and -nya go to the right person (subject over object, the latest
speaker over a person merely mentioned), titles to the holder of the role, short
names and nicknames to the fullest name, organisations and descriptions stay
what they are.  Most tests give the extractors the named spans a good NER model
would propose (``read``); the last ones run ``warta.analyze`` with the model.
"""

from __future__ import annotations

import pytest
from named_spans import (
    GPE,
    LOC,
    ORG,
    PER,
    analysed_with_model,
    doc_of,
    entity_named,
    read,
    span,
)

import warta
from warta.extract.entities import extract_entities
from warta.extract.quotes import extract_quotes
from warta.extract.speakers import add_speaker_mentions
from warta.nlp.pipeline import get_sentence_parser
from warta.schema import Quote, Speaker


def only_speaker(quotes: list[Quote]) -> Speaker:
    assert len(quotes) == 1, quotes
    assert quotes[0].speaker is not None
    return quotes[0].speaker


def check(text: str, speaker: Speaker, written: str, kind: str, after: str = "") -> None:
    """The speaker mention is ``written`` (found after ``after``), of ``kind``."""
    assert (speaker.start, speaker.end) == span(text, written, after)
    assert speaker.text == text[speaker.start:speaker.end] == written
    assert speaker.kind == kind


# -- pronouns --------------------------------------------------------------------------

def test_dia_is_the_subject_not_the_person_met():
    text = ("Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Australia Penny Wong di "
            "Canberra. Dia mengatakan bahwa kedua negara sepakat memperkuat kerja sama maritim.")
    entities, quotes = read(text, {"Sugiono": PER, "Penny Wong": PER, "Australia": GPE,
                                   "Canberra": GPE})
    speaker = only_speaker(quotes)
    check(text, speaker, "Dia", "pronoun")
    assert (speaker.name, speaker.entity) == ("Sugiono", entity_named(entities, "Sugiono").id)


def test_ujarnya_is_the_subject_not_the_person_met():
    text = ("Gubernur Jawa Barat Dedi Mulyadi menemui Wali Kota Bandung Muhammad Farhan di Gedung "
            "Sate. “Jalan provinsi di Bandung akan kami perbaiki bulan depan,” ujarnya.")
    entities, quotes = read(text, {"Dedi Mulyadi": PER, "Muhammad Farhan": PER,
                                   "Jawa Barat": GPE, "Bandung": GPE, "Gedung Sate": LOC})
    speaker = only_speaker(quotes)
    check(text, speaker, "nya", "pronoun", after="ujar")
    assert speaker.entity == entity_named(entities, "Dedi Mulyadi").id


def test_ujarnya_is_the_earlier_subject_when_the_next_sentence_names_an_object():
    text = ("Menteri Keuangan Purbaya Yudhi Sadewa tiba di Istana Negara. Ia lalu bertemu "
            "Menteri Sekretaris Negara Prasetyo Hadi. “Kami membahas anggaran makan bergizi "
            "gratis,” ujarnya.")
    entities, quotes = read(text, {"Purbaya Yudhi Sadewa": PER, "Prasetyo Hadi": PER,
                                   "Istana Negara": LOC})
    speaker = only_speaker(quotes)
    check(text, speaker, "nya", "pronoun", after="ujar")
    assert speaker.name == "Purbaya Yudhi Sadewa"


THREE_SPEAKERS = (
    "Menteri Keuangan Sri Mulyani Indrawati menerima Gubernur Bank Indonesia Perry Warjiyo di "
    "kantornya. “Kami sepakat menjaga stabilitas nilai tukar rupiah,” kata Sri Mulyani.\n\n"
    "Perry Warjiyo kemudian berbicara kepada wartawan. “Suku bunga acuan akan kami tahan untuk "
    "sementara,” ujarnya.\n\n"
    "Wakil Menteri Keuangan Anggito Abimanyu mendampingi keduanya dalam pertemuan itu. "
    "“Koordinasi fiskal dan moneter harus terus diperkuat,” ujarnya.")
THREE_NAMES = {"Sri Mulyani Indrawati": PER, "Sri Mulyani": PER, "Perry Warjiyo": PER,
               "Anggito Abimanyu": PER, "Bank Indonesia": ORG}


def test_a_newly_introduced_subject_takes_over_from_the_latest_speaker():
    text = THREE_SPEAKERS
    entities, quotes = read(text, THREE_NAMES)
    assert [q.kind for q in quotes] == ["direct", "direct", "direct"]
    smi, perry, anggito = (q.speaker for q in quotes)
    check(text, smi, "Sri Mulyani", "name", after="kata")
    assert smi.name == "Sri Mulyani Indrawati"
    check(text, perry, "nya", "pronoun", after="sementara,” ujar")
    assert perry.entity == entity_named(entities, "Perry Warjiyo").id
    check(text, anggito, "nya", "pronoun", after="diperkuat,” ujar")
    assert anggito.entity == entity_named(entities, "Anggito Abimanyu").id


def test_pronoun_mentions_join_the_entity_they_refer_to():
    entities, quotes = read(THREE_SPEAKERS, THREE_NAMES)
    perry = entity_named(entities, "Perry Warjiyo")
    nya = span(THREE_SPEAKERS, "nya", "sementara,” ujar")
    assert [(m.start, m.end, m.text, m.kind) for m in perry.mentions] == [
        (*span(THREE_SPEAKERS, "Perry Warjiyo"), "Perry Warjiyo", "name"),
        (*span(THREE_SPEAKERS, "Perry Warjiyo", "\n\n"), "Perry Warjiyo", "name"),
        (*nya, "nya", "pronoun"),
    ]


def test_the_latest_speaker_goes_on_when_another_person_is_only_mentioned():
    text = ("Menteri Keuangan Sri Mulyani Indrawati menerima Gubernur Bank Indonesia Perry "
            "Warjiyo di kantornya. “Kami sepakat menjaga stabilitas nilai tukar rupiah,” kata "
            "Sri Mulyani. Ia lalu menyinggung keputusan Gubernur BI Perry Warjiyo yang menahan "
            "suku bunga acuan. “Keputusan itu sudah tepat untuk saat ini,” ujarnya.")
    entities, quotes = read(text, {"Sri Mulyani Indrawati": PER, "Sri Mulyani": PER,
                                   "Perry Warjiyo": PER, "Bank Indonesia": ORG, "BI": ORG})
    last = quotes[-1]
    assert (last.kind, last.text) == ("direct", "Keputusan itu sudah tepat untuk saat ini,")
    check(text, last.speaker, "nya", "pronoun", after="saat ini,” ujar")
    assert last.speaker.name == "Sri Mulyani Indrawati"


def test_unresolvable_katanya_has_no_entity():
    text = ("Harga beras terus naik di pasar tradisional. “Kami terpaksa mengurangi belanja "
            "setiap hari,” katanya.")
    _, quotes = read(text, {})
    speaker = only_speaker(quotes)
    check(text, speaker, "nya", "pronoun", after="kata")
    assert speaker.entity is None


# -- titles, short names, nicknames, initials --------------------------------------------

MENKEU_QUOTE = "“Kami akan menambah likuiditas perbankan sebesar Rp 200 triliun,” kata Menkeu."
PURBAYA_NAMES = {"Purbaya Yudhi Sadewa": PER, "Purbaya": PER, "DPR": ORG, "Jakarta": GPE}


def test_kata_title_is_the_holder_of_that_title():
    text = ("Menkeu Purbaya Yudhi Sadewa menghadiri rapat kerja bersama DPR di Jakarta. "
            + MENKEU_QUOTE)
    entities, quotes = read(text, PURBAYA_NAMES)
    speaker = only_speaker(quotes)
    check(text, speaker, "Menkeu", "description", after="kata")
    assert speaker.name == "Purbaya Yudhi Sadewa"
    assert speaker.entity == entity_named(entities, "Purbaya Yudhi Sadewa").id


def test_kata_abbreviated_title_is_the_holder_of_the_full_title():
    text = ("Menteri Keuangan Purbaya Yudhi Sadewa menghadiri rapat kerja bersama DPR di "
            "Jakarta. " + MENKEU_QUOTE)
    entities, quotes = read(text, PURBAYA_NAMES)
    speaker = only_speaker(quotes)
    check(text, speaker, "Menkeu", "description", after="kata")
    assert speaker.entity == entity_named(entities, "Purbaya Yudhi Sadewa").id


def test_short_name_speaker_gets_the_fullest_name():
    text = ("Menteri Keuangan Purbaya Yudhi Sadewa menghadiri rapat kerja bersama DPR di Jakarta. "
            "“Kami akan menambah likuiditas perbankan,” kata Purbaya.")
    entities, quotes = read(text, PURBAYA_NAMES)
    speaker = only_speaker(quotes)
    check(text, speaker, "Purbaya", "name", after="kata")
    assert speaker.name == "Purbaya Yudhi Sadewa"
    assert speaker.entity == entity_named(entities, "Purbaya Yudhi Sadewa").id


def test_clipped_nickname_speaker_gets_the_fullest_name():
    text = ("Menteri Sekretaris Negara Prasetyo Hadi menyampaikan agenda kunjungan kerja. "
            "“Presiden akan berkunjung ke Papua pekan depan,” kata Pras.")
    entities, quotes = read(text, {"Prasetyo Hadi": PER, "Pras": PER, "Papua": GPE})
    speaker = only_speaker(quotes)
    check(text, speaker, "Pras", "name", after="kata")
    assert speaker.name == "Prasetyo Hadi"
    assert speaker.entity == entity_named(entities, "Prasetyo Hadi").id


def test_initials_speaker_gets_the_fullest_name():
    text = ("Ketua Umum Partai Demokrat Agus Harimurti Yudhoyono hadir dalam acara itu. AHY "
            "mengatakan bahwa partainya mendukung program pemerintah.")
    entities, quotes = read(text, {"Partai Demokrat": ORG, "Agus Harimurti Yudhoyono": PER,
                                   "AHY": PER})
    speaker = only_speaker(quotes)
    check(text, speaker, "AHY", "name")
    assert speaker.name == "Agus Harimurti Yudhoyono"


def test_nickname_stated_with_akrab_disapa_speaks_for_the_person():
    text = ("Menteri Sosial Saifullah Yusuf atau yang akrab disapa Gus Ipul meninjau dapur umum di "
            "Bekasi. Gus Ipul memastikan bantuan logistik bagi para pengungsi mencukupi.")
    entities, quotes = read(text, {"Saifullah Yusuf": PER, "Gus Ipul": PER, "Bekasi": GPE})
    speaker = only_speaker(quotes)
    assert speaker.name == "Saifullah Yusuf"
    assert speaker.entity == entity_named(entities, "Saifullah Yusuf").id


def test_role_with_a_comma_before_the_name():
    text = ("Kasus demam berdarah meningkat di Bandung sejak awal bulan. “Jumlah pasien naik dua "
            "kali lipat dibanding bulan lalu,” kata Kepala Dinas Kesehatan Kota Bandung, Anhar "
            "Hadian.")
    entities, quotes = read(text, {"Bandung": GPE, "Anhar Hadian": PER,
                                   "Dinas Kesehatan Kota Bandung": ORG})
    speaker = only_speaker(quotes)
    check(text, speaker, "Anhar Hadian", "name")
    assert speaker.name == "Anhar Hadian"
    assert speaker.entity == entity_named(entities, "Anhar Hadian").id


def test_role_and_rank_before_the_name():
    text = ("Polisi menangkap dua pelaku pencurian sepeda motor di Cibinong. “Keduanya sudah kami "
            "tahan,” ujar Kapolres Bogor AKBP Rio Wahyu Anggoro.")
    entities, quotes = read(text, {"Rio Wahyu Anggoro": PER, "Bogor": GPE, "Cibinong": GPE})
    speaker = only_speaker(quotes)
    check(text, speaker, "Rio Wahyu Anggoro", "name")
    rio = entity_named(entities, "Rio Wahyu Anggoro")
    assert speaker.entity == rio.id
    assert [(r.start, r.end, r.text) for r in rio.roles] == [
        (*span(text, "Kapolres Bogor AKBP"), "Kapolres Bogor AKBP")]


def test_a_speaker_the_name_finder_missed_becomes_a_person():
    text = ("Banjir kembali merendam permukiman di Pondok Gede. “Air masuk ke rumah kami sejak "
            "tengah malam,” kata Budi Santoso, warga setempat.")
    entities, quotes = read(text, {})
    speaker = only_speaker(quotes)
    check(text, speaker, "Budi Santoso", "name")
    budi = entity_named(entities, "Budi Santoso")
    assert (speaker.entity, budi.type) == (budi.id, "PER")
    assert [(m.start, m.end) for m in budi.mentions] == [span(text, "Budi Santoso")]


# -- organisations and descriptions ------------------------------------------------------

def test_organisation_speaks():
    text = "Polri menyatakan bahwa penyelidikan kasus itu masih terus berjalan."
    entities, quotes = read(text, {"Polri": ORG})
    speaker = only_speaker(quotes)
    check(text, speaker, "Polri", "name")
    polri = entity_named(entities, "Polri")
    assert (speaker.entity, polri.type) == (polri.id, "ORG")


def test_organisation_acronym_speaker_gets_the_full_name():
    text = ("Kepolisian Negara Republik Indonesia (Polri) memeriksa tiga saksi. Polri menyatakan "
            "bahwa penyelidikan kasus itu masih terus berjalan.")
    entities, quotes = read(text, {"Kepolisian Negara Republik Indonesia": ORG, "Polri": ORG})
    speaker = only_speaker(quotes)
    check(text, speaker, "Polri", "name", after="saksi.")
    assert speaker.name == "Kepolisian Negara Republik Indonesia"


def test_kata_seorang_warga_is_a_description():
    text = ("Banjir kembali merendam permukiman di Bekasi. “Air masuk ke rumah kami sejak tengah "
            "malam,” kata seorang warga.")
    _, quotes = read(text, {"Bekasi": GPE})
    speaker = only_speaker(quotes)
    check(text, speaker, "seorang warga", "description")
    assert (speaker.name, speaker.entity) == ("seorang warga", None)


def test_description_subject_of_a_reporting_verb():
    text = "Seorang warga mengatakan bahwa air mulai naik sejak Senin dini hari."
    _, quotes = read(text, {})
    speaker = only_speaker(quotes)
    check(text, speaker, "Seorang warga", "description")
    assert speaker.entity is None


def test_residents_of_a_city_are_not_the_city():
    text = ("Warga Bandung mengatakan bahwa kemacetan di Jalan Asia Afrika makin parah setiap "
            "akhir pekan.")
    _, quotes = read(text, {"Bandung": GPE, "Jalan Asia Afrika": LOC})
    speaker = only_speaker(quotes)
    check(text, speaker, "Warga Bandung", "description")
    assert speaker.entity is None


# -- pronouns, with the shipped parser ---------------------------------------------------

FRONTED = ("“Harga beras mulai turun,” kata Rina Lestari, Kepala Dinas Perdagangan. Bersama Wali "
           "Kota Andi Harun, dia meninjau Pasar Segiri pada Senin pagi. “Stok aman sampai akhir "
           "tahun,” ujarnya.")
FRONTED_NAMES = {"Rina Lestari": PER, "Andi Harun": PER, "Pasar Segiri": LOC}


def test_ujarnya_is_the_last_speaker_not_a_name_in_a_fronted_phrase():
    # The opening words "Bersama Wali Kota Andi Harun" look like a subject; the parse
    # says the clause's subject is "dia", so "ujarnya" stays with the last speaker.
    parser = get_sentence_parser(None)
    if parser is None:
        pytest.skip("no parser in warta/models/id_warta")
    doc = doc_of(FRONTED, FRONTED_NAMES)
    doc.sentence_parser = parser
    entities = extract_entities(doc)
    _, quotes = add_speaker_mentions(entities, extract_quotes(doc, entities))
    speaker = quotes[1].speaker
    check(FRONTED, speaker, "nya", "pronoun", after="tahun,” ujar")
    assert speaker.entity == entity_named(entities, "Rina Lestari").id


def test_without_a_parser_the_opening_words_decide():
    # What the parse corrects: the same text read by the word-shape rule alone.
    _, quotes = read(FRONTED, FRONTED_NAMES)
    assert quotes[1].speaker.name == "Andi Harun"


# -- end to end, with the shipped model ----------------------------------------------

E2E = ("Presiden Prabowo Subianto menerima Perdana Menteri Malaysia Anwar Ibrahim di Istana "
       "Bogor, Selasa (21/10/2025). Ia menyatakan bahwa kedua negara akan mempercepat perundingan "
       "batas laut.\n\nAnwar Ibrahim lalu berbicara kepada wartawan. “Malaysia ingin perundingan "
       "ini selesai tahun depan,” ujarnya.")


@pytest.fixture(scope="module")
def e2e() -> warta.Analysis:
    return analysed_with_model(E2E)


def test_end_to_end_ia_is_the_host_and_ujarnya_the_new_subject(e2e):
    first, second = e2e.quotes
    assert first.kind == "indirect"
    check(E2E, first.speaker, "Ia", "pronoun")
    assert first.speaker.name == "Prabowo Subianto"
    assert second.kind == "direct"
    check(E2E, second.speaker, "nya", "pronoun", after="depan,” ujar")
    assert second.speaker.name == "Anwar Ibrahim"
    people = {e.id: e for e in e2e.entities}
    assert people[first.speaker.entity].type == people[second.speaker.entity].type == "PER"


def test_dirinya_opening_a_sentence_is_a_pronoun_for_the_last_person():
    text = ("Kepala Dinas Pendidikan Budi Santoso meninjau sekolah itu pada Senin. Dirinya "
            "berharap perbaikan gedung selesai sebelum tahun ajaran baru.")
    entities, quotes = read(text, {"Budi Santoso": PER, "Dinas Pendidikan": ORG})
    assert [e.name for e in entities if e.type == "PER"] == ["Budi Santoso"]
    (quote,) = quotes
    check(text, quote.speaker, "Dirinya", "pronoun")
    assert quote.speaker.name == "Budi Santoso"


def test_a_kind_of_body_or_a_common_word_as_speaker_makes_no_person():
    text = ("Harga beras naik lagi pekan ini. “Stok cukup sampai akhir tahun,” kata "
            "Pemerintah. Polisi berjaga di pasar; polisi juga memeriksa gudang. “Tidak ada "
            "penimbunan,” ujar Polisi.")
    entities, quotes = read(text, {})
    assert [e.name for e in entities if e.type == "PER"] == []
    assert [q.text for q in quotes] == ["Stok cukup sampai akhir tahun,",
                                        "Tidak ada penimbunan,"]


def test_a_portfolio_as_speaker_is_the_office_not_a_person():
    # "Ketenagakerjaan" is a ke-…-an noun after a title: an office, not a person's name
    text = "“Kuota magang tahap kedua kami tambah,” kata Menteri Ketenagakerjaan kemarin."
    entities, (quote,) = read(text, {})
    assert [e.name for e in entities if e.type == "PER"] == []
    check(text, quote.speaker, "Menteri Ketenagakerjaan", "description")
    assert quote.speaker.entity is None
    # with the minister named after the office's short form, both quotes are his
    text = ("Menurut Menteri Ketenagakerjaan (Menaker) Yassierli, kuota magang tahap kedua "
            "dibuka untuk 80.000 orang. “Kami buka juga untuk lembaga pemerintah,” katanya.")
    entities, quotes = read(text, {"Yassierli": PER})
    assert [e.name for e in entities if e.type == "PER"] == ["Yassierli"]
    assert [q.speaker.name for q in quotes] == ["Yassierli", "Yassierli"]


@pytest.mark.parametrize("text", [
    "Menurut Kepala Badan Pusat Statistik (BPS) Amalia Adininggar Widyasanti, inflasi "
    "bulan ini terkendali.",
    "Inflasi bulan ini terkendali, kata Kepala Badan Pusat Statistik (BPS) Amalia "
    "Adininggar Widyasanti.",
], ids=["menurut", "kata"])
def test_a_short_form_in_brackets_inside_the_role_does_not_end_the_speaker(text):
    entities, quotes = read(text, {"Amalia Adininggar Widyasanti": PER,
                                   "Badan Pusat Statistik": ORG, "BPS": ORG})
    (quote,) = quotes
    check(text, quote.speaker, "Amalia Adininggar Widyasanti", "name")
    assert quote.speaker.name == "Amalia Adininggar Widyasanti"


def test_a_short_form_in_brackets_closing_the_phrase_is_not_the_speaker():
    text = "Menurut Kamus Besar Bahasa Indonesia (KBBI), kata itu berarti tempat tinggal."
    _entities, (quote,) = read(text, {"Kamus Besar Bahasa Indonesia": ORG, "KBBI": ORG})
    check(text, quote.speaker, "Kamus Besar Bahasa Indonesia", "name")


def test_an_untyped_name_kept_for_its_acronym_is_misc_and_one_with_nothing_is_dropped():
    # With a statistical NER (something is typed), "Renewable Energy Certificate (REC)"
    # is kept for the acronym that defines it, as a term (MISC); a capitalised word
    # nothing vouches for ("Gedung") is no entity.
    from warta.schema import Entity, Mention

    text = "Kementerian ESDM menjual Renewable Energy Certificate (REC) di Gedung itu."
    spans = [("Kementerian ESDM", "name"), ("Renewable Energy Certificate", "name"),
             ("REC", "acronym"), ("Gedung", "name")]
    m = {t: Mention(text.index(t), text.index(t) + len(t), t, kind) for t, kind in spans}
    entities = [Entity("E1", "Kementerian ESDM", "ORG", mentions=[m["Kementerian ESDM"]]),
                Entity("E2", "Renewable Energy Certificate", None, aliases=["REC"],
                       mentions=[m["Renewable Energy Certificate"], m["REC"]]),
                Entity("E3", "Gedung", None, mentions=[m["Gedung"]])]
    kept, _ = add_speaker_mentions(entities, [])
    assert [(e.id, e.name, e.type) for e in kept] == [
        ("E1", "Kementerian ESDM", "ORG"), ("E2", "Renewable Energy Certificate", "MISC")]


def test_with_a_model_that_typed_nothing_untyped_names_still_need_a_voucher():
    # "Data itu dirilis National Oceanic and Atmospheric Administration (NOAA)": the NER
    # ran and typed nothing; that is no reason to keep every capitalised run as a name.
    from warta.schema import Entity, Mention

    text = "Data dirilis Atmospheric Administration (NOAA) di Gedung itu."
    m = {t: Mention(text.index(t), text.index(t) + len(t), t, kind)
         for t, kind in [("Atmospheric Administration", "name"), ("NOAA", "acronym"),
                         ("Gedung", "name")]}
    entities = [Entity("E1", "Atmospheric Administration", None, aliases=["NOAA"],
                       mentions=[m["Atmospheric Administration"], m["NOAA"]]),
                Entity("E2", "Gedung", None, mentions=[m["Gedung"]])]
    kept, _ = add_speaker_mentions(entities, [], has_ner_model=True)
    assert [(e.name, e.type) for e in kept] == [("Atmospheric Administration", "MISC")]
    # without a model (no entity typed, nothing said) the candidates are all there is
    kept, _ = add_speaker_mentions(entities, [])
    assert [(e.name, e.type) for e in kept] == [("Atmospheric Administration", None),
                                                 ("Gedung", None)]


def test_the_subject_of_hearsay_is_no_new_speaker():
    # "RS disebut …", "RS juga diduga …": the report is about RS; "ungkapnya" is still
    # the lawyer, the latest speaker
    text = ("Kuasa hukum korban, Hendra Wijaya mengatakan kliennya dirugikan. Dalam unggahan "
            "itu, RS disebut menuding kliennya berselingkuh. “Klien kita tidak kenal polisi "
            "itu,” ungkapnya. RS juga diduga menyebarkan data pribadi. “Kami minta polisi "
            "segera bertindak,” katanya.")
    entities, quotes = read(text, {"Hendra Wijaya": PER, "RS": PER})
    hendra = entity_named(entities, "Hendra Wijaya").id
    assert [q.kind for q in quotes][-2:] == ["direct", "direct"]
    first, second = quotes[-2].speaker, quotes[-1].speaker
    check(text, first, "nya", "pronoun", after="itu,” ungkap")
    check(text, second, "nya", "pronoun", after="bertindak,” kata")
    assert first.entity == second.entity == hendra
