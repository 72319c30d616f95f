"""GPE vs LOC: a location that is a country, province, regency or city is a GPE.

The training corpora only mark LOC. Which LOC spans are GPEs is looked up in
general gazetteers kept as data in ``warta/lang/id/gazetteer/`` (never lists
built from particular articles). The same lookup relabels the training data, so
the shipped NER model predicts GPE itself and loads with stock spaCy, and backs
the optional ``warta_gpe`` pipeline component for pipelines that add it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from warta.lang.gazetteer import GAZETTEER_DIR, GPE_FILES, admin_heads, gpe_names, is_gpe

# The lookups live in the lang layer, where the extractors use them too.
__all__ = ["GAZETTEER_DIR", "GPE_FILES", "admin_heads", "gpe_names", "is_gpe", "relabel_spans",
           "warta_gpe"]


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
