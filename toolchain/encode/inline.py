"""Inline markup from character spans.

A reader marks ranges of a paragraph's text (a bracketed insertion, a mention, a quotation); the
spans must nest. `build` turns the text and its spans into mixed TEI content: characters a span
drops (the brackets, a note marker) leave the text, the rest stays, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..tei import append

# Outer spans first when two cover the same range.
RANK = {
    "speech-run": 0,
    "closer-part": 1,
    "date": 2,
    "bracket": 3,
    "ocr": 3,
    "stage": 3,
    "term": 4,
    "sic": 4,
    "said": 5,
    "seg": 5,
    "q": 6,
    "persName": 7,
    "marker": 8,
    "pb": 9,
    "fw0": 10,
    "fw1": 11,
    "fw2": 12,
    "fw3": 13,
}


@dataclass
class Span:
    start: int
    end: int
    kind: str
    make: Callable[[], etree._Element] | None  # None: the characters are dropped
    inner_start: int | None = None  # where the element's content starts (after an opening bracket)
    inner_end: int | None = None
    leaf: bool = False  # the element is complete; the covered characters are dropped

    @property
    def inner(self) -> tuple[int, int]:
        return (
            self.start if self.inner_start is None else self.inner_start,
            self.end if self.inner_end is None else self.inner_end,
        )


def nest(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """Order spans outer-first and drop those that cross an earlier one; returns (kept, dropped)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, RANK[s.kind]))
    kept: list[Span] = []
    dropped: list[Span] = []
    open_stack: list[Span] = []
    for s in ordered:
        while open_stack and open_stack[-1].end <= s.start:
            open_stack.pop()
        parent = open_stack[-1] if open_stack else None
        if parent is not None:
            lo, hi = parent.inner
            if not (lo <= s.start and s.end <= hi) or parent.leaf:
                dropped.append(s)
                continue
        kept.append(s)
        open_stack.append(s)
    return kept, dropped


def build(text: str, spans: list[Span]) -> list[object]:
    """Mixed content (strings and elements) for `text` with `spans` applied."""
    kept, _ = nest(spans)
    holder = etree.Element("holder")
    _fill(holder, text, 0, len(text), kept)
    out: list[object] = [holder.text] if holder.text else []
    for child in holder:
        tail, child.tail = child.tail, None
        out.append(child)
        if tail:
            out.append(tail)
    return out


def _fill(node: etree._Element, text: str, start: int, end: int, spans: list[Span]) -> None:
    pos = start
    i = 0
    while i < len(spans):
        span = spans[i]
        j = i + 1
        while j < len(spans) and spans[j].start < span.end:
            j += 1
        children = spans[i + 1 : j]
        append(node, text[pos : span.start])
        if span.make is not None:
            element = span.make()
            if not span.leaf:
                lo, hi = span.inner
                _fill(element, text, lo, hi, children)
            node.append(element)
        pos = span.end
        i = j
    append(node, text[pos:end])
