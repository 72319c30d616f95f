"""detect_language(): Indonesian, English and Malay paragraphs, fast."""

import time

from warta.text.language import detect_language

INDONESIAN = (
    "Pemerintah Kabupaten Bogor menyiapkan posko pengungsian bagi warga yang rumahnya "
    "terendam banjir sejak Senin malam. Kepala Badan Penanggulangan Bencana Daerah mengatakan "
    "ketinggian air mencapai satu meter di beberapa desa, sehingga petugas harus mengevakuasi "
    "lansia dan anak-anak dengan perahu karet."
)
ENGLISH = (
    "The regency government opened evacuation shelters for residents whose homes were "
    "flooded on Monday night. The head of the local disaster agency said the water reached "
    "one metre in several villages, so rescuers used rubber boats to move the elderly."
)
MALAY = (
    "Kerajaan negeri akan meneruskan usaha untuk memperkukuh ekonomi rakyat melalui pelbagai "
    "inisiatif baharu. Menteri Besar berkata kerajaan komited membantu golongan yang terjejas "
    "akibat kenaikan kos sara hidup dan menegaskan bahawa semua jabatan perlu bekerjasama "
    "bagi memastikan peruntukan disalurkan dengan cekap kepada kumpulan sasar."
)


def test_indonesian_paragraph():
    lang = detect_language(INDONESIAN)
    assert lang.code == "id" and lang.confidence > 0.9


def test_english_paragraph():
    lang = detect_language(ENGLISH)
    assert lang.code == "en" and lang.confidence > 0.9


def test_malay_paragraph():
    lang = detect_language(MALAY)
    assert lang.code == "ms" and lang.confidence > 0.9


def test_short_sentence_shared_by_indonesian_and_malay_counts_as_indonesian():
    lang = detect_language("Saya tidak tahu.")
    assert lang.code == "id" and 0.0 < lang.confidence <= 1.0


def test_text_without_letters_is_undetermined():
    assert detect_language("12.345 - 67/89 ...").code == "und"
    assert detect_language("").confidence == 0.0


def test_confidence_is_within_unit_interval():
    for text in (INDONESIAN, ENGLISH, MALAY, "Jokowi resmikan tol", "OK"):
        assert 0.0 <= detect_language(text).confidence <= 1.0


def test_five_kilobyte_article_is_fast():
    article = (INDONESIAN + "\n") * (5000 // (len(INDONESIAN) + 1) + 1)
    detect_language(article)  # build the detector once
    t0 = time.perf_counter()
    for _ in range(10):
        assert detect_language(article).code == "id"
    per_call = (time.perf_counter() - t0) / 10
    assert per_call < 0.05  # measured ~2 ms; loose bound for a shared machine
