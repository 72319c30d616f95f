"""Direct and indirect quotes: spans, cues and the speaker each attribution names.

Most tests give the extractors the named spans a good NER model would propose
(``read``), so they specify the quote rules, not the model; a few run the public
``warta.analyze`` end to end with the shipped model.

Direct-quote spans are the content between the marks; like the rest of Warta
they keep a trailing comma written inside the marks ("…tinggi,” katanya").
"""

from __future__ import annotations

import pytest
from named_spans import (
    GPE,
    LOC,
    ORG,
    PER,
    analysed_with_model,
    entity_named,
    read,
    span,
)

import warta
from warta.schema import Quote


def direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "direct"]


def indirect(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


def check_quote(text: str, quote: Quote, content: str, cue: str, cue_after: str = "",
                content_after: str = "") -> None:
    assert (quote.start, quote.end) == span(text, content, content_after)
    assert quote.text == text[quote.start:quote.end] == content
    assert quote.cue is not None
    assert (quote.cue.start, quote.cue.end) == span(text, cue, cue_after)
    assert quote.cue.text == cue


# -- direct quotes: the attribution after the closing mark --------------------------

DEDI = "Gubernur Jawa Barat Dedi Mulyadi meninjau tanggul yang jebol di Karawang. "
DEDI_NAMES = {"Dedi Mulyadi": PER, "Dedi": PER, "Jawa Barat": GPE, "Karawang": GPE}


def test_katanya_after_the_quote_is_the_person_just_named():
    text = DEDI + "“Kami akan membangun tanggul baru yang lebih tinggi,” katanya."
    entities, quotes = read(text, DEDI_NAMES)
    assert len(quotes) == 1
    (q,) = quotes
    assert q.kind == "direct"
    check_quote(text, q, "Kami akan membangun tanggul baru yang lebih tinggi,", "katanya")
    dedi = entity_named(entities, "Dedi Mulyadi")
    assert (q.speaker.entity, q.speaker.name, q.speaker.kind) == (dedi.id, "Dedi Mulyadi",
                                                                  "pronoun")
    nya = text.index("katanya") + len("kata")
    assert (q.speaker.start, q.speaker.end, q.speaker.text) == (nya, nya + 3, "nya")


def test_ujar_with_office_rank_and_name():
    text = ("Polisi menangkap dua pelaku pencurian sepeda motor di Cibinong. “Keduanya sudah "
            "kami tahan dan sedang diperiksa penyidik,” ujar Kapolres Bogor AKBP Rio Wahyu "
            "Anggoro.")
    entities, quotes = read(text, {"Rio Wahyu Anggoro": PER, "Bogor": GPE, "Cibinong": GPE})
    (q,) = direct(quotes)
    check_quote(text, q, "Keduanya sudah kami tahan dan sedang diperiksa penyidik,", "ujar")
    rio = entity_named(entities, "Rio Wahyu Anggoro")
    assert (q.speaker.entity, q.speaker.name, q.speaker.kind) == (rio.id, "Rio Wahyu Anggoro",
                                                                  "name")
    assert (q.speaker.start, q.speaker.end) == span(text, "Rio Wahyu Anggoro")


def test_tutur_dia_resolves_the_pronoun():
    text = DEDI + "“Warga di bantaran sungai harus segera dievakuasi,” tutur dia."
    entities, quotes = read(text, DEDI_NAMES)
    (q,) = quotes
    check_quote(text, q, "Warga di bantaran sungai harus segera dievakuasi,", "tutur")
    assert (q.speaker.text, q.speaker.kind) == ("dia", "pronoun")
    assert (q.speaker.start, q.speaker.end) == span(text, "dia", "tutur")
    assert q.speaker.entity == entity_named(entities, "Dedi Mulyadi").id


def test_name_then_reporting_verb_after_the_quote():
    text = DEDI + "“Kami sudah menyiapkan dapur umum untuk para pengungsi,” Dedi menambahkan."
    entities, quotes = read(text, DEDI_NAMES)
    (q,) = quotes
    check_quote(text, q, "Kami sudah menyiapkan dapur umum untuk para pengungsi,",
                "menambahkan")
    assert (q.speaker.start, q.speaker.end, q.speaker.text) == (*span(text, "Dedi", "”"),
                                                                "Dedi")
    assert q.speaker.name == "Dedi Mulyadi"
    assert q.speaker.entity == entity_named(entities, "Dedi Mulyadi").id


def test_straight_double_marks():
    text = ('Menteri Keuangan Sri Mulyani Indrawati berbicara di Gedung DPR. "Kami optimistis '
            'pertumbuhan ekonomi mencapai lima persen tahun ini," kata Sri Mulyani.')
    entities, quotes = read(text, {"Sri Mulyani Indrawati": PER, "Sri Mulyani": PER,
                                   "Gedung DPR": LOC})
    (q,) = quotes
    check_quote(text, q, "Kami optimistis pertumbuhan ekonomi mencapai lima persen tahun ini,",
                "kata")
    assert q.speaker.name == "Sri Mulyani Indrawati"
    assert (q.speaker.start, q.speaker.end) == span(text, "Sri Mulyani", "kata")


# -- direct quotes: the attribution before the opening mark --------------------------

def test_subject_and_verb_before_the_quote():
    text = ("Kapolda Metro Jaya Irjen Karyoto mengatakan, “Kami tidak akan menoleransi aksi "
            "premanisme di Jakarta.”")
    entities, quotes = read(text, {"Karyoto": PER, "Jakarta": GPE})
    assert len(quotes) == 1  # the sentence is not also an indirect quote
    (q,) = quotes
    check_quote(text, q, "Kami tidak akan menoleransi aksi premanisme di Jakarta.", "mengatakan")
    assert (q.speaker.name, q.speaker.kind) == ("Karyoto", "name")
    assert (q.speaker.start, q.speaker.end) == span(text, "Karyoto")


SMI = "Menteri Keuangan Sri Mulyani Indrawati ditemui di kantornya di Jakarta. "
SMI_NAMES = {"Sri Mulyani Indrawati": PER, "Sri Mulyani": PER, "Jakarta": GPE}


def test_menurut_dia_before_the_quote():
    text = SMI + "Menurut dia, “Penerimaan pajak tahun ini masih sesuai target.”"
    entities, quotes = read(text, SMI_NAMES)
    (q,) = quotes
    check_quote(text, q, "Penerimaan pajak tahun ini masih sesuai target.", "Menurut")
    assert (q.speaker.text, q.speaker.kind) == ("dia", "pronoun")
    assert (q.speaker.start, q.speaker.end) == span(text, "dia", "Menurut")
    assert q.speaker.entity == entity_named(entities, "Sri Mulyani Indrawati").id


def test_pronoun_subject_and_colon_before_the_quote():
    text = SMI + "Ia menegaskan: “Defisit anggaran tetap di bawah tiga persen.”"
    entities, quotes = read(text, SMI_NAMES)
    (q,) = quotes
    check_quote(text, q, "Defisit anggaran tetap di bawah tiga persen.", "menegaskan")
    assert (q.speaker.start, q.speaker.end, q.speaker.text) == (*span(text, "Ia", "Jakarta."),
                                                                "Ia")
    assert q.speaker.entity == entity_named(entities, "Sri Mulyani Indrawati").id


# -- direct quotes: the speaker elsewhere -----------------------------------------------

def test_speaker_named_in_the_next_sentence():
    text = ("Menteri Kesehatan Budi Gunadi Sadikin meninjau RSUD Cibinong. “Pelayanan di rumah "
            "sakit harus tetap berjalan normal selama libur panjang.” Demikian disampaikan Budi "
            "Gunadi Sadikin di Cibinong, Selasa.")
    entities, quotes = read(text, {"Budi Gunadi Sadikin": PER, "RSUD Cibinong": ORG,
                                   "Cibinong": GPE})
    (q,) = direct(quotes)
    check_quote(text, q, "Pelayanan di rumah sakit harus tetap berjalan normal selama libur "
                "panjang.", "disampaikan")
    assert q.speaker.name == "Budi Gunadi Sadikin"
    assert (q.speaker.start, q.speaker.end) == span(text, "Budi Gunadi Sadikin", "disampaikan")
    assert q.speaker.entity == entity_named(entities, "Budi Gunadi Sadikin").id


PRABOWO = ("Presiden Prabowo Subianto meresmikan bendungan di Jawa Tengah. “Air dari bendungan ini "
           "akan mengairi ribuan hektare sawah petani,” kata Prabowo.")
PRABOWO_NAMES = {"Prabowo Subianto": PER, "Prabowo": PER, "Jawa Tengah": GPE}


def test_quote_continued_in_the_next_paragraph_keeps_the_speaker():
    text = PRABOWO + "\n\n“Kita tidak boleh lagi bergantung pada impor beras dari negara lain.”"
    entities, quotes = read(text, PRABOWO_NAMES)
    first, second = direct(quotes)
    assert len(quotes) == 2
    check_quote(text, first, "Air dari bendungan ini akan mengairi ribuan hektare sawah petani,",
                "kata")
    content = "Kita tidak boleh lagi bergantung pada impor beras dari negara lain."
    assert (second.start, second.end) == span(text, content)
    assert second.cue is None
    prabowo = entity_named(entities, "Prabowo Subianto")
    assert first.speaker.entity == second.speaker.entity == prabowo.id
    assert second.speaker.name == "Prabowo Subianto"


def test_two_chunks_around_kata_x_in_one_sentence():
    text = ("Menteri Keuangan Sri Mulyani Indrawati menyampaikan laporan APBN. “Defisit anggaran "
            "masih berada di bawah batas aman,” kata Sri Mulyani, “dan kami akan menjaga belanja "
            "negara tetap disiplin.”")
    entities, quotes = read(text, {"Sri Mulyani Indrawati": PER, "Sri Mulyani": PER,
                                   "APBN": ORG})
    first, second = quotes
    check_quote(text, first, "Defisit anggaran masih berada di bawah batas aman,", "kata")
    assert (second.kind, second.start, second.end) == (
        "direct", *span(text, "dan kami akan menjaga belanja negara tetap disiplin."))
    smi = entity_named(entities, "Sri Mulyani Indrawati")
    assert first.speaker.entity == second.speaker.entity == smi.id


def test_unbalanced_quote_ends_at_its_paragraph():
    text = ("Gubernur Jawa Barat Dedi Mulyadi mengatakan, “Kami akan membangun tanggul baru tahun "
            "depan.\n\nSementara itu, warga Karawang masih bertahan di tenda pengungsian.")
    entities, quotes = read(text, DEDI_NAMES)
    (q,) = quotes
    check_quote(text, q, "Kami akan membangun tanggul baru tahun depan.", "mengatakan")
    assert q.speaker.entity == entity_named(entities, "Dedi Mulyadi").id


def test_unclosed_first_paragraph_takes_the_speaker_of_the_next():
    text = ("“Para pengungsi sangat membutuhkan selimut dan makanan siap saji.\n\n“Kami juga "
            "meminta bantuan tenaga medis dari pemerintah provinsi,” kata Bupati Cianjur "
            "Wahyu Ferdian.")
    entities, quotes = read(text, {"Wahyu Ferdian": PER, "Cianjur": GPE})
    first, second = quotes
    assert (first.start, first.end) == span(
        text, "Para pengungsi sangat membutuhkan selimut dan makanan siap saji.")
    check_quote(text, second, "Kami juga meminta bantuan tenaga medis dari pemerintah provinsi,",
                "kata")
    wahyu = entity_named(entities, "Wahyu Ferdian")
    assert second.speaker.entity == wahyu.id
    assert first.speaker is not None and first.speaker.entity == wahyu.id


# -- quotation marks that do not quote speech -----------------------------------------

def test_video_title_in_marks_is_not_a_quote():
    text = ('Warga ramai membagikan video "Banjir Bandang Terjang Permukiman di Sukabumi '
            'Selatan" di media sosial sejak Senin pagi.')
    _, quotes = read(text, {"Sukabumi Selatan": GPE})
    assert quotes == []


def test_short_term_in_marks_without_a_cue_is_not_a_quote():
    text = 'Program "Sekolah Rakyat" mulai berjalan di 100 lokasi pada tahun ajaran ini.'
    _, quotes = read(text, {})
    assert quotes == []


def test_single_quoted_term_is_not_a_quote():
    text = ("Warga menjuluki ruas jalan itu 'jalur tengkorak' karena sering terjadi kecelakaan "
            "maut di sana.")
    _, quotes = read(text, {})
    assert direct(quotes) == []


def test_scare_quoted_term_after_a_reporting_verb_is_not_a_quote():
    text = ('Pemerintah daerah menyebut program itu sebagai "makan bergizi" bagi anak sekolah di '
            'seluruh kabupaten.')
    _, quotes = read(text, {})
    assert direct(quotes) == []


def test_single_quoted_term_after_a_reporting_verb_is_not_a_quote():
    text = ("Para pedagang menyebut kebijakan itu 'jalan tengah' untuk menekan harga cabai di "
            "pasar.")
    _, quotes = read(text, {})
    assert direct(quotes) == []


# -- indirect quotes -------------------------------------------------------------------

def test_mengatakan_bahwa_reports_the_clause_after_bahwa():
    text = ("Menteri Keuangan Sri Mulyani Indrawati mengatakan bahwa pemerintah akan menambah "
            "subsidi pupuk tahun depan.")
    entities, quotes = read(text, SMI_NAMES)
    (q,) = quotes
    assert q.kind == "indirect"
    check_quote(text, q, "pemerintah akan menambah subsidi pupuk tahun depan", "mengatakan")
    assert (q.speaker.name, q.speaker.kind) == ("Sri Mulyani Indrawati", "name")
    assert (q.speaker.start, q.speaker.end) == span(text, "Sri Mulyani Indrawati")


def test_mengatakan_kepada_wartawan_then_comma():
    text = ("Menteri Keuangan Sri Mulyani Indrawati mengatakan kepada wartawan, pemerintah akan "
            "menambah subsidi pupuk tahun depan.")
    entities, quotes = read(text, SMI_NAMES)
    (q,) = indirect(quotes)
    assert len(quotes) == 1
    check_quote(text, q, "pemerintah akan menambah subsidi pupuk tahun depan", "mengatakan")
    assert q.speaker.entity == entity_named(entities, "Sri Mulyani Indrawati").id


def test_menurut_x_comma():
    text = ("Menurut Sri Mulyani Indrawati, penerimaan pajak hingga September sudah mencapai "
            "70 persen dari target.")
    entities, quotes = read(text, SMI_NAMES)
    (q,) = indirect(quotes)
    check_quote(text, q, "penerimaan pajak hingga September sudah mencapai 70 persen dari "
                "target", "Menurut")
    assert q.speaker.name == "Sri Mulyani Indrawati"
    assert (q.speaker.start, q.speaker.end) == span(text, "Sri Mulyani Indrawati")


def test_kata_dia_inside_the_sentence_after_its_subject_keeps_the_whole_sentence():
    text = DEDI + "Perbaikan tanggul, kata dia, akan selesai dalam dua minggu."
    entities, quotes = read(text, DEDI_NAMES)
    (q,) = indirect(quotes)
    check_quote(text, q, "Perbaikan tanggul, kata dia, akan selesai dalam dua minggu", "kata",
                cue_after="tanggul,")
    assert (q.speaker.text, q.speaker.kind) == ("dia", "pronoun")
    assert q.speaker.entity == entity_named(entities, "Dedi Mulyadi").id


def test_kata_x_after_a_connective_reports_what_follows():
    text = DEDI + "Namun, kata Dedi Mulyadi, pembangunan tanggul baru membutuhkan anggaran besar."
    entities, quotes = read(text, DEDI_NAMES)
    (q,) = indirect(quotes)
    check_quote(text, q, "pembangunan tanggul baru membutuhkan anggaran besar", "kata")
    assert q.speaker.name == "Dedi Mulyadi"
    assert (q.speaker.start, q.speaker.end) == span(text, "Dedi Mulyadi", "kata")


def test_ujarnya_at_the_end_without_quotation_marks():
    text = DEDI + "Perbaikan tanggul akan selesai dalam dua minggu, ujarnya."
    entities, quotes = read(text, DEDI_NAMES)
    (q,) = quotes
    assert q.kind == "indirect"
    check_quote(text, q, "Perbaikan tanggul akan selesai dalam dua minggu", "ujarnya")
    assert (q.speaker.text, q.speaker.kind) == ("nya", "pronoun")
    assert q.speaker.entity == entity_named(entities, "Dedi Mulyadi").id


def test_stance_verb_without_bahwa():
    text = ("Ketua Komisi XI DPR Misbakhun menilai kebijakan itu akan memperlemah daya beli "
            "masyarakat.")
    entities, quotes = read(text, {"Misbakhun": PER, "DPR": ORG})
    (q,) = quotes
    assert q.kind == "indirect"
    check_quote(text, q, "kebijakan itu akan memperlemah daya beli masyarakat", "menilai")
    assert (q.speaker.name, q.speaker.start, q.speaker.end) == ("Misbakhun",
                                                                *span(text, "Misbakhun"))


def test_asking_for_support_is_not_a_quote():
    text = ("Gubernur Jawa Barat Dedi Mulyadi meminta dukungan pemerintah pusat untuk membangun "
            "tanggul baru.")
    _, quotes = read(text, DEDI_NAMES)
    assert quotes == []


def test_reporting_verb_with_a_bare_topic_is_not_a_quote():
    text = "Gubernur Bank Indonesia Perry Warjiyo kemudian menjelaskan rencana bank sentral."
    _, quotes = read(text, {"Perry Warjiyo": PER, "Bank Indonesia": ORG})
    assert quotes == []


def test_quotes_are_in_text_order_with_their_evidence():
    text = (SMI + "Ia mengatakan bahwa defisit anggaran masih terkendali. “Kami tetap disiplin "
            "menjaga belanja negara,” ujarnya.\n\nMenurut dia, penerimaan pajak akan naik pada "
            "kuartal keempat.")
    _, quotes = read(text, SMI_NAMES)
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "defisit anggaran masih terkendali"),
        ("direct", "Kami tetap disiplin menjaga belanja negara,"),
        ("indirect", "penerimaan pajak akan naik pada kuartal keempat"),
    ]
    for q in quotes:
        assert text[q.start:q.end] == q.text
        assert text[q.cue.start:q.cue.end] == q.cue.text
        assert text[q.speaker.start:q.speaker.end] == q.speaker.text
        assert q.speaker.name == "Sri Mulyani Indrawati"


# -- end to end, with the shipped model ----------------------------------------------

E2E = ("Jakarta - Menteri Keuangan Sri Mulyani Indrawati menerima Gubernur Bank Indonesia Perry "
       "Warjiyo di kantornya, Selasa (21/10/2025). “Kami sepakat menjaga stabilitas nilai tukar "
       "rupiah,” kata Sri Mulyani.\n\nPerry Warjiyo mengatakan bahwa suku bunga acuan akan "
       "ditahan hingga akhir tahun.")


@pytest.fixture(scope="module")
def e2e() -> warta.Analysis:
    return analysed_with_model(E2E)


def test_end_to_end_direct_and_indirect_with_speakers(e2e):
    text = E2E
    direct_q, indirect_q = e2e.quotes
    assert (direct_q.kind, direct_q.start, direct_q.end) == (
        "direct", *span(text, "Kami sepakat menjaga stabilitas nilai tukar rupiah,"))
    assert direct_q.speaker.name == "Sri Mulyani Indrawati"
    assert (direct_q.speaker.start, direct_q.speaker.end) == span(text, "Sri Mulyani", "kata")
    assert (indirect_q.kind, indirect_q.start, indirect_q.end) == (
        "indirect", *span(text, "suku bunga acuan akan ditahan hingga akhir tahun"))
    assert indirect_q.cue.text == "mengatakan"
    assert indirect_q.speaker.name == "Perry Warjiyo"
    assert (indirect_q.speaker.start, indirect_q.speaker.end) == span(text, "Perry Warjiyo",
                                                                      "\n\n")
    ids = {e.id: e for e in e2e.entities}
    assert ids[direct_q.speaker.entity].name == "Sri Mulyani Indrawati"
    assert ids[indirect_q.speaker.entity].name == "Perry Warjiyo"
