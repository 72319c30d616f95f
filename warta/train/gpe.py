"""GPE vs LOC: a location that is a country, province, regency or city is a GPE.

The training corpora only mark LOC. Which LOC spans are GPEs is looked up in
general gazetteers kept as data in ``warta/lang/id/gazetteer/`` (never lists
built from particular articles). The same lookup relabels the training data, so
the shipped NER model predicts GPE itself and loads with stock spaCy, and backs
the optional ``warta_gpe`` pipeline component for pipelines that add it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

GAZETTEER_DIR = Path(__file__).resolve().parents[1] / "lang" / "id" / "gazetteer"
GPE_FILES = ("countries.txt", "provinces.txt", "cities_id.txt", "cities_world.txt")
# Administrative heads: "Kabupaten Bogor", "Kota Solo", "Provinsi Aceh" are GPEs by their head.
ADMIN_HEADS_FILE = "gpe_heads.txt"
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text.strip()).casefold()


def _read_list(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def gpe_names() -> frozenset[str]:
    """Casefolded GPE names from all gazetteer files."""
    names: set[str] = set()
    for name in GPE_FILES:
        names.update(_key(n) for n in _read_list(GAZETTEER_DIR / name))
    return frozenset(names)


@lru_cache(maxsize=1)
def admin_heads() -> tuple[str, ...]:
    """Casefolded heads such as ``kabupaten``, ``kota``, ``provinsi``."""
    return tuple(_key(n) for n in _read_list(GAZETTEER_DIR / ADMIN_HEADS_FILE))


def is_gpe(text: str) -> bool:
    """True when ``text`` names a known GPE, alone or after an administrative head."""
    key = _key(text)
    if key in gpe_names():
        return True
    return any(key.startswith(head + " ") and len(key) > len(head) + 1 for head in admin_heads())


def relabel_spans(tokens: tuple[str, ...] | list[str],
                  spans: tuple[tuple[int, int, str], ...]) -> tuple[tuple[int, int, str], ...]:
    """Training-data side: LOC spans whose text is a known GPE become GPE."""
    out = []
    for start, end, label in spans:
        if label == "LOC" and is_gpe(" ".join(tokens[start:end])):
            label = "GPE"
        out.append((start, end, label))
    return tuple(out)


@Language.component("warta_gpe")
def warta_gpe(doc: Doc) -> Doc:
    """Pipeline side: relabel predicted LOC entities that are known GPEs."""
    ents = []
    changed = False
    for ent in doc.ents:
        if ent.label_ == "LOC" and is_gpe(ent.text):
            ents.append(Span(doc, ent.start, ent.end, label="GPE"))
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.ents = ents
    return doc
