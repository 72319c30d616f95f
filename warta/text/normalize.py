"""Offset-preserving normalisation.

Every replacement is one character for one character, so an offset into the
normal form is the same offset into the original text.
"""

from __future__ import annotations

_ONE_FOR_ONE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u200b": " ", "\ufeff": " ", "\u2060": " ", "\t": " ", "\r": "\n",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
})


def normalize(text: str) -> str:
    """Return ``text`` with look-alike characters unified; same length."""
    return text.translate(_ONE_FOR_ONE)
