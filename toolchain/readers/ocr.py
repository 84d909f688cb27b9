"""OCR damage that an edition flags but never removes: repeated runs and pipeline artefacts.

A *repetition run* is a stretch where the same few words come back three times or more in a row (a
scanner or OCR engine looping over one line), usually trailing off into fragments of those words.
It is found by its shape alone: a unit of 3–25 words that recurs immediately, with small OCR
differences tolerated, then extended over the fragments that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from ..source.names import distance

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Run:
    start: int  # character offsets into the paragraph
    end: int
    copies: int


def _norm(word: str) -> str:
    return word.lower()


def _similar(a: list[str], b: list[str]) -> bool:
    """Two word sequences are copies when at least 80% of their words agree."""
    same = sum(x == y for x, y in zip(a, b, strict=True))
    return same >= 0.8 * len(a)


def repetition_runs(text: str, *, min_copies: int = 3, min_unit: int = 3, max_unit: int = 25) -> list[Run]:
    """Stretches of `text` where a unit of words repeats at least `min_copies` times in a row.

    A run starts at the unit's second copy: the first is the text the loop started from."""
    matches = list(_WORD.finditer(text))
    words = [_norm(m.group(0)) for m in matches]
    # agree[u][j]: how many of the words before j equal the word u after them; the first copy of a unit
    # of u words at i then agrees with the second on agree[u][i + u] - agree[u][i] words (most places
    # have no second copy: this is asked once for each, where comparing the words was quadratic)
    agree = {
        u: list(accumulate((a == b for a, b in zip(words, words[u:], strict=False)), initial=0))
        for u in range(min_unit, max_unit + 1)
    }
    runs: list[Run] = []
    i = 0
    while i < len(words):
        found = None
        for unit in range(min_unit, max_unit + 1):
            if i + unit * min_copies > len(words):
                break
            if (
                min_copies > 1 and agree[unit][i + unit] - agree[unit][i] < 0.8 * unit
            ):  # no second copy: _similar would say no
                continue
            first = words[i : i + unit]
            copies = 1
            while i + (copies + 1) * unit <= len(words) and _similar(
                first, words[i + copies * unit : i + (copies + 1) * unit]
            ):
                copies += 1
            if copies >= min_copies:
                found = (unit, copies)
                break
        if found is None:
            i += 1
            continue
        unit, copies = found
        end_word = i + unit * copies
        vocabulary = set(words[i:end_word])
        # the loop trails off: fragments and near-copies of the unit's words
        while end_word < len(words) and _fragment_of(words[end_word], vocabulary):
            end_word += 1
        # the first copy is the text the loop started from; the repeats are the damage
        runs.append(Run(matches[i + unit].start(), matches[end_word - 1].end(), copies))
        i = end_word
    return runs


def _fragment_of(word: str, vocabulary: set[str]) -> bool:
    if word in vocabulary:
        return True
    if len(word) <= 2:
        return any(v.startswith(word) for v in vocabulary)
    if any(v.startswith(word) for v in vocabulary):
        return True
    # a garbled copy: a long shared beginning, or a few letters changed
    return any(
        _shared_start(word, v) >= max(5, 0.6 * len(v)) or distance(word, v, 2) <= 2 for v in vocabulary if len(v) >= 6
    )


def _shared_start(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


@dataclass(frozen=True)
class Artefact:
    start: int
    end: int
    regular: str  # the normalised form
    kind: str


def artefacts(text: str, rules: tuple[tuple[str, str, str], ...]) -> list[Artefact]:
    """Matches of the conventions' artefact rules: (pattern, replacement, kind)."""
    out: list[Artefact] = []
    for pattern, replacement, kind in rules:
        for m in re.finditer(pattern, text):
            if not any(a.start < m.end() and m.start() < a.end for a in out):
                out.append(Artefact(m.start(), m.end(), m.expand(replacement), kind))
    return sorted(out, key=lambda a: a.start)
