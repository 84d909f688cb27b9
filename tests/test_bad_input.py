"""Bad input: a clear `path:line: error:` message, exit 2, no output file; the rest of the batch converts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE

from toolchain.cli import main

BAD = Path(__file__).parent / "cases" / "document" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text()) if (BAD / "expected.json").is_file() else {}
FAULTS = sorted(name for name, e in EXPECTED.items() if not e.get("ok"))


@pytest.mark.parametrize("name", FAULTS)
def test_bad_input_is_reported_and_writes_nothing(name, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(BAD / name, src / name)
    shutil.copy(SAMPLE, src / "good.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 2, result.output
    expected = EXPECTED[name]
    prefix = f"{src / name}:{expected['line']}: error: "
    lines = [line for line in result.output.splitlines() if line.startswith(prefix)]
    assert lines, f"no '{prefix}…' in:\n{result.output}"
    assert expected["message_contains"].lower() in lines[0].lower()
    assert not (out / (Path(name).stem + ".xml")).exists()
    assert (out / "good.xml").is_file(), "the good file of the batch must still be converted"
    assert not list(out.glob(".*.tmp")), "no temporary file may be left behind"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("ok")))
def test_other_encodings_convert(name, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(BAD / name), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    tei = (tmp_path / (Path(name).stem + ".xml")).read_text(encoding="utf-8")
    assert any("\u0400" <= ch <= "\u04ff" for ch in tei)
    assert "windows-1251" in result.output


def test_unknown_format_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path), "--format", "nonesuch"])
    assert result.exit_code == 2
    assert "nonesuch" in result.output


def test_unrecognisable_text_needs_a_format(tmp_path):
    src = tmp_path / "plain.txt"
    src.write_text("Just a line of prose.\n\nAnother line.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{src}:1: error:" in result.output and "--format" in result.output
