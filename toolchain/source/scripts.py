"""Writing systems: which script a text is written in, and whether a word is Cyrillic."""

from __future__ import annotations

import re
import unicodedata


def is_cyrillic_char(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def is_cyrillic(word: str) -> bool:
    """Whether any letter of `word` is Cyrillic."""
    return any(is_cyrillic_char(ch) for ch in word)


def cyrillic_share(text: str) -> float:
    """The share of the letters of `text` that are Cyrillic (0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    return sum(map(is_cyrillic_char, letters)) / len(letters) if letters else 0.0


# Runs of letters of a script (one match a word, not a letter): the Latin, the Cyrillic, and letters of
# neither (Greek, Han, Georgian…); and a letter of another script than the Latin.
_LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff]+")
_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def _only_latin(text: str) -> bool:
    """Whether `text` has no letter of another script than the Latin (the commonest case, told at once)."""
    return text.isascii() or not _NOT_LATIN.search(text)


def _letters(text: str) -> tuple[int, int, int]:
    """How many letters of `text` are Latin, Cyrillic, and of any script."""
    latin, cyrillic = (sum(map(len, run.findall(text))) for run in (_LATIN, _CYRILLIC))
    return latin, cyrillic, latin + cyrillic + sum(map(len, _OTHER_LETTER.findall(text)))


def script(text: str) -> str | None:
    """The script most letters of `text` are written in, as a Unicode name prefix in title case
    (`Latin`, `Cyrillic`, `Cjk`, `Greek`…), or None when it has no letters."""
    if _only_latin(text):
        return "Latin" if _LATIN.search(text) else None
    latin, cyrillic, letters = _letters(text)
    if not letters:
        return None
    if max(latin, cyrillic) * 2 > letters:  # the commonest cases, without a name lookup per letter
        return "Latin" if latin >= cyrillic else "Cyrillic"
    counts: dict[str, int] = {"LATIN": latin, "CYRILLIC": cyrillic}
    for ch in _LATIN.sub("", _CYRILLIC.sub("", text)):
        if ch.isalpha():
            name = unicodedata.name(ch, "").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=lambda k: counts[k]).title()


# A script of fewer than this share of a text's letters does not make the text one of two scripts.
MINOR_SHARE = 0.1


def mixed_scripts(text: str) -> bool:
    """Whether a text is written in two scripts or more, the second with a tenth of its letters or more."""
    if _only_latin(text):
        return False
    latin, cyrillic, letters = _letters(text)
    return bool(letters) and letters - max(latin, cyrillic) >= MINOR_SHARE * letters
