"""Errors for bad input, each with the exit code the CLI documents.

The exit codes are defined once, in :class:`ExitCode`; ``warta analyze --help``
and ``docs/CLI.md`` list the same table (a test keeps them in step).  Library
callers catch :class:`WartaInputError`; ``code`` is the short machine-readable
name used in JSONL error objects.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the ``warta`` command."""

    OK = 0
    LINES_FAILED = 1
    USAGE = 2
    EMPTY = 3
    NOT_TEXT = 4
    TOO_LARGE = 5
    CANNOT_READ = 6
    BAD_DATA = 65
    UNAVAILABLE = 69
    INTERNAL = 70
    INTERRUPTED = 130
    PIPE_CLOSED = 141


EXIT_CODE_MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "success (in --jsonl mode: every non-blank line was analysed)",
    ExitCode.LINES_FAILED: "--jsonl: at least one line was rejected (its error object is on "
                           "stdout in its place); the other lines were analysed",
    ExitCode.USAGE: "bad command line: unknown option, missing argument, bad --published, "
                    "bad --model",
    ExitCode.EMPTY: "the text is empty or whitespace only",
    ExitCode.NOT_TEXT: "the input is not UTF-8 text (binary data, NUL byte or invalid UTF-8; "
                       "the message gives the byte offset)",
    ExitCode.TOO_LARGE: "the input is larger than --max-bytes (checked before reading it all)",
    ExitCode.CANNOT_READ: "the input file does not exist, is a directory or cannot be read",
    ExitCode.BAD_DATA: "eval: the gold file or the texts it refers to are invalid (not JSON, "
                       "an article missing, spans that do not fit the text)",
    ExitCode.UNAVAILABLE: "a component the command needs is not installed (e.g. an evaluation "
                          "module)",
    ExitCode.INTERNAL: "internal error: a bug in Warta (message printed, no traceback); "
                       "in --jsonl mode: at least one line hit one",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
    ExitCode.PIPE_CLOSED: "stdout was closed early (e.g. piped into head); nothing more is "
                          "written",
}


class WartaInputError(ValueError):
    """Input Warta cannot analyse.  ``exit_code`` is what the CLI exits with;
    ``code`` names the problem in JSONL error objects."""

    exit_code: int = ExitCode.USAGE
    code: str = "bad_input"


class EmptyInputError(WartaInputError):
    exit_code = ExitCode.EMPTY
    code = "empty_text"


class DecodeError(WartaInputError):
    """Binary data, a NUL byte or invalid UTF-8; ``offset`` is the byte offset
    (or, for text already decoded, the character offset) of the first bad unit."""

    exit_code = ExitCode.NOT_TEXT
    code = "not_text"

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


class TooLargeError(WartaInputError):
    exit_code = ExitCode.TOO_LARGE
    code = "too_large"


class BadPublishedError(WartaInputError):
    exit_code = ExitCode.USAGE
    code = "bad_published"


class InputNotReadableError(WartaInputError):
    """The input path does not exist, is a directory or cannot be opened."""

    exit_code = ExitCode.CANNOT_READ
    code = "cannot_read"


class BadModelError(WartaInputError):
    """``--model`` does not name a spaCy pipeline directory (or lacks a component asked for)."""

    exit_code = ExitCode.USAGE
    code = "bad_model"


class BadRecordError(WartaInputError):
    """A JSONL line that is not a usable record (not JSON, not an object,
    missing or mistyped field); ``code`` is set per instance."""

    exit_code = ExitCode.LINES_FAILED

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class BadDataError(ValueError):
    """An evaluation's gold file or texts do not fit together."""

    exit_code = ExitCode.BAD_DATA


class MissingDataError(BadDataError, FileNotFoundError):
    """A file an evaluation reads is absent (the shared article texts); still a
    ``FileNotFoundError`` for code that catches that."""


class UnavailableError(RuntimeError):
    """A component the command needs is not installed yet."""

    exit_code = ExitCode.UNAVAILABLE
