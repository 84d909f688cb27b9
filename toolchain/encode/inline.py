"""Inline markup from character spans.

A reader marks ranges of a paragraph's text (a bracketed insertion, a mention, a quotation); the
spans must nest. `build` turns the text and its spans into mixed TEI content: characters a span
drops (the brackets, a note marker) leave the text, the rest stays, in order.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..model import RANK, Inline, Span
from ..tei import append


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


def content(inline: Inline) -> list[object]:
    """The mixed content of an `Inline`."""
    return build(inline.text, inline.spans)


def build(text: str, spans: list[Span]) -> list[object]:
    """Mixed content (strings and elements) for `text` with `spans` applied."""
    kept, _ = nest(spans)
    out: list[object] = []
    run = ""  # the text since the last element: the characters of dropped spans leave it whole
    for piece, span, children in _pieces(text, 0, len(text), kept):
        if span is None:
            run += piece
        elif span.make is not None:
            element = span.make()
            if not span.leaf:
                lo, hi = span.inner
                _fill(element, text, lo, hi, children)
            if run:
                out.append(run)
            out.append(element)
            run, element.tail = element.tail or "", None
    if run:
        out.append(run)
    return out


def _fill(node: etree._Element, text: str, start: int, end: int, spans: list[Span]) -> None:
    for piece, span, children in _pieces(text, start, end, spans):
        if span is None:
            append(node, piece)
        elif span.make is not None:
            element = span.make()
            if not span.leaf:
                lo, hi = span.inner
                _fill(element, text, lo, hi, children)
            node.append(element)


def plain(inline: Inline) -> str:
    """The words `content(inline)` would hold outside the elements it makes whole (note markers): the text
    without the characters the spans drop. Nothing is made, so nothing is counted as placed."""
    kept, _ = nest(inline.spans)
    out: list[str] = []
    _plain(inline.text, 0, len(inline.text), kept, out)
    return "".join(out)


def _plain(text: str, start: int, end: int, spans: list[Span], out: list[str]) -> None:
    for piece, span, children in _pieces(text, start, end, spans):
        if span is None:
            out.append(piece)
        elif span.make is not None and not span.leaf:
            lo, hi = span.inner
            _plain(text, lo, hi, children, out)


def _pieces(text: str, start: int, end: int, spans: list[Span]) -> Iterator[tuple[str, Span | None, list[Span]]]:
    """The text between `start` and `end` in order: (text, None, []) for the characters outside the
    outermost spans, ("", span, the spans inside it) for each of those spans."""
    pos = start
    i = 0
    while i < len(spans):
        span = spans[i]
        j = i + 1
        while j < len(spans) and spans[j].start < span.end:
            j += 1
        yield text[pos : span.start], None, []
        yield "", span, spans[i + 1 : j]
        pos = span.end
        i = j
    yield text[pos:end], None, []
