"""Benchmark: typeset the printed book.

    .venv/bin/python bench/bench_pdf.py [--n 12]

Prints
  cold    the sample edition (tei/) typeset by a fresh process: Python start, Saxon, stylesheet
          compilation, the Typst source, Typst's compilation (run as a subprocess, so nothing is warm);
  book    a synthetic edition of N documents (copies of the sample's protocol and bilingual telegram, each
          with its own title; 12 make a book of about 100 pages) typeset by a process that has compiled the
          stylesheets: the XSLT writing the Typst source, Typst's compilation (with the footnote check and
          any recompilation), the whole, and pages per second. The first run, then the best of three more
          (Typst keeps what it laid out in memory, so a later run of the same book is faster).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import cold, synthesise  # noqa: E402


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=12, help="synthetic documents (default 12: about 100 pages)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inner, wall = cold("pdf", tmp / "cold")
        print(
            f"cold    sample edition ({pages(tmp / 'cold' / 'edition.pdf')} pages): {inner:.2f} s "
            f"in the process (imports, Saxon, compilation, source, Typst); {wall:.2f} s with Python's start"
        )

        from toolchain.render import expand
        from toolchain.render.base import source_epoch
        from toolchain.render.pdf import PdfRenderer

        src = tmp / "synthetic"
        src.mkdir()
        synthesise(src, args.n)
        renderer = PdfRenderer()
        runs = []
        for _ in range(4):
            started = time.perf_counter()
            docs = renderer.load(expand([src]))
            renderer.set_edition(docs)
            source = renderer.source()
            xslt_done = time.perf_counter()
            pdf = renderer.typeset(source, timestamp=source_epoch(expand([src])))
            done = time.perf_counter()
            runs.append((done - started, xslt_done - started, done - xslt_done))
        out = tmp / "book.pdf"
        out.write_bytes(pdf)
        n = pages(out)
        print(f"book    {args.n} documents, {n} pages, {len(source) / 1024:.0f} KiB of Typst source")
        for label, (total, xslt, typeset) in (("first", runs[0]), ("best", min(runs[1:]))):
            print(
                f"  {label:6}{total:.2f} s (XSLT with parsing {xslt:.2f} s, Typst {typeset:.2f} s); "
                f"{n / total:.0f} pages/s"
            )


if __name__ == "__main__":
    main()
