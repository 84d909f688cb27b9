"""Benchmark: render the HTML edition.

    .venv/bin/python bench/bench_render.py [--n 1000]

Prints
  cold    the sample edition (tei/) rendered by a fresh process: Python start, Saxon start, stylesheet
          compilation, every page (run as a subprocess, so nothing is warm);
  warm    N synthetic documents (copies of the sample's two documents, each with its own file name and
          title) rendered one document page at a time by a process that has compiled the stylesheets:
          milliseconds per document (median, mean, best);
  edition all pages of that N-document edition (documents, home, persons, about, search index) in one run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import cold, synthesise  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="synthetic documents (default 1000)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inner, wall = cold("html", tmp / "cold")
        print(
            f"cold    sample edition ({len(list((ROOT / 'tei').glob('*.xml')))} TEI files): "
            f"{inner:.2f} s in the process (imports, Saxon, compilation, pages); "
            f"{wall:.2f} s with Python's start"
        )

        from toolchain.render import HtmlRenderer, expand

        src = tmp / "synthetic"
        src.mkdir()
        synthesise(src, args.n)
        renderer = HtmlRenderer()
        started = time.perf_counter()
        docs = renderer.load(expand([src]))
        load = time.perf_counter() - started
        renderer.set_edition(docs)
        pages = [d for d in docs if d.kind == "document"]
        renderer.document_page(pages[0])  # warm up
        times = []
        by_shape: dict[int, list[float]] = {0: [], 1: []}
        size = 0
        for d in pages:
            t = time.perf_counter()
            size += len(renderer.document_page(d))
            times.append((time.perf_counter() - t) * 1000)
            by_shape[int(d.stem.rsplit("-", 1)[1]) % 2].append(times[-1])
        print(
            f"warm    {len(pages)} document pages: median {statistics.median(times):.2f} ms, "
            f"mean {statistics.mean(times):.2f} ms, "
            f"best {min(times):.2f} ms per document ({size / len(pages) / 1024:.0f} KiB each); "
            f"parsing {len(docs)} files {load * 1000 / len(docs):.2f} ms each"
        )

        for shape, name in ((0, "minutes, 14 KB TEI"), (1, "bilingual, 68 KB TEI")):
            print(f"        {name}: median {statistics.median(by_shape[shape]):.2f} ms")

        result = HtmlRenderer().render(expand([src]), tmp / "edition")
        print(
            f"edition {len(result.written)} files for {len(pages)} documents in {result.seconds:.2f} s "
            f"({result.seconds * 1000 / len(pages):.2f} ms per document, all pages)"
        )


if __name__ == "__main__":
    main()
