"""warta.ingest: reading one text and JSONL batches, with exact error offsets."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from warta.errors import (
    DecodeError,
    EmptyInputError,
    ExitCode,
    InputNotReadableError,
    TooLargeError,
)
from warta.ingest import (
    DEFAULT_MAX_BYTES,
    JsonlError,
    JsonlReader,
    JsonlRecord,
    check_text,
    decode_text,
    iter_jsonl,
    read_bounded,
    read_text,
)

ARTICLE = "Presiden Joko Widodo meresmikan Bendungan Sepaku di Penajam Paser Utara pada Senin.\n"


# --- read_text ------------------------------------------------------------------------------

def test_reads_a_file_exactly_as_decoded_keeping_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfMenteri Keuangan Sri Mulyani hadir.\r\nIa tersenyum.\r\n")
    text = read_text(path)
    assert text == "\ufeffMenteri Keuangan Sri Mulyani hadir.\r\nIa tersenyum.\r\n"
    assert text[1:8] == "Menteri"
    assert text.index("\r\n") == 36


def test_reads_str_paths_and_binary_streams(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_text(str(path)) == ARTICLE
    assert read_text(io.BytesIO(ARTICLE.encode())) == ARTICLE


def test_missing_file_and_directory_are_not_readable(tmp_path: Path) -> None:
    with pytest.raises(InputNotReadableError, match="no such file") as missing:
        read_text(tmp_path / "tidak-ada.txt")
    assert missing.value.exit_code == ExitCode.CANNOT_READ == 6
    with pytest.raises(InputNotReadableError, match="is a directory"):
        read_text(tmp_path)


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "besar.txt"
    with path.open("wb") as fh:  # sparse 20 MiB: no disk use, nothing to read
        fh.truncate(20 * 1024 * 1024)

    def refuse_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened although its size is over the limit")

    monkeypatch.setattr(Path, "open", refuse_open)
    with pytest.raises(TooLargeError) as exc:
        read_text(path)
    assert DEFAULT_MAX_BYTES == 10 * 1024 * 1024
    assert "the limit is 10,485,760 bytes and it is 20,971,520 bytes" in str(exc.value)
    assert "--max-bytes" in str(exc.value)
    assert exc.value.exit_code == 5


def test_a_file_of_exactly_max_bytes_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "pas.txt"
    path.write_bytes(b"Halo dunia")
    assert read_text(path, max_bytes=10) == "Halo dunia"
    with pytest.raises(TooLargeError):
        read_text(path, max_bytes=9)


class EndlessStream(io.RawIOBase):
    """A stream that never ends (like `yes | warta analyze -`), counting what it gave."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        n = len(buffer)
        buffer[:n] = b"a" * n
        self.given += n
        return n


def test_a_stream_is_read_only_up_to_the_limit() -> None:
    stream = EndlessStream()
    with pytest.raises(TooLargeError, match="is larger than that"):
        read_bounded(stream, 1000)  # type: ignore[arg-type]
    assert stream.given == 1001


# --- decode_text / check_text ---------------------------------------------------------------

def test_invalid_utf8_names_its_byte_offset() -> None:
    data = "Kafé ".encode() + b"\xff lagi"  # é is two bytes: the bad byte is at offset 6
    with pytest.raises(DecodeError) as exc:
        decode_text(data, "x.txt")
    assert str(exc.value) == ("x.txt: not UTF-8 text: invalid start byte (byte 0xff) "
                              "at byte offset 6")
    assert exc.value.offset == 6
    assert exc.value.exit_code == 4


def test_latin1_text_is_rejected_at_its_first_accented_byte() -> None:
    data = "Harga kopi naik di café".encode("latin-1")
    with pytest.raises(DecodeError) as exc:
        decode_text(data)
    assert exc.value.offset == 22
    assert "byte 0xe9" in str(exc.value)


def test_truncated_utf8_at_the_end() -> None:
    with pytest.raises(DecodeError, match="unexpected end of data .* at byte offset 4"):
        decode_text(b"Kopi" + "é".encode()[:1])


def test_nul_byte_means_binary_with_offset() -> None:
    with pytest.raises(DecodeError) as exc:
        decode_text(b"Halo\x00dunia", "data.bin")
    assert str(exc.value) == "data.bin: binary data, not text: NUL byte at byte offset 4"


def test_the_first_problem_wins_between_nul_and_invalid_byte() -> None:
    with pytest.raises(DecodeError, match="NUL byte at byte offset 1"):
        decode_text(b"A\x00B\xff")
    with pytest.raises(DecodeError, match=r"invalid start byte \(byte 0x89\) at byte offset 0"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_utf16_gets_a_helpful_message() -> None:
    with pytest.raises(DecodeError, match="UTF-16 byte order mark"):
        decode_text("Halo".encode("utf-16"))


@pytest.mark.parametrize(("text", "fragment"), [
    ("", "the text is empty"),
    ("   \n\t\r\n", "the text is whitespace only"),
    ("\ufeff\u200b\n", "whitespace only (spaces and invisible format characters)"),
])
def test_empty_and_whitespace_only(text: str, fragment: str) -> None:
    with pytest.raises(EmptyInputError, match=re.escape(fragment)) as exc:
        check_text(text)
    assert exc.value.exit_code == 3


def test_nul_character_and_lone_surrogate_in_decoded_text() -> None:
    with pytest.raises(DecodeError, match="NUL character at character offset 3"):
        check_text("Ada\x00apa")
    with pytest.raises(DecodeError, match="lone surrogate U\\+D800 at character offset 2"):
        check_text("Ya\ud800")


# --- JSONL -----------------------------------------------------------------------------------

def _items(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[JsonlRecord | JsonlError]:
    return list(iter_jsonl(io.BytesIO(data), max_bytes))


def test_records_in_order_with_line_numbers_and_fields() -> None:
    data = (b'{"id": "a", "text": "Gubernur Riau Abdul Wahid berkunjung.", '
            b'"published": "2025-06-02", "title": "Kunjungan", "url": "http://x"}\n'
            b'\n'
            b'{"id": "b", "text": "Harga cabai naik."}\n')
    items = _items(data)
    assert items == [
        JsonlRecord(line=1, text="Gubernur Riau Abdul Wahid berkunjung.", id="a",
                    published="2025-06-02", title="Kunjungan"),
        JsonlRecord(line=3, text="Harga cabai naik.", id="b"),
    ]


def test_every_bad_line_becomes_an_error_in_its_place() -> None:
    lines = [
        b'{"id": "ok", "text": "Harga beras turun."}',
        b'bukan json',
        b'["text"]',
        b'{"id": "m"}',
        b'{"id": "n", "text": 12}',
        b'{"id": "w", "text": " \\n "}',
        b'{"id": "p", "text": "Rapat digelar.", "published": "24/10/2023"}',
        b'{"id": 7, "text": "Rapat digelar."}',
        b'{"id": "t", "text": "Rapat digelar.", "title": ["x"]}',
        b'{"id": "z", "text": "Ada\\u0000apa"}',
        b'{"text": "caf\xe9"}',
    ]
    items = _items(b"\n".join(lines) + b"\n")
    assert isinstance(items[0], JsonlRecord)
    errors = [(e.line, e.id, e.code) for e in items[1:] if isinstance(e, JsonlError)]
    assert errors == [
        (2, None, "invalid_json"),
        (3, None, "not_object"),
        (4, "m", "missing_text"),
        (5, "n", "text_not_string"),
        (6, "w", "empty_text"),
        (7, "p", "bad_published"),
        (8, 7, "bad_id"),
        (9, "t", "bad_title"),
        (10, "z", "not_text"),
        (11, None, "not_text"),
    ]
    by_line = {e.line: e for e in items if isinstance(e, JsonlError)}
    assert by_line[2].message == "not valid JSON: Expecting value at column 1"
    assert by_line[3].message == "line is a JSON array, not an object with a 'text' field"
    assert "'24/10/2023' is not an ISO date" in by_line[7].message
    assert by_line[11].message == ("line is not UTF-8: invalid continuation byte (byte 0xe9) "
                                   "at byte offset 13 of the line")
    assert by_line[4].to_dict() == {"id": "m", "line": 4, "error": {
        "code": "missing_text", "message": "the object has no 'text' field"}}


def test_blank_lines_are_skipped_and_counted() -> None:
    reader = JsonlReader(io.BytesIO(b'\n  \n{"text": "Hujan turun."}\r\n\t\n'))
    items = list(reader)
    assert [i.line for i in items] == [3]
    assert reader.blank_lines == 3
    assert reader.lines == 4


def test_bom_crlf_and_missing_final_newline() -> None:
    data = b'\xef\xbb\xbf{"id": "1", "text": "Satu."}\r\n{"id": "2", "text": "Dua."}'
    assert [(r.line, r.id, r.text) for r in _items(data)] == [(1, "1", "Satu."),
                                                              (2, "2", "Dua.")]


def test_an_over_long_line_is_rejected_and_the_next_one_read() -> None:
    long_line = b'{"id": "big", "text": "' + b"a" * 500 + b'"}'
    ok = b'{"id": "small", "text": "Cukup."}'
    assert len(ok) == 33
    items = _items(long_line + b"\n" + ok + b"\n", max_bytes=100)
    assert isinstance(items[0], JsonlError)
    assert items[0].code == "too_large"
    assert items[0].line == 1
    assert items[0].message == ("line is 525 bytes, more than the limit of 100 bytes "
                                "(raise it with --max-bytes)")
    assert items[1] == JsonlRecord(line=2, text="Cukup.", id="small")
    assert _items(ok + b"\n", max_bytes=33)[0] == JsonlRecord(line=1, text="Cukup.", id="small")
    assert _items(ok + b"\n", max_bytes=32)[0].code == "too_large"  # type: ignore[union-attr]


def test_text_streams_are_accepted() -> None:
    items = list(iter_jsonl(io.StringIO('{"id": "s", "text": "Kereta tiba."}\n')))
    assert items == [JsonlRecord(line=1, text="Kereta tiba.", id="s")]


def test_unechoable_ids_become_null() -> None:
    (error,) = _items(b'{"id": "\\ud800", "text": ""}\n')
    assert isinstance(error, JsonlError)
    assert error.id is None
    assert error.code == "empty_text"
