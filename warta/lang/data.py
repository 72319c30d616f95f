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
    """A regex alternation of literal words in which the longest word wins ("puluhan
    ribu" over "puluhan"), built as a trie.  Cached: extractors build their patterns
    from the same word lists on every call."""
    return _alternation(tuple(words))


@cache
def _alternation(words: tuple[str, ...]) -> str:
    """The words as a trie ("s(?:atu|e(?:belas|puluh))|dua"): at each position the
    engine tries one branch per distinct next letter instead of one per word, which
    matters for the long case-insensitive lists the extractors scan whole articles
    with.  A word that is a prefix of another comes after it, so the longer one wins,
    as with a longest-first list.  Lists where one word is a prefix of another only
    ignoring case ("Rp", "rp.") stay a longest-first list: inside ``(?i:…)`` the trie
    would stop at the shorter one."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    lowered = [w.lower() for w in unique]
    if any(long.startswith(short) and not unique[i].startswith(unique[j])
           for i, long in enumerate(lowered) for j, short in enumerate(lowered)
           if i != j and len(short) <= len(long)):
        return "|".join(re.escape(w) for w in unique)
    trie: dict = {}
    for word in unique:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_group(child) for char, child in sorted(node.items())
                if char]
    if "" in node:
        branches.append("")
    return "|".join(branches)


def _trie_group(node: dict) -> str:
    if list(node) == [""]:
        return ""
    inner = _trie_pattern(node)
    return inner if len(node) == 1 and "" not in node else f"(?:{inner})"  # a chain: as is
