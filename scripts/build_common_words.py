"""Build warta/lang/id/common_words.txt: words news writes in lower case.

Why: at the start of a sentence capitalisation says nothing, so "Teroris Hamas"
or "Orang Israel" look like names.  A word that news text writes in lower case
mid-sentence again and again is a common word, not the start of a name.  The
list is derived (like a model) from the raw news sentences in ../shared/data;
the data itself is not shipped.

    python scripts/build_common_words.py [SHARED_DATA_DIR]
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_LOWER = 3  # seen at least this often in lower case ...
MAX_UPPER_SHARE = 0.5  # ... and capitalised mid-sentence at most this share of the time
WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)*")


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    with open(shared / "news" / "bppt-panl" / "train.csv", encoding="utf-8") as fh:
        for _label, sentence in csv.reader(fh):
            for i, m in enumerate(WORD.finditer(sentence)):
                w = m.group(0)
                if w[0].islower():
                    lower[w] += 1
                elif i > 0:
                    upper[w.lower()] += 1
    words = sorted(w for w, n in lower.items()
                   if n >= MIN_LOWER and upper[w] <= MAX_UPPER_SHARE * (n + upper[w]))
    out = ROOT / "warta" / "lang" / "id" / "common_words.txt"
    header = ("# Words Indonesian news writes in lower case (derived by "
              "scripts/build_common_words.py from news/bppt-panl/train.csv).\n")
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
