"""The printed edition: a PDF book, or several volumes, typeset by Typst from the Typst source the print
stylesheets write.

The stylesheet (xslt/print/print.xsl) turns the edition, or one volume of it (`volume-pages`; base.Book
plans the volumes and loads only each volume's documents), into one Typst document that imports the
book's functions (xslt/print/edition.typ); the `typst` library compiles it, in a process of its own
(`typesetting`), with the fonts it embeds (Libertinus Serif, with Cyrillic), so no TeX, Java or system
fonts are involved, and checks that every footnote stands on the page of its call.
"""

from __future__ import annotations

from pathlib import Path

from . import typesetting, xslt
from .base import Book, Document, Result
from .xslt import RenderError

P = "urn:edition:print"
TYPST_VERSION = "0.14"  # the Typst language the typst wheel (pinned in pyproject.toml) compiles
ATTEMPTS = 4  # compilations of a book at most, each moving the notes Typst set before their call


class PdfRenderer(Book):
    name = "pdf"
    out_suffix = ".pdf"
    book_suffix = ".pdf"
    stylesheet = "print/print.xsl"

    def __init__(self, params: dict[str, str] | None = None, dated_by: list[Path] | None = None) -> None:
        super().__init__(params, dated_by)
        self.pdfa = "pdfa" in self.params and self.params["pdfa"].boolean_value
        self.misplaced: list[str] = []  # notes of the last book typeset that are not on their call's page
        self.misplaced_all: list[str] = []  # those of every volume of the last render

    def source(self) -> str:
        """The book as Typst source, of the edition as set: the whole book, or one of its volumes."""
        return self.call(f"{{{P}}}book")

    def render(self, sources: list[Path], out_dir: Path) -> Result:
        self.misplaced_all = []
        result = super().render(sources, out_dir)
        if self.misplaced_all:
            notes = ", ".join(self.misplaced_all)
            result.warnings.append(
                f"{len(self.misplaced_all)} notes could not be set on the page of their call: {notes}"
            )
        return result

    def book(self, docs: list[Document], epoch: int) -> bytes:
        """The book, or a volume, typeset on its own (the memory it takes is a volume's, not the edition's)."""
        pdf = self.typeset(self.source(), timestamp=epoch)
        self.misplaced_all.extend(self.misplaced)
        return pdf

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
