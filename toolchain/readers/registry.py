"""The readers, by name; sniffing picks one for a text (see the package's docstring)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, EditionError, InputError
from ..model import Document
from ..source import blocks
from ..source.text import Text
from . import bilingual, document, labels, listing, transcript
from .conventions import Conventions


@dataclass(frozen=True)
class Reader:
    name: str
    description: str
    read: Callable[..., Document]
    sniff: Callable[[str, Conventions], float]


READERS: dict[str, Reader] = {
    module.NAME: Reader(module.NAME, module.DESCRIPTION, module.read, module.sniff)
    for module in (transcript, bilingual, listing, document)
}


def get(name: str) -> Reader:
    try:
        return READERS[name]
    except KeyError:
        raise EditionError(f"unknown format '{name}'; known formats: {', '.join(sorted(READERS))}") from None


# Readers whose scores are this close are a doubt worth reporting.
CLOSE = 0.15


# A text longer than this is sniffed by its beginning and its end, this much of each (cut at a blank line):
# a layout shows in a few hundred paragraphs, and the end holds a translation's other script or the notes.
SNIFF_PART = 256 * 1024


def sample(text: str | Text) -> str:
    """What of `text` the readers sniff: all of it, or its beginning and its end when it is long."""
    if len(text) <= 2 * SNIFF_PART:
        return str(text)
    first, last = text[:SNIFF_PART], text[-SNIFF_PART:]  # (a Text keeps its ends)
    head, tail = first.rfind("\n\n"), last.find("\n\n")
    if head == -1 or tail == -1:  # no blank line to cut at (one paragraph a line): cut at a line's end
        head, tail = first.rfind("\n"), last.find("\n")
    if head == -1 or tail == -1:
        return str(text)
    return first[:head] + "\n\n" + last[tail:].lstrip("\n")


def scores(text: str | Text, conventions: Conventions) -> list[tuple[float, str]]:
    """Every reader's score for `text` (its `sample`), best first; a tie goes to the reader registered first
    (the more specific genre)."""
    text = sample(text)
    found = [(r.sniff(text, conventions), r.name) for r in READERS.values()]
    order = {name: k for k, name in enumerate(READERS)}
    return sorted(found, key=lambda s: (-s[0], order[s[1]]))


def sniff(
    text: str | Text, source: Path, conventions: Conventions, diagnostics: list[Diagnostic] | None = None
) -> Reader:
    """The reader for `text`: the best score. When no reader recognises the layout, the document reader,
    which reads any text; the report says so, and says both scores when two readers are close."""
    ranked = scores(text, conventions)
    (best, name), (second, other) = ranked[0], ranked[1]
    shown = ", ".join(f"{n} {s:.2f}" for s, n in ranked)
    if best <= 0:
        name = document.NAME
        message = f"no reader recognises the layout (scores: {shown}); read as a document page"
        _report(diagnostics, Diagnostic("warning", "input-format", str(source), 1, 0, message))
    elif name == document.NAME and best <= document.PROSE:  # prose: a letter, a memorandum, minutes
        message = f"no layout of labelled fields or speaker turns: read as a document page of prose (scores: {shown})"
        _report(diagnostics, Diagnostic("info", "input-format", str(source), 1, 0, message))
    elif second > 0 and best - second < CLOSE:
        message = f"read as {name}, but {other} scores close (scores: {shown}); give --format to choose"
        _report(diagnostics, Diagnostic("warning", "input-format", str(source), 1, 0, message))
    return READERS[name]


def _report(diagnostics: list[Diagnostic] | None, diagnostic: Diagnostic) -> None:
    if diagnostics is not None:
        diagnostics.append(diagnostic)


def read(
    text: str | Text,
    *,
    source: Path,
    conventions: Conventions,
    diagnostics: list[Diagnostic],
    format: str | None = None,
) -> Document:
    """The document `text` holds, by the reader named or sniffed."""
    with labels.reading_one():
        try:
            return _read(text, source, conventions, diagnostics, format)
        finally:  # what sniffing and reading shared is not kept past the reading: a long text's lines
            blocks.forget()
            transcript.forget()


def _read(
    text: str | Text, source: Path, conventions: Conventions, diagnostics: list[Diagnostic], format: str | None
) -> Document:
    reader = get(format) if format else sniff(text, source, conventions, diagnostics)
    try:
        return reader.read(text, source=source, conventions=conventions, diagnostics=diagnostics)
    except transcript.NoTurns as exc:
        # no speaker labels: the document reader takes the file, and the report says so
        try:
            tree = document.read(text, source=source, conventions=conventions, diagnostics=diagnostics)
        except InputError as inner:
            bad = inner.diagnostic
            message = f"{exc.diagnostic.message}; read as a document instead: {bad.message}"
            raise InputError(source, bad.line, message, bad.rule) from inner
        diagnostics.append(
            Diagnostic(
                "warning", exc.diagnostic.rule, str(source), 1, 0, f"{exc.diagnostic.message}; read as a document"
            )
        )
        return tree
