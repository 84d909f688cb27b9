"""The printed edition: one PDF book, typeset by Typst from the Typst source the print stylesheets write.

The stylesheet (xslt/print/print.xsl) turns the whole edition into one Typst document that imports the
book's functions (xslt/print/edition.typ); the `typst` library compiles it in-process with the fonts it
embeds (Libertinus Serif, with Cyrillic), so no TeX, Java or system fonts are involved. After compiling,
the renderer checks that every footnote stands on the page of its call (Typst may put a note one page
before its call when the line with the call moves to the next page) and, where one does not, starts the
call's paragraph on the next page and compiles again.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import typst

from ..tei import write_atomic
from . import xslt
from .base import Document, Renderer, Result
from .xslt import RenderError

P = "urn:edition:print"
TYPST_VERSION = "0.14"  # the Typst language the typst wheel (pinned in pyproject.toml) compiles
NAME = "edition.pdf"


class PdfRenderer(Renderer):
    name = "pdf"
    out_suffix = ".pdf"
    stylesheet = "print/print.xsl"

    def __init__(self, params: dict[str, str] | None = None, dated_by: list[Path] | None = None) -> None:
        super().__init__(params, dated_by)
        self.pdfa = "pdfa" in self.params and self.params["pdfa"].boolean_value
        self.misplaced: list[str] = []  # notes of the last book typeset that are not on their call's page

    def source(self) -> str:
        """The book as Typst source."""
        return self.call(f"{{{P}}}book")

    def write(self, docs: list[Document], out_dir: Path, result: Result) -> None:
        source = self.source()
        pdf = self.typeset(source, timestamp=self.epoch(docs))
        if self.misplaced:
            notes = ", ".join(self.misplaced)
            result.warnings.append(f"{len(self.misplaced)} notes could not be set on the page of their call: {notes}")
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / NAME
        write_atomic(target, pdf)
        result.written.append(target)

    def typeset(self, source: str, fixes: tuple[str, ...] = (), timestamp: int = 0) -> bytes:
        """Compile the source; where a footnote is not on the page of its call, break before the call.
        The PDF's dates are `timestamp`, so that the same sources give the same bytes; only the fonts the
        typst library embeds are used, whatever the machine has installed."""
        with tempfile.TemporaryDirectory(prefix="edition-print-") as tmp:
            root = Path(tmp)
            shutil.copyfile(xslt.xslt_dir() / "print" / "edition.typ", root / "edition.typ")
            main = root / "main.typ"
            main.write_text(source, encoding="utf-8")
            for attempt in range(4):
                # one compiler per attempt: the query reads the document the compilation laid out
                compiler = typst.Compiler(
                    str(main),
                    root=str(root),
                    ignore_system_fonts=True,
                    sys_inputs={"break-before-notes": ",".join(fixes)},
                )
                try:
                    pdf = compiler.compile(pdf_standards=["a-2b"] if self.pdfa else [], timestamp=timestamp)
                except Exception as exc:  # typst.TypstError: the source the stylesheet wrote does not compile
                    raise RenderError(f"Typst cannot typeset the book: {str(exc).strip()}") from exc
                self.misplaced = self.misplaced_notes(compiler)
                if not self.misplaced or attempt == 3:
                    return pdf
                fixes = tuple(sorted(set(fixes) | set(self.misplaced)))
        raise AssertionError("unreachable")

    @staticmethod
    def misplaced_notes(compiler: typst.Compiler) -> list[str]:
        """The notes whose entry is not on the page of their call, in the document `compiler` made."""
        calls: dict[str, int] = {}
        entries: dict[str, int] = {}
        for item in json.loads(compiler.query("<ed-note-place>")):
            value = item["value"]
            (calls if value["kind"] == "call" else entries)[value["key"]] = value["page"]
        return sorted(k for k, page in calls.items() if entries.get(k, page) != page)
