"""`warta analyze --jsonl`: one analysis (or error object) per input line.

The contract other tools rely on (documented in docs/CLI.md): every non-blank
input line produces exactly one compact JSON line on stdout, in input order —
the analysis, echoing the line's ``id``, or an error object
``{"id", "line", "error": {"code", "message"}}``.  Each output line is flushed
as soon as it is written, so a consumer can stream.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from warta.errors import ExitCode, WartaInputError
from warta.ingest import JsonlError, JsonlReader, JsonlRecord
from warta.pipeline import BATCH_SIZE, Article, analyze_many
from warta.schema import Analysis


@dataclass(slots=True)
class BatchSummary:
    ok: int = 0
    rejected: int = 0
    internal: int = 0
    blank: int = 0

    @property
    def exit_code(self) -> int:
        """70 if any line hit an internal error, else 1 if any was rejected, else 0."""
        if self.internal:
            return ExitCode.INTERNAL
        return ExitCode.LINES_FAILED if self.rejected else ExitCode.OK

    def describe(self) -> str:
        parts = [f"{self.ok} analysed"]
        if self.rejected:
            parts.append(f"{self.rejected} rejected")
        if self.internal:
            parts.append(f"{self.internal} internal errors")
        if self.blank:
            parts.append(f"{self.blank} blank lines skipped")
        return ", ".join(parts)


def compact_json(data: Any) -> str:
    """One JSON line: UTF-8 text, no spaces, no NaN/Infinity (not valid JSON)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def run_batch(stream: IO[bytes], out: IO[str], *, max_bytes: int,
              published: str | None = None, model: str | None = None,
              report: Callable[[str, str], None] = lambda level, message: None,
              advance: Callable[[int], None] = lambda bytes_read: None) -> BatchSummary:
    """Analyse every record of ``stream`` and write one line per record to ``out``.

    ``published`` is the default for records without one.  ``report(level,
    message)`` receives per-line errors (level ``"error"``) and analysis
    warnings (``"warning"``), each message starting with the line number;
    ``advance`` receives the bytes read so far, for a progress bar.  Records are
    analysed in batches of :data:`warta.pipeline.BATCH_SIZE` (``analyze_many``); each
    batch's lines are written, in input order, as soon as it is done.
    """
    summary = BatchSummary()
    reader = JsonlReader(stream, max_bytes)
    for chunk in _chunks(reader, BATCH_SIZE):
        records = [item for item in chunk if isinstance(item, JsonlRecord)]
        results = iter(analyze_many(
            [Article(r.text, r.published or published, r.id, r.title) for r in records],
            model=model, errors="return"))
        for item in chunk:
            item_out = _output(item, next(results), report) \
                if isinstance(item, JsonlRecord) else item
            if isinstance(item_out, JsonlError):
                if item_out.code == "internal_error":
                    summary.internal += 1
                else:
                    summary.rejected += 1
                who = f" (id {item_out.id!r})" if item_out.id is not None else ""
                report("error", f"line {item_out.line}{who}: {item_out.message}")
                out.write(compact_json(item_out.to_dict()) + "\n")
            else:
                summary.ok += 1
                out.write(item_out + "\n")
            out.flush()
        advance(reader.bytes_read)
    summary.blank = reader.blank_lines
    return summary


def _chunks(items: Iterable[JsonlRecord | JsonlError],
            records: int) -> Iterator[list[JsonlRecord | JsonlError]]:
    """Consecutive runs of reader items holding at most ``records`` records each
    (error items travel with them, in place)."""
    chunk: list[JsonlRecord | JsonlError] = []
    count = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, JsonlRecord):
            count += 1
            if count == records:
                yield chunk
                chunk, count = [], 0
    if chunk:
        yield chunk


def _output(record: JsonlRecord, result: Analysis | Exception,
            report: Callable[[str, str], None]) -> str | JsonlError:
    """The output line for a record's analysis, or the error that replaces it."""
    if isinstance(result, WartaInputError):
        return JsonlError(record.line, result.code, str(result), record.id)
    if isinstance(result, Exception):  # a bug must not stop the batch
        return JsonlError(record.line, "internal_error", internal_message(result), record.id)
    try:
        line = compact_json(result.to_dict())
    except Exception as exc:  # noqa: BLE001
        return JsonlError(record.line, "internal_error", internal_message(exc), record.id)
    for warning in result.warnings:
        report("warning", f"line {record.line}: {warning}")
    return line


def internal_message(exc: BaseException) -> str:
    """A one-line description of an unexpected exception."""
    detail = " ".join(str(exc).split())
    if len(detail) > 300:
        detail = detail[:297] + "..."
    name = type(exc).__name__
    return f"internal error: {name}: {detail}" if detail else f"internal error: {name}"
