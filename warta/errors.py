"""Errors for bad input, each with the exit code the CLI documents."""

from __future__ import annotations


class WartaInputError(ValueError):
    """Input Warta cannot analyse.  ``exit_code`` is what the CLI exits with."""

    exit_code = 2


class EmptyInputError(WartaInputError):
    exit_code = 3


class DecodeError(WartaInputError):
    exit_code = 4


class TooLargeError(WartaInputError):
    exit_code = 5


class BadPublishedError(WartaInputError):
    exit_code = 2
