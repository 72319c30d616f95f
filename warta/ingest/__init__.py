"""Reading and validating input: text files, stdin bytes and JSONL batches.

The CLI only formats what this package returns, so the API layer can reuse the
same checks (size limit before reading, UTF-8 with byte offsets, empty text)
and give the same answers.
"""

from warta.ingest.jsonl import JsonlError, JsonlReader, JsonlRecord, iter_jsonl
from warta.ingest.text import (
    DEFAULT_MAX_BYTES,
    check_text,
    decode_text,
    open_input,
    read_bounded,
    read_text,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "JsonlError",
    "JsonlReader",
    "JsonlRecord",
    "check_text",
    "decode_text",
    "iter_jsonl",
    "open_input",
    "read_bounded",
    "read_text",
]
