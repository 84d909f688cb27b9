"""The registry of readers: one module per input genre, each with the same signature.

    read(text, *, source, conventions, diagnostics) -> model.Document (encoded to TEI by `encode`)
    sniff(text, conventions) -> float in 0..1

`--format NAME` picks a reader by name; without it, sniffing picks the best-scoring one. The readers sit
side by side: none imports another; what they share is in the modules beside them (front matter, notes,
brackets, content, speech, persons, speakers, participants).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, EditionError, InputError
from ..model import Document
from . import bilingual, document, listing, transcript
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


def sniff(text: str, source: Path, conventions: Conventions) -> Reader:
    # the best score wins; a tie goes to the reader registered first (the more specific genre)
    scores = [(r.sniff(text, conventions), r.name) for r in READERS.values()]
    score, name = max(scores, key=lambda s: s[0])
    if score <= 0:
        raise InputError(
            source,
            1,
            f"cannot tell what kind of transcript this is; give --format ({', '.join(sorted(READERS))})",
            "input-format",
        )
    return READERS[name]


def read(
    text: str, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic], format: str | None = None
) -> Document:
    reader = get(format) if format else sniff(text, source, conventions)
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
