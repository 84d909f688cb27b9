"""Benchmark: align the sample's English translation to its OCR'd Russian original, N times.

    .venv/bin/python bench/bench_align.py [--n 200] [--warm]

Prints milliseconds per alignment (median and best), and the same for a 60 x 60 paragraph input built
from the sample. Name keys are cached between calls; by default the cache is emptied before each run,
so every run pays for them as a first document would; --warm keeps it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from test_align import SEED, sample_units  # noqa: E402

from toolchain.readers.align import align, name_key  # noqa: E402


def measure(original: Sequence[str], translation: Sequence[str], n: int, warm: bool) -> list[float]:
    times = []
    for _ in range(n):
        if not warm:
            name_key.cache_clear()
        t0 = time.perf_counter()
        align(original, translation)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200, help="alignments to time")
    parser.add_argument("--warm", action="store_true", help="keep the name-key cache between runs")
    args = parser.parse_args()
    if not SEED.is_file():
        sys.exit(f"{SEED} not found")
    original, translation = ([text for _, text in units] for units in sample_units())
    inputs = {
        f"sample {len(translation)} x {len(original)}": (original, translation),
        "60 x 60": ((original * 2)[:60], (translation * 2)[:60]),
    }
    for label, (o, t) in inputs.items():
        times = measure(o, t, args.n, args.warm)
        print(f"{label:14} {statistics.median(times):6.1f} ms/alignment (best {min(times):.1f}, {args.n} runs)")


if __name__ == "__main__":
    main()
