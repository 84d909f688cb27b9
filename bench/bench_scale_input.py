"""Benchmark: one input of growing size or of extreme shape, converted and validated; wall time, speed and
peak memory of each, and how they grow.

    .venv/bin/python bench/bench_scale_input.py [--sizes 1,5,20,50] [--shapes all]

The shapes:
- `transcript`: a speaker transcript of N MB (a title, a date and its participants, then numbered turns
  of four labels, each turn three sentences of the test case files, some with a bracket);
- `document`: a document page of N MB (the sample protocol's header, then its paragraphs, numbered);
- `line`: one line of N MB (prose without a line break);
- `paragraphs`: 100,000 short paragraphs;
- `nesting`: a paragraph of brackets nested 10,000 deep, and one of 200 KB in one bracket.
Each command is a process of its own (`edition convert`, then `edition validate` on its TEI), measured by
the kernel: wall time and peak resident memory of the largest process.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_scale import measured  # noqa: E402

CASES = ROOT / "tests" / "cases" / "transcript"
SAMPLE = ROOT / "transcripts" / "001_545f37247de4dac3.txt"
MB = 2**20


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", " ".join(text.split())) if len(s) > 20]


def transcript(size: int) -> str:
    """A title, a date and a participants line, then numbered turns of two speakers, to `size` bytes."""
    inputs = [c.read_text(encoding="utf-8").split("#### expect")[0] for c in sorted(CASES.glob("*.case"))]
    words = _sentences("\n".join(i.removeprefix("#### input\n") for i in inputs).replace("[]", ""))
    front = "Transcript of a Meeting\n\nJune 4, 1962\n\nParticipants: John Smith, Secretary of State; Mary Jones\n"
    out, total, i = [front], len(front), 0
    speakers = ("SMITH", "JONES", "The Secretary", "Ms. Jones")
    while total < size:
        words_of = " ".join(words[(i * 3 + k) % len(words)] for k in range(3))
        extra = " [laughs]" if i % 7 == 0 else " [inaudible]" if i % 11 == 0 else ""
        turn = f"{speakers[i % len(speakers)]}: ({i}) {words_of}{extra}\n"
        out.append(turn)
        total += len(turn.encode("utf-8"))
        i += 1
    return "\n".join(out)


def document(size: int) -> str:
    """The sample protocol's header, then its paragraphs, numbered, to `size` bytes."""
    text = SAMPLE.read_text(encoding="utf-8")
    head, sep, rest = text.partition("Point 1.")
    body = [p for p in rest.split("\n\n") if len(p) > 80 and not p.startswith("[")]
    out, total, i = [head + sep], len(head), 0
    while total < size:
        paragraph = f"({i}) {body[i % len(body)]}"
        out.append(paragraph)
        total += len(paragraph.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out)


def line(size: int) -> str:
    words = _sentences(SAMPLE.read_text(encoding="utf-8").partition("Point 1.")[2].partition("\n[1] ")[0])
    out, total, i = [], 0, 0
    while total < size:
        out.append(f"{words[i % len(words)]} ({i})")
        total += len(out[-1]) + 1
        i += 1
    return "Notes of a Meeting\n\n" + " ".join(out) + "\n"


def paragraphs(count: int) -> str:
    return "Notes of a Meeting\n\n" + "\n\n".join(f"Item {i}: the committee heard report {i}." for i in range(count))


def nesting() -> dict[str, str]:
    return {
        "nesting-10000-deep": "Notes of a Meeting\n\n" + "[" * 10_000 + "word" + "]" * 10_000 + "\n",
        "bracket-200-KB": "Notes of a Meeting\n\n[" + "words in one bracket " * 10_000 + "]\n",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,5,20,50", help="sizes in MB of the transcript, document and line")
    parser.add_argument("--shapes", default="transcript,document,line,paragraphs,nesting")
    parser.add_argument("--no-validate", action="store_true")
    args = parser.parse_args()
    shapes = set(args.shapes.split(","))
    sizes = [int(s) for s in args.sizes.split(",")]
    inputs: dict[str, str] = {}
    for name, make in (("transcript", transcript), ("document", document), ("line", line)):
        if name in shapes:
            inputs.update({f"{name}-{n}-MB": make(n * MB) for n in sizes})
    if "paragraphs" in shapes:
        inputs["paragraphs-100000"] = paragraphs(100_000)
    if "nesting" in shapes:
        inputs.update(nesting())
    edition = str(ROOT / ".venv" / "bin" / "edition")
    print(f"{'input':<22} {'MB':>6} {'convert s':>10} {'MB/s':>6} {'peak MiB':>9} {'validate s':>11} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, text in inputs.items():
            source = folder / f"{name}.txt"
            source.write_text(text, encoding="utf-8")
            mb = source.stat().st_size / MB
            out = folder / "tei"
            wall, peak, said = measured(
                [edition, "convert", "--no-registry", "-j", "1", "-o", str(out), str(source)], ROOT
            )
            tei = out / f"{name}.xml"
            if not tei.exists():
                print(f"{name:<22} {mb:6.1f}  not converted: {said.splitlines()[-1] if said else '?'}")
                continue
            row = f"{name:<22} {mb:6.1f} {wall:10.2f} {mb / wall:6.2f} {peak:9.0f}"
            if not args.no_validate:
                v_wall, v_peak, _ = measured([edition, "validate", str(tei)], ROOT)
                row += f" {v_wall:11.2f} {v_peak:9.0f}"
            print(row, flush=True)
            tei.unlink()
            source.unlink()


if __name__ == "__main__":
    main()
