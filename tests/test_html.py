"""The HTML edition: pages, escaping, generic fallback, links, the Nu HTML Checker, the command line.

The browser tests (switches, popovers, search, axe) are in test_html_browser.py."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from conftest import ROOT
from helpers import search_index
from lxml import etree, html

from toolchain.cli import main
from toolchain.render import HtmlRenderer, RenderError, expand, xslt
from toolchain.render import html as html_renderer
from toolchain.render.html import ASSETS
from toolchain.render.search import bucket, fold

TEI_NS = "http://www.tei-c.org/ns/1.0"
CASES = ROOT / "tests" / "render"
SAMPLE = ROOT / "tei"
VNU = ROOT / ".venv" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html-sample")
    HtmlRenderer().render(expand([SAMPLE]), out)
    return out


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html-cases")
    HtmlRenderer().render(expand([CASES]), out)
    return out


def page(folder: Path, name: str) -> html.HtmlElement:
    return html.parse(str(folder / name)).getroot()


def words(el: html.HtmlElement) -> str:
    return " ".join(el.text_content().split())


def tei_texts(path: Path) -> list[str]:
    """Every non-blank text node of the TEI `text`, whitespace normalised."""
    tree = etree.parse(str(path))
    out = []
    for text in tree.getroot().iter(f"{{{TEI_NS}}}text"):
        out.extend(" ".join(t.split()) for t in text.xpath(".//text()") if t.strip())
    return out


# --- every word reaches the page -----------------------------------------------------------


@pytest.mark.parametrize("name", ["varia", "hostile", "meeting"])
def test_every_text_node_of_a_test_document_reaches_the_html(cases, name):
    rendered = words(page(cases, f"{name}.html"))
    missing = [t for t in tei_texts(CASES / f"{name}.xml") if t not in rendered]
    assert not missing


@pytest.mark.parametrize("name", ["001_545f37247de4dac3", "004_40ab3963a3b9c643"])
def test_every_text_node_of_the_sample_reaches_the_html(sample, name):
    rendered = words(page(sample, f"{name}.html"))
    missing = [t for t in tei_texts(SAMPLE / f"{name}.xml") if t not in rendered]
    assert not missing


def test_header_panel_shows_the_documents_facts(sample):
    meta = page(sample, "001_545f37247de4dac3.html").cssselect("dl.ed-meta")[0]
    fields = {words(d.cssselect("dt")[0]): words(d.cssselect("dd")[0]) for d in meta.cssselect("div")}
    assert fields["Date"] == "25 October 1962"  # typed "October 25, 1962": a fact is shown in the edition's words
    assert meta.cssselect(".ed-meta-date time")[0].get("datetime") == "1962-10-25"
    assert fields["Archive"] == "RGANI"
    assert fields["Call number"] == "F. 3, Op. 16, D. 165, L. 170-173"
    assert fields["Translated and edited by"] == "Mark Kramer"
    assert fields["Source address"] == "https://digitalarchive.umd.edu/document/115136"
    assert fields["Language of the original"] == "Russian"
    assert fields["Language of the translation"] == "English"
    assert fields["Summary"].startswith("In response to President Kennedy's letter")


DATED = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Dated {n}</title></titleStmt>
<publicationStmt><p>Test.</p></publicationStmt><sourceDesc><p>Test.</p></sourceDesc></fileDesc>
<profileDesc><creation>{date}</creation></profileDesc></teiHeader><text><body><p>Text.</p></body></text></TEI>"""


@pytest.mark.parametrize(
    ("date", "shown"),
    [
        ('<date when="1962-11-20">1962/11/20</date>', "20 November 1962"),
        ('<date when="1962-10-25">25-26 October 1962</date>', "25 October 1962 (25-26 October 1962)"),
        ('<date when="1962">Autumn 1962</date>', "1962 (Autumn 1962)"),
        (
            '<date notBefore="1962-10" notAfter="1962-11">October or November 1962</date>',
            "October 1962 – November 1962 (October or November 1962)",
        ),
        ("<date>sometime that winter</date>", "sometime that winter"),
        ('<date when="1962-11-20">20 ноября 1962 г.</date>', "20 November 1962 (20 ноября 1962 г.)"),
        ('<date when="1962-10-28">Sunday, October 28th, 1962</date>', "28 October 1962"),
    ],
)
def test_a_documents_date_is_shown_in_words_with_what_the_written_form_adds(tmp_path, date, shown):
    tei = tmp_path / "dated.xml"
    tei.write_text(DATED.format(n=1, date=date), encoding="utf-8")
    HtmlRenderer().render(expand([tei]), tmp_path / "out")
    root = page(tmp_path / "out", "dated.html")
    assert words(root.cssselect(".ed-meta-date dd")[0]) == shown
    home = page(tmp_path / "out", "index.html")
    assert words(home.cssselect(".ed-doc-list .ed-date")[0]) == shown


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ('<ab type="unidentified">A plain-text transcript without a citation.</ab>', None),
        ("<p>From the personal archive of the author.</p>", "From the personal archive of the author."),
        ("<ab>Typescript copy, two leaves.</ab>", "Typescript copy, two leaves."),
    ],
)
def test_a_source_is_shown_unless_the_converter_says_none_is_named(tmp_path, source, shown):
    tei = tmp_path / "sourced.xml"
    text = DATED.format(n=1, date='<date when="1962">1962</date>').replace(
        "<sourceDesc><p>Test.</p>", f"<sourceDesc>{source}"
    )
    tei.write_text(text, encoding="utf-8")
    HtmlRenderer().render(expand([tei]), tmp_path / "out")
    meta = page(tmp_path / "out", "sourced.html").cssselect("dl.ed-meta")[0]
    fields = {words(d.cssselect("dt")[0]): words(d.cssselect("dd")[0]) for d in meta.cssselect("div")}
    assert fields.get("Source") == shown
    assert "without a citation" not in words(page(tmp_path / "out", "sourced.html"))


# --- hostile text stays text ---------------------------------------------------------------


def test_hostile_text_renders_as_literal_text(cases):
    root = page(cases, "hostile.html")
    text = words(root)
    assert "<script>alert(1)</script>" in text
    assert '"><img onerror=alert(6) src=x>' in text
    assert "&amp; and &lt;b&gt;" in text
    assert "&amp; date" in text
    # no markup came from the text: only the page's own scripts, no images, no event handlers
    scripts = [s.get("src") for s in root.iter("script")]
    assert scripts == ["assets/edition.js"]
    assert not list(root.iter("img")) and not list(root.iter("b")) and not list(root.iter("i"))
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert not [a for a in el.attrib if a.lower().startswith("on")], (el.tag, el.attrib)
        for attr in ("href", "src"):
            value = el.get(attr, "")
            assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), value
    assert all("alert" not in a.get("href", "") for a in root.iter("a"))


def test_hostile_text_is_inert_in_every_page(cases):
    for name in ("index.html", "persons.html", "about.html", "search.html"):
        root = page(cases, name)
        assert [s.get("src") for s in root.iter("script")] in (
            ["assets/edition.js"],
            ["assets/edition.js", "assets/search.js", "assets/search/manifest.js"],
        )
        assert not list(root.iter("img"))
    _, entries, _ = search_index(cases)
    assert any("<script>alert(1)</script>" in text for _, _, text, _ in entries)


# --- any TEI: fallback, pointers -------------------------------------------------------------


def test_unknown_elements_fall_back_to_a_block_or_an_inline_with_a_class(cases):
    root = page(cases, "varia.html")
    (block,) = root.cssselect(".tei-unknownBlock")
    assert block.tag == "div" and words(block) == "Text in an unknown block element"
    (inline,) = root.cssselect(".tei-mysteryInline")
    assert inline.tag == "span" and "type-odd" in inline.get("class") and words(inline) == "mystery text"
    assert words(root.cssselect(".tei-bar")[0]) == "Foreign namespace text"


def test_tei_the_toolchain_never_writes_gets_its_html(cases):
    root = page(cases, "varia.html")
    assert [words(c) for c in root.cssselect("table.tei-table th")] == ["Header A", "Header B"]
    assert root.cssselect("table.tei-table td")[0].get("colspan") == "2"
    assert words(root.cssselect("table caption")[0]) == "Table caption words"
    assert root.cssselect("ol > li.tei-item")
    assert root.cssselect("figure.tei-figure")
    sic = root.cssselect(".tei-choice .tei-sic")[0]
    corr = root.cssselect(".tei-choice .tei-corr")[0]
    assert "view-diplomatic-only" in sic.get("class") and "view-reading-only" in corr.get("class")
    assert root.cssselect("ins.tei-add") and root.cssselect("del.tei-del")
    rdg = root.cssselect(".tei-rdg")[0]
    assert "(B: variant words)" in words(rdg)  # the siglum without its "#", in the signs of a reading
    gap = root.cssselect(".tei-gap")[0]
    assert gap.get("title") == "Gap in the transcript: illegible (2 words)" and "two words illegible" in words(gap)
    # speeches: the label as written, else the person's name, else none
    speeches = root.cssselect(".ed-speech")
    assert [words(s.cssselect(".ed-speaker")[0]) if s.cssselect(".ed-speaker") else None for s in speeches] == [
        "ALPHA:",
        "Unnamed speaker:",
        "Beta Chair",
        "Alpha Speaker",
    ]
    # a person who lives in the document's header: their entry is at the end of its page
    assert speeches[0].cssselect(".ed-speaker a")[0].get("href") == "varia.html#varia--alpha"
    entry = root.get_element_by_id("varia--alpha")
    assert entry.getparent().get("class") == "ed-doc-persons" and words(entry.cssselect("h3")[0]) == "Alpha Speaker"
    assert words(speeches[0].cssselect("p")[0]).startswith("“Spoken words")
    assert root.cssselect(".tei-seg.type-interruption")
    assert root.cssselect('time[datetime="14:30"]')
    assert not root.cssselect("time[datetime='not-a-date']") and not root.cssselect("time[datetime='1963-02-30']")
    pb = root.cssselect(".tei-pb")[0]
    assert words(pb) == "12v" and pb.get("title") == "Page 12v begins"


def test_what_the_transcript_reader_writes_renders_well(cases):
    root = page(cases, "meeting.html")
    speakers = [words(s) for s in root.cssselect(".ed-speaker")]
    assert speakers == ["THE CHAIR:", "MR. MEMBER:", "A VOICE:"]
    assert root.cssselect(".ed-speaker a")[0].get("title") == "Ann Chairwoman – chair"
    assert root.cssselect(".ed-speaker")[2].cssselect("a") == []  # no @who: the label alone
    assert words(root.cssselect("#p-2")[0]).startswith("“The recieved")
    assert root.cssselect('time[datetime="10:05"]') and root.cssselect('time[datetime="1962-10-25T10:00:00"]')
    stage = root.cssselect("#p-1 .tei-stage")[0]
    assert words(stage) == "[laughter]" and stage.get("title") == "Stage direction (business)"
    assert root.cssselect("div.tei-stage.type-exit")
    assert words(root.cssselect(".tei-gap")[0]) == "[… A passage about the ships is omitted.]"
    assert root.cssselect(".tei-unclear")[0].get("title") == "Unclear (inaudible)"
    assert root.cssselect(".tei-seg.type-interruption")[0].get("title") == "Interruption"


def test_unresolved_pointers_do_not_break_the_page(cases):
    root = page(cases, "varia.html")
    hostile_link = next(e for e in root.cssselect(".tei-ref") if words(e) == "a hostile link")
    assert hostile_link.tag == "span" and "ed-unresolved" in hostile_link.get("class")
    dangling = next(e for e in root.cssselect(".tei-ref") if words(e) == "a dangling link")
    assert dangling.tag == "a" and dangling.get("href") == "#nowhere"
    ptr = root.cssselect(".tei-ptr")[0]
    assert ptr.tag == "span" and words(ptr) == "missing.xml#x"
    unknown = next(e for e in root.cssselect(".tei-persName") if words(e) == "An Unknown Person")
    assert unknown.tag == "span"


# --- the sample edition's pages ---------------------------------------------------------------


def test_speakers_are_visible_and_linked(sample):
    root = page(sample, "001_545f37247de4dac3.html")
    labels = root.cssselect(".ed-said > .ed-margin-speaker")
    assert labels and all(a.get("href", "").startswith("persons.html#") for a in labels)
    assert {words(a) for a in labels} >= {"Khrushchev", "Mikoyan", "Kennedy"}
    assert "N. S. Khrushchev" in labels[0].get("title")


def test_deletions_supplied_words_notes(sample):
    root = page(sample, "001_545f37247de4dac3.html")
    (deletion,) = root.cssselect("del.tei-del")
    assert "view-diplomatic-only" in deletion.get("class")
    assert deletion.get("title") == "Deleted in the source (strikethrough). The hand of Aleksei Kapitonovich Serov."
    supplied = root.cssselect(".tei-supplied")[0]
    assert words(supplied) == "[trade]" and supplied.get("tabindex") == "0"
    assert supplied.get("title").startswith("Supplied by Mark Kramer")
    refs = root.cssselect("button.ed-note-ref")
    assert [words(b) for b in refs] == ["1", "2"]
    for b in refs:
        target = root.get_element_by_id(b.get("popovertarget"))
        assert target.get("popover") == "auto"
    notes = root.cssselect(".ed-notes li")
    assert [n.get("id") for n in notes] == ["note-1", "note-2"]
    # the note says what it is itself ("Translator's Note: …"): no label of its type beside it
    assert not notes[0].cssselect(".ed-note-type") and words(notes[0]).startswith("1 Translator's Note:")
    assert notes[0].cssselect("a.ed-backlink")[0].get("href") == "#ed-ref-note-1"


def test_ocr_flags_are_styled_and_explained(sample):
    root = page(sample, "004_40ab3963a3b9c643.html")
    unclear = root.cssselect(".tei-unclear.reason-ocr-repetition")
    assert unclear and unclear[0].get("title").startswith("OCR repetition")
    orig = root.cssselect(".tei-choice .tei-orig")
    assert orig and orig[0].get("title").startswith("As in the transcript")


def test_parallel_view_aligns_translation_with_original(sample):
    root = page(sample, "004_40ab3963a3b9c643.html")
    tei = etree.parse(str(SAMPLE / "004_40ab3963a3b9c643.xml"))
    ns = {"t": TEI_NS}
    rows = root.cssselect(".ed-parallel > .ed-par-row:not(.ed-par-heads)")
    assert rows
    for row in rows:
        left, right = row.cssselect(":scope > .ed-par-cell")
        assert left.get("lang") == "ru" and right.get("lang") == "en"
    # each block of both texts once, in order
    orig_ids = tei.xpath("//t:div[@type='original']/*/@xml:id", namespaces=ns)
    trans_ids = tei.xpath("//t:div[@type='translation']/*/@xml:id", namespaces=ns)
    shown_orig = [e.get("id") for r in rows for e in r.cssselect(".ed-par-original > [id]")]
    shown_trans = [e.get("id") for r in rows for e in r.cssselect(".ed-par-translation > [id]")]
    assert shown_orig == orig_ids and shown_trans == trans_ids
    # a translation paragraph stands in the row of (or after) the originals it points to; the heading,
    # which points at a paragraph, stands alone, beside no paragraph
    row_of = {e.get("id"): i for i, r in enumerate(rows) for e in r.cssselect(".ed-par-cell > [id]")}
    (head,) = rows[0].cssselect(".ed-par-translation > h2, .ed-par-translation > h3")
    assert words(head).startswith("Mikoyan Telegram") and not rows[0].cssselect(".ed-par-original > [id]")
    for p in tei.xpath("//t:div[@type='translation']/*[@corresp][not(self::t:head)]", namespaces=ns):
        targets = [row_of[t[1:]] for t in p.get("corresp").split()]
        assert row_of[p.get("{http://www.w3.org/XML/1998/namespace}id")] >= max(targets)
    assert root.cssselect('input[name="ed-lang-view"][value="original"]')


def test_a_label_the_text_says_itself_is_not_said_again(sample):
    """A source that opens with "Source:" is shown under the label Source without it; a note with its
    own label ("Translator's Note:") gets no label of its type beside it, in the list and in the popover."""
    root = page(sample, "004_40ab3963a3b9c643.html")
    (source,) = [
        dd
        for dt, dd in zip(root.cssselect(".ed-meta dt"), root.cssselect(".ed-meta dd"), strict=True)
        if words(dt) == "Source"
    ]
    assert words(source).startswith("From the personal archive of Dr. Sergo A. Mikoyan.")
    root = page(sample, "001_545f37247de4dac3.html")
    for item in root.cssselect(".ed-notes li"):
        assert words(item.cssselect(".ed-note-body")[0]).startswith("Translator's Note:")
        assert not item.cssselect(".ed-note-type"), words(item)
    assert [words(h) for h in root.cssselect(".ed-note-pop .ed-note-type")] == ["1", "2"]


def test_persons_page_points_only_where_it_can(cases):
    """A person of a text without ids is listed with what they do there ("speaks"), not with a place
    called "text"; the forms of a name keep their parts apart. She lives in the document's header: the
    persons page lists her with a link to her entry on the document's page."""
    root = page(cases, "persons.html")
    (item,) = [li for li in root.cssselect(".ed-own-list li") if "Ines Halloran" in words(li)]
    assert item.cssselect("a")[0].get("href").startswith("faithful.html#faithful--")
    assert words(item).endswith("— in " + words(item.cssselect("a")[1]))
    target, anchor = item.cssselect("a")[0].get("href").split("#")
    entry = page(cases, target).get_element_by_id(anchor)
    assert "Ines Halloran" in [words(f) for f in entry.cssselect(".ed-form")]
    (places,) = entry.cssselect(".ed-person-places")
    assert words(places) == "In this document — speaks" and not places.cssselect("a")


def test_home_page_lists_the_catalogue(sample):
    root = page(sample, "index.html")
    rows = root.cssselect("table.ed-sortable tbody tr")
    assert len(rows) == 10
    edited = [r for r in rows if r.cssselect(".ed-cat-title a")]
    assert len(edited) == 1
    assert edited[0].cssselect(".ed-cat-title a")[0].get("href") == "001_545f37247de4dac3.html"
    assert words(edited[0].cssselect(".ed-cat-status")[0]) == "Edited"
    assert sum(words(r.cssselect(".ed-cat-status")[0]) == "Not yet edited" for r in rows) == 9
    # in date order (the listing had them as its search ranked them: 1962-10-25 first), each row keeping
    # its place in the listing for the sort button to return to
    dates = [r.get("data-date") for r in rows]
    assert dates == sorted(dates) and dates[:2] == ["1962-03-12", "1962-10-25"]
    assert [r.get("data-order") for r in rows][:2] == ["2", "1"]
    assert "261 - 270 of 334" not in words(root.cssselect("main")[0])  # the web listing's page range
    assert root.cssselect("th[aria-sort] button.ed-sort")
    docs = [a.get("href") for a in root.cssselect(".ed-doc-list a")]
    assert docs == ["001_545f37247de4dac3.html", "004_40ab3963a3b9c643.html"]
    assert "Mark Kramer" in words(root.cssselect(".ed-editors")[0])


def test_persons_page(sample):
    root = page(sample, "persons.html")
    entry = root.get_element_by_id("khrushchev")
    assert words(entry.cssselect("h2")[0]) == "N. S. Khrushchev"
    forms = {f.get("lang"): words(f) for f in entry.cssselect(".ed-person-forms")}
    assert "Хрущев" in forms["ru"] and "N.S. Khrushchev" in forms["en"] if "en" in forms else True
    mentions = entry.cssselect(".ed-mentions li")
    assert {m.cssselect("a")[0].get("href") for m in mentions} == {
        "001_545f37247de4dac3.html",
        "004_40ab3963a3b9c643.html",
    }
    assert "speaks" in words(mentions[0]) and "named" in words(mentions[0])


def test_about_page_has_the_editorial_principles(sample):
    """Principles for readers, one plain statement for each phenomenon of the texts; the encoder's
    declarations apart, folded."""
    root = page(sample, "about.html")
    statements = [words(li) for li in root.cssselect("ul.ed-principles li")]
    assert statements[0] == "Words struck out in the source are struck through; the Reading view leaves them out."
    assert (
        "Words between [ and ] were supplied by the translator or the editor; they are not in the source." in statements
    )
    for jargon in ("@", "persName", "particDesc", "pb", "type=", "del ", "said "):
        assert not any(jargon in s for s in statements), jargon
    assert root.cssselect("details.ed-declarations .ed-decl")
    assert {words(h) for h in root.cssselect(".ed-decl h3")} == {
        "Correction",
        "Normalization",
        "Quotation",
        "Interpretation",
    }
    assert "Square brackets of the transcript are editorial signs" in words(root)


def test_ids_are_unique_and_internal_links_resolve(sample, cases):
    for folder in (sample, cases):
        ids = {}
        for f in folder.glob("*.html"):
            found = [e.get("id") for e in page(folder, f.name).iter() if isinstance(e.tag, str) and e.get("id")]
            assert len(found) == len(set(found)), (f.name, [i for i in found if found.count(i) > 1])
            ids[f.name] = set(found)
        for f in folder.glob("*.html"):
            for a in page(folder, f.name).iter("a"):
                href = a.get("href", "")
                if re.match(r"^[a-z]+:", href) or not href:
                    continue
                target, _, frag = href.partition("#")
                target = target or f.name
                assert target in ids, (f.name, href)
                if frag and not (folder == cases and frag == "nowhere"):
                    assert frag in ids[target], (f.name, href)


def test_search_index_has_russian_and_english(sample):
    manifest, entries, words = search_index(sample)
    pages = {address.split("#")[0] for address, _, _, _ in entries}
    assert "004_40ab3963a3b9c643.html" in pages and "persons.html" in pages
    assert manifest["entries"] == len(entries)
    assert any("Кеннеди" in text and lang == "ru" for _, _, text, lang in entries)
    assert any("blockade" in text and lang == "en" for _, _, text, lang in entries)
    # every word of every entry is in its bucket, with that entry; and no word with an entry it is not in
    for n, (_, _, text, _) in enumerate(entries):
        for word in set(re.findall(r"[^\W_]+", fold(text))):
            assert n in words[bucket(word)][word], (word, n)
    assert all(word in fold(entries[n][2]) for ws in words.values() for word, ns in ws.items() for n in ns)


def test_pages_need_nothing_from_outside(sample):
    for f in sample.glob("*.html"):
        root = page(sample, f.name)
        for el in root.iter("link", "script", "img", "iframe"):
            for attr in ("href", "src"):
                assert not re.match(r"^(https?:)?//", el.get(attr, "")), (f.name, el.get(attr))
    assert not re.search(r"url\(|@import", (sample / "assets" / "edition.css").read_text(encoding="utf-8"))


# --- the Nu HTML Checker ----------------------------------------------------------------------


def test_nu_html_checker_finds_no_error(sample, cases, tmp_path):
    split = HtmlRenderer()  # the lists in pages of one item
    split.per_page = split.shown = 1
    split.render(expand([SAMPLE]), tmp_path / "split")
    assert (tmp_path / "split" / "persons-2.html").is_file()
    pages = sorted(str(p) for folder in (sample, cases, tmp_path / "split") for p in folder.glob("*.html"))
    run = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    assert [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


# --- speed, the command line, packaging ---------------------------------------------------------


def test_stylesheet_is_compiled_once_per_process(tmp_path):
    HtmlRenderer()
    before = xslt.compiled.cache_info()
    HtmlRenderer().render(expand([SAMPLE]), tmp_path / "a")
    HtmlRenderer().render(expand([SAMPLE]), tmp_path / "b")
    after = xslt.compiled.cache_info()
    assert after.misses == before.misses and after.hits >= before.hits + 2


def test_rendering_is_deterministic(tmp_path):
    HtmlRenderer().render(expand([SAMPLE]), tmp_path / "a")
    HtmlRenderer().render(expand([SAMPLE]), tmp_path / "b")
    for f in (tmp_path / "a").rglob("*"):
        if f.is_file():
            assert f.read_bytes() == (tmp_path / "b" / f.relative_to(tmp_path / "a")).read_bytes(), f.name


def test_cli_render_with_params(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(
        main, ["render", "--to", "html", str(SAMPLE), "-o", str(out), "--param", "edition-title=Cuba 1962 & after"]
    )
    assert result.exit_code == 0, result.output
    root = page(out, "index.html")
    assert words(root.cssselect("h1")[0]) == "Cuba 1962 & after"
    assert (out / "assets" / "edition.css").is_file() and (out / "004_40ab3963a3b9c643.html").is_file()


@pytest.mark.parametrize(
    ("param", "message"),
    [("colour=red", "unknown parameter 'colour'"), ("doc=x", "unknown parameter 'doc'"), ("nonsense", "NAME=VALUE")],
)
def test_cli_render_rejects_bad_params(tmp_path, param, message):
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path), "--param", param])
    assert result.exit_code == 2 and message in result.output


def test_params_are_typed_and_documented():
    params = xslt.stylesheet_params(xslt.xslt_dir() / "html" / "html.xsl")
    assert params["edition-title"].type == "xs:string" and params["edition-title"].doc
    assert all(p.doc and p.type for p in params.values()), params
    with pytest.raises(RenderError, match="not a boolean"):
        xslt.Param("x", "xs:boolean", "").convert("maybe")


@pytest.mark.parametrize(("param", "message"), [("default-view=readng", "not one of diplomatic, reading")])
def test_an_enumerated_parameter_takes_only_its_values(tmp_path, param, message):
    result = CliRunner().invoke(main, ["render", str(SAMPLE), "-o", str(tmp_path), "--param", param])
    assert result.exit_code == 2 and message in result.output
    with pytest.raises(RenderError, match="not one of facing, sequential"):
        xslt.convert_params(xslt.xslt_dir() / "print" / "print.xsl", {"bilingual-layout": "side"})


def test_the_settable_parameters_are_declared_once_and_told_everywhere():
    """The stylesheets' declarations (ed:cli, ed:values on xsl:param) are what the renderers let the
    command line set; the help of --param and the README's table name the same, with the same values."""
    from toolchain.render import RENDERERS

    readme = (ROOT / "xslt" / "README.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `([a-z-]+)`[^\n]*", readme, re.M)}
    # (the help is wrapped to the terminal, at hyphens too: "edition-" ends a line, "title" opens the next)
    help_text = re.sub(r"-\s+", "-", " ".join(CliRunner().invoke(main, ["render", "--help"]).output.split()))
    for renderer in RENDERERS.values():
        declared = xslt.stylesheet_params(xslt.xslt_dir() / renderer.stylesheet)
        assert renderer.settable == {n for n, p in declared.items() if p.cli}
        for name in renderer.settable:
            assert name in help_text, name
            row = next((row for key, row in rows.items() if key == name or f"`{name}`" in row), "")
            assert "CLI" in row, (name, row)
            assert all(f"`{v}`" in row for v in declared[name].values), (name, row)
    for key, row in rows.items():
        if "CLI" in row:
            assert any(key in r.settable for r in RENDERERS.values()), key


def test_render_reports_a_broken_file(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "bad.xml" in result.output


def test_build_renders_the_html_edition(tmp_path):
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html_dir = tmp_path / "build" / "html"
    assert {p.name for p in html_dir.glob("*.html")} == {
        "index.html",
        "persons.html",
        "about.html",
        "search.html",
        "001_545f37247de4dac3.html",
        "004_40ab3963a3b9c643.html",
    }


def test_build_takes_render_parameters_from_edition_toml(tmp_path):
    """[render] in edition.toml: each parameter for the formats that have it (paper for the book only);
    an unknown one is a clear error naming the file; conventions beside it still apply."""
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    toml = tmp_path / "edition.toml"
    toml.write_text(
        '[conventions]\nsupplied_max_words = 8\n\n[render]\nedition-title = "Cuba, 1962"\n'
        'editors = ["A. Editor", "B. Editor"]\npaper = "us-letter"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--no-epub"])
    assert result.exit_code == 0, result.output
    home = (tmp_path / "build" / "html" / "index.html").read_text(encoding="utf-8")
    assert "<title>Cuba, 1962" in home and "B. Editor" in home
    from pypdf import PdfReader

    book = PdfReader(tmp_path / "build" / "pdf" / "edition.pdf")
    assert book.metadata.title == "Cuba, 1962" and book.metadata.author == "A. Editor, B. Editor"
    assert [round(float(v)) for v in book.pages[0].mediabox[2:]] == [612, 792]
    toml.write_text('[render]\npaper-size = "a5"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path), "--no-epub"])
    assert result.exit_code == 2 and "edition.toml" in result.output and "paper-size" in result.output


def test_a_hostile_file_name_never_becomes_a_link_scheme(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(CASES / "meeting.xml", src / "javascript:alert(1).xml")
    HtmlRenderer().render(expand([src]), tmp_path / "out")
    pages = list((tmp_path / "out").glob("*.html"))
    assert len(pages) == 5
    for f in pages:
        for a in page(tmp_path / "out", f.name).iter("a"):
            assert not a.get("href", "").lower().startswith("javascript:"), (f.name, a.get("href"))


def test_a_cyrillic_file_name_keeps_its_letters(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copyfile(CASES / "meeting.xml", src / "дело 1.xml")
    HtmlRenderer().render(expand([src]), tmp_path / "out")
    assert (tmp_path / "out" / "дело_1.html").is_file()
    hrefs = {unquote(a.get("href")) for a in page(tmp_path / "out", "index.html").iter("a")}
    assert "дело_1.html" in hrefs


def test_pages_made_from_kept_digests_are_the_pages_made_from_the_documents(tmp_path):
    """With a cache, the edition's pages are made from the digests of the documents (their own persons
    included), first as they are made, then as kept: byte for byte the pages made from the documents. Two
    files of the same bytes are two documents, each with digests of its own (its page's name in them)."""
    folder = tmp_path / "tei"
    shutil.copytree(CASES, folder)
    shutil.copy(CASES / "meeting.xml", folder / "meeting-again.xml")
    HtmlRenderer().render(expand([folder]), tmp_path / "documents")
    renderer = HtmlRenderer()
    renderer.cache = tmp_path / "cache"
    first = renderer.render(expand([folder]), tmp_path / "first")
    again = HtmlRenderer()
    again.cache, again.made = renderer.cache, dict(first.keys)
    (tmp_path / "again").mkdir()
    for name in first.keys:  # the document pages are there: only the edition's pages are made again
        if name not in ("index.html", "persons.html", "about.html", "search.html", "assets/search/manifest.js"):
            (tmp_path / "again" / name).write_bytes((tmp_path / "first" / name).read_bytes())
    result = again.render(expand([folder]), tmp_path / "again")
    assert result.unchanged == len(first.keys) - 5
    assert "meeting-again.html" in {e[0].split("#")[0] for e in search_index(tmp_path / "again")[1]}
    for kind in ("first", "again"):
        for made in sorted((tmp_path / "documents").rglob("*.*")):
            assert (tmp_path / kind / made.relative_to(tmp_path / "documents")).read_bytes() == made.read_bytes(), (
                kind,
                made.name,
            )


def test_pages_made_in_worker_processes_are_the_pages_made_in_one(tmp_path, monkeypatch):
    """`-j 2`: the document pages are made in two processes, each reading only its documents, what they
    point to and the registry; the edition is the same, byte for byte."""
    folder = tmp_path / "tei"
    folder.mkdir()
    for source in (*CASES.glob("*.xml"), SAMPLE / "persons.xml"):
        shutil.copy(source, folder / source.name)
    document = (SAMPLE / "001_545f37247de4dac3.xml").read_text(encoding="utf-8")
    for i in range(60):
        (folder / f"copy{i:02d}.xml").write_text(document.replace("Protocol", f"Protocol {i}", 1), encoding="utf-8")
    workers = []
    real = HtmlRenderer._in_workers
    monkeypatch.setattr(HtmlRenderer, "_in_workers", lambda self, *a: workers.append(a[-1]) or real(self, *a))
    made = {}
    life_long = html_renderer.LIFE
    for jobs, life in ((1, life_long), (2, life_long), (2, 1)):  # 1: a fresh worker for each batch
        monkeypatch.setattr(html_renderer, "LIFE", life)
        renderer = HtmlRenderer()
        renderer.jobs = jobs
        out = tmp_path / f"j{jobs}-{life}"
        renderer.render(expand([folder]), out)
        made[jobs, life] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.*")}
    assert workers == [2, 2]
    assert made[1, life_long] == made[2, life_long] == made[2, 1]
    assert len(made[2, 1]) > 60


def test_a_worker_is_replaced_after_its_tasks():
    """A pool's process of this machine is replaced by a fresh one after `tasks_per_process` items (what
    the website's workers do after LIFE pages, their Saxon's memory given back)."""
    from toolchain import workers

    with workers.pool(2, spawn=True, tasks_per_process=1) as pool:
        pids = set(pool.map(_pid, range(6)))
    assert len(pids) == 6


def _pid(_: int) -> int:
    return os.getpid()


def test_the_search_index_is_the_same_when_its_words_are_gathered_on_disk(tmp_path, sample, monkeypatch):
    """Past SPILL words the index gathers them in sorted runs on disk and merges them: the same files, byte
    for byte, as when they are all gathered in memory; an earlier index's files that this one does not have
    are removed."""
    from toolchain.render import search

    parts = [
        (lambda data=data: data)
        for data in (
            json.dumps([address, title, [["", text, lang]]]).encode()
            for address, title, text, lang in search_index(sample)[1]
        )
    ]
    whole = search.write(tmp_path / "memory", parts)
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "words-zz.js").write_text("old", encoding="utf-8")
    monkeypatch.setattr(search, "SPILL", 7)
    runs = search.write(tmp_path / "runs", parts)
    assert [p.name for p in runs] == [p.name for p in whole] and len(whole) > 20
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(whole, runs, strict=True))
    assert sorted(p.name for p in (tmp_path / "runs").iterdir()) == sorted(p.name for p in whole)
    assert search.standing(tmp_path / "runs") == runs
    (tmp_path / "runs" / runs[-1].name).unlink()
    assert search.standing(tmp_path / "runs") is None


# --- long lists, in pages ------------------------------------------------------------------


def _edition_of_copies(folder: Path, copies: int) -> Path:
    """The test documents, the sample's registry and `copies` of the sample's protocol (all naming the same
    persons, and each a person of its own, named out of the documents' order), dated a year apart from
    1900 on."""
    folder.mkdir()
    for source in (*CASES.glob("*.xml"), SAMPLE / "persons.xml"):
        shutil.copy(source, folder / source.name)
    document = (SAMPLE / "001_545f37247de4dac3.xml").read_text(encoding="utf-8")
    for i in range(copies):
        text = document.replace("Protocol", f"Protocol {i}", 1).replace('when="1962-', f'when="{1900 + i}-')
        clerk = f"Clerk {(i * 7) % copies:02d}"
        own = f'<listPerson><person xml:id="clerk" role="clerk"><persName>{clerk}</persName></person>'
        text = text.replace("<listPerson>", own, 1)
        (folder / f"copy{i:02d}.xml").write_text(text, encoding="utf-8")
    return folder


def _listing(folder: Path, name: str) -> list[Path]:
    """The pages of the list of page `name`, in order."""
    rest = sorted(folder.glob(f"{name}-*.html"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [folder / f"{name}.html", *rest]


def _items_by_person(pages: list[Path]) -> dict[str, list[str]]:
    by_person: dict[str, list[str]] = {}
    for p in pages:
        for entry in page(p.parent, p.name).cssselect("section.ed-person-entry"):
            items = [html.tostring(li, encoding="unicode") for li in entry.cssselect(".ed-mentions > li")]
            by_person.setdefault(entry.get("id"), []).extend(items)
    return by_person


def test_the_pages_of_a_list_are_given_their_names_once(tmp_path, monkeypatch):
    """The names of the pages of a long list go to the stylesheet once for the list, not once for each of
    its pages: Saxon keeps every value made, so names made anew for each page grow with the square of the
    pages (a 100,000-document website took 13 GB so)."""
    folder = _edition_of_copies(tmp_path / "tei", 25)
    renderer = HtmlRenderer()
    renderer.per_page, renderer.shown = 3, 1
    given: list[str] = []
    set_parameter = HtmlRenderer.set_parameter

    def counted(self, name, value):
        given.append(name)
        set_parameter(self, name, value)

    monkeypatch.setattr(HtmlRenderer, "set_parameter", counted)
    renderer.render(expand([folder]), tmp_path / "out")
    pages = [p for p in (tmp_path / "out").glob("*.html") if re.fullmatch(r"(index|persons)(-\d+)?\.html", p.name)]
    assert len(pages) > 10 and given.count("page-number") >= len(pages)
    assert given.count("page-names") <= 2  # the home page's list, the persons page's


def test_long_lists_are_split_into_pages(tmp_path):
    """The home page's list and the persons page's places, past `per_page` items, go on in pages of their
    own (index-2.html, persons-2.html, ...) with links from page to page: together the same items in the
    same order as on one page; the persons page keeps every person, with the first `shown` of their places
    and a link to the page where the rest begin. Every other page is as it was."""
    folder = _edition_of_copies(tmp_path / "tei", 25)
    whole = HtmlRenderer()
    whole.per_page = whole.shown = 10**6
    whole.render(expand([folder]), tmp_path / "whole")
    split = HtmlRenderer()
    split.per_page, split.shown, split.cache = 7, 2, tmp_path / "cache"
    result = split.render(expand([folder]), tmp_path / "split")
    whole_home, split_home = _listing(tmp_path / "whole", "index"), _listing(tmp_path / "split", "index")
    documents = len(list(folder.glob("*.xml"))) - 1  # the registry is no document
    assert len(whole_home) == 1 and len(split_home) == -(-documents // 7) == 5

    def listed(pages):
        return [html.tostring(li) for p in pages for li in page(p.parent, p.name).cssselect(".ed-doc-list > li")]

    assert listed(split_home) == listed(whole_home) and len(listed(whole_home)) == documents
    for number, p in enumerate(split_home, 1):
        root = page(p.parent, p.name)
        current = root.cssselect(".ed-pager a[aria-current='page']")
        assert current and all(words(a) == str(number) for a in current), p.name
        assert bool(root.cssselect(".ed-editors")) == (number == 1)
        assert bool(root.cssselect("title")[0].text_content().count("page")) == (number > 1)
        for a in root.cssselect(".ed-pager a"):
            assert (tmp_path / "split" / a.get("href")).is_file()
    # the persons
    whole = _items_by_person([tmp_path / "whole" / "persons.html"])
    split_persons = _listing(tmp_path / "split", "persons")
    assert len(split_persons) > 2 and _items_by_person(split_persons) == whole
    first = page(tmp_path / "split", "persons.html")
    assert [s.get("id") for s in first.cssselect("section.ed-person-entry")] == list(whole)
    many = [anchor for anchor, items in whole.items() if len(items) > 2]
    assert many
    for anchor in many:
        entry = first.get_element_by_id(anchor)
        assert len(entry.cssselect(".ed-mentions > li")) == 2
        more = entry.cssselect(".ed-more a")[0]
        assert words(more) == f"{len(whole[anchor]) - 2} more documents"
        target, fragment = more.get("href").split("#")
        there = page(tmp_path / "split", target).get_element_by_id(fragment)
        assert there.cssselect("h2 a")[0].get("href") == f"persons.html#{anchor}"

    # the persons who live in a document: the same items in the same order, sorted by name, a link to
    # their entry on their document's page each
    def own(pages):
        return [html.tostring(li) for p in pages for li in page(p.parent, p.name).cssselect(".ed-own-list > li")]

    whole_own = own([tmp_path / "whole" / "persons.html"])
    assert own(split_persons) == whole_own and len(whole_own) > 25
    clerks = [words(html.fromstring(li).cssselect("a")[0]) for li in whole_own if b"Clerk" in li]
    assert clerks == [f"Clerk {n:02d}" for n in range(25)]
    assert len(first.cssselect(".ed-own-list > li")) == 7
    for number, p in enumerate(split_persons, 1):
        pager = page(p.parent, p.name).cssselect(".ed-pager a")
        assert all((tmp_path / "split" / a.get("href")).is_file() for a in pager)
        assert {words(a) for a in pager if a.get("aria-current") == "page"} == {str(number)}
    for li in whole_own[:3]:
        target, anchor = html.fromstring(li).cssselect("a")[0].get("href").split("#")
        assert page(tmp_path / "split", target).get_element_by_id(anchor).get("class") == "ed-person-entry"
    # every other page, and the document pages' links to the persons, as they were
    others = {p.name for p in (tmp_path / "whole").glob("*.html")} - {"index.html", "persons.html"}
    assert all((tmp_path / "split" / n).read_bytes() == (tmp_path / "whole" / n).read_bytes() for n in others)
    # nothing changed: every page stands; fewer documents: fewer pages
    again = HtmlRenderer()
    again.per_page, again.shown, again.cache, again.made = 7, 2, split.cache, dict(result.keys)
    standing = again.render(expand([folder]), tmp_path / "split")
    assert standing.unchanged == len(standing.written) - len(ASSETS) and standing.keys == result.keys
    for extra in folder.glob("copy1*.xml"):
        extra.unlink()
    fewer = HtmlRenderer()
    fewer.per_page, fewer.shown, fewer.cache, fewer.made = 7, 2, split.cache, dict(result.keys)
    written = {p.name for p in fewer.render(expand([folder]), tmp_path / "split").written}
    assert documents - 10 == 19 and "index-3.html" in written and "index-4.html" not in written


def test_a_document_is_never_given_the_name_of_a_page_of_a_list(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("persons-2", "index-10", "index-2a"):
        shutil.copyfile(CASES / "meeting.xml", src / f"{name}.xml")
    HtmlRenderer().render(expand([src]), tmp_path / "out")
    assert {p.name for p in (tmp_path / "out").glob("*-*.html")} == {"persons-2-doc.html", "index-10-doc.html",
                                                                       "index-2a.html"}  # fmt: skip


def test_the_pages_of_the_persons_places_are_filled_in_the_order_of_the_persons():
    from toolchain.render.listing import places_plan

    plan = places_plan(["a", "b", "c", "d"], {"a": 9, "b": 1, "c": 4, "d": 3}, shown=2, per_page=4)
    assert plan == [[("a", 2, 4)], [("a", 6, 3), ("c", 2, 1)], [("c", 3, 1), ("d", 2, 1)]]
    assert places_plan(["a"], {"a": 2}, shown=2, per_page=4) == []
