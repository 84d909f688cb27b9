"""The sample transcripts: golden TEI (reviewed by hand, then compared), valid against tei_all."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, SAMPLES, jing
from helpers import convert, facts

GOLDEN = Path(__file__).parent / "golden"
DOCUMENT_SEEDS = ["001_545f37247de4dac3"]


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


def test_sample_edition_is_current():
    """tei/ holds what the converter makes of transcripts/ today."""
    for source in sorted((ROOT / "transcripts").glob("*.txt")):
        tei, _ = convert(source.read_bytes(), source.name)
        committed = ROOT / "tei" / f"{source.stem}.xml"
        assert committed.is_file(), f"{committed} missing: run ./run.sh build"
        assert tei == committed.read_bytes(), f"{committed} is stale: run ./run.sh build"


def test_goldens_and_edition_valid_against_tei_all(tei_all):
    files = sorted(GOLDEN.glob("*.xml")) + sorted((ROOT / "tei").glob("*.xml"))
    assert files
    ok, errors = jing(files)
    assert ok, errors
