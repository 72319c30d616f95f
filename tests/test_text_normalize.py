"""normalize(): one character for one character, so offsets survive."""

from warta.text.normalize import normalize


def test_length_is_preserved_for_every_bmp_character():
    text = "".join(chr(c) for c in range(0x0000, 0xD800))
    assert len(normalize(text)) == len(text)


def test_spaces_and_invisible_characters_become_plain_spaces():
    text = "Rp\u00a010.000\u2009juta\u202fdi\u200bJakarta\ufeff\tkemarin\u3000."
    out = normalize(text)
    assert out == "Rp 10.000 juta di Jakarta  kemarin ."
    assert len(out) == len(text)


def test_line_breaks_become_newlines():
    text = "Paragraf satu.\r\nParagraf dua.\u2029Paragraf tiga.\u2028Empat.\x0cLima."
    out = normalize(text)
    assert out == "Paragraf satu.\n\nParagraf dua.\nParagraf tiga.\nEmpat.\nLima."
    assert out.index("Paragraf dua.") == text.index("Paragraf dua.") == 16


def test_dashes_minus_and_soft_hyphen_become_hyphen():
    text = ("JAKARTA \u2014 Suhu turun \u2212 5 derajat, 2020\u20132025, "
            "pe\u00admerintah\u2011pusat.")
    assert normalize(text) == "JAKARTA - Suhu turun - 5 derajat, 2020-2025, pe-merintah-pusat."


def test_curly_quotes_are_kept_and_look_alikes_mapped():
    text = "“Kami siap,” katanya. ‘Oke’ \u201eHalo\u201d \u00abYa\u00bb Jum\u00b4at 5\u2033 Jum`at"
    out = normalize(text)
    assert out == "“Kami siap,” katanya. ‘Oke’ “Halo” “Ya” Jum'at 5\" Jum'at"
    assert out[0] == "“" and out[11] == "”"


def test_ellipsis_character_is_kept_as_one_character():
    assert normalize("Tunggu… saya datang") == "Tunggu… saya datang"


def test_control_characters_become_spaces_but_c1_mojibake_is_left_alone():
    text = "A\x00B\x07C\x7fD \u00e2\x80\x9cE"
    assert normalize(text) == "A B C D \u00e2\x80\x9cE"


def test_plain_text_is_unchanged():
    text = "Presiden Prancis Emmanuel Macron bertemu dengan Benjamin Netanyahu pada Selasa.\n"
    assert normalize(text) == text
