"""What the render benchmarks share: a synthetic edition, and the sample edition rendered cold."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COLD = """
import time, sys
t = time.perf_counter()
from pathlib import Path
from toolchain.render import expand, get
get(sys.argv[1])().render(expand([Path(sys.argv[2])]), Path(sys.argv[3]))
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


def cold(target: str, out_dir: Path) -> tuple[float, float]:
    """The sample edition (tei/) rendered as `target` by a fresh process (Python start, imports, Saxon,
    stylesheet compilation, the output): seconds in the process, and with Python's start."""
    wall = time.perf_counter()
    inner = subprocess.run(
        [sys.executable, "-c", COLD, target, str(ROOT / "tei"), str(out_dir)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return float(inner.stdout), time.perf_counter() - wall
