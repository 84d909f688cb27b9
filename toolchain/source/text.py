"""A decoded text, given a piece at a time: held whole when it is short, else in a temporary file, so that
reading a long file never holds all of its text (its blocks are made from the pieces, `blocks.blocks`)."""

from __future__ import annotations

import tempfile
from array import array
from collections import deque
from collections.abc import Iterable, Iterator

# A text longer than this (in characters) waits in a file; it is cut into pieces of about `PIECE`
# characters, each after a line feed; `ENDS` characters of its beginning and of its end are kept.
SPOOL = 4 * 2**20
PIECE = 2**20
ENDS = 2**19


class Pieces:
    """Strings kept in order, in memory while they hold `spool` characters or fewer in all, else in a
    temporary file (UTF-8): each given again by its number, or all in order."""

    def __init__(self, spool: int) -> None:
        self._spool = spool
        self._held: list[str] = []
        self._file = None
        self._offsets = array("q", [0])  # where each piece begins in the file, and where the last ends
        self.length = 0  # characters in all

    def append(self, piece: str) -> None:
        self.length += len(piece)
        if self._file is None and self.length <= self._spool:
            self._held.append(piece)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the pieces)
            for held in self._held:
                self._write(held)
            self._held = []
        self._write(piece)

    def _write(self, piece: str) -> None:
        data = piece.encode("utf-8", "surrogatepass")
        self._file.write(data)
        self._offsets.append(self._offsets[-1] + len(data))

    def __len__(self) -> int:
        return len(self._held) if self._file is None else len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:
        if self._file is None:
            return self._held[i]
        self._file.seek(self._offsets[i])
        return self._file.read(self._offsets[i + 1] - self._offsets[i]).decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))


class Text:
    """The pieces of a text in order, each ending after a line feed (but the last): their lines are the
    text's (`str.splitlines` of each); `str(text)` is the whole of it, for the readers that need it whole."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self._pieces = Pieces(SPOOL)
        self._head: list[str] = []
        self._tail: deque[str] = deque()
        self._tail_length = 0
        for piece in whole_lines(pieces):
            if self._pieces.length < ENDS:
                self._head.append(piece)
            self._pieces.append(piece)
            self._tail.append(piece)
            self._tail_length += len(piece)
            while self._tail_length - len(self._tail[0]) >= ENDS:
                self._tail_length -= len(self._tail.popleft())

    def pieces(self) -> Iterator[str]:
        return iter(self._pieces)

    def __str__(self) -> str:
        return "".join(self._pieces)

    def __len__(self) -> int:
        return self._pieces.length

    def __contains__(self, part: str) -> bool:
        """Whether the text holds `part` (which holds no line feed)."""
        return any(part in piece for piece in self._pieces)

    def __getitem__(self, k: slice) -> str:
        """`text[:n]` and `text[-n:]` from the ends kept; any other slice of the whole."""
        if k.step is None and k.start is None and k.stop is not None and 0 <= k.stop <= ENDS:
            return "".join(self._head)[: k.stop]
        if k.step is None and k.stop is None and k.start is not None and -ENDS <= k.start < 0:
            return "".join(self._tail)[k.start :]
        return str(self)[k]


def whole_lines(pieces: Iterable[str]) -> Iterator[str]:
    """The text of `pieces` again, cut after a line feed once `PIECE` characters or so are gathered: each
    piece given but the last ends a line."""
    held: list[str] = []
    size = 0
    for piece in pieces:
        cut = piece.rfind("\n") + 1
        if size + len(piece) < PIECE or not cut:
            held.append(piece)
            size += len(piece)
            continue
        held.append(piece[:cut])
        yield "".join(held)
        rest = piece[cut:]
        held, size = ([rest], len(rest)) if rest else ([], 0)
    if held:
        yield "".join(held)
