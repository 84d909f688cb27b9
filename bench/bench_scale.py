"""Benchmark: editions of many documents, built stage by stage; each stage's wall time, peak memory and
output, and how they grow with the edition.

    .venv/bin/python bench/bench_scale.py [--sizes 1000,10000] [--formats html,epub] [--jobs 2]

An edition of N transcripts is synthesised: 70 % document pages (the sample's protocol, its date, number,
persons and paragraphs varied), 20 % speaker transcripts (the test case files, their years and turns
varied), 10 % bilingual telegrams (the sample's, its date varied); then `edition build` runs on it, and
runs again with nothing changed (the no-op rebuild) and with one transcript changed. Each command is a
process of its own, measured by the kernel (wall time, peak resident memory of the largest process).
The book (`pdf`) is left out unless asked for: its memory grows with the edition.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_convert_validate import synthesise, synthesise_transcripts  # noqa: E402

BILINGUAL = ROOT / "transcripts" / "004_40ab3963a3b9c643.txt"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]  # fmt: skip


def synthesise_bilingual(n: int, folder: Path, seed: int = 1966) -> None:
    rng = random.Random(seed)
    text = BILINGUAL.read_text(encoding="utf-8")
    for i in range(n):
        day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(1955, 1970)
        doc = re.sub(r"November 20, 1962", f"{month} {day}, {year}", text)
        (folder / f"bi{i:05d}.txt").write_text(doc, encoding="utf-8")


def edition(n: int, folder: Path) -> None:
    (folder / "transcripts").mkdir(parents=True)
    documents, transcripts = n * 7 // 10, n * 2 // 10
    synthesise(documents, folder / "transcripts")
    synthesise_transcripts(transcripts, folder / "transcripts")
    synthesise_bilingual(n - documents - transcripts, folder / "transcripts")


def measured(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MiB) of the largest process, and what the command said."""
    started = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M", *command], cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    peak = int(lines[-1]) / 1024 if lines and lines[-1].isdigit() else float("nan")
    return wall, peak, "\n".join(lines[:-1])


def size(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20 if path.exists() else 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--formats", default="html,epub")
    args = parser.parse_args()
    edition_cli = [str(ROOT / ".venv" / "bin" / "edition")]
    formats = set(args.formats.split(","))
    skip = [f"--no-{f}" for f in ("html", "pdf", "epub") if f not in formats]
    print(f"{'documents':>10} {'stage':<22} {'wall s':>8} {'peak MiB':>9} {'output MiB':>11}")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            edition(n, root)
            for stage, command in (
                ("convert + validate", [*edition_cli, "build", "--root", ".", "--no-html", "--no-pdf", "--no-epub"]),
                ("render " + args.formats, [*edition_cli, "build", "--root", ".", *skip]),
                ("no-op rebuild", [*edition_cli, "build", "--root", ".", *skip]),
            ):
                wall, peak, _ = measured(command, root)
                out = size(root / "tei") if stage.startswith("convert") else size(root / "build")
                print(f"{n:>10} {stage:<22} {wall:>8.2f} {peak:>9.0f} {out:>11.1f}", flush=True)
            changed = root / "transcripts" / "doc00001.txt"
            changed.write_text(changed.read_text(encoding="utf-8").replace("Point 1.", "Point 1 (revised)."), "utf-8")
            wall, peak, _ = measured([*edition_cli, "build", "--root", ".", *skip], root)
            print(f"{n:>10} {'one transcript changed':<22} {wall:>8.2f} {peak:>9.0f} {size(root / 'build'):>11.1f}")


if __name__ == "__main__":
    main()
