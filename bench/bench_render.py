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
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = """
import time, sys
t = time.perf_counter()
from pathlib import Path
from toolchain.render import HtmlRenderer, expand
HtmlRenderer().render(expand([Path(sys.argv[1])]), Path(sys.argv[2]))
print(time.perf_counter() - t)
"""


def synthesise(folder: Path, n: int) -> None:
    """n documents from the sample's two, plus the persons registry they point to."""
    sources = [
        (ROOT / "tei" / name).read_text(encoding="utf-8")
        for name in ("001_545f37247de4dac3.xml", "004_40ab3963a3b9c643.xml")
    ]
    for i in range(n):
        text = sources[i % 2]
        text = re.sub(r'(<title type="main">)', rf"\1No. {i}: ", text, count=1)
        (folder / f"synthetic-{i:05d}.xml").write_text(text, encoding="utf-8")
    (folder / "persons.xml").write_text((ROOT / "tei" / "persons.xml").read_text(encoding="utf-8"), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="synthetic documents (default 1000)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        wall = time.perf_counter()
        inner = subprocess.run(
            [sys.executable, "-c", COLD, str(ROOT / "tei"), str(tmp / "cold")],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        wall = time.perf_counter() - wall
        print(
            f"cold    sample edition ({len(list((ROOT / 'tei').glob('*.xml')))} TEI files): "
            f"{float(inner.stdout):.2f} s in the process (imports, Saxon, compilation, pages); "
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
