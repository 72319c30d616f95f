"""Who produced or fed the article: contributing agencies, credit lines, datelines.

"Reuters memberikan kontribusi untuk laporan ini", "Laporan tambahan: AFP",
"Jakarta (ANTARA) - …", "Editor: Rina", "dilansir dari Reuters".  The words
are data in ``warta/lang/id/attribution_cues.json``.
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang.data import alternation, load_json
from warta.nlp.document import AnalysedDocument
from warta.schema import Attribution

_NAME = r"[A-Z][\w&'-]*(?:\.[A-Za-z]+)?(?:[ \t]+(?:[A-Z][\w&'-]*|dan|&))*"



@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    cues = load_json("attribution_cues")
    contributed = re.compile(
        rf"(?P<name>{_NAME})\s+(?:{alternation(cues['contributed'])})\s+(?:untuk|pada|dalam|bagi|atas)"
        rf"\s+(?:{alternation(cues['report_nouns'])})\s+(?:ini|tersebut)")
    labels = re.compile(
        rf"^(?P<label>{alternation(list(cues['labels']))})\s*:\s*(?:oleh\s+|dari\s+)?(?P<name>{_NAME})",
        re.IGNORECASE | re.MULTILINE)
    agencies = alternation(cues["agencies"])
    dateline = re.compile(rf"^[A-Z][\w. ]{{1,40}}?(?:,\s*|\s*\()(?P<name>{agencies})\)?\s*[-–—]",
                          re.MULTILINE)
    tag = re.compile(rf"\((?P<name>{agencies})(?:/[\w ]+)?\)")
    source = re.compile(rf"\b(?i:{alternation(cues['source_cues'])})\s+(?:laman\s+|situs\s+)?"
                        rf"(?P<name>{agencies})\b")
    return contributed, labels, dateline, tag, source


def extract_attributions(doc: AnalysedDocument) -> list[Attribution]:
    contributed, labels, dateline, tag, source = _patterns()
    roles = load_json("attribution_cues")["labels"]
    text = doc.norm
    found: dict[tuple[int, int, str], Attribution] = {}

    def add(m: re.Match[str], role: str) -> None:
        start, end = m.start(), m.end()
        # "Associated Press dan Reuters memberikan kontribusi …": two contributors
        for name in re.split(r"\s*(?:,|\bdan\b|&)\s*", m.group("name").strip()):
            if name:
                found.setdefault((start, end, name), Attribution(
                    start, end, doc.text[start:end], name, role))  # type: ignore[arg-type]

    # The contribution and agency patterns need a cue or an agency's name written as
    # listed (they match case-sensitively); most articles have neither, and a plain
    # substring test is far cheaper than the patterns' backtracking over every name.
    if _mentions_any(text, "contributed"):
        for m in contributed.finditer(text):
            add(m, "contributor")
    for m in labels.finditer(text):
        add(m, roles[m.group("label").casefold()])
    if not _mentions_any(text, "agencies"):
        return sorted(found.values(), key=lambda a: a.start)
    for m in dateline.finditer(text):
        add(m, "source")
    for m in tag.finditer(text):
        if not any(a.start <= m.start() < a.end for a in found.values()):
            add(m, "source")
    for m in source.finditer(text):
        add(m, "source")
    return sorted(found.values(), key=lambda a: a.start)


def _mentions_any(text: str, cue_list: str) -> bool:
    return any(word in text for word in load_json("attribution_cues")[cue_list])
