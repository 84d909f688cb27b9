"""Benchmark: `edition validate --schema tei_all.rng` (RELAX NG and its embedded Schematron) against jing
(RELAX NG alone) on the same TEI files of others, each command a whole process.

    .venv/bin/python bench/bench_validate_schema.py [--n 300] [--runs 5] [--schema ../shared/tei-p5/tei_all.rng]

The files are synthesised from the test fixtures of other projects' TEI and the edition's golden files,
grown to about 20 KB each by repeating body divisions (ids dropped). Prints the median wall time of each
command, their ratio, and the time to the first diagnostic of one invalid file with a warm cache.
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
EDITION = ROOT / ".venv" / "bin" / "edition"
PARSER = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False)
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def synthesise(n: int, folder: Path, size: int = 20_000, seed: int = 300) -> list[Path]:
    rng = random.Random(seed)
    sources = sorted((ROOT / "tests" / "golden").glob("*.xml")) + sorted(
        (ROOT / "tests" / "schema" / "valid").glob("*.xml")
    )
    out = []
    for i in range(n):
        tree = etree.parse(str(rng.choice(sources)), PARSER)
        body = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
        while body is not None and len(etree.tostring(tree)) < size:
            parts = [k for k in body if isinstance(k.tag, str)]
            if not parts:
                break
            part = copy.deepcopy(rng.choice(parts))
            for node in part.iter():
                node.attrib.pop(XML_ID, None)
            body.append(part)
        path = folder / f"f{i:03d}.xml"
        tree.write(str(path), encoding="utf-8")
        out.append(path)
    return out


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--schema", type=Path, default=ROOT.parent / "shared" / "tei-p5" / "tei_all.rng")
    args = parser.parse_args()
    jing = shutil.which("jing")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = synthesise(args.n, folder)
        size = sum(f.stat().st_size for f in files) / len(files) / 1000
        ours = [str(EDITION), "validate", "--schema", str(args.schema), str(folder)]
        subprocess.run(ours, capture_output=True, check=False)  # the schema compiled and cached once
        edition = timed(ours, args.runs)
        print(f"files:            {len(files)} of {size:.1f} KB on average")
        print(f"edition validate: {edition:6.2f} s  (RELAX NG and the {args.schema.name} Schematron)")
        if jing:
            reference = timed([jing, str(args.schema), *map(str, files)], args.runs)
            print(f"jing:             {reference:6.2f} s  (RELAX NG only)")
            print(f"ratio:            {edition / reference:6.2f}")
        bad = ROOT / "tests" / "schema" / "invalid" / "stray_element.xml"
        single = timed([str(EDITION), "validate", "--schema", str(args.schema), str(bad)], args.runs)
        print(f"one invalid file: {single:6.2f} s  (warm cache, the whole process)")
    sys.exit(0)


if __name__ == "__main__":
    main()
