"""Shared test machinery: --regen, case files, the reference TEI schema through jing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEI_ALL = SHARED / "tei-p5" / "tei_all.rng"
SAMPLES = ROOT / "transcripts"  # the bundled sample edition (copies of the seed transcripts)
SAMPLE = SAMPLES / "001_545f37247de4dac3.txt"
CASES = Path(__file__).parent / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen", action="store_true", help="rewrite golden files and case outputs from the code")


@pytest.fixture(scope="session")
def regen(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regen"))


# --- case files ----------------------------------------------------------------------

SECTION = re.compile(r"^#### (input|expect|output)[ \t]*$", re.M)


@dataclass
class Case:
    path: Path
    input: str
    expect: dict
    output: str | None

    @property
    def name(self) -> str:
        return self.path.stem

    def write_output(self, output: str) -> None:
        text = f"#### input\n{self.input}#### expect\n{json.dumps(self.expect, indent=2, ensure_ascii=False)}\n"
        self.path.write_text(text + f"#### output\n{output}", encoding="utf-8")


def load_case(path: Path) -> Case:
    raw = path.read_text(encoding="utf-8")
    parts = SECTION.split(raw)
    sections = {parts[i]: parts[i + 1].removeprefix("\n") for i in range(1, len(parts), 2)}
    expect = json.loads(sections["expect"]) if sections.get("expect", "").strip() else {}
    return Case(path, sections["input"], expect, sections.get("output"))


def case_files(reader: str) -> list[Path]:
    return sorted((CASES / reader).glob("*.case"))


@pytest.fixture(scope="session", autouse=True)
def schema_cache(tmp_path_factory):
    """Compiled schemas go to a folder of the test run, not the user's cache."""
    os.environ["EDITION_CACHE"] = str(tmp_path_factory.mktemp("schema-cache"))


# --- the reference schema ------------------------------------------------------------


def jing(paths: list[Path]) -> tuple[bool, str]:
    """Validate files against tei_all.rng with jing (one JVM for all of them)."""
    exe = shutil.which("jing")
    assert exe, "jing is not installed: ./run.sh installs it (Debian package jing)"
    proc = subprocess.run([exe, str(TEI_ALL), *map(str, paths)], capture_output=True, text=True)
    errors = "\n".join(line for line in proc.stdout.splitlines() if ": error:" in line or "fatal" in line)
    return proc.returncode == 0 and not errors, errors or proc.stdout + proc.stderr


@pytest.fixture(scope="session")
def tei_all() -> Path:
    if not TEI_ALL.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{TEI_ALL} is missing: CI must have shared/ beside the project")
        pytest.skip(f"the official TEI schema is not at {TEI_ALL} (it lives beside the project, not in it)")
    return TEI_ALL


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's), driven by playwright: one for the session."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "Debian's chromium is needed (./run.sh test installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()
