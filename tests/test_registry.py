"""The edition's persons registry: one file, stable ids, documents pointing into it."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT
from helpers import xpath

from toolchain.cli import main
from toolchain.tei import NS, parse
from toolchain.validate import validator

DOCUMENT = ROOT / "transcripts" / "001_545f37247de4dac3.txt"
BILINGUAL = ROOT / "transcripts" / "004_40ab3963a3b9c643.txt"


def run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture
def edition(tmp_path):
    (tmp_path / "transcripts").mkdir()
    for source in (DOCUMENT, BILINGUAL):
        shutil.copy(source, tmp_path / "transcripts" / source.name)
    run("build", "--root", str(tmp_path))
    return tmp_path / "tei"


def persons(tei_dir):
    return parse(tei_dir / "persons.xml")


def test_one_entry_per_person_with_all_forms(edition):
    registry = persons(edition)
    ids = xpath(registry, "//tei:listPerson/tei:person/@xml:id")
    assert len(ids) == len(set(ids))
    for pid in ("khrushchev", "mikoyan", "castro"):
        assert ids.count(pid) == 1
    castro = xpath(registry, "//tei:person[@xml:id='castro']")[0]
    forms = {x.xpath("string()") for x in xpath(castro, "tei:persName")}
    assert {"Fidel Castro", "F. Castro", "Ф.Кастро", "Фидель"} <= forms
    assert xpath(castro, "tei:persName[.='Фидель']/@xml:lang") == ["ru"]
    khrushchev = xpath(registry, "//tei:person[@xml:id='khrushchev']")[0]
    assert "Хрущев" in {x.xpath("string()") for x in xpath(khrushchev, "tei:persName")}
    assert "chair" in khrushchev.get("role").split()
    serov = xpath(registry, "//tei:person[@xml:id='serov']")[0]
    assert xpath(serov, "string(tei:birth/@when)") == "1918"


def test_documents_point_into_the_registry(edition):
    for doc in ("001_545f37247de4dac3.xml", "004_40ab3963a3b9c643.xml"):
        tree = parse(edition / doc)
        refs = xpath(tree, "//@who | //tei:persName/@ref | //@scribeRef | //tei:person/@sameAs")
        assert refs and all(r.startswith("persons.xml#") for r in refs)
        assert not xpath(tree, "//tei:particDesc//tei:person[@xml:id]")
    # the same Castro in both documents
    assert xpath(parse(edition / "001_545f37247de4dac3.xml"), "//tei:person[@sameAs='persons.xml#castro']")
    assert xpath(parse(edition / "004_40ab3963a3b9c643.xml"), "//tei:person[@sameAs='persons.xml#castro']")
    for path in sorted(edition.glob("*.xml")):
        assert validator().check_file(path) == [], path


def test_pointer_rule_checks_the_registry(edition, tmp_path):
    doc = (edition / "001_545f37247de4dac3.xml").read_text(encoding="utf-8")
    broken = edition / "broken.xml"
    broken.write_text(doc.replace('"persons.xml#serov"', '"persons.xml#nobody"', 1), encoding="utf-8")
    rules = [d.rule for d in validator().check_file(broken)]
    assert rules == ["ptr-resolves"]
    alone = tmp_path / "alone.xml"  # a document without its registry beside it
    alone.write_text(doc, encoding="utf-8")
    diagnostics = validator().check_file(alone)
    assert diagnostics and all(d.rule == "ptr-resolves" for d in diagnostics)
    assert "no such file" in diagnostics[0].message


def test_new_document_reuses_persons_and_ids_are_stable(tmp_path):
    out = tmp_path / "tei"
    run("convert", str(DOCUMENT), "-o", str(out))
    first = {p.get("{http://www.w3.org/XML/1998/namespace}id") for p in xpath(persons(out), "//tei:person")}
    assert {"castro", "mikoyan", "khrushchev"} <= first
    run("convert", str(BILINGUAL), "-o", str(out))
    registry = persons(out)
    after = xpath(registry, "//tei:listPerson/tei:person/@xml:id")
    assert first <= set(after)
    assert after.count("castro") == 1
    assert {"lenin", "adenauer"} <= set(after)


def test_editor_additions_survive_a_rebuild(edition):
    path = edition / "persons.xml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        '<person xml:id="khrushchev"',
        '<person xml:id="khrushchev"',
    ).replace(
        "<surname>Khrushchev</surname></persName>",
        '<surname>Khrushchev</surname></persName>\n          <idno type="wikidata">Q35768</idno>',
        1,
    )
    path.write_text(text, encoding="utf-8")
    ids_before = xpath(persons(edition), "//tei:listPerson/tei:person/@xml:id")
    run("build", "--root", str(edition.parent))
    registry = persons(edition)
    assert xpath(registry, "string(//tei:person[@xml:id='khrushchev']/tei:idno[@type='wikidata'])") == "Q35768"
    assert xpath(registry, "//tei:listPerson/tei:person/@xml:id") == ids_before
    before = path.read_bytes()
    run("build", "--root", str(edition.parent))
    assert path.read_bytes() == before  # a rebuild changes nothing


def test_without_registry_documents_stay_self_contained(tmp_path):
    out = tmp_path / "tei"
    run("convert", "--no-registry", str(DOCUMENT), "-o", str(out))
    assert not (out / "persons.xml").exists()
    tree = parse(out / "001_545f37247de4dac3.xml")
    assert xpath(tree, "//tei:particDesc//tei:person[@xml:id='khrushchev']")
    assert validator().check_file(out / "001_545f37247de4dac3.xml") == []


BROTHERS = """November 2, 1962

**Memorandum on a Meeting of the Two Brothers**

Summary:

John F. Kennedy and Robert F. Kennedy met at the White House.

John F. Kennedy spoke of the quarantine. Robert F. Kennedy spoke of the Soviet ambassador.
"""

BARE = """November 3, 1962

**Note on the Morning Call**

Summary:

President Kennedy called the embassy in the morning.

Kennedy asked for the text of the letter before noon.
"""


def test_a_rebuild_adds_nothing_to_the_registry(tmp_path):
    """Each rebuild added entries (kennedy-x, kennedy-x-2 …) for a bare surname that two entries fit; a
    batch now gives the same registry whether it began empty or held its own persons."""
    src = tmp_path / "transcripts"
    src.mkdir()
    (src / "001_brothers.txt").write_text(BROTHERS, encoding="utf-8")
    (src / "002_bare.txt").write_text(BARE, encoding="utf-8")
    out = tmp_path / "tei"
    states = []
    for _ in range(3):
        result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out)])
        assert result.exit_code == 0, result.output
        states.append(((out / "persons.xml").read_bytes(), (out / "002_bare.xml").read_bytes()))
    assert states[0] == states[1] == states[2]
    ids = parse(out / "persons.xml").xpath("//tei:person/@xml:id", namespaces=NS)
    assert sorted(i for i in ids if i.startswith("kennedy")) == ["kennedy", "kennedy-r"]
    assert "'Kennedy' may be any of kennedy, kennedy-r in the registry; kept in the document" in result.output
    bare = parse(out / "002_bare.xml")
    assert bare.xpath("//tei:particDesc//tei:person[@xml:id]", namespaces=NS)  # the document's own
    assert validator().check_file(out / "002_bare.xml") == []
