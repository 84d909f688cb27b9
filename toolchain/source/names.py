"""Names across scripts and OCR damage: a phonetic key, Russian case endings (surname stems and the
declension of a surname), initials that may be one person's, a bounded edit distance.

`key("Хрущеву") == key("Khrushchev")`: both become `hrushchev` after transliteration, the Russian
dative ending is stripped, and spelling variants that transliteration produces (c/k, y/i, z/s, w/v,
kh/h, doubled letters) are folded. OCR damage ("бидель" for "Фидель") is left to `distance`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ..tei import slug
from .scripts import is_cyrillic, is_cyrillic_char

# Russian noun and adjective case endings, longest first; stripped to find a surname's stem.
RUSSIAN_ENDINGS = ("ыми", "ами", "ого", "ому", "ым", "ом", "ем", "ой", "ою", "ей", "ею", "а", "у", "е", "ю", "я", "ы")
_FOLD = [
    (re.compile(r"shch"), "sh"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ck|c(?=[aouklr]|$)|q"), "k"),
    (re.compile(r"c"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"th"), "t"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[yj]"), "i"),
    (re.compile(r"z"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"-"), ""),
]


@lru_cache(maxsize=8192)
def key(word: str) -> str:
    """A spelling-neutral key of a name in Latin or Cyrillic script."""
    out = slug(word)
    for pattern, repl in _FOLD:
        out = pattern.sub(repl, out)
    return out


def stems(word: str) -> list[str]:
    """The word and, for Cyrillic words, the word without each case ending it may carry."""
    out = [word]
    if is_cyrillic(word):
        low = word.lower()
        for ending in RUSSIAN_ENDINGS:
            if low.endswith(ending) and len(word) - len(ending) >= 3:
                out.append(word[: -len(ending)])
        if low.endswith("ем"):  # Фиделем -> Фидель
            out.append(word[:-2] + "ь")
        if low[-1:] in "яю" and len(word) > 4:  # Фиделя -> Фидель
            out.append(word[:-1] + "ь")
    return out


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of `a` and `b`, or `limit + 1` when it exceeds `limit` (rapidfuzz's, in C: the
    bilingual reader asks it tens of thousands of times a document)."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def allowed_edits(word: str, tolerance: float) -> int:
    """How many edits a name of this length may carry: none for short names."""
    return int(len(word) * tolerance)


# Russian surnames decline: Микоян, Микояна, Микояну, Микояном; Малиновский, Малиновского.
_ADJECTIVAL = ("ий", "ый", "ой", "ая")
_ADJECTIVAL_ENDINGS = ("ий", "ый", "ой", "ая", "ого", "ому", "им", "ым", "ом", "ую", "ей")
_NOUN_ENDINGS = ("а", "у", "ом", "ым", "е", "ой", "ы", "ой", "ою", "ым", "ыми")


@lru_cache(maxsize=8192)
def surname_forms(surname: str) -> frozenset[str]:
    """How a surname may be written: itself; a Russian one in any of its cases."""
    if not is_cyrillic(surname) or len(surname) < 4:
        return frozenset((surname,))
    if surname.lower().endswith(_ADJECTIVAL):
        return frozenset(surname[:-2] + ending for ending in _ADJECTIVAL_ENDINGS)
    return frozenset((surname, *(surname + ending for ending in _NOUN_ENDINGS)))


def same_surname(known: str, written: str) -> bool:
    """Whether `written` is `known` (a Russian surname in another case counts)."""
    if known == written:
        return True
    if not is_cyrillic_char(written[:1]) or len(known) < 4 or written[:2] != known[:2]:
        return False
    return written in surname_forms(known)


def initials_compatible(a: str, b: str) -> bool:
    """Whether two initials keys ("NS", "N") may be one person's: either is empty, or one begins the other."""
    return not a or not b or a.startswith(b) or b.startswith(a)


# --- name shapes and initials ---------------------------------------------------------


def _letters(test) -> str:
    """A regex character class body of the Latin, Greek and Cyrillic letters passing `test`; runs of
    three letters or more are written as ranges (`A-Z`), which compile faster (the same letters)."""
    codes = [c for c in range(0x41, 0x530) if test(chr(c)) and chr(c).isalpha()]
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        first, last = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        out.append(first if j == i else first + last if j == i + 1 else f"{first}-{last}")
        i = j + 1
    return "".join(out)


UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)
# A capitalised word, with the inner capitals of McNamara, MacArthur, O'Brien and double names.
CAP_WORD = rf"(?:Mc|Mac|O['’])?[{UPPER}][{LOWER}]+(?:['’][{UPPER}][{LOWER}]+)?(?:-[{UPPER}][{LOWER}]+)?"
# An initial is a capital with a period; transliterated Russian digraphs count as one (Zh., Sh., Ya.).
INITIAL = rf"[{UPPER}][hauoe]?\."
INITIALS = rf"(?:{INITIAL}[ \t]?){{1,3}}"
_INITIAL_TOKEN = re.compile(rf"[{UPPER}][hauoe]?(?=\.)|[{UPPER}]")


def initial_tokens(initials: str) -> list[str]:
    return _INITIAL_TOKEN.findall(initials.replace(" ", ""))


@lru_cache(maxsize=4096)
def initials_key(initials: str) -> str:
    """The key `NS` of the initials `N. S.` (asked of every person whenever a name is compared: cached)."""
    return "".join(initial_tokens(initials))


@lru_cache(maxsize=4096)
def norm_initials(initials: str) -> str:
    return " ".join(f"{t}." for t in initial_tokens(initials))
