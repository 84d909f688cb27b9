"""The one TEI encoder: a reader's `model.Document` to the bytes of its TEI.

header   teiHeader from Meta: fileDesc, encodingDesc (the declarations that apply), profileDesc
body     text and body from the model's blocks, made and written a block at a time
inline   text + stand-off spans -> mixed TEI content
"""

from __future__ import annotations

import ctypes
import io
import tempfile
from array import array
from collections.abc import Callable, Iterator
from typing import IO

from ..model import Document
from ..tei import XML_LANG, building, el, end_tag, opening
from . import body
from .header import header

# The text is kept in memory up to this many bytes while it is made, in a temporary file beyond.
SPOOL = 1 << 23
# The text is given back in runs of this many bytes.
RUN = 1 << 20
# The free memory of the heap is given back to the system each time the text is this many bytes longer.
TRIM = 1 << 20


def parts(doc: Document) -> Iterator[bytes]:
    """The canonical bytes of a document's TEI (what `tei.serialise` makes of its whole tree), in parts: joined,
    they are the file. The text is made now, a block at a time, each block written (`_Spool`) and forgotten
    before the next is made, so that the model and tree of a long transcript are never all in memory; then
    the header, which says what is known only once the text is made (`Document.later`). The parts given are
    the header, then the text."""
    root = el("TEI")
    spool = _Spool(doc.later.token if doc.later is not None else None)
    try:
        with building(root):  # every element in the root's document: appending it moves nothing
            for chunk in body.parts(root, doc.text):
                spool.write(chunk)
            waiting = doc.later.finish() if doc.later is not None else []
            root.set(XML_LANG, doc.meta.lang)
            root.insert(0, header(doc.meta))
            head = opening(root)
    except BaseException:
        spool.close()
        raise
    return spool.given(head, waiting, b"\n" + end_tag(root) + b"\n")


class _Spool:
    """The bytes of a text as it is made: in memory, in a temporary file once they are more than `SPOOL`. The
    language of a paragraph that waits to be decided (`token`) is taken out where it stands, and its place
    kept."""

    def __init__(self, token: str | None) -> None:
        self.file: IO[bytes] | None = None
        self.held: list[bytes] = []  # what is not in the file
        self.waiting = f' xml:lang="{token}"'.encode() if token is not None else None
        self.places = array("q")  # where each language that waits goes, in order
        self.size = 0  # of the whole
        self._held_size = 0
        self._trimmed = 0  # the size of the text when the heap was last given back

    def write(self, chunk: bytes) -> None:
        if self.waiting is not None and self.waiting in chunk:
            *before, chunk = chunk.split(self.waiting)
            for piece in before:
                self._hold(piece)
                self.places.append(self.size)
        self._hold(chunk)

    def _hold(self, data: bytes) -> None:
        self.held.append(data)
        self.size += len(data)
        self._held_size += len(data)
        if self._held_size > SPOOL:
            self._flush()
        if self.size >= self._trimmed + TRIM:
            self._trimmed = self.size
            _give_back()

    def _flush(self) -> None:
        if self.file is None:
            self.file = tempfile.TemporaryFile()  # noqa: SIM115 (closed once given)
        self.file.write(b"".join(self.held))
        self.held, self._held_size = [], 0

    def close(self) -> None:
        if self.file is not None:
            self.file.close()

    def given(self, head: bytes, languages: list[str | None], tail: bytes) -> Iterator[bytes]:
        """`head`, the text with the `languages` decided in their places, `tail`."""
        if len(languages) != len(self.places):
            self.close()
            raise RuntimeError(f"{len(self.places)} paragraphs wait for a language, {len(languages)} decided")
        if self.file is None and not self.places:  # a text of a few MB, no language to put in
            return iter((head, *self.held, tail))
        return self._given(head, languages, tail)

    def _given(self, head: bytes, languages: list[str | None], tail: bytes) -> Iterator[bytes]:
        if self.file is not None:
            self._flush()
        source = self.file if self.file is not None else io.BytesIO(b"".join(self.held))
        self.held = []
        with source:
            yield head
            source.seek(0)
            at = 0
            for place, lang in zip(self.places, languages, strict=True):
                yield from _read(source, place - at)
                at = place
                if lang is not None:
                    yield f' xml:lang="{lang}"'.encode()
            yield from _read(source, self.size - at)
            yield tail


def _read(source: IO[bytes], size: int) -> Iterator[bytes]:
    """The next `size` bytes of `source`, in runs."""
    while size > 0:
        data = source.read(min(size, RUN))
        size -= len(data)
        yield data


def _give_back() -> None:
    """The free memory of the heap given back to the system (glibc's `malloc_trim`). What the blocks written
    were made in is free once each is written, but the heap keeps it, scattered between what lives on (a 50 MB
    transcript's process grew by 60 MiB so): given back each time the text is `TRIM` bytes longer, the
    process stays the size of what it holds."""
    if _TRIM is not None:
        _TRIM(0)


def _trim() -> Callable[[int], int] | None:
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc; none elsewhere (musl, macOS, Windows)
    except (OSError, AttributeError, TypeError):
        return None


_TRIM = _trim()
