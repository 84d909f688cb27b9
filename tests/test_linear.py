"""The lookups that keep reading linear in the size of a paragraph give what the plain scans they replace
gave: each is compared with that scan on random text."""

from __future__ import annotations

import random
import re

import pytest

from toolchain.readers.speech import _ABBREVIATIONS, _Containers, _word_before
from toolchain.source.blocks import Block
from toolchain.source.dates import _DATE_PATTERNS, _DATE_SIGN, _iso, find_date
from toolchain.source.marks import brackets, ending_at

ALPHABET = ["a", "b", "Mr", "e.g", ".", " ", "\n", "[", "]", "1962", "October", "25,", "\t", "Cde"]


def _texts(seed: int, count: int = 300) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 80))) for _ in range(count)]


def _innermost(bracket_list, pos: int, length: int) -> tuple[int, int]:
    best = (0, length)
    for b in bracket_list:
        lo, hi = b.inner
        if lo <= pos < hi and hi - lo <= best[1] - best[0]:
            best = (lo, hi)
    return best


@pytest.mark.parametrize("seed", range(3))
def test_the_innermost_bracket_is_the_one_a_scan_of_all_brackets_finds(seed):
    for text in _texts(seed):
        found, _, _ = brackets(text, [])
        inner = _Containers(found, len(text))
        for pos in range(len(text) + 1):
            assert inner(pos) == _innermost(found, pos, len(text)), (text, pos)


@pytest.mark.parametrize("seed", range(3))
def test_the_words_before_a_position_are_those_a_search_of_all_the_text_before_it_finds(seed):
    for text in _texts(seed):
        for i in range(1, len(text) + 1):
            whole = re.search(r"(\S+)\s$", text[:i])
            near = ending_at(re.compile(r"(\S+)\s$"), text, i)
            assert (near.group(1) if near else None) == (whole.group(1) if whole else None), (text, i)
            run = re.search(r"([\w.]+)$", text[:i])
            word = run.group(1) if run else ""
            near_word = _word_before(text, i)
            # the same run, or its end when it is longer than any abbreviation (then no abbreviation either)
            assert near_word == word or (word.endswith(near_word) and len(near_word) > max(map(len, _ABBREVIATIONS)))


def _whole_date(text: str):
    """The date that is the whole text, by testing every match of every pattern."""
    if _DATE_SIGN.search(text) is None:
        return None
    plain = text.replace("[", " ").replace("]", " ")
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(plain):
            if plain[: m.start()].strip() or plain[m.end() :].strip(" ."):
                continue
            iso = _iso(m.groupdict())
            if iso:
                return m.start(), m.end(), iso
    return None


@pytest.mark.parametrize("seed", range(3))
def test_a_date_that_must_be_the_whole_text_is_the_one_found_by_testing_every_match(seed):
    extra = [" October 25, 1962. ", "25 October 1962 .", "x October 25, 1962", "October 25, 1962 x", "12.III.1963"]
    for text in [*_texts(seed), *extra]:
        found = find_date(text, whole=True)
        assert (None if found is None else (found.start, found.end, found.iso)) == _whole_date(text), text


def test_a_blocks_line_of_an_offset_is_the_count_of_line_breaks_before_it():
    block = Block(7, ["first line", "", "third", "a much longer fourth line"])
    for offset in range(len(block.text) + 2):
        assert block.line_at(offset) == 7 + block.text.count("\n", 0, offset)
