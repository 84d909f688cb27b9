"""Case files of the document reader: a transcript, hand-made expectations, and the TEI it gives."""

from __future__ import annotations

import pytest
from conftest import case_files, load_case
from helpers import check_case_output, convert, facts

from toolchain.tei import parse

CASES = case_files("document")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_output(path, regen):
    check_case_output(path, regen)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case_expectations(path):
    case = load_case(path)
    tei, _ = convert(case.input, path.stem + ".txt")
    got = facts(tei)
    expect = case.expect
    for key in ("title", "date", "lang", "original_lang"):
        if key in expect:
            assert got[key] == expect[key], key
    if "persons" in expect:
        assert sorted(got["persons"]) == sorted(expect["persons"]), "person ids"
        for pid, name in expect["persons"].items():
            assert name in got["persons"][pid], f"{pid}: {name!r} not among {got['persons'][pid]}"
    for pid, role in expect.get("participants", {}).items():
        assert got["roles"].get(pid) == role, f"role of {pid}"
    for pid, count in expect.get("mentions", {}).items():
        assert got["mentions"].get(pid, 0) == count, f"mentions of {pid}"
    for key in ("deletions", "supplied", "glosses", "notes", "said", "closer"):
        if key in expect:
            assert got[key] == expect[key], key


def test_every_case_is_valid_tei(tei_all, tmp_path):
    from conftest import jing

    files = []
    for path in CASES:
        tei, _ = convert(load_case(path).input, path.stem + ".txt")
        parse(tei)
        out = tmp_path / f"{path.stem}.xml"
        out.write_bytes(tei)
        files.append(out)
    ok, errors = jing(files)
    assert ok, errors
