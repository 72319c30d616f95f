"""Promotion lines: "Simak juga Video: …", "Tonton juga video "…"", "Baca juga: …".

News pages put the title-case headlines of other stories between paragraphs. In such
a line every word is capitalised, so capitalisation no longer tells a name from a verb
("Dubes Pakistan Temui Prabowo"); the name rules treat names there with care
(:mod:`warta.extract.names`). A line counts when it opens with a promotion cue
(``warta/lang/id/promotion_cues.txt``) and is written in title case; headlines in general
are not detected this way, because short body lines full of names look the same.
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang.data import alternation, load_words

_WORD = re.compile(r"[^\W\d_][\w'-]*")
MIN_WORDS = 3  # words of four letters or more; shorter ones ("di", "dan", "RI") do not count
MIN_SHARE = 0.75  # of those words, at least this share capitalised


@cache
def _cue() -> re.Pattern[str]:
    return re.compile(rf"\W*(?:{alternation(load_words('promotion_cues'))})"
                      r"(?: juga)?(?: video)?\b", re.IGNORECASE)


def promotion_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the promotion lines of ``text``."""
    out: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        cue = _cue().match(line)
        if cue:  # the headline after the cue is in title case
            words = [w for w in _WORD.findall(line[cue.end():]) if len(w) > 3]
            if len(words) >= MIN_WORDS and \
                    sum(w[0].isupper() for w in words) >= MIN_SHARE * len(words):
                out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out
