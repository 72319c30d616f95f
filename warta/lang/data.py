"""Loader for language data files in ``warta/lang/id/``.

Language knowledge (abbreviations, titles, cue words, month names …) is data,
not code, so that it can be reviewed and extended without touching algorithms.
Files are read once and cached; the returned objects must be treated as
read-only (``load_words`` returns a frozenset for that reason).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "id"


@cache
def load_words(name: str) -> frozenset[str]:
    """Entries of ``warta/lang/id/<name>.txt``: one per line, stripped.

    Blank lines are skipped; ``#`` starts a comment (whole line or trailing,
    when preceded by whitespace), so entries may themselves contain ``#`` only
    when it is not preceded by a space.
    """
    path = DATA_DIR / f"{name}.txt"
    words: set[str] = set()
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cut = line.find(" #")
        if cut >= 0:
            line = line[:cut].rstrip()
        if line:
            words.add(line)
    return frozenset(words)


@cache
def load_json(name: str) -> Any:
    """Parsed content of ``warta/lang/id/<name>.json`` (do not mutate it)."""
    path = DATA_DIR / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so that "puluhan ribu"
    wins over "puluhan".  Cached: extractors build their patterns from the same
    word lists on every call."""
    return _alternation(tuple(words))


@cache
def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
