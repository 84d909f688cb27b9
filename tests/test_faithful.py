"""TEI as other projects write it reads the same in every format: the rendered text of the website (as
Chromium shows it), the EPUB's XHTML (what its view hides left out) and the book (pdftotext) holds each
phrase below, words, spaces and signs included; and the source's rendition (hi/@rend, @rendition, @style)
reaches each format as the same keywords."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from toolchain.render import expand
from toolchain.render.epub import EpubRenderer
from toolchain.render.html import HtmlRenderer
from toolchain.render.pdf import PdfRenderer

HERE = Path(__file__).parent
FILES = [
    HERE / "render" / "faithful.xml",
    HERE / "schema" / "valid" / "parlamint_debate.xml",
    HERE / "schema" / "valid" / "play.xml",
    HERE / "schema" / "valid" / "apparatus.xml",
]

# Phrases every format shows, per document, in this order.
PHRASES = {
    "faithful": [
        "Words in italic type, in bold type, raised and lowered, underlined, small capitals, capitals by rendition,"
        " bold by style, emphasised and both at once.",
        "concern On stays two words; so do Denmark Horatio.",
        "Caption of the table",
        "Column one",
        "second cell",
        "outer item two",
        "inner item one",
        "inner item two",
        "outer item three",
        "The scribe wrote recieve",
        "here, and colour",
        "the place is Lwów",
        "The clerk wrote five six barrels.",
        "The ferry rowed (wB: drew) away, softly (wB: om.) and late (wC: early).",
        "Ines Halloran",
        "The first segment ends here. The second segment follows.",
        "[laughter in the room]",
        "nobody",
        "A speech whose speaker is listed nowhere.",
    ],
    "parlamint_debate": [
        "Orsolya Brandt",
        "Good morning, colleagues. I open the fourteenth sitting. The floor goes to Mr Kelleher.",
        "Tomas Kelleher",
        "Thank you, Madam Speaker. [points at the gallery] Our fishermen have waited three years for this amendment."
        " We will support it.",
        "[Applause from the Coastal Party.]",
        "[The minister enters the chamber.]",
    ],
    "play": ["Dramatis Personae", "AMBROSE, a lighthouse keeper", "NELL, his niece", "Fishermen", "FIRST FISHERMAN"],
    "apparatus": ["The ferryman rowed (B: drew) at break of day,", "His (C: om.) oars were light"],
}
# Where there is no tip to hover (the book, the EPUB), the members of an alternative not shown are told.
TOLD = [
    "recieve (corrected: receive) here",
    "colour (regularised: color);",
    "Lwów (alternative: Lviv; alternative: Lemberg)",
]
# Never shown: a pointer's "#", a witness's pointer, brackets opened on a blank, words glued together.
NEVER = ["#", "[ ", " ]", "OrsolyaBrandt", "InesHalloran", "sitting.The", "LwówLemberg", "AMBROSE ,", "fivesix"]


def flat(text: str) -> str:
    """Whitespace as one blank; a word Typst broke at a line end whole again."""
    return " ".join(re.sub(r"[\u00ad\u2010]\s*\n\s*", "", text).split())


def check(text: str, expected: list[str]) -> None:
    at = 0
    for phrase in expected:
        found = text.find(phrase, at)
        assert found >= 0, f"{phrase!r} not found (in order) in: …{text[at : at + 300]}"
        at = found + len(phrase)
    for bad in NEVER:
        assert bad not in text, f"{bad!r} in: {text}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("faithful")
    docs = expand(FILES)
    HtmlRenderer().render(docs, out / "html")
    PdfRenderer().render(docs, out / "pdf")
    EpubRenderer().render(docs, out / "epub")
    return out


@pytest.fixture(scope="module")
def html_texts(rendered, browser) -> dict[str, str]:
    page = browser.new_page()
    texts = {}
    for name in PHRASES:
        page.goto((rendered / "html" / f"{name}.html").as_uri())
        texts[name] = flat(page.inner_text("main"))
    page.close()
    return texts


XHTML = "{http://www.w3.org/1999/xhtml}"
BLOCKS = {
    "p",
    "div",
    "li",
    "td",
    "th",
    "tr",
    "caption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "aside",
    "table",
}


def xhtml_text(page: etree._Element) -> str:
    """The text a reading system shows: what `hidden` hides left out, a blank between blocks."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.get("hidden") is not None:
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag.removeprefix(XHTML) in BLOCKS
        parts.append(" " if block else "")
        parts.append(el.text or "")
        for child in el:
            walk(child)
        parts.append(" " if block else "")
        parts.append(el.tail or "")

    walk(page.find(f"{XHTML}body"))
    return flat("".join(parts))


@pytest.fixture(scope="module")
def epub_texts(rendered) -> dict[str, str]:
    with zipfile.ZipFile(rendered / "epub" / "edition.epub") as z:
        return {name: xhtml_text(etree.fromstring(z.read(f"EPUB/{name}.xhtml"))) for name in PHRASES}


@pytest.fixture(scope="module")
def pdf_text(rendered) -> str:
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext is needed (./run.sh test installs poppler-utils)"
    run = subprocess.run(
        [pdftotext, "-enc", "UTF-8", str(rendered / "pdf" / "edition.pdf"), "-"], capture_output=True, text=True
    )
    return flat(re.sub(r"^\s*\d+\s*$", "", run.stdout, flags=re.M))  # line numbers and folios stand alone


@pytest.mark.parametrize("name", list(PHRASES))
def test_the_website_reads_as_written(html_texts, name):
    check(html_texts[name], PHRASES[name])


@pytest.mark.parametrize("name", list(PHRASES))
def test_the_epub_reads_as_written(epub_texts, name):
    check(epub_texts[name], PHRASES[name])
    if name == "faithful":
        check(epub_texts[name], TOLD)


def test_the_book_reads_as_written(pdf_text):
    for name, phrases in PHRASES.items():
        start = pdf_text.find(phrases[0])
        assert start >= 0, (name, phrases[0])
        check(pdf_text[start:], phrases)
    check(pdf_text, TOLD)


def test_the_check_can_fail():
    with pytest.raises(AssertionError):
        check("The sitting.The floor", ["The sitting. The floor"])
    with pytest.raises(AssertionError):
        check("second first", ["first", "second"])


RENDITIONS = {
    "italic": "italic type",
    "bold": "bold by style",
    "superscript": "raised",
    "subscript": "lowered",
    "underline": "underlined",
    "small-caps": "capitals by rendition",
}


def test_the_rendition_reaches_the_website_and_the_epub(rendered):
    html = etree.parse(str(rendered / "html" / "faithful.html"), etree.HTMLParser())
    with zipfile.ZipFile(rendered / "epub" / "edition.epub") as z:
        book = etree.fromstring(z.read("EPUB/faithful.xhtml"))
    for keyword, words in RENDITIONS.items():
        for tree, ns in ((html, ""), (book, "h:")):
            found = tree.xpath(
                f"//{ns}span[contains(concat(' ', @class, ' '), ' r-{keyword} ')]", namespaces={"h": XHTML[1:-1]}
            )
            assert any(" ".join("".join(s.itertext()).split()) == words for s in found), (keyword, ns)
    both = html.xpath("//span[contains(@class, 'r-italic') and contains(@class, 'r-bold')]")
    assert [" ".join("".join(s.itertext()).split()) for s in both] == ["both at once"]
    css = (Path(__file__).parents[1] / "xslt" / "html" / "assets" / "edition.css").read_text(encoding="utf-8")
    for keyword in RENDITIONS:
        assert f".r-{keyword} {{" in css


def test_the_rendition_reaches_the_book():
    renderer = PdfRenderer()
    renderer.set_edition(renderer.load([FILES[0]]))
    source = renderer.source()
    for markup in (
        "#emph[italic type]",
        "#strong[bold type]",
        "#super[raised]",
        "#sub[lowered]",
        "#underline[underlined]",
        "#smallcaps[capitals by rendition]",
        "#strong[bold by style]",
        "#emph[emphasised]",
    ):
        assert markup in source, markup
    assert re.search(r"#(emph\[#strong|strong\[#emph)\[both at once\]\]", source)


def test_an_edition_without_persons_has_no_index(rendered, tmp_path):
    renderer = PdfRenderer()
    renderer.set_edition(renderer.load([FILES[0]]))
    assert "#persons-index()" not in renderer.source()
    renderer = PdfRenderer()
    renderer.set_edition(renderer.load(expand([Path(__file__).parents[1] / "tei"])))
    assert "#persons-index()" in renderer.source()


def test_the_principles_are_the_same_in_every_format(rendered):
    """One statement per phenomenon of the texts, decided once (ed:principles): the website, the EPUB
    and the book state the same things, each as it shows them."""
    about = etree.parse(str(rendered / "html" / "about.html"), etree.HTMLParser())
    site = {
        li.get("class"): " ".join("".join(li.itertext()).split())
        for li in about.xpath("//ul[@class='ed-principles']/li")
    }
    with zipfile.ZipFile(rendered / "epub" / "edition.epub") as z:
        page = etree.fromstring(z.read("EPUB/about.xhtml"))
    book = {li.get("class"): " ".join("".join(li.itertext()).split()) for li in page.iter(f"{XHTML}li")}
    assert set(site) == set(book) >= {"ed-principle-alternative", "ed-principle-reading", "ed-principle-rendition"}
    assert site["ed-principle-reading"] == book["ed-principle-reading"]
    assert "pointing at it shows the other" in site["ed-principle-alternative"]
    assert "the other form follows in parentheses" in book["ed-principle-alternative"]
    printed = flat(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(rendered / "pdf" / "edition.pdf"), "-"], capture_output=True, text=True
        ).stdout
    )
    assert book["ed-principle-alternative"] in printed and book["ed-principle-reading"] in printed


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("faithful-sample")
    docs = expand([Path(__file__).parents[1] / "tei"])
    HtmlRenderer().render(docs, out / "html")
    PdfRenderer().render(docs, out / "pdf")
    EpubRenderer().render(docs, out / "epub")
    return out


CREDITS = [
    "Edited by Mark Kramer",
    "Translated by Mark Kramer, Svetlana Savranskaya",
    "With the assistance of Timothy Naftali",
    "In association with The National Security Archive",
]


def test_the_makers_are_named_under_their_roles_alike(sample):
    """Editors, translators and assistants under their roles, an organisation apart (ed:credits), on the
    home page, the book's title page and the EPUB's; the organisation is no creator of the EPUB."""
    home = etree.parse(str(sample / "html" / "index.html"), etree.HTMLParser())
    assert [" ".join("".join(li.itertext()).split()) for li in home.xpath("//ul[@class='ed-editors']/li")] == CREDITS
    with zipfile.ZipFile(sample / "epub" / "edition.epub") as z:
        title = etree.fromstring(z.read("EPUB/title.xhtml"))
        opf = z.read("EPUB/package.opf").decode()
    assert [" ".join("".join(li.itertext()).split()) for li in title.iter(f"{XHTML}li")] == CREDITS
    creators = re.findall(r"<dc:(?:creator|contributor)[^>]*>([^<]*)<", opf)
    assert "Mark Kramer" in creators and "The National Security Archive" not in creators
    first = subprocess.run(
        ["pdftotext", "-l", "1", str(sample / "pdf" / "edition.pdf"), "-"], capture_output=True, text=True
    )
    check(flat(first.stdout), ["Documents of 1962", *CREDITS])


def test_the_documents_are_read_in_one_order_in_every_format(sample):
    home = etree.parse(str(sample / "html" / "index.html"), etree.HTMLParser())
    order = [a.get("href").removesuffix(".html") for a in home.xpath("//ul[@class='ed-doc-list']//a")]
    with zipfile.ZipFile(sample / "epub" / "edition.epub") as z:
        opf = etree.fromstring(z.read("EPUB/package.opf"))
    spine = [ref.get("idref") for ref in opf.iter("{http://www.idpf.org/2007/opf}itemref")]
    items = {i.get("id"): i.get("href") for i in opf.iter("{http://www.idpf.org/2007/opf}item")}
    epub = [items[r].removesuffix(".xhtml") for r in spine if items[r].removesuffix(".xhtml") in order]
    assert epub == order and len(order) == 2
    titles = [
        " ".join(t.split())
        for t in etree.parse(str(sample / "html" / "index.html"), etree.HTMLParser()).xpath(
            "//ul[@class='ed-doc-list']//a/text()"
        )
    ]
    text = flat(
        subprocess.run(["pdftotext", str(sample / "pdf" / "edition.pdf"), "-"], capture_output=True, text=True).stdout
    )
    contents = text[text.find("Contents") :]
    assert contents.find(titles[0][:30]) < contents.find(titles[1][:30])
