"""Offset-preserving normalisation.

Every replacement is one character for one character, so an offset into the
normal form is the same offset into the original text: every span an extractor
finds in the normal form is also evidence in the original.  Nothing is ever
inserted or deleted, which is why zero-width characters become spaces (not
nothing) and "…" stays one character (not three dots).

What is unified, and why:

* exotic spaces (NBSP, thin, figure, ideographic …), tabs and zero-width
  characters → " ", so tokenisers and regexes need only know the plain space;
  a zero-width character inside a word therefore splits that word;
* ``\\r``, vertical tab, form feed, U+2028/U+2029 → ``\\n``: a newline is the
  paragraph boundary everywhere (``\\r\\n`` becomes two newlines: still one break);
* hyphen and dash look-alikes and the minus sign → "-"; the soft hyphen → "-"
  too, which keeps a word split by it one hyphenated token;
* primes, backtick, acute accent and full-width quotes → straight ``'``/``"``;
  low and reversed quotes and guillemets → the curly opening/closing marks.

Curly quotes “ ” ‘ ’ are kept as they are: they say which side of a quotation
they are on, which straight quotes do not, and quote pairing
(:mod:`warta.text.quotemarks`) relies on that.  Other control characters
become spaces.
"""

from __future__ import annotations

_MAP: dict[str, str] = {
    # spaces and invisible characters
    "\t": " ", "\u00a0": " ", "\u1680": " ", "\u180e": " ",
    **{chr(c): " " for c in range(0x2000, 0x200B)},  # en quad … hair space
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ",
    # line breaks
    "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n",
    # dashes, minus, soft hyphen
    **{chr(c): "-" for c in range(0x2010, 0x2016)},  # hyphen … horizontal bar
    "\u2212": "-", "\u2043": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u00ad": "-",
    # quote look-alikes
    "\u2032": "'", "\u0060": "'", "\u00b4": "'", "\uff07": "'",
    "\u2033": '"', "\uff02": '"',
    "\u201e": "\u201c", "\u201f": "\u201c", "\u00ab": "\u201c", "\u00bb": "\u201d",
    "\u201a": "\u2018", "\u201b": "\u2018", "\u2039": "\u2018", "\u203a": "\u2019",
    # one-dot leader
    "\u2024": ".",
}
# remaining C0 control characters and DEL (not \n); C1 controls are left alone
# because they are usually pieces of mojibake ("â\x80\x9c"), not layout.
_MAP.update({chr(c): " " for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)})

_TABLE = str.maketrans(_MAP)


def normalize(text: str) -> str:
    """Return ``text`` with look-alike characters unified; always the same length."""
    return text.translate(_TABLE)
