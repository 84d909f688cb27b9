"""Case files of one phenomenon each: a few lines of input, the XPath of what they give, and the TEI of
that alone, so that a change elsewhere (the header, another rule) does not fail them.

    tests/cases/<reader>/phenomena/<name>.case:
        #### input     the transcript, read with that reader
        #### select    XPath expressions (prefix tei:), one a line
        #### output    each node selected, serialised on its own line (rewritten by --regen; review it)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import CASES
from helpers import convert
from lxml import etree

from toolchain.tei import NS, TEI_NS, parse

PHENOMENA = sorted(CASES.glob("*/phenomena/*.case"))
SECTION = re.compile(r"^#### (input|select|output)[ \t]*$", re.M)


def sections(path: Path) -> dict[str, str]:
    parts = SECTION.split(path.read_text(encoding="utf-8"))
    return {parts[i]: parts[i + 1].removeprefix("\n") for i in range(1, len(parts), 2)}


def selected(tei: bytes, select: str) -> str:
    tree = parse(tei)
    out = []
    for expr in (line.strip() for line in select.splitlines()):
        if not expr:
            continue
        nodes = tree.xpath(expr, namespaces=NS)
        assert nodes, f"{expr} selects nothing"
        for node in nodes:
            if isinstance(node, etree._Element):
                text = etree.tostring(node, encoding="unicode", with_tail=False)
                out.append(text.replace(f' xmlns="{TEI_NS}"', ""))
            else:
                out.append(str(node))
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("path", PHENOMENA, ids=[f"{p.parts[-3]}/{p.stem}" for p in PHENOMENA])
def test_phenomenon(path, regen):
    case = sections(path)
    reader = path.parts[-3]
    tei, _ = convert(case["input"], path.stem + ".txt", format=reader)
    got = selected(tei, case["select"])
    if regen:
        path.write_text(f"#### input\n{case['input']}#### select\n{case['select']}#### output\n{got}", encoding="utf-8")
        return
    assert "output" in case, f"{path.name} has no output yet: run pytest --regen and review it"
    assert got == case["output"], f"{path}: the TEI of the phenomenon differs from the reviewed output (--regen)"


def test_every_reader_has_phenomena():
    assert {p.parts[-3] for p in PHENOMENA} >= {"document", "transcript", "bilingual", "listing"}


def test_every_phenomenon_is_valid_tei(tei_all, tmp_path):
    from conftest import jing

    files = []
    for path in PHENOMENA:
        tei, _ = convert(sections(path)["input"], path.stem + ".txt", format=path.parts[-3])
        out = tmp_path / f"{path.parts[-3]}-{path.stem}.xml"
        out.write_bytes(tei)
        files.append(out)
    ok, errors = jing(files)
    assert ok, errors
