"""JSONL batches: one article per line, read and validated line by line.

Each non-blank line becomes a :class:`JsonlRecord` or, when it cannot be
analysed, a :class:`JsonlError` naming the line; the caller writes the error
in the line's place and goes on.  Blank lines (empty or whitespace only) are
skipped and counted, never reported as records.  Lines are read one at a time
with a length bound, so neither a large file nor one enormous line is held in
memory beyond ``max_bytes``.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from warta.errors import BadPublishedError, DecodeError, EmptyInputError
from warta.ingest.text import DEFAULT_MAX_BYTES, check_text

FIELDS = ("id", "text", "published", "title")
"""Fields read from each object; any other field is ignored."""


@dataclass(frozen=True, slots=True)
class JsonlRecord:
    """A valid line: ``line`` is its 1-based line number in the input."""

    line: int
    text: str
    id: str | None = None
    published: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class JsonlError:
    """A rejected line.  ``id`` is the line's ``id`` as given (any JSON value)
    when the line could be parsed, else ``None``."""

    line: int
    code: str
    message: str
    id: Any = None

    def to_dict(self) -> dict[str, Any]:
        """The error object written to stdout in the line's place."""
        return {"id": self.id, "line": self.line,
                "error": {"code": self.code, "message": self.message}}


class JsonlReader:
    """Iterates over a JSONL stream; counts lines, blank lines and bytes read
    (for progress reporting) as it goes.

    ``stream`` is a binary stream (a text stream's lines are accepted too).
    ``max_bytes`` bounds each line's length without its line ending.
    """

    def __init__(self, stream: IO[bytes] | IO[str],
                 max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self._stream = stream
        self.max_bytes = max_bytes
        self.lines = 0
        self.blank_lines = 0
        self.bytes_read = 0

    def __iter__(self) -> Iterator[JsonlRecord | JsonlError]:
        while True:
            raw, size = self._read_line()
            if raw is None:
                return
            self.lines += 1
            if self.lines == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if size > self.max_bytes:
                yield JsonlError(self.lines, "too_large",
                                 f"line is {size:,} bytes, more than the limit of "
                                 f"{self.max_bytes:,} bytes (raise it with --max-bytes)")
                continue
            if not raw.strip():
                self.blank_lines += 1
                continue
            yield parse_line(raw, self.lines)

    def _read_line(self) -> tuple[bytes | None, int]:
        """The next line (without its line end) and its length in bytes; a
        line over the limit is consumed but only its size is returned."""
        raw = _as_bytes(self._stream.readline(self.max_bytes + 1))
        if not raw:
            return None, 0
        self.bytes_read += len(raw)
        if raw.endswith(b"\n") or len(raw) <= self.max_bytes:
            line = raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw
            return line, len(line)
        size = len(raw)
        while not raw.endswith(b"\n"):  # skip the rest of an over-long line
            raw = _as_bytes(self._stream.readline(1 << 16))
            if not raw:
                break
            self.bytes_read += len(raw)
            size += len(raw)
        return b"", size - (1 if raw.endswith(b"\n") else 0)


def iter_jsonl(stream: IO[bytes] | IO[str],
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[JsonlRecord | JsonlError]:
    """Records and errors of a JSONL stream, in input order (blank lines skipped)."""
    return iter(JsonlReader(stream, max_bytes))


def _as_bytes(raw: bytes | str) -> bytes:
    return raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw


def parse_line(raw: bytes, line: int) -> JsonlRecord | JsonlError:
    """Validate one non-blank line (without its line end)."""
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return JsonlError(line, "not_text", f"line is not UTF-8: {exc.reason} "
                          f"(byte 0x{raw[exc.start]:02x}) at byte offset {exc.start} of the line")
    try:
        obj = json.loads(source)
    except json.JSONDecodeError as exc:
        return JsonlError(line, "invalid_json", f"not valid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return JsonlError(line, "invalid_json", "not valid JSON: nested too deeply")
    if not isinstance(obj, dict):
        return JsonlError(line, "not_object",
                          f"line is a JSON {_json_type(obj)}, not an object with a 'text' field")
    rid = _echo(obj.get("id"))
    problem = _check_record(obj)
    if problem is not None:
        code, message = problem
        return JsonlError(line, code, message, rid)
    return JsonlRecord(line=line, text=obj["text"], id=obj.get("id"),
                       published=obj.get("published"), title=obj.get("title"))


def _check_record(obj: dict[str, Any]) -> tuple[str, str] | None:
    from warta.pipeline import parse_published

    if "text" not in obj:
        return "missing_text", "the object has no 'text' field"
    text = obj["text"]
    if not isinstance(text, str):
        return "text_not_string", f"'text' must be a string, not {_json_type(text)}"
    try:
        check_text(text)
    except EmptyInputError as exc:
        return "empty_text", str(exc)
    except DecodeError as exc:
        return "not_text", str(exc)
    for name in ("id", "published", "title"):
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            return f"bad_{name}", f"'{name}' must be a string or null, not {_json_type(value)}"
        if value is not None and not _encodable(value):
            return f"bad_{name}", f"'{name}' contains a lone surrogate"
    try:
        parse_published(obj.get("published"))
    except BadPublishedError as exc:
        return "bad_published", str(exc)
    return None


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _echo(value: Any) -> Any:
    """The id as it can be echoed back (``None`` if it cannot be written as UTF-8)."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError):
        return None
    return value


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"
