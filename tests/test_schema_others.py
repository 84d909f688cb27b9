"""`edition validate --schema tei_all.rng` on TEI written by others: the engine agrees with jing, file by
file, on valid files and on files broken in every way a hand edit breaks them; messages name the place."""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT
from lxml import etree

from toolchain.cli import main
from toolchain.validate.schemas import Schema

FIXTURES = Path(__file__).parent / "schema"
PARSER = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False)


@pytest.fixture(scope="module")
def schema(tei_all) -> Schema:
    return Schema(tei_all)


def _jing_invalid(tei_all: Path, paths: list[Path]) -> set[str]:
    exe = shutil.which("jing")
    assert exe, "jing is not installed: ./run.sh installs it (Debian package jing)"
    proc = subprocess.run([exe, str(tei_all), *map(str, paths)], capture_output=True, text=True)
    return {m.group(1) for m in re.finditer(r"^(.+?\.xml):\d+:\d+: (?:fatal )?error:", proc.stdout, re.M)}


def _mutants(folder: Path, n: int, seed: int) -> list[Path]:
    """Valid TEI (the edition's own and others'), each broken or reshaped once, as a hand edit would."""
    rng = random.Random(seed)
    sources = sorted((ROOT / "tests" / "golden").glob("*.xml")) + sorted((FIXTURES / "valid").glob("*.xml"))
    out = []
    for k in range(n):
        tree = etree.parse(str(rng.choice(sources)), PARSER)
        elements = [e for e in tree.iter() if isinstance(e.tag, str)][1:]
        e = rng.choice(elements)
        parent = e.getparent()
        op = rng.choice(["delete", "duplicate", "swap", "unwrap", "attribute", "drop-attribute", "text", "rename"])
        if op == "delete":
            parent.remove(e)
        elif op == "duplicate":
            twin = copy.deepcopy(e)
            twin.tail = None
            for node in twin.iter():
                node.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
            parent.insert(parent.index(e), twin)
        elif op == "swap" and isinstance(getattr(e.getnext(), "tag", None), str):
            sibling = e.getnext()
            parent.remove(sibling)
            parent.insert(parent.index(e), sibling)
        elif op == "unwrap":
            i = parent.index(e)
            for child in list(e):
                parent.insert(i, child)
                i += 1
            parent.remove(e)
        elif op == "attribute":
            e.set(rng.choice(["n", "type", "when", "rend", "foo"]), rng.choice(["x", "1962", "12", "a b"]))
        elif op == "drop-attribute" and e.attrib:
            del e.attrib[rng.choice(sorted(e.attrib))]
        elif op == "text":
            e.text = (e.text or "") + " words"
        elif op == "rename":
            e.tag = e.tag.rsplit("}", 1)[0] + "}" + rng.choice(["p", "seg", "note", "head", "div", "date", "foo"])
        path = folder / f"m{k:03d}.xml"
        tree.write(str(path), encoding="utf-8")
        try:
            etree.parse(str(path), PARSER)
        except etree.XMLSyntaxError:  # e.g. an id made twice: not a schema question
            path.unlink()
            continue
        out.append(path)
    return out


def test_the_engine_agrees_with_jing_file_by_file(schema, tei_all, tmp_path):
    files = _mutants(tmp_path, 160, seed=15) + sorted((FIXTURES / "valid").glob("*.xml"))
    files += sorted((FIXTURES / "invalid").glob("*.xml"))
    rejected = _jing_invalid(tei_all, files)
    assert 30 < len(rejected) < len(files) - 30  # both kinds are there
    ours = {str(p) for p in files if schema.problems(etree.parse(str(p), PARSER))}
    assert ours == rejected, {"ours only": sorted(ours - rejected), "jing only": sorted(rejected - ours)}


def test_valid_tei_of_other_projects_passes(tei_all):
    result = CliRunner().invoke(main, ["validate", "--schema", str(tei_all), str(FIXTURES / "valid")])
    assert result.exit_code == 0, result.output


def _validate(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(main, ["validate", *args], input=stdin)


def test_a_stray_element_is_reported_at_its_line_with_what_is_allowed(tei_all, tmp_path):
    doc = (ROOT / "tests" / "golden" / "001_545f37247de4dac3.xml").read_text(encoding="utf-8")
    lines = doc.splitlines()
    k = next(i for i, line in enumerate(lines) if "<p " in line and "</p>" in line)
    lines[k] = lines[k].replace("</p>", "<foo>x</foo></p>")
    (tmp_path / "d.xml").write_text("\n".join(lines), encoding="utf-8")
    result = _validate("--schema", str(tei_all), str(tmp_path / "d.xml"))
    assert result.exit_code == 1
    line = next(x for x in result.output.splitlines() if "foo" in x)
    assert re.match(
        rf".*d\.xml:{k + 1}:\d+: error: element \"foo\" is not defined in the schema; allowed inside \"p\": "
        r"abbr, add, .*, … \(\d+ more\) \[rng\]$",
        line,
    ), line


def test_standard_input_json_and_fail_on(tei_all):
    bad = (FIXTURES / "invalid" / "unknown_attribute.xml").read_bytes()
    result = _validate("--schema", str(tei_all), "--format", "json", "-", stdin=bad)
    assert result.exit_code == 1
    data = json.loads(result.output[: result.output.rindex("}") + 1])
    assert data["checked"] == ["-"] and data["diagnostics"][0]["rule"] == "rng"
    assert "colour" in data["diagnostics"][0]["message"]
    assert _validate("--schema", str(tei_all), "--fail-on", "never", "-", stdin=bad).exit_code == 0
    good = (FIXTURES / "valid" / sorted(p.name for p in (FIXTURES / "valid").glob("*.xml"))[0]).read_bytes()
    assert _validate("--schema", str(tei_all), "-", stdin=good).exit_code == 0


def test_the_schema_named_in_edition_toml(tei_all, tmp_path, monkeypatch):
    shutil.copy(FIXTURES / "invalid" / "stray_element.xml", tmp_path / "x.xml")
    monkeypatch.chdir(tmp_path)
    assert "[xsd]" in _validate("x.xml").output  # without a schema: the edition's own
    (tmp_path / "edition.toml").write_text(f'[validate]\nschema = "{tei_all}"\n', encoding="utf-8")
    result = _validate("x.xml")
    assert result.exit_code == 1 and '"foo" is not defined' in result.output and "[rng]" in result.output
    (tmp_path / "edition.toml").write_text('[validate]\nschemas = "x.rng"\n', encoding="utf-8")
    result = _validate("x.xml")
    assert result.exit_code == 2 and "edition.toml:2: error: [validate]: unknown name 'schemas'" in result.output


def test_a_project_xsd(tmp_path):
    golden = ROOT / "tests" / "golden" / "001_545f37247de4dac3.xml"
    assert _validate("--schema", str(ROOT / "schema" / "edition.xsd"), str(golden)).exit_code == 0


def test_a_schema_that_is_not_one(tmp_path):
    (tmp_path / "s.rng").write_text("<notagrammar/>", encoding="utf-8")
    result = _validate("--schema", str(tmp_path / "s.rng"), str(FIXTURES / "valid"))
    assert result.exit_code == 2 and "not a RELAX NG grammar" in result.output


@pytest.mark.parametrize(
    ("name", "code", "said"),
    [
        ("billion_laughs.xml", 1, "entities expand too much"),
        ("xxe_file_passwd.xml", 1, "external entities are not read"),
        ("external_dtd_remote.xml", 0, "is not read (no network, no external files) [xml-dtd]"),
    ],
)
def test_hostile_xml_is_refused_in_words(tei_all, name, code, said):
    result = _validate("--schema", str(tei_all), str(FIXTURES / "hostile" / name))
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert result.exit_code == code and said in result.output, result.output
    assert "root:" not in result.output


MANIFEST = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))["files"]


def _check(tei_all: Path, relative: str):
    from toolchain.validate import validator

    return validator(str(tei_all)).check_file(FIXTURES / relative)


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["category"] == "invalid"], ids=lambda e: e["file"])
def test_each_invalid_file_has_one_error_where_it_is(tei_all, entry):
    found = _check(tei_all, entry["file"])
    assert len(found) == 1 and found[0].rule == "rng", found
    assert found[0].line in (entry["line"], entry.get("jing_line")), (found, entry)


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["category"] == "schematron"], ids=lambda e: e["file"])
def test_a_schematron_rule_of_tei_all_that_jing_misses(tei_all, entry):
    """jing passes these files; the rules tei_all carries do not: an error (a warning if the rule is
    nonfatal or a warning) at the line of the element, with the rule's own message."""
    found = _check(tei_all, entry["file"])
    rule = entry["rule"]
    assert [d.rule for d in found] == [rule["pattern_id"]], found
    assert found[0].severity == ("warning" if rule["severity"] in ("warning", "nonfatal") else "error")
    assert found[0].line == entry["line"]
    assert "[" not in found[0].message  # value-of and name evaluated


def test_the_twin_of_each_schematron_file_passes(tei_all):
    for path in sorted((FIXTURES / "schematron" / "passes").glob("*.xml")):
        assert _check(tei_all, str(path.relative_to(FIXTURES))) == [], path


def test_a_schematron_file_of_the_project(tei_all, tmp_path):
    rules = tmp_path / "house.sch"
    rules.write_text(
        """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:h="urn:house">
          <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
          <ns prefix="h" uri="urn:house"/>
          <xsl:function name="h:caps"><xsl:param name="rend"/><xsl:sequence select="$rend = 'caps'"/></xsl:function>
          <pattern id="house">
            <rule context="tei:p[@rend]"><report test="h:caps(@rend)" id="no-caps" role="warning">No caps in
              <name/>: <value-of select="string-join(tokenize(@rend, ' '), '+')"/></report></rule>
            <rule context="tei:p"><assert test="normalize-space(.)" id="p-not-empty">An empty paragraph</assert></rule>
          </pattern>
          <pattern id="attributes">
            <rule context="tei:p/@rend"><report test=". = 'shout'" id="no-shout">Do not shout</report></rule>
          </pattern>
        </schema>""",
        encoding="utf-8",
    )
    doc = tmp_path / "d.xml"
    text = (FIXTURES / "valid" / "letter_correspdesc.xml").read_text(encoding="utf-8")
    body = text.index("<body>") + len("<body>")
    doc.write_text(text[:body] + '<p rend="caps">A</p><p/><p rend="shout">B</p>' + text[body:], encoding="utf-8")
    result = _validate("--schema", str(tei_all), "--schematron", str(rules), str(doc))
    assert "warning: No caps in p: caps [no-caps]" in result.output, result.output
    assert "error: An empty paragraph [p-not-empty]" in result.output
    assert "error: Do not shout [no-shout]" in result.output  # a rule on an attribute: only @rend is visited
    assert result.exit_code == 1


def test_sarif_and_the_summary_line(tei_all, tmp_path):
    sarif = tmp_path / "r.sarif"
    folder = tmp_path / "tei"
    shutil.copytree(FIXTURES / "invalid", folder)
    shutil.copy(folder / "stray_element.xml", folder / "stray_again.xml")
    result = _validate("--schema", str(tei_all), "--format", "sarif", "--sarif", str(sarif), str(folder))
    data = json.loads(sarif.read_text(encoding="utf-8"))
    assert json.loads(result.stdout) == data and data["version"] == "2.1.0"
    results = data["runs"][0]["results"]
    assert len(results) == len(list(folder.glob("*.xml")))
    first = results[0]
    assert first["level"] == "error" and first["ruleId"] == "rng"
    assert first["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert data["runs"][0]["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "rng"
    assert "12 checked, 0 valid, 12 invalid (12 errors, 0 warnings)" in result.stderr
    assert 'most frequent: 2× element "foo" is not defined in the schema; 1× ' in result.stderr


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


def test_only_the_files_changed_since_a_revision_and_only_tei(tei_all, tmp_path, monkeypatch):
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "e@example.org")
    _git(tmp_path, "config", "user.name", "E")
    for name in ("a.xml", "b.xml"):
        shutil.copy(FIXTURES / "valid" / "play.xml", tmp_path / name)
    (tmp_path / "pom.xml").write_text("<project/>", encoding="utf-8")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "first")
    shutil.copy(FIXTURES / "invalid" / "stray_element.xml", tmp_path / "b.xml")  # changed
    shutil.copy(FIXTURES / "valid" / "msdesc.xml", tmp_path / "c.xml")  # new
    monkeypatch.chdir(tmp_path)
    result = _validate("--schema", str(tei_all), "--changed-since", "HEAD", "--tei-only", ".")
    assert "2 checked, 1 valid, 1 invalid" in result.stderr and "b.xml:" in result.stdout
    assert "pom.xml" not in result.output
    assert "2 checked" in _validate("--schema", str(tei_all), "--tei-only", "a.xml", "b.xml", "pom.xml").stderr
    assert _validate("--changed-since", "no-such-revision", ".").exit_code == 2


def test_the_github_action_step(tei_all, tmp_path):
    """The composite action's script, run as the runner would: annotations, a job summary, SARIF."""
    for name in ("stray_element.xml",):
        shutil.copy(FIXTURES / "invalid" / name, tmp_path / name)
    shutil.copy(FIXTURES / "valid" / "play.xml", tmp_path / "play.xml")
    (tmp_path / "pom.xml").write_text("<project/>", encoding="utf-8")
    env = {
        "PATH": f"{Path(shutil.which('edition') or ROOT / '.venv' / 'bin' / 'edition').parent}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "EDITION_CACHE": str(tmp_path / "cache"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "EDITION_PATHS": ".",
        "EDITION_SCHEMA": str(tei_all),
        "EDITION_SARIF": str(tmp_path / "r.sarif"),
    }
    done = subprocess.run(
        ["bash", str(ROOT / ".ci" / "action-validate")], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("::error file=stray_element.xml,line=19,") and "pom.xml" not in done.stdout
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "### TEI validation" in summary and "2 checked, 1 valid, 1 invalid" in summary
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    action = (ROOT / "action.yml").read_text(encoding="utf-8")
    assert "using: composite" in action and ".ci/action-validate" in action
    assert "--tei-only" in (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
