"""Align the paragraphs of a translation to the paragraphs of its original, by content.

The original is typically an OCR'd text (wrong letters, paragraphs merged or split, runs of garbage) and
the translation a clean text in another language and script, so paragraph counts differ and neither
position nor wording can be compared directly. The alignment is monotonic (order is preserved) and
is found by dynamic programming over groupings of consecutive units, in the manner of Gale and Church:

    translation : original   1:0  0:1  1:1  1:2  2:1  1:3  3:1  2:2

Each grouping is scored by several signals:

- length: the original's length in characters against the translation's, with the expected ratio
  taken from the two texts as a whole (so it adapts to the language pair and to the transcription);
- numbers found in both (the digits only: "MiG-21" and "МиГ-21" both give 21, "1957" is 1957);
- names found in both: capitalised words of the translation that are used as names (capitalised
  somewhere other than at the start of a sentence) are reduced to a transliteration key, and every
  word of the original, whatever its case, is reduced the same way (Cyrillic transliterated, Russian
  case endings dropped) and matched within one edit, so that OCR damage ("Жумову" for "Жукову") and
  the difference between transliterations ("Вашингтоне", "Washington") are tolerated;
- quotation marks present on both sides.

The expected length ratio is the ratio of the two texts' total lengths. Runs of words that OCR repeated
are left out of a unit's length, and a unit left without counterpart (1:0, 0:1) is judged by its prior
and its anchors, not by its length. Inside a 2:2 grouping, each translation unit is linked to the
original units that its share of the grouping overlaps, the two sides laid out by length.

Anchors are weighted by their rarity in the document: a name that occurs in every paragraph says
little about which paragraph is which, a number that occurs once says a great deal.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..source.marks import QUOTE_MARKS
from ..source.scripts import is_cyrillic_char
from ..tei import slug

__all__ = ["Link", "align", "name_key"]


@dataclass(frozen=True)
class Link:
    """One unit of the translation and the units of the original it translates."""

    translation: int  # index into `translation`
    original: tuple[int, ...]  # indices into `original` (possibly empty: no counterpart)


# --- anchors -------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+")
_OPENERS = " \t\n\"“”«»„'‘’([—–-*"
_SENTENCE_END = ".!?:;…"
_INITIAL = re.compile(r"(?:^|[^\w])\w\.$")  # "J. F. Smith": an initial, not the end of a sentence

# Russian inflectional endings (nouns and adjectives); the longest that leaves a stem of three letters goes.
_ENDING = re.compile(
    r"^(.{3,}?)(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ом|ем|ым|им|ах|ях|ам|ям|ую|юю|ая|яя|ые|ие|ый|ий|[аяуюеыи])$"
)
_DIGRAPHS = (("shch", "s"), ("sch", "s"), ("sh", "s"), ("zh", "z"), ("kh", "h"), ("ch", "c"), ("th", "t"))
_DIGRAPHS += (("ph", "f"), ("ts", "c"), ("tz", "c"))
_LETTERS = str.maketrans("cqxyjzw", "kkkiisv")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = "aeiou"


def _is_cyrillic(word: str) -> bool:
    return is_cyrillic_char(word[0])


@functools.lru_cache(maxsize=1 << 16)
def name_key(word: str) -> str:
    """A key under which a name is compared across scripts and spellings ("" if too short).

    Горбачевым, Gorbachev → gorbakev; Вашингтоне, Washington → vasington; Жукову, Zhukov → sukov.
    """
    word = word.lower()
    if _is_cyrillic(word):
        word = _ENDING.sub(r"\1", word)
        key = slug(word).replace("-", "")
    else:
        key = word if word.isascii() else slug(word).replace("-", "")
    for old, new in _DIGRAPHS:
        key = key.replace(old, new)
    key = _DOUBLE.sub(r"\1", key.translate(_LETTERS))
    while len(key) > 3 and key[-1] in _VOWELS:
        key = key[:-1]
    return key if len(key) >= 3 and key.isalpha() else ""


def _deletions(key: str) -> list[tuple[str, int]]:
    """The key with one letter deleted, with the position of the deletion."""
    return [(key[:i] + key[i + 1 :], i) for i in range(len(key))]


class _NameIndex:
    """Keys of names, looked up within one edit (substitution, insertion or deletion).

    Two keys are one substitution apart when deleting the same position from both gives the same
    string, and one insertion apart when deleting a letter from the longer gives the shorter.
    Substitutions are only admitted between keys of four letters or more, which keeps short words
    from matching each other by chance."""

    def __init__(self, keys: set[str]) -> None:
        self.keys = keys
        self.shortened: dict[str, set[str]] = {}
        self.substituted: dict[tuple[str, int], set[str]] = {}
        for key in keys:
            for variant, at in _deletions(key):
                self.shortened.setdefault(variant, set()).add(key)
                if len(key) >= 4:
                    self.substituted.setdefault((variant, at), set()).add(key)

    def lookup(self, key: str) -> set[str]:
        found = {key} & self.keys
        found |= self.shortened.get(key, set())
        for variant, at in _deletions(key):
            if variant in self.keys:
                found.add(variant)
            if len(key) >= 4:
                found |= self.substituted.get((variant, at), set())
        return found


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or (before[-1] in _SENTENCE_END and not _INITIAL.search(before))


def _numbers(text: str) -> set[str]:
    return {"#" + (n.lstrip("0") or "0") for n in _NUMBER.findall(text)}


def _anchors(original: Sequence[str], translation: Sequence[str]) -> tuple[list[set[str]], list[set[str]]]:
    """Numbers and names of each unit, names given as the translation's keys."""
    used_as_name: set[str] = set()
    capitalised: list[list[str]] = []
    for text in translation:
        keys = []
        for match in _WORD.finditer(text):
            word = match.group()
            if not word[0].isupper():
                continue
            key = name_key(word)
            if not key:
                continue
            keys.append(key)
            if not _sentence_initial(text, match.start()):
                used_as_name.add(key)
        capitalised.append(keys)
    index = _NameIndex(used_as_name)
    t_anchors = [
        _numbers(text) | {k for k in keys if k in used_as_name}
        for text, keys in zip(translation, capitalised, strict=True)
    ]

    seen: dict[str, set[str]] = {}
    o_anchors = []
    for text in original:
        found = _numbers(text)
        for word in _WORD.findall(text):
            names = seen.get(word)
            if names is None:
                key = name_key(word) if len(word) >= 3 else ""
                names = seen[word] = index.lookup(key) if key else set()
            found |= names
        o_anchors.append(found)
    return o_anchors, t_anchors


def _effective_length(text: str, span: int = 4) -> int:
    """Length in characters, leaving out runs of words repeated within the text: OCR sometimes loops
    over a line, and the loop has no counterpart in the translation."""
    words = text.split()
    if len(words) <= span:
        return len(text)
    seen: set[tuple[str, ...]] = set()
    repeated = [False] * len(words)
    for i in range(len(words) - span + 1):
        shingle = tuple(words[i : i + span])
        if shingle in seen:
            repeated[i : i + span] = [True] * span
        seen.add(shingle)
    return len(text) - sum(len(w) + 1 for w, r in zip(words, repeated, strict=True) if r)


def _has_quotes(text: str) -> bool:
    return any(ch in QUOTE_MARKS for ch in text)


# --- scoring -------------------------------------------------------------------------

# (translation units, original units) -> prior probability of the grouping. Units without counterpart are
# more frequent than between clean texts (OCR loses and garbles text, translators add headings); a 2:2 is
# kept less likely than a 1:2 followed by a 1:0, so that it does not swallow a unit without counterpart.
_GROUPINGS = {
    (1, 1): 0.76,
    (1, 0): 0.04,
    (0, 1): 0.04,
    (2, 1): 0.06,
    (1, 2): 0.06,
    (3, 1): 0.01,
    (1, 3): 0.01,
    (2, 2): 0.002,
}
_VARIANCE = 6.8  # of the original's length around its expected value, per character (Gale and Church)
_LENGTH_COST_CAP = 12.0  # a garbage run should not outweigh every other signal
_MATCH = 1.0  # reward per unit of weight of an anchor found on both sides
_MISS = 0.3  # penalty per unit of weight of an anchor found on one side only
_QUOTE = 0.5  # reward when both sides quote
_QUANTUM = 0.125  # anchor weights are counted in bits of this weight

# -log(2 (1 - Phi(d))) for d = 0, 0.01, 0.02, ...: the length cost of a deviation of d standard deviations
_STEP = 100
_LENGTH_COST = []
for _k in range(1000):
    _p = math.erfc(_k / _STEP / math.sqrt(2))
    _LENGTH_COST.append(min(-math.log(_p) if _p > 0 else _LENGTH_COST_CAP, _LENGTH_COST_CAP))
    if _LENGTH_COST[-1] >= _LENGTH_COST_CAP:
        break


def _bits(o_anchors: list[set[str]], t_anchors: list[set[str]]) -> tuple[list[int], list[int]]:
    """Anchor sets as bit masks in which an anchor holds as many bits as its weight has quanta.

    An anchor weighs log(1 + units / units it occurs in): the rarer, the heavier. The weight of the
    anchors two groupings share is then a single popcount of the masks' intersection."""
    count: dict[str, int] = {}
    for anchors in (*o_anchors, *t_anchors):
        for a in anchors:
            count[a] = count.get(a, 0) + 1
    total = len(o_anchors) + len(t_anchors)
    mask: dict[str, int] = {}
    offset = 0
    for a in sorted(count):
        width = max(1, round(math.log(1 + total / count[a]) / _QUANTUM))
        mask[a] = ((1 << width) - 1) << offset
        offset += width

    def masks(sets: list[set[str]]) -> list[int]:
        out = []
        for anchors in sets:
            bits = 0
            for a in anchors:
                bits |= mask[a]
            out.append(bits)
        return out

    return masks(o_anchors), masks(t_anchors)


def _groups(
    lengths: list[int], bits: list[int], quotes: list[bool], size: int
) -> list[tuple[int, int, int, bool] | None]:
    """For each end position k, the grouping of the `size` units before k: (length, anchor bits, anchor
    weight in quanta, quoted); None where there are fewer than `size` units before k."""
    out: list[tuple[int, int, int, bool] | None] = []
    for k in range(len(lengths) + 1):
        if k < size:
            out.append(None)
            continue
        b = 0
        for x in bits[k - size : k]:
            b |= x
        out.append((sum(lengths[k - size : k]), b, b.bit_count(), any(quotes[k - size : k])))
    return out


def align(original: Sequence[str], translation: Sequence[str]) -> list[Link]:
    """One Link per translation unit, in order."""
    m, n = len(translation), len(original)
    if m == 0:
        return []
    o_anchors, t_anchors = _anchors(original, translation)
    o_bits, t_bits = _bits(o_anchors, t_anchors)
    t_len = [_effective_length(text) for text in translation]
    o_len = [_effective_length(text) for text in original]
    t_total, o_total = sum(t_len), sum(o_len)
    ratio = min(max(o_total / t_total, 0.5), 2.0) if t_total and o_total else 1.0
    t_groups = [_groups(t_len, t_bits, [_has_quotes(text) for text in translation], size) for size in range(4)]
    o_groups = [_groups(o_len, o_bits, [_has_quotes(text) for text in original], size) for size in range(4)]

    miss = _MISS * _QUANTUM
    shared = (_MATCH + 2 * _MISS) * _QUANTUM
    scale = _STEP / math.sqrt(_VARIANCE / 2)
    table, top = _LENGTH_COST, len(_LENGTH_COST) - 1
    groupings = [(di, dj, -math.log(p), t_groups[di], o_groups[dj]) for (di, dj), p in _GROUPINGS.items()]

    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[(0, 0)] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for i in range(m + 1):
        best_i, back_i = best[i], back[i]
        for j in range(n + 1):
            here, step = best_i[j], (0, 0)
            for di, dj, prior, tg, og in groupings:
                t, o = tg[i], og[j]
                if t is None or o is None:
                    continue
                t_chars, t_b, t_w, t_q = t
                o_chars, o_b, o_w, o_q = o
                c = best[i - di][j - dj] + prior + miss * (t_w + o_w) - shared * (t_b & o_b).bit_count()
                if t_q and o_q:
                    c -= _QUOTE
                if c >= here:  # the length cost can only add
                    continue
                if di and dj:  # a unit left without counterpart is not judged by its length
                    d = abs(o_chars - ratio * t_chars) * scale / math.sqrt(max(t_chars + o_chars / ratio, 1))
                    c += table[min(int(d), top)]
                if c < here:
                    here, step = c, (di, dj)
            best_i[j], back_i[j] = here, step

    beads = []
    i, j = m, n
    while i or j:
        di, dj = back[i][j]
        beads.append((i - di, di, j - dj, dj))
        i, j = i - di, j - dj
    links: list[Link] = []
    for ti, di, oj, dj in reversed(beads):
        if di == 2 and dj == 2:
            links.extend(_cross(ti, oj, t_len, o_len))
        else:
            links.extend(Link(t, tuple(range(oj, oj + dj))) for t in range(ti, ti + di))
    return links


def _cross(ti: int, oj: int, t_len: list[int], o_len: list[int]) -> list[Link]:
    """Links inside a 2:2 grouping: each translation unit to the original units its share of the text
    overlaps substantially, the two sides laid over each other in proportion to their lengths."""

    def spans(start: int, lengths: list[int]) -> list[tuple[float, float]]:
        cut = lengths[start] / max(lengths[start] + lengths[start + 1], 1)
        return [(0.0, cut), (cut, 1.0)]

    links = []
    o_spans = spans(oj, o_len)
    for k, (t0, t1) in enumerate(spans(ti, t_len)):
        linked = []
        for q, (o0, o1) in enumerate(o_spans):
            overlap = min(t1, o1) - max(t0, o0)
            if overlap > 0.25 * max(min(t1 - t0, o1 - o0), 1e-9):
                linked.append(oj + q)
        links.append(Link(ti + k, tuple(linked)))
    return links
