"""Text to blocks: paragraphs, each with the number of its first line."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(slots=True)
class Block:
    """A run of non-blank lines; `line` is the 1-based number of its first line. Its lines are not changed
    once it is made: its text is joined once, and where its lines start is worked out when first asked.
    (Slots: a long text has a block for every paragraph.)"""

    line: int
    lines: list[str]
    text: str = field(init=False, repr=False, compare=False)
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = "\n".join(self.lines)

    def line_at(self, offset: int) -> int:
        """Source line of a character offset into `text`."""
        if self._starts is None:
            starts, at = [], 0
            for line in self.lines:
                starts.append(at)
                at += len(line) + 1
            self._starts = starts
        return self.line + max(0, bisect_right(self._starts, offset) - 1)


# A run of lines is written one paragraph a line when it has a line longer than any margin and most of its
# long lines end as a paragraph does; lines wrapped at a margin end mid-sentence.
UNWRAPPED = 100
UNWRAPPED_MIN_LINES = 3
UNWRAPPED_SHARE = 0.5
LONG_LINE = 60
_PARAGRAPH_END = tuple('.!?:;"”»)]…')


def blocks(text: str) -> list[Block]:
    """The paragraphs of a text: runs of non-blank lines; in a text written one paragraph a line (no blank
    lines between paragraphs, lines longer than any margin), each line of a run. Made once for the readers
    that sniff a text and the one that reads it (blocks are not changed once made)."""
    return list(_blocks(text))


@lru_cache(maxsize=2)
def _blocks(text: str) -> tuple[Block, ...]:
    out: list[Block] = []
    for b in _runs(text):
        if _one_paragraph_a_line(b.lines):
            out.extend(Block(b.line + k, [line]) for k, line in enumerate(b.lines))
        else:
            out.append(b)
    return tuple(out)


def start_of(bs: Iterable[Block], letters: int) -> str:
    """The text of the first blocks, each joined to the next by a space, to `letters` characters (what
    `" ".join(b.text for b in bs)[:letters]` is, without joining the text of a long document)."""
    texts, size = [], -1
    for b in bs:
        if size >= letters:
            break
        texts.append(b.text)
        size += len(b.text) + 1
    return " ".join(texts)[:letters]


def forget() -> None:
    """Forget the blocks made for the texts last sniffed and read (once the text is read)."""
    _blocks.cache_clear()


def _runs(text: str) -> list[Block]:
    out: list[Block] = []
    lines: list[str] = []  # the run being read
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.strip():
            lines.append(line)
        elif lines:
            out.append(Block(number - len(lines), lines))
            lines = []
    if lines:
        out.append(Block(number - len(lines) + 1, lines))
    return out


def _one_paragraph_a_line(lines: list[str]) -> bool:
    if len(lines) < UNWRAPPED_MIN_LINES or max(len(line) for line in lines) <= UNWRAPPED:
        return False
    long = [line for line in lines if len(line) > LONG_LINE]
    ends = sum(line.rstrip().endswith(_PARAGRAPH_END) for line in long)
    return ends >= UNWRAPPED_SHARE * len(long)
