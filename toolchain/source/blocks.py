"""Text to blocks: paragraphs, each with the number of its first line."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import overload

from .text import Pieces, Text


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


def blocks(text: str | Text) -> Blocks:
    """The paragraphs of a text: runs of non-blank lines; in a text written one paragraph a line (no blank
    lines between paragraphs, lines longer than any margin), each line of a run. Made once for the readers
    that sniff a text and the one that reads it (blocks are not changed once made)."""
    return _blocks(text)


@lru_cache(maxsize=2)
def _blocks(text: str | Text) -> Blocks:
    return Blocks(_paragraphs(text))


def _paragraphs(text: str | Text) -> Iterator[Block]:
    for b in _runs(text):
        if _one_paragraph_a_line(b.lines):
            yield from (Block(b.line + k, [line]) for k, line in enumerate(b.lines))
        else:
            yield b


class Blocks(Sequence[Block]):
    """The blocks of a text in order, read again each time they are asked: indexable, sliceable (a slice, or
    the blocks with some left out, is a view of the same blocks) and iterable more than once. The blocks of a
    long text wait in a file (`_Spooled`): the readers' passes over it hold a few chunks of it, not all."""

    __slots__ = ("_at", "_blocks")

    def __init__(self, blocks: Iterable[Block], at: range | array | None = None) -> None:
        self._blocks = blocks if isinstance(blocks, tuple | _Spooled) else _kept(blocks)
        self._at = range(len(self._blocks)) if at is None else at

    def __len__(self) -> int:
        return len(self._at)

    @overload
    def __getitem__(self, k: int) -> Block: ...
    @overload
    def __getitem__(self, k: slice) -> Blocks: ...
    def __getitem__(self, k: int | slice) -> Block | Blocks:
        if isinstance(k, slice):
            return Blocks(self._blocks, self._at[k])
        return self._blocks[self._at[k]]

    def __iter__(self) -> Iterator[Block]:
        blocks = self._blocks
        return (blocks[i] for i in self._at)

    def line(self, k: int) -> int:
        """The first line of block `k` (the block not made)."""
        blocks = self._blocks
        return blocks.lines[self._at[k]] if isinstance(blocks, _Spooled) else blocks[self._at[k]].line

    def without(self, left_out: Iterable[int]) -> Blocks:
        """These blocks but those at the positions `left_out`."""
        out = set(left_out)
        if not out:
            return self
        return Blocks(self._blocks, array("q", (i for k, i in enumerate(self._at) if k not in out)))


# The blocks of a text are written to a file once they hold more characters than this, in chunks of about
# `CHUNK` characters; `KEPT_CHUNKS` chunks are kept made (a pass forwards or backwards makes each once).
SPOOL = 4 * 2**20
CHUNK = 2**18
KEPT_CHUNKS = 3
# Between two blocks in the file: a character no line holds (a line ends at it, `str.splitlines`).
_BETWEEN = "\x1c"


def _kept(blocks: Iterable[Block]) -> tuple[Block, ...] | _Spooled:
    """The blocks, in a tuple, or in a file when they are long."""
    blocks = iter(blocks)
    held: list[Block] = []
    size = 0
    for b in blocks:
        held.append(b)
        size += len(b.text) + 1
        if size > SPOOL:
            return _Spooled(chain(held, blocks))
    return tuple(held)


class _Spooled:
    """Blocks (none empty) whose text waits in a temporary file, in chunks (`text.Pieces`); a chunk's blocks are
    made again when one of them is asked."""

    def __init__(self, blocks: Iterable[Block]) -> None:
        self.lines = array("q")  # the first line of each block
        self._firsts = array("q")  # the first block of each chunk
        self._chunks = Pieces(0)
        self._made: dict[int, list[Block]] = {}
        texts: list[str] = []
        size = 0
        for b in blocks:
            if not texts:
                self._firsts.append(len(self.lines))
            self.lines.append(b.line)
            texts.append(b.text)
            size += len(b.text) + 1
            if size >= CHUNK:
                self._chunks.append(_BETWEEN.join(texts))
                texts, size = [], 0
        if texts:
            self._chunks.append(_BETWEEN.join(texts))

    def __len__(self) -> int:
        return len(self.lines)

    def __getitem__(self, i: int) -> Block:
        if not 0 <= i < len(self.lines):
            raise IndexError(i)
        c = bisect_right(self._firsts, i) - 1
        made = self._made.get(c)
        if made is None:
            made = self._chunk(c)
        return made[i - self._firsts[c]]

    def _chunk(self, c: int) -> list[Block]:
        first = self._firsts[c]
        made = [Block(self.lines[first + k], t.split("\n")) for k, t in enumerate(self._chunks[c].split(_BETWEEN))]
        if len(self._made) >= KEPT_CHUNKS:
            del self._made[next(iter(self._made))]
        self._made[c] = made
        return made


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


def _runs(text: str | Text) -> Iterator[Block]:
    lines: list[str] = []  # the run being read
    number = 0
    for number, raw in enumerate(_lines(text), start=1):
        line = raw.rstrip()
        if line.strip():
            lines.append(line)
        elif lines:
            yield Block(number - len(lines), lines)
            lines = []
    if lines:
        yield Block(number - len(lines) + 1, lines)


def _lines(text: str | Text) -> Iterator[str]:
    """`text.splitlines()`, a piece of the text at a time (a long text's lines are not all held)."""
    for whole in text.pieces() if isinstance(text, Text) else [text]:
        start, size = 0, len(whole)
        while start < size:
            end = min(size, start + _PIECE)
            if end < size:  # cut after a line feed (a carriage return before it stays with it)
                cut = whole.rfind("\n", start, end)
                end = cut + 1 if cut >= 0 else whole.find("\n", end) + 1 or size
            yield from whole[start:end].splitlines()
            start = end


_PIECE = 2**20


def _one_paragraph_a_line(lines: list[str]) -> bool:
    if len(lines) < UNWRAPPED_MIN_LINES or max(len(line) for line in lines) <= UNWRAPPED:
        return False
    long = [line for line in lines if len(line) > LONG_LINE]
    ends = sum(line.rstrip().endswith(_PARAGRAPH_END) for line in long)
    return ends >= UNWRAPPED_SHARE * len(long)
