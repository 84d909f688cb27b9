"""The sample transcripts: golden TEI (reviewed by hand, then compared), valid against tei_all."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, SAMPLES, jing
from helpers import convert, facts

GOLDEN = Path(__file__).parent / "golden"
DOCUMENT_SEEDS = ["000_76a20d9d4f7c8183", "001_545f37247de4dac3", "004_40ab3963a3b9c643"]


def normalise(data: bytes) -> str:
    text = unicodedata.normalize("NFC", data.decode("utf-8"))
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


@pytest.mark.parametrize("stem", DOCUMENT_SEEDS)
def test_seed_golden(stem, regen):
    tei, diagnostics = convert((SAMPLES / f"{stem}.txt").read_bytes(), f"{stem}.txt")
    golden = GOLDEN / f"{stem}.xml"
    if regen:
        golden.write_bytes(tei)
    assert golden.is_file(), "no golden file: run pytest --regen and review it"
    assert normalise(tei) == normalise(golden.read_bytes())
    assert [d for d in diagnostics if d.severity == "error"] == []


def test_seed_001_facts():
    """What the edition promises about Protocol No. 61, checked independently of the golden file."""
    tei, _ = convert(SAMPLE.read_bytes(), "001.txt")
    got = facts(tei)
    assert got["date"] == "1962-10-25"
    participants = {
        pid: role
        for pid, role in got["roles"].items()
        if role in {"member", "candidate", "secretary", "chair", "other"}
    }
    assert len(participants) == 15
    assert participants["khrushchev"] == "chair" and participants["grishin"] == "candidate"
    assert {"serov", "kennedy", "castro", "malin", "chernukha"} <= set(got["persons"])
    assert got["deletions"] == [
        {
            "text": 'To Cde. A. I. Mikoyan\'s question (in jest), "Why with a wooden one?" N. S. '
            "says, jokingly, that when a man goes bear hunting for the first time, he takes "
            "with him a wooden knife so that it will be easier to clean his trousers.",
            "hand": "serov",
        }
    ]
    assert got["supplied"] == ["trade", "for the Americans", "Cuba", "to give to", "October"]
    assert got["glosses"] == [["R-12", "SS-4"]]
    assert {"who": "mikoyan", "direct": True} in got["said"]
    assert got["closer"] == {"by": "serov", "date": "1962-10-25"}


def test_sample_edition_is_current(tmp_path):
    """tei/ holds what `edition build` makes of transcripts/ today (starting from the committed registry,
    whose ids are stable)."""
    import shutil

    from click.testing import CliRunner

    from toolchain.cli import main

    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    (tmp_path / "tei").mkdir()
    shutil.copy(ROOT / "tei" / "persons.xml", tmp_path / "tei" / "persons.xml")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    built = sorted(p.name for p in (tmp_path / "tei").glob("*.xml"))
    assert built == sorted(p.name for p in (ROOT / "tei").glob("*.xml")), "run ./run.sh build"
    for name in built:
        assert (tmp_path / "tei" / name).read_bytes() == (ROOT / "tei" / name).read_bytes(), (
            f"tei/{name} is stale: run ./run.sh build"
        )


def test_goldens_and_edition_valid_against_tei_all(tei_all):
    files = sorted(GOLDEN.glob("*.xml")) + sorted((ROOT / "tei").glob("*.xml"))
    assert files
    ok, errors = jing(files)
    assert ok, errors
