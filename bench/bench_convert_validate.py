"""Benchmark: synthesise N transcripts by varying the sample, then convert and validate them.

    .venv/bin/python bench/bench_convert_validate.py [--n 1000] [--jobs 2] [--genre document|transcript]

`document` varies the sample's Presidium protocol; `transcript` varies the speaker-labelled case files
of the tests (date, year, order of their turns).

Prints documents per second for convert and for validate, and peak memory (RSS) of the main
process and of the worker processes.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from toolchain.convert import Options, convert_many  # noqa: E402
from toolchain.readers.conventions import DEFAULT  # noqa: E402
from toolchain.validate import validate_many, validator  # noqa: E402

SAMPLE = ROOT / "transcripts" / "001_545f37247de4dac3.txt"
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
SURNAMES = [
    "Brezhnev",
    "Kozlov",
    "Kosygin",
    "Mikoyan",
    "Polyansky",
    "Suslov",
    "Shvernik",
    "Grishin",
    "Demichev",
    "Ilichev",
    "Ponomarev",
    "Shelepin",
    "Gromyko",
    "Kuznetsov",
    "Malinovsky",
    "Zakharov",
    "Biryuzov",
]


def synthesise(n: int, folder: Path, seed: int = 1962) -> list[Path]:
    """Vary the sample: date, protocol number, paragraph order and count, persons renamed."""
    rng = random.Random(seed)
    text = SAMPLE.read_text(encoding="utf-8")
    head, sep, rest = text.partition("Point 1.")
    body, _, notes = rest.partition("\n[1] ")
    paragraphs = [p for p in body.split("\n\n")[1:] if p.strip() and not p.startswith("Notes taken")]
    closer = next(p for p in body.split("\n\n") if p.startswith("Notes taken"))
    out = []
    for i in range(n):
        month, day, year = rng.choice(MONTHS), rng.randint(1, 28), rng.randint(1955, 1970)
        doc = head.replace("October 25, 1962", f"{month} {day}, {year}").replace("No. 61", f"No. {i + 1}")
        for old in rng.sample(SURNAMES[:12], 3):
            doc = doc.replace(old, rng.choice(SURNAMES[12:]))
        chosen = paragraphs[:2] + rng.sample(paragraphs[2:], rng.randint(3, len(paragraphs) - 2))
        first_line, _, _ = body.partition("\n\n")
        doc += sep + first_line + "\n\n" + "\n\n".join(chosen) + "\n\n" + closer + "\n\n[1] " + notes
        path = folder / f"doc{i:05d}.txt"
        path.write_text(doc, encoding="utf-8")
        out.append(path)
    return out


def synthesise_transcripts(n: int, folder: Path, seed: int = 1964) -> list[Path]:
    """Vary the speaker-labelled case files: the year, and the order of the turns after the first."""
    rng = random.Random(seed)
    cases = sorted((ROOT / "tests" / "cases" / "transcript").glob("*.case"))
    inputs = [c.read_text(encoding="utf-8").split("#### expect")[0].removeprefix("#### input\n") for c in cases]
    out = []
    for i in range(n):
        text = inputs[i % len(inputs)]
        year = str(rng.randint(1955, 1970))
        for old in ("1962", "1963", "1964", "1965", "1968", "1971"):
            text = text.replace(old, year)
        paragraphs = text.split("\n\n")
        # keep the front matter (the first five paragraphs) and the notes; shuffle some middle turns
        middle = paragraphs[6:-3]
        if len(middle) > 4:
            k = rng.randrange(len(middle) - 2)
            middle[k], middle[k + 1] = middle[k + 1], middle[k]
        doc = "\n\n".join(paragraphs[:6] + middle + paragraphs[-3:])
        path = folder / f"tr{i:05d}.txt"
        path.write_text(doc, encoding="utf-8")
        out.append(path)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--genre", choices=["document", "transcript"], default="document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        (tmp_path / "in").mkdir()
        make = synthesise_transcripts if args.genre == "transcript" else synthesise
        sources = make(args.n, tmp_path / "in")
        t0 = time.perf_counter()
        results = convert_many(sources, tmp_path / "tei", Options(DEFAULT), jobs=args.jobs)
        t1 = time.perf_counter()
        failed = [r for r in results if r.output is None]
        written = [Path(r.output) for r in results if r.output]
        t2 = time.perf_counter()
        validator()  # the main process's own compile, as `edition validate` does
        reports = validate_many(written, jobs=args.jobs)
        t3 = time.perf_counter()
        invalid = sum(1 for _, diags in reports if any(d.severity == "error" for d in diags))
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"documents:  {args.n} ({len(failed)} failed to convert, {invalid} invalid)")
    print(f"convert:    {t1 - t0:6.2f} s  {args.n / (t1 - t0):7.0f} docs/s")
    print(f"validate:   {t3 - t2:6.2f} s  {len(written) / (t3 - t2):7.0f} docs/s")
    print(f"peak RSS:   main {own:.0f} MiB, largest worker {children:.0f} MiB")


if __name__ == "__main__":
    main()
