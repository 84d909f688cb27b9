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


class Text:
    """The pieces of a text in order, each ending after a line feed (but the last): their lines are the
    text's (`str.splitlines` of each); `str(text)` is the whole of it, for the readers that need it whole."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self._held: list[str] = []
        self._file = None
        self._sizes = array("q")  # the bytes of each piece in the file
        self._length = 0
        self._head: list[str] = []
        self._tail: deque[str] = deque()
        self._tail_length = 0
        for piece in _cut(pieces):
            self._add(piece)

    def _add(self, piece: str) -> None:
        if self._length < ENDS:
            self._head.append(piece)
        self._length += len(piece)
        self._tail.append(piece)
        self._tail_length += len(piece)
        while self._tail_length - len(self._tail[0]) >= ENDS:
            self._tail_length -= len(self._tail.popleft())
        if self._file is None and self._length <= SPOOL:
            self._held.append(piece)
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed with the text)
            for held in self._held:
                self._write(held)
            self._held = []
        self._write(piece)

    def _write(self, piece: str) -> None:
        data = piece.encode("utf-8", "surrogatepass")
        self._file.write(data)
        self._sizes.append(len(data))

    def pieces(self) -> Iterator[str]:
        if self._file is None:
            yield from self._held
            return
        self._file.seek(0)
        for size in self._sizes:
            yield self._file.read(size).decode("utf-8", "surrogatepass")

    def __str__(self) -> str:
        return "".join(self.pieces())

    def __len__(self) -> int:
        return self._length

    def __contains__(self, part: str) -> bool:
        """Whether the text holds `part` (which holds no line feed)."""
        return any(part in piece for piece in self.pieces())

    def __getitem__(self, k: slice) -> str:
        """`text[:n]` and `text[-n:]` from the ends kept; any other slice of the whole."""
        if k.step is None and k.start is None and k.stop is not None and 0 <= k.stop <= ENDS:
            return "".join(self._head)[: k.stop]
        if k.step is None and k.stop is None and k.start is not None and -ENDS <= k.start < 0:
            return "".join(self._tail)[k.start :]
        return str(self)[k]


def _cut(pieces: Iterable[str]) -> Iterator[str]:
    """The text of `pieces` again, cut after a line feed once `PIECE` characters or so are gathered."""
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
