"""Typst's compilation of a book, in a process of its own: the memory it takes goes back to the system once
the book is written, and Ctrl-C stops it at once (Typst, running in the process that called it, does not
look at the signal until it is done).

Only the typst library is imported here, so the process starts in a fraction of a second. After
compiling, the notes are checked: every footnote must stand on the page of its call (Typst may put a note
one page before its call when the line with the call moves to the next page); where one does not, the
renderer has the book compiled again, in a new process (Typst keeps what it laid out in memory for as
long as its process lives), the call's paragraph starting on the next page.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

import typst


def compile_book(
    source: str, functions: Path, fixes: tuple[str, ...], timestamp: int, pdfa: bool
) -> tuple[bytes, list[str]]:
    """The PDF of the Typst `source` (which imports `functions` as edition.typ), breaking before the calls of
    the notes `fixes`; and the notes not on their call's page. Its dates are `timestamp`; only the fonts
    the library embeds are used."""
    with tempfile.TemporaryDirectory(prefix="edition-print-") as tmp:
        root = Path(tmp)
        shutil.copyfile(functions, root / "edition.typ")
        main = root / "main.typ"
        main.write_text(source, encoding="utf-8")
        compiler = typst.Compiler(
            str(main), root=str(root), ignore_system_fonts=True, sys_inputs={"break-before-notes": ",".join(fixes)}
        )
        pdf = compiler.compile(pdf_standards=["a-2b"] if pdfa else [], timestamp=timestamp)
        return pdf, misplaced_notes(compiler)


def misplaced_notes(compiler: typst.Compiler) -> list[str]:
    """The notes whose entry is not on the page of their call, in the document `compiler` made."""
    calls: dict[str, int] = {}
    entries: dict[str, int] = {}
    for item in json.loads(compiler.query("<ed-note-place>")):
        value = item["value"]
        (calls if value["kind"] == "call" else entries)[value["key"]] = value["page"]
    return sorted(k for k, page in calls.items() if entries.get(k, page) != page)


def child(connection: Connection, *args: object) -> None:
    """In the child process: compile, and send ("ok", pdf, misplaced) or ("error", message) back."""
    try:
        pdf, misplaced = compile_book(*args)  # type: ignore[arg-type]
        connection.send(("ok", pdf, misplaced))
    except Exception as exc:  # typst.TypstError: the source the stylesheet wrote does not compile
        connection.send(("error", str(exc).strip()))
    finally:
        connection.close()
