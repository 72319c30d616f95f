"""Gazetteer lookups: general lists of places and organisations, kept as data in
``warta/lang/id/gazetteer/`` (never lists built from particular articles).

The extractors use them to type names the model left untyped or mistyped; the
training code uses the same lists to relabel LOC spans as GPE.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GAZETTEER_DIR = Path(__file__).resolve().parent / "id" / "gazetteer"
GPE_FILES = ("countries.txt", "provinces.txt", "cities_id.txt", "cities_world.txt")
ORG_FILES = ("organisations.txt", "organisations_id.txt")
# Administrative heads: "Kabupaten Bogor", "Kota Solo", "Provinsi Aceh" are GPEs by their head.
ADMIN_HEADS_FILE = "gpe_heads.txt"
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text.strip()).casefold()


def read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def gpe_names() -> frozenset[str]:
    """Casefolded GPE names from all gazetteer files."""
    names: set[str] = set()
    for name in GPE_FILES:
        names.update(_key(n) for n in read_list(GAZETTEER_DIR / name))
    return frozenset(names)


@lru_cache(maxsize=1)
def admin_heads() -> tuple[str, ...]:
    """Casefolded heads such as ``kabupaten``, ``kota``, ``provinsi``."""
    return tuple(_key(n) for n in read_list(GAZETTEER_DIR / ADMIN_HEADS_FILE))


@lru_cache(maxsize=4096)
def is_gpe(text: str) -> bool:
    """True when ``text`` names a known GPE, alone or after an administrative head."""
    key = _key(text)
    if key in gpe_names():
        return True
    return any(key.startswith(head + " ") and len(key) > len(head) + 1 for head in admin_heads())


@lru_cache(maxsize=1)
def org_names() -> frozenset[str]:
    """Organisation names exactly as written (case matters: "PAN" the party, not "pan")."""
    names: set[str] = set()
    for name in ORG_FILES:
        names.update(_SPACE.sub(" ", n) for n in read_list(GAZETTEER_DIR / name))
    return frozenset(names)


def is_known_org(text: str) -> bool:
    return _SPACE.sub(" ", text.strip()) in org_names()
