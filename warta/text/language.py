"""Language identification with lingua (offline: its models ship in the wheel).

The detector is restricted to the languages an Indonesian news feed actually
meets (Indonesian and its close relative Malay, English, the region's other
big languages, and the major world languages of foreign news) and is built
once, lazily, in lingua's low-accuracy mode: trigram models only, about 30 MB
and well under a millisecond per article once loaded, against ~240 MB and a
1.6 s first call for the high-accuracy models.  Low accuracy only hurts on
very short strings; articles are long.  lingua has no model for Javanese or
Sundanese, so text in them comes back as the nearest listed language.

Only the first ~300 characters are read when they are confidently Indonesian
(confidence at least ``_QUICK_CONFIDENCE``), the first ~1000 otherwise: on the
553 shared Detik articles the short sample settles 540 and never disagrees with
the long one, and the call costs a third as much.

Indonesian and Malay share most short sentences ("Saya tidak tahu."); an
Indonesian-first engine should not warn about such text, so Indonesian is
reported whenever Malay wins only narrowly (Indonesian keeps at least
``_MALAY_MARGIN`` of the confidence).  A clearly Malay text ("Kerajaan akan
memperkukuh ...") is still reported as ``ms``.
"""

from __future__ import annotations

from functools import cache

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from warta.schema import Language

_LANGUAGES = (
    LinguaLanguage.INDONESIAN, LinguaLanguage.MALAY, LinguaLanguage.ENGLISH,
    LinguaLanguage.TAGALOG, LinguaLanguage.VIETNAMESE, LinguaLanguage.THAI,
    LinguaLanguage.DUTCH, LinguaLanguage.ARABIC, LinguaLanguage.CHINESE,
    LinguaLanguage.JAPANESE, LinguaLanguage.KOREAN, LinguaLanguage.HINDI,
    LinguaLanguage.FRENCH, LinguaLanguage.GERMAN, LinguaLanguage.SPANISH,
    LinguaLanguage.PORTUGUESE, LinguaLanguage.ITALIAN, LinguaLanguage.RUSSIAN,
)
_SAMPLE_CHARS = 1000
_QUICK_CHARS = 300
_QUICK_CONFIDENCE = 0.9
_MALAY_MARGIN = 0.25
UNDETERMINED = "und"  # ISO 639-2 code for "no language found" (no letters at all)


@cache
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).with_low_accuracy_mode().build()


def detect_language(text: str) -> Language:
    """The language of ``text``: ISO 639-1 code ("id", "ms", "en" …) and confidence in [0, 1].

    Text without any letter gives ``Language("und", 0.0)``.
    """
    if len(text) > _QUICK_CHARS:
        quick = _detect(_sample(text, _QUICK_CHARS))
        if quick.code == "id" and quick.confidence >= _QUICK_CONFIDENCE:
            return quick
    return _detect(_sample(text, _SAMPLE_CHARS))


def _detect(sample: str) -> Language:
    if not any(c.isalpha() for c in sample):
        return Language(UNDETERMINED, 0.0)
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return Language(UNDETERMINED, 0.0)
    best = values[0]
    if best.language == LinguaLanguage.MALAY:
        indonesian = next((v for v in values if v.language == LinguaLanguage.INDONESIAN), None)
        if indonesian is not None and indonesian.value >= _MALAY_MARGIN:
            best = indonesian
    code = best.language.iso_code_639_1.name.lower()
    return Language(code, round(min(1.0, max(0.0, float(best.value))), 4))


def _sample(text: str, chars: int) -> str:
    """The first ~``chars`` characters, cut at a space so no word is halved."""
    if len(text) <= chars:
        return text
    cut = text.rfind(" ", 0, chars)
    return text[:cut if cut > chars // 2 else chars]
