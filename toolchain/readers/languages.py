"""The languages of a document's text: of the whole, unless the page says it, and of each paragraph written
in another script than the rest (an original quoted in its translation, an English title over a Ukrainian
letter). The detector is `source.language.identify`; when it is unsure the text keeps its language.
"""

from __future__ import annotations

from .. import model as m
from ..encode.inline import plain
from ..source.blocks import Block
from ..source.language import identify
from ..source.scripts import script

# Paragraphs sampled for the language of the whole: the longest ones, up to this many.
SAMPLED = 3


def of_text(bs: list[Block], default: str) -> str:
    """The language most of the sampled paragraphs are in (by length), else `default`."""
    votes: dict[str, int] = {}
    for b in sorted(bs, key=lambda b: len(b.text), reverse=True)[:SAMPLED]:
        found = identify(b.text)
        if found is not None:
            votes[found] = votes.get(found, 0) + len(b.text)
    return max(votes, key=lambda k: votes[k]) if votes else default


def mark(blocks: list[m.Block], lang: str) -> set[str]:
    """Give each paragraph and heading written in another script than the text's its own language;
    returns the languages so given."""
    main = None
    found: set[str] = set()
    for block in _leaves(blocks):
        written = script(plain(block.content))
        if written is None:
            continue
        if main is None:
            main = _main_script(blocks)
        if written != main:
            other = identify(plain(block.content))
            if other is not None and other != lang:
                block.lang = other
                found.add(other)
    return found


def _leaves(blocks: list[m.Block]) -> list[m.Para | m.Head]:
    out: list[m.Para | m.Head] = []
    for block in blocks:
        if isinstance(block, m.Para | m.Head):
            out.append(block)
        elif isinstance(block, m.Div | m.Turn | m.Argument):
            out.extend(_leaves(block.blocks))
    return out


def _main_script(blocks: list[m.Block]) -> str | None:
    return script(" ".join(plain(b.content) for b in _leaves(blocks))[:5000])
