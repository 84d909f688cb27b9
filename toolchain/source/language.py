"""The language of a passage, by lingua's detector over the languages archives write in. Plain English is
told without it (`_plainly_english`), so its models are loaded only when a process first needs them, those
of one script at a time (0.2 s for the Latin, 0.05 s for the Cyrillic), not all up front (0.45 s, which an
edition in English never needed).

`identify` answers only when the passage is long enough and one language is clearly ahead; otherwise None,
and the reader keeps the language it already has: a wrong language tag is worse than the document's own.
"""

from __future__ import annotations

import re
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

# The languages the detector chooses between (ISO 639-1).
CODES = (
    "en", "ru", "uk", "be", "bg", "sr", "mk", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sk", "hu", "ro",
    "hr", "sl", "lt", "lv", "et", "fi", "sv", "da", "nb", "el", "tr", "zh", "ja", "ko", "ka", "hy", "vi", "ar",
    "he", "fa",
)  # fmt: skip
# Fewer letters than this: no answer (a label, a date, "Yes.").
MIN_LETTERS = 12
# How far ahead the first language must be of the second (lingua's relative distance).
MIN_DISTANCE = 0.2
# The first characters of a passage suffice (the low-accuracy mode is sure from about 120); its cost grows with them.
SAMPLE = 200


@cache
def _detector() -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in CODES]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_minimum_relative_distance(MIN_DISTANCE)
        .with_low_accuracy_mode()
        .build()
    )


# A Han, kana or Hangul character carries what several letters do.
_IDEOGRAPHIC = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


# Plain English, told without the detector: a passage of English letters only, of whose words 15 % or more are
# words no other language of `CODES` writes ("the", "which", "would"; not "is", "was", "of", "to").
ENGLISH_ONLY = frozenset({
    "the", "and", "that", "with", "which", "this", "were", "would", "there", "their", "they", "from", "been",
    "has", "had", "will", "what", "who", "should", "could", "these", "those", "about", "into", "than", "them",
    "its", "our", "your", "she", "his", "him", "where", "when", "some", "out", "because", "very", "only",
    "other", "such", "shall", "upon", "does", "did", "being", "said", "now", "how", "why", "then", "must",
    "against", "between", "through", "without", "while", "however", "whether", "going", "think", "know", "just",
})  # fmt: skip
ENGLISH_SHARE = 0.15
ENGLISH_WORDS = 8
_WORDS = re.compile(r"[^\W\d_]+")
_NOT_ENGLISH_LETTER = re.compile(r"[^\W\d_A-Za-z]")


def _plainly_english(sample: str) -> bool:
    if _NOT_ENGLISH_LETTER.search(sample):
        return False
    words = _WORDS.findall(sample)
    return len(words) >= ENGLISH_WORDS and sum(w.lower() in ENGLISH_ONLY for w in words) >= ENGLISH_SHARE * len(words)


def identify(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when unsure."""
    sample = text[:SAMPLE]
    if sum(ch.isalpha() for ch in sample) + 2 * len(_IDEOGRAPHIC.findall(sample)) < MIN_LETTERS:
        return None
    if _plainly_english(sample):
        return "en"
    found = _detector().detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None


# Between two or three languages a text is known to mix, the detector in its high-accuracy mode decides, and
# only when one is clearly ahead.
BETWEEN_DISTANCE = 0.3


@cache
def _between(codes: frozenset[str]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in sorted(codes)]
    return LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(BETWEEN_DISTANCE).build()


def identify_between(text: str, codes: frozenset[str]) -> str | None:
    """Which of `codes` (languages a text is known to mix) `text` is written in, or None when unsure."""
    sample = text[:SAMPLE]
    if len(codes) < 2 or sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    found = _between(codes).detect_language_of(sample)
    return found.iso_code_639_1.name.lower() if found is not None else None
