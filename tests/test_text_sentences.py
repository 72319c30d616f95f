"""split_sentences(): Indonesian news sentences with exact, whitespace-trimmed spans."""

import json
import os
import time
from pathlib import Path

import pytest

from warta.schema import Sentence
from warta.text.normalize import normalize
from warta.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed.txt"
SHARED = Path(os.environ.get("WARTA_SHARED_DATA", ROOT.parent / "shared" / "data"))


def expected(text: str, *sentences: str) -> list[Sentence]:
    """The exact spans of ``sentences``, found in order in ``text``."""
    spans, pos = [], 0
    for s in sentences:
        start = text.index(s, pos)
        spans.append(Sentence(start, start + len(s)))
        pos = start + len(s)
    return spans


def check(text: str, *sentences: str) -> None:
    got = split_sentences(text)
    assert [text[s.start:s.end] for s in got] == list(sentences)
    assert got == expected(text, *sentences)


# --- address and administrative abbreviations -------------------------------------------

def test_address_abbreviations_jl_no_kec_kab():
    check("Kantor itu berada di Jl. Merdeka No. 12, Kec. Cibinong, Kab. Bogor. "
          "Warga sering datang ke sana.",
          "Kantor itu berada di Jl. Merdeka No. 12, Kec. Cibinong, Kab. Bogor.",
          "Warga sering datang ke sana.")


def test_all_caps_address():
    check("Rumah duka di JL. SUDIRMAN NO. 5 ramai pelayat. Jenazah dimakamkan sore.",
          "Rumah duka di JL. SUDIRMAN NO. 5 ramai pelayat.",
          "Jenazah dimakamkan sore.")


# --- honorifics before names ------------------------------------------------------------

def test_dr_lowercase_prof_and_specialist_degree():
    check("Menurut dr. Andi Saputra, Sp.PD., pasien itu sudah pulih. "
          "Prof. Dr. Siti Aminah sependapat.",
          "Menurut dr. Andi Saputra, Sp.PD., pasien itu sudah pulih.",
          "Prof. Dr. Siti Aminah sependapat.")


def test_haji_hajah_kiai_haji():
    check("Bupati H. Ahmad Yani dan Hj. Siti Rahmah menghadiri pengajian KH. Mustofa Bisri. "
          "Acara berlangsung khidmat.",
          "Bupati H. Ahmad Yani dan Hj. Siti Rahmah menghadiri pengajian KH. Mustofa Bisri.",
          "Acara berlangsung khidmat.")


def test_ir_drs_dr_and_all_caps_dr():
    check("Rektor Ir. Bambang Wijaya dan Drs. Hendra Gunawan hadir. "
          "DR. H. Rina Marlina menyampaikan sambutan.",
          "Rektor Ir. Bambang Wijaya dan Drs. Hendra Gunawan hadir.",
          "DR. H. Rina Marlina menyampaikan sambutan.")


def test_bpk_sdr_yth():
    check("Surat itu ditujukan kepada Yth. Bpk. Joko Susilo dan Sdr. Rahmat Hidayat. "
          "Keduanya belum membalas.",
          "Surat itu ditujukan kepada Yth. Bpk. Joko Susilo dan Sdr. Rahmat Hidayat.",
          "Keduanya belum membalas.")


def test_saint_and_pt_with_period():
    check("Pasien dirawat di RS St. Carolus milik PT. Sehat Sentosa. Kondisinya membaik.",
          "Pasien dirawat di RS St. Carolus milik PT. Sehat Sentosa.",
          "Kondisinya membaik.")


# --- degrees after names ---------------------------------------------------------------

def test_degrees_inside_a_sentence():
    check("Kuasa hukum korban, Rudi Hartono, S.H., M.Si., mengatakan kliennya trauma. "
          "Ia meminta polisi bertindak cepat.",
          "Kuasa hukum korban, Rudi Hartono, S.H., M.Si., mengatakan kliennya trauma.",
          "Ia meminta polisi bertindak cepat.")


def test_degree_ending_a_sentence():
    check("Sidang dipimpin hakim Dewi Lestari, S.H. Terdakwa hadir tanpa pengacara.",
          "Sidang dipimpin hakim Dewi Lestari, S.H.",
          "Terdakwa hadir tanpa pengacara.")


def test_degree_followed_by_lowercase_word():
    check("Andi Wijaya, S.H. mengatakan kasus itu janggal. Polisi membantah.",
          "Andi Wijaya, S.H. mengatakan kasus itu janggal.",
          "Polisi membantah.")


# --- money, companies, references -------------------------------------------------------

def test_rupiah_with_and_without_period():
    check("Harga beras naik menjadi Rp. 15.000 per kilogram, gula Rp 3.000 lebih mahal. "
          "Pedagang mengeluh.",
          "Harga beras naik menjadi Rp. 15.000 per kilogram, gula Rp 3.000 lebih mahal.",
          "Pedagang mengeluh.")


def test_tbk_mid_sentence_and_at_sentence_end():
    check("Saham PT Bank Rakyat Indonesia (Persero) Tbk. naik dua persen. "
          "Laba PT Aneka Tambang Tbk. Perusahaan itu membagikan dividen.",
          "Saham PT Bank Rakyat Indonesia (Persero) Tbk. naik dua persen.",
          "Laba PT Aneka Tambang Tbk.",
          "Perusahaan itu membagikan dividen.")


def test_atas_nama_and_sampai_dengan():
    check("Dana dikirim ke rekening a.n. Budi Santoso pada 1 s.d. 5 Mei. "
          "Polisi masih menelusuri aliran dana itu.",
          "Dana dikirim ke rekening a.n. Budi Santoso pada 1 s.d. 5 Mei.",
          "Polisi masih menelusuri aliran dana itu.")


def test_halaman_and_dst():
    check("Daftar nama tercantum pada hlm. 12 laporan itu. Nomor 1, 2, 3, dst. "
          "disusun berurutan.",
          "Daftar nama tercantum pada hlm. 12 laporan itu.",
          "Nomor 1, 2, 3, dst. disusun berurutan.")


# --- dll., dsb., tsb. -------------------------------------------------------------------

def test_dll_dsb_followed_by_lowercase_continue():
    check("Mereka membawa beras, minyak, dll. untuk korban banjir. "
          "Selimut, tikar, dsb. juga dikirim.",
          "Mereka membawa beras, minyak, dll. untuk korban banjir.",
          "Selimut, tikar, dsb. juga dikirim.")


def test_dll_and_tsb_ending_a_sentence():
    check("Toko itu menjual buku, alat tulis, dll. Pemiliknya warga setempat. "
          "Polisi memeriksa saksi dalam kasus tsb. Hasilnya diumumkan pekan depan.",
          "Toko itu menjual buku, alat tulis, dll.",
          "Pemiliknya warga setempat.",
          "Polisi memeriksa saksi dalam kasus tsb.",
          "Hasilnya diumumkan pekan depan.")


# --- initials, acronyms, numbers, URLs ------------------------------------------------------

def test_name_initials():
    check("Mantan presiden Susilo B. Yudhoyono bertemu A.M. Hendropriyono di Cikeas. "
          "Pertemuan berlangsung tertutup.",
          "Mantan presiden Susilo B. Yudhoyono bertemu A.M. Hendropriyono di Cikeas.",
          "Pertemuan berlangsung tertutup.")


def test_capital_letter_label_after_lowercase_word_ends_sentence():
    check("Anak-anak perlu vitamin A. Vitamin itu banyak terdapat pada wortel.",
          "Anak-anak perlu vitamin A.",
          "Vitamin itu banyak terdapat pada wortel.")


def test_acronym_and_all_caps_words_end_sentences():
    check("Kasus itu ditangani KPK. Warga wajib melaporkan SPT. "
          "Polisi menangkap pria berinisial MS. MS ditahan di Polres.",
          "Kasus itu ditangani KPK.",
          "Warga wajib melaporkan SPT.",
          "Polisi menangkap pria berinisial MS.",
          "MS ditahan di Polres.")


def test_decimals_and_thousands():
    check("Inflasi tercatat 2,5 persen atau naik 0.3 poin, dengan 3.000 ton beras diimpor. "
          "Korban bertambah menjadi 12. 5 di antaranya anak-anak.",
          "Inflasi tercatat 2,5 persen atau naik 0.3 poin, dengan 3.000 ton beras diimpor.",
          "Korban bertambah menjadi 12.",
          "5 di antaranya anak-anak.")


def test_urls_and_emails():
    check("Informasi ada di www.bps.go.id dan https://bps.go.id/id/news. "
          "Kirim surel ke humas@bps.go.id. Layanan buka setiap hari.",
          "Informasi ada di www.bps.go.id dan https://bps.go.id/id/news.",
          "Kirim surel ke humas@bps.go.id.",
          "Layanan buka setiap hari.")


def test_glued_sentences_split_but_not_case_numbers():
    check("Hal itu disampaikan Menteri Perdagangan Budi Santoso.Budi menyambut baik kerja sama "
          "itu. Perkara 12/Pid.Sus/2025/PN.Jkt.Pst sudah terdaftar di Kompas.com hari ini.",
          "Hal itu disampaikan Menteri Perdagangan Budi Santoso.",
          "Budi menyambut baik kerja sama itu.",
          "Perkara 12/Pid.Sus/2025/PN.Jkt.Pst sudah terdaftar di Kompas.com hari ini.")


def test_numbered_list_items_at_line_start():
    check("Caranya:\n1. Siapkan bahan. Cuci bersih.\n2. Aduk rata.",
          "Caranya:", "1. Siapkan bahan.", "Cuci bersih.", "2. Aduk rata.")


# --- datelines -----------------------------------------------------------------------

def test_kompas_dateline_and_date_in_brackets():
    check("JAKARTA, KOMPAS.com - Presiden Prabowo Subianto meresmikan bendungan di Bogor, "
          "Selasa (21/10/2025). Bendungan itu menelan biaya Rp 2,1 triliun.",
          "JAKARTA, KOMPAS.com - Presiden Prabowo Subianto meresmikan bendungan di Bogor, "
          "Selasa (21/10/2025).",
          "Bendungan itu menelan biaya Rp 2,1 triliun.")


def test_detik_dateline():
    check("Jakarta - Komisi Pemberantasan Korupsi (KPK) menahan dua tersangka. "
          "Keduanya ditahan di Rutan KPK.",
          "Jakarta - Komisi Pemberantasan Korupsi (KPK) menahan dua tersangka.",
          "Keduanya ditahan di Rutan KPK.")


# --- quotes, ellipses, ! and ? --------------------------------------------------------------

def test_sentence_ending_inside_quote_ends_after_closing_mark():
    check('Ia menegaskan, "Kami tidak akan mundur." Massa pun bersorak. '
          "“Hidup rakyat!” Teriakan itu menggema.",
          'Ia menegaskan, "Kami tidak akan mundur."',
          "Massa pun bersorak.",
          "“Hidup rakyat!”",
          "Teriakan itu menggema.")


def test_closing_quote_followed_by_lowercase_cue_does_not_end_sentence():
    check("“Selamat pagi.” katanya sambil tersenyum. “Siapa yang bertanggung jawab?” tanya Budi. "
          "Tidak ada yang menjawab.",
          "“Selamat pagi.” katanya sambil tersenyum.",
          "“Siapa yang bertanggung jawab?” tanya Budi.",
          "Tidak ada yang menjawab.")


def test_sentence_starting_with_opening_quote():
    check('Polisi tiba pukul 10.00 WIB. "Kami langsung mengamankan lokasi," ujar Kapolsek.',
          "Polisi tiba pukul 10.00 WIB.",
          '"Kami langsung mengamankan lokasi," ujar Kapolsek.')


def test_ellipsis_mid_sentence_and_closed_by_quote():
    check("Ia hanya menjawab, “Macet... macet... macet...” sambil tertawa. "
          'Warga berteriak, "Tolong…" Video itu viral. Tunggu... Kami belum selesai.',
          "Ia hanya menjawab, “Macet... macet... macet...” sambil tertawa.",
          'Warga berteriak, "Tolong…"',
          "Video itu viral.",
          "Tunggu... Kami belum selesai.")


def test_exclamation_and_question_marks():
    check("Luar biasa! Timnas menang lagi. Apa kabar? tanya dia. Mengapa?! Semua diam.",
          "Luar biasa!", "Timnas menang lagi.", "Apa kabar? tanya dia.", "Mengapa?!",
          "Semua diam.")


# --- paragraphs, boilerplate, whitespace --------------------------------------------------

def test_newlines_always_end_sentences():
    check("Paragraf pertama tanpa titik\nParagraf kedua, dengan koma,\n\nParagraf ketiga.",
          "Paragraf pertama tanpa titik", "Paragraf kedua, dengan koma,", "Paragraf ketiga.")


def test_boilerplate_lines_are_their_own_sentences():
    check("Polisi menyelidiki kasus itu.\nSCROLL TO CONTINUE WITH CONTENT\n"
          "Penyelidikan dimulai Senin.\nADVERTISEMENT\n",
          "Polisi menyelidiki kasus itu.", "SCROLL TO CONTINUE WITH CONTENT",
          "Penyelidikan dimulai Senin.", "ADVERTISEMENT")


def test_spans_are_trimmed_exact_offsets():
    text = "  Satu kalimat.   Dua kalimat.  \n\n  "
    assert split_sentences(text) == [Sentence(2, 15), Sentence(18, 30)]
    assert text[2:15] == "Satu kalimat." and text[18:30] == "Dua kalimat."


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_works_on_normalised_text_with_nbsp_and_crlf():
    raw = "Harga naik Rp\u00a05.000.\r\nPedagang mengeluh.\u00a0Pembeli berkurang."
    norm = normalize(raw)
    got = split_sentences(norm)
    assert [raw[s.start:s.end] for s in got] == [
        "Harga naik Rp\u00a05.000.", "Pedagang mengeluh.", "Pembeli berkurang."]


# --- the seed article -------------------------------------------------------------------

def test_seed_article_sentences():
    text = normalize(SEED.read_text(encoding="utf-8"))
    got = [text[s.start:s.end] for s in split_sentences(text)]
    assert len(got) == 16
    assert got[0].startswith("Presiden Prancis Emmanuel Macron") and got[0].endswith("Hamas.")
    assert got[1].endswith("melawan Hamas.") and got[2] == (
        "Israel tampak siap untuk invasi darat ke Gaza lebih dari seminggu.")
    assert got[3].startswith("“Prancis siap") and got[3].endswith("digunakan untuk ISIS.")
    assert got[4] == ("Dia menambahkan bahwa pertempuran melawan Hamas “harus tanpa ampun "
                      "tapi tidak tanpa aturan.”")
    assert got[5].endswith("di lapangan.") and got[6].startswith("AS telah mendedikasikan")
    assert got[7].startswith("Baik pejabat") and got[7].endswith("bergabung dalam perang.")
    assert got[8] == ("Pasukan Pertahanan Israel (IDF) telah berkumpul di sekitar Jalur Gaza "
                      "selama lebih dari seminggu, siap untuk invasi.")
    assert got[9] == "Perintah itu belum turun, namun, dan negosiasi sandera masih berlangsung."
    assert got[10].endswith("pada 7 Oktober di Israel.")
    assert got[11] == "Sampai saat ini, dua warga negara AS dan dua warga Israel telah dibebaskan."
    assert got[12].startswith("IDF mengatakan Selasa")
    assert got[13].startswith("“Jika Anda ingin") and got[13].endswith("” baca selebaran itu.")
    assert got[14].startswith("Orang Israel menawarkan")
    assert got[15] == "Reuters memberikan kontribusi untuk laporan ini."
    first = split_sentences(text)[0]
    assert first.start == 0 and text[first.end - 6:first.end] == "Hamas."
    assert text[first.end] == "\n"


# --- speed and invariants ------------------------------------------------------------------

def test_speed_over_one_megabyte_per_second():
    paragraph = ("JAKARTA, KOMPAS.com - Prof. Dr. H. Budi Santoso, S.H., M.Si. mengatakan harga "
                 "beras naik menjadi Rp 15.000 per kg. “Kami siap,” katanya di Jl. Merdeka No. 5. "
                 "Polisi memeriksa saksi dalam kasus tsb. Hasilnya diumumkan pekan depan!\n")
    text = paragraph * (500_000 // len(paragraph))
    t0 = time.perf_counter()
    sentences = split_sentences(text)
    elapsed = time.perf_counter() - t0
    assert len(sentences) == 4 * (500_000 // len(paragraph))
    assert len(text) / elapsed > 1_000_000


def _detik_texts() -> list[str]:
    path = SHARED / "news" / "detik-dev.jsonl"
    if not path.exists():
        pytest.skip(f"shared data not found at {path}")
    with path.open(encoding="utf-8") as f:
        return [normalize(json.loads(line)["text"]) for line in f]


def test_detik_articles_give_trimmed_ordered_sentences():
    for text in _detik_texts():
        sentences = split_sentences(text)
        prev_end = 0
        for s in sentences:
            assert prev_end <= s.start < s.end <= len(text)
            chunk = text[s.start:s.end]
            assert chunk == chunk.strip() and "\n" not in chunk
            prev_end = s.end
        assert "".join(text[s.start:s.end] for s in sentences).replace(" ", "") == \
            "".join(text.split())


def test_glued_period_before_opening_quote():
    check('Ia tersenyum kepada wartawan."Melalui program ini, kami membantu petani," ujarnya.',
          "Ia tersenyum kepada wartawan.",
          '"Melalui program ini, kami membantu petani," ujarnya.')


def test_quote_with_two_sentences_is_split_inside_the_quote():
    check("“Kami siap. Kami akan berjuang,” kata Budi.",
          "“Kami siap.", "Kami akan berjuang,” kata Budi.")
