"""The printed edition: a PDF book, or several volumes, typeset by Typst from the Typst source the print
stylesheets write.

The stylesheet (xslt/print/print.xsl) turns the edition, or one volume of it (`volume-pages`), into one
Typst document that imports the book's functions (xslt/print/edition.typ); the `typst` library compiles
it, in a process of its own (`typesetting`), with the fonts it embeds (Libertinus Serif, with Cyrillic), so
no TeX, Java or system fonts are involved, and checks that every footnote stands on the page of its call.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..tei import write_atomic
from . import typesetting, xslt
from .base import Document, Renderer, Result
from .xslt import RenderError

P = "urn:edition:print"
TYPST_VERSION = "0.14"  # the Typst language the typst wheel (pinned in pyproject.toml) compiles
ATTEMPTS = 4  # compilations of a book at most, each moving the notes Typst set before their call
STEM = "edition"
NAME = f"{STEM}.pdf"
# The files a book is written to: the book, or its volumes.
_BOOK = re.compile(rf"{STEM}(?:-\d+)?\.pdf")


class PdfRenderer(Renderer):
    name = "pdf"
    out_suffix = ".pdf"
    stylesheet = "print/print.xsl"

    def __init__(self, params: dict[str, str] | None = None, dated_by: list[Path] | None = None) -> None:
        super().__init__(params, dated_by)
        self.pdfa = "pdfa" in self.params and self.params["pdfa"].boolean_value
        self.misplaced: list[str] = []  # notes of the last book typeset that are not on their call's page

    def source(self, volume: int = 0) -> str:
        """The book as Typst source: the whole of it, or one of its volumes (from 1)."""
        return self.call(f"{{{P}}}book", volume=xslt.processor().make_integer_value(volume))

    def volumes(self) -> int:
        """How many volumes the book is typeset in (the `volume-pages` parameter)."""
        return int(self.call_text(f"{{{P}}}volumes"))

    def write(self, docs: list[Document], out_dir: Path, result: Result) -> None:
        """The book, edition.pdf; or its volumes, edition-1.pdf, edition-2.pdf …, each typeset on its own
        (the memory it takes is a volume's, not the edition's). A book or volume of an earlier build that
        this one does not make is removed."""
        count, timestamp = self.volumes(), self.epoch(docs)
        out_dir.mkdir(parents=True, exist_ok=True)
        misplaced: list[str] = []
        for volume in range(1, count + 1) if count > 1 else [0]:
            pdf = self.typeset(self.source(volume), timestamp=timestamp)
            misplaced.extend(self.misplaced)
            target = out_dir / (f"{STEM}-{volume}.pdf" if volume else NAME)
            write_atomic(target, pdf)
            result.written.append(target)
        for old in out_dir.glob(f"{STEM}*.pdf"):
            if _BOOK.fullmatch(old.name) and old not in result.written:
                old.unlink(missing_ok=True)
        if misplaced:
            notes = ", ".join(misplaced)
            result.warnings.append(f"{len(misplaced)} notes could not be set on the page of their call: {notes}")

    def typeset(self, source: str, fixes: tuple[str, ...] = (), timestamp: int = 0) -> bytes:
        """Compile the source; where a footnote is not on the page of its call, compile it again breaking
        before the call. Each compilation is a process of its own (`typesetting`); the notes still not on
        the page of their call are then in `misplaced`."""
        for attempt in range(ATTEMPTS):
            pdf, self.misplaced = self._compile(source, fixes, timestamp)
            if not self.misplaced or attempt == ATTEMPTS - 1:
                return pdf
            fixes = tuple(sorted(set(fixes) | set(self.misplaced)))
        raise AssertionError("unreachable")

    def _compile(self, source: str, fixes: tuple[str, ...], timestamp: int) -> tuple[bytes, list[str]]:
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # a Saxon is never forked
        receive, send = context.Pipe(duplex=False)
        functions = xslt.xslt_dir() / "print" / "edition.typ"
        process = context.Process(
            target=typesetting.child, args=(send, source, functions, fixes, timestamp, self.pdfa), daemon=True
        )
        process.start()
        send.close()
        try:
            answer = receive.recv()
        except EOFError:
            process.join()
            answer = ("error", f"the process typesetting it stopped (exit status {process.exitcode})")
        except BaseException:  # Ctrl-C: Typst stops now, not when the book is done
            process.terminate()
            raise
        finally:
            process.join()
            receive.close()
        if answer[0] != "ok":
            raise RenderError(f"Typst cannot typeset the book: {answer[1]}")
        return answer[1], answer[2]

    misplaced_notes = staticmethod(typesetting.misplaced_notes)
