"""Marks of a transcript: quotation marks, quotations, a quoted title, square brackets.

Each set of marks is defined here once; readers, alignment and export ask this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening mark -> its closing mark. „…“ is German; straight quotes pair in order.
QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“"}
OPENING_QUOTES = '“"«„'
CLOSING_QUOTES = '”"»'
QUOTE_MARKS = frozenset('"“”«»„')
_STRAIGHT = re.compile('"')
_PAIRED = re.compile(f"[{''.join(sorted(set(QUOTE_PAIRS) | set(QUOTE_PAIRS.values())))}]")
_SQUARE = re.compile(r"[\[\]]")
# A title in quotation marks at the start of a citation: "Record of …", 1962, …
_QUOTED_TITLE = re.compile(r'\s*["“](.+?)["”]')


def quoted_title(text: str) -> re.Match[str] | None:
    """The quoted title that opens `text` (group 1), if any."""
    return _QUOTED_TITLE.match(text)


def ending_at(pattern: re.Pattern[str], text: str, end: int, width: int = 64) -> re.Match[str] | None:
    """The match of `pattern` (a pattern anchored by `$`) that a search of `text[:end]` finds, searched in a
    window before `end` that grows while the match fills it: near `end`, not in all the text before it."""
    while True:
        low = max(0, end - width)
        m = pattern.search(text, low, end)
        if m is None or m.start() > low or low == 0:
            return m
        width *= 4


def quotations(text: str) -> list[tuple[int, int]]:
    """(start, end) of quotations, marks included; straight quotes pair in order."""
    out = []
    straight = [m.start() for m in _STRAIGHT.finditer(text)]
    for a, b in zip(straight[::2], straight[1::2], strict=False):
        out.append((a, b + 1))
    stack: list[tuple[str, int]] = []
    for m in _PAIRED.finditer(text):  # the marks that open or close a pair, not every character
        i, ch = m.start(), m.group()
        if stack and ch == QUOTE_PAIRS[stack[-1][0]] and not (ch == "“" and stack[-1][0] == "“"):
            _, start = stack.pop()
            out.append((start, i + 1))
        elif ch in QUOTE_PAIRS:
            stack.append((ch, i))
    return sorted(out)


def closes_earlier_quote(text: str) -> bool:
    """More closing than opening quotation marks: the last one closes a quotation opened earlier."""
    opening = sum(text.count(q) for q in "“«„")
    closing = sum(text.count(q) for q in "”»")
    straight = text.count('"')
    return closing > opening or (straight % 2 == 1 and text.endswith('"'))


@dataclass
class Bracket:
    start: int  # offset of "["
    end: int  # offset after "]"
    depth: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


# Brackets nested deeper than this are no editor's: they stay text (and each level of nesting would be a
# level of elements, which every later stage walks).
MAX_DEPTH = 8


def brackets(text: str, skip: list[tuple[int, int]]) -> tuple[list[Bracket], list[int], list[int]]:
    """Square brackets of a paragraph, nesting checked; the offsets of the brackets that pair with none, and
    of those nested deeper than MAX_DEPTH (both stay text); `skip` ranges (note markers) are ignored."""
    skipped = set()
    for a, b in skip:
        skipped.update(range(a, b))
    stack: list[int] = []
    out: list[Bracket] = []
    unpaired: list[int] = []
    deep: list[int] = []
    for m in _SQUARE.finditer(text):  # the brackets, not every character
        i, ch = m.start(), m.group()
        if i in skipped:
            continue
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            if not stack:
                unpaired.append(i)
                continue
            start = stack.pop()
            if len(stack) >= MAX_DEPTH:
                deep.extend((start, i))
                continue
            out.append(Bracket(start, i + 1, len(stack)))
    unpaired.extend(stack)
    return sorted(out, key=lambda b: b.start), sorted(unpaired), sorted(deep)
