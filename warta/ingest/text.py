"""One article as text: from a file, stdin or bytes, validated.

The text is returned exactly as decoded (no BOM removal, no newline
translation), so every offset in the analysis indexes
``Path(p).read_bytes().decode("utf-8")``.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from warta.errors import (
    DecodeError,
    EmptyInputError,
    InputNotReadableError,
    TooLargeError,
)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest input accepted by default (10 MiB); news articles are far smaller,
so anything bigger is almost certainly a wrong file."""

STDIN = "-"
_CHUNK = 1 << 16


def read_text(source: str | os.PathLike[str] | BinaryIO,
              max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read one UTF-8 text from a path, ``"-"`` (stdin) or a binary stream.

    Raises :class:`InputNotReadableError` (missing file, directory),
    :class:`TooLargeError` (more than ``max_bytes``; a regular file is
    rejected from its size before anything is read, a stream once
    ``max_bytes + 1`` bytes have arrived), :class:`DecodeError` (binary or
    not UTF-8) or :class:`EmptyInputError` (empty or whitespace only).
    """
    if isinstance(source, str | os.PathLike) and os.fspath(source) != STDIN:
        path = Path(source)
        data = _read_path(path, max_bytes)
        origin = str(path)
    else:
        stream = sys.stdin.buffer if isinstance(source, str | os.PathLike) else source
        origin = "<stdin>" if stream is getattr(sys.stdin, "buffer", None) else "input"
        data = read_bounded(stream, max_bytes, origin)
    return decode_text(data, origin)


@contextmanager
def open_input(source: str | os.PathLike[str]) -> Iterator[tuple[BinaryIO, int | None]]:
    """Open a path or ``"-"`` (stdin) for binary reading; yields the stream and
    its size in bytes when known (a regular file), for progress reporting.
    Raises :class:`InputNotReadableError` for a missing file or a directory."""
    if os.fspath(source) == STDIN:
        yield sys.stdin.buffer, None
        return
    path = Path(source)
    info = _stat(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputNotReadableError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    with fh:
        yield fh, info.st_size if stat.S_ISREG(info.st_mode) else None


def _stat(path: Path) -> os.stat_result:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputNotReadableError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputNotReadableError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputNotReadableError(f"{path}: is a directory, not a file")
    return info


def _read_path(path: Path, max_bytes: int) -> bytes:
    info = _stat(path)
    if stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise TooLargeError(_too_large(str(path), info.st_size, max_bytes))
    try:
        with path.open("rb") as fh:
            return read_bounded(fh, max_bytes, str(path))
    except OSError as exc:
        raise InputNotReadableError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def read_bounded(stream: BinaryIO, max_bytes: int, origin: str = "input") -> bytes:
    """Read a stream to its end, but never more than ``max_bytes + 1`` bytes."""
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TooLargeError(_too_large(origin, None, max_bytes))


def _too_large(origin: str, size: int | None, max_bytes: int) -> str:
    what = f"is {size:,} bytes" if size is not None else "is larger than that"
    return (f"{origin}: input too large: the limit is {max_bytes:,} bytes and it {what} "
            "(raise it with --max-bytes)")


def decode_text(data: bytes, origin: str = "input") -> str:
    """Decode UTF-8 strictly and validate; errors name the first bad byte offset."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise DecodeError(f"{origin}: not UTF-8 text: it starts with a UTF-16 byte order mark "
                          "(byte offset 0); convert it to UTF-8", 0)
    nul = data.find(b"\0")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if 0 <= nul < exc.start:
            raise _binary(origin, nul) from None
        bad = data[exc.start]
        raise DecodeError(f"{origin}: not UTF-8 text: {exc.reason} (byte 0x{bad:02x}) "
                          f"at byte offset {exc.start}", exc.start) from None
    if nul >= 0:
        raise _binary(origin, nul)
    check_text(text, origin)
    return text


def _binary(origin: str, offset: int) -> DecodeError:
    return DecodeError(f"{origin}: binary data, not text: NUL byte at byte offset {offset}",
                       offset)


def check_text(text: str, origin: str | None = None) -> None:
    """Reject text that cannot be analysed: empty, whitespace only (invisible
    format characters such as a BOM count as whitespace), a NUL character or
    a lone surrogate (which cannot be written back as UTF-8).  ``origin``
    prefixes the messages (a file name, ``<stdin>``)."""
    at = f"{origin}: " if origin else ""
    stripped = text.strip()
    if not stripped:
        raise EmptyInputError(f"{at}the text is empty" if not text
                              else f"{at}the text is whitespace only")
    if all(unicodedata.category(c) == "Cf" or c.isspace() for c in stripped):
        raise EmptyInputError(f"{at}the text is whitespace only "
                              "(spaces and invisible format characters)")
    nul = text.find("\0")
    if nul >= 0:
        raise DecodeError(f"{at}binary data, not text: NUL character at character "
                          f"offset {nul}", nul)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DecodeError(f"{at}not valid Unicode text: lone surrogate "
                          f"U+{ord(text[exc.start]):04X} at character offset {exc.start}",
                          exc.start) from None
