"""Writing systems: which script a text is written in, and whether a word is Cyrillic."""

from __future__ import annotations

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


def script(text: str) -> str | None:
    """The script most letters of `text` are written in, as a Unicode name prefix in title case
    (`Latin`, `Cyrillic`, `Cjk`, `Greek`…), or None when it has no letters."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            if ch < "\u0250":  # Basic Latin to Latin Extended-B, the commonest case, without a name lookup
                name = "LATIN"
            elif is_cyrillic_char(ch):
                name = "CYRILLIC"
            else:
                name = unicodedata.name(ch, "").split(" ")[0]
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k]).title()
