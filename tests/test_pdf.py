"""The printed edition: XSLT to Typst, compiled by the typst library; checked with poppler's tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from helpers import earlier_books, words, xpath

from toolchain.render import expand
from toolchain.render.pdf import PdfRenderer
from toolchain.tei import NS, parse

SAMPLE_TEI = ROOT / "tei"
HOSTILE = Path(__file__).parent / "print" / "typst-hostile.xml"


def tool(name: str) -> str:
    exe = shutil.which(name)
    assert exe, f"{name} is not installed: ./run.sh test installs poppler-utils"
    return exe


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    args = [tool("pdftotext"), "-enc", "UTF-8", *(["-raw"] if raw else [])]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*args, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> int:
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf")
    PdfRenderer().render(expand([SAMPLE_TEI]), out)
    return out / "edition.pdf"


def pdf_tokens(text: str) -> list[tuple[str, bool]]:
    """Words of pdftotext output, each with whether a hyphen ends its line (a word broken in two)."""
    return [(m.group(1), bool(m.group(2))) for m in re.finditer(r"([^\W\d_]+|\d+)([-\u2010\u00ad]\n)?", text)]


def in_order(expected: list[str], tokens: list[tuple[str, bool]]) -> str | None:
    """None if `expected` occurs in the PDF's words in order (other words may stand between:
    running heads, line numbers, notes); else the first word not found. A word broken at a line end
    by Typst's hyphen comes as two tokens; a hyphenated compound broken at its own hyphen (so-called)
    comes as one, pdftotext having joined its halves."""
    j = 0
    k = 0
    while k < len(expected):
        w = expected[k]
        joined = w + expected[k + 1] if k + 1 < len(expected) else None
        while j < len(tokens):
            word, broken = tokens[j]
            if word == w:
                j += 1
                break
            if word == joined:
                j += 1
                k += 1
                break
            if broken and j + 1 < len(tokens) and word + tokens[j + 1][0] == w:
                j += 2
                break
            j += 1
        else:
            return f"word {k} {w!r} (after {' '.join(expected[max(0, k - 8) : k])!r})"
        k += 1
    return None


BLOCKS = {"p", "head", "sp", "speaker", "item", "list", "l", "lg", "ab", "stage", "closer", "opener", "dateline", "fw"}


def split(text: str) -> list[str]:
    """Words as the PDF's text gives them: letters and digits apart (a note's number sticks to its word)."""
    return [w for word in words(text) for w in re.findall(r"[^\W\d_]+|\d+", word)]


def text_words(node) -> list[str]:
    """The words of a TEI text part as the diplomatic view prints them: notes left out (they stand at the
    foot of the page), of a choice the transcript's form (orig, sic, abbr) only."""
    out: list[str] = []  # the text, in pieces
    tei = f"{{{NS['tei']}}}"
    other_reading = {tei + "reg", tei + "corr", tei + "expan"}

    def walk(n) -> None:
        if n.tag == tei + "note" or (n.tag in other_reading and n.getparent().tag == tei + "choice"):
            return
        out.append(n.text or "")
        for child in n:
            walk(child)
            if child.tag.removeprefix(tei) in BLOCKS:
                out.append(" ")
            out.append(child.tail or "")

    walk(node)
    return split("".join(out))


def test_every_word_of_every_text_in_order(book):
    text = pdftotext(book)
    tokens = pdf_tokens(text)
    for path in sorted(SAMPLE_TEI.glob("*.xml")):
        tree = parse(path)
        if xpath(tree, "//tei:body/tei:listBibl | //tei:body/tei:listPerson"):
            continue  # the catalogue and the persons registry are no chapters
        # each text part in order (the original and its translation face each other, part by part)
        parts = xpath(tree, "//tei:text/tei:body/tei:div[@type='original' or @type='translation']") or xpath(
            tree, "//tei:text/tei:body"
        )
        for part in parts:
            missing = in_order(text_words(part), tokens)
            assert missing is None, f"{path.name}: {missing}"
        for note in xpath(tree, "//tei:text//tei:note[@place='foot']"):
            assert in_order(split("".join(note.itertext())), tokens) is None, f"{path.name}: note {note.get('n')}"


def test_no_typst_markup_in_the_text(book):
    text = pdftotext(book)
    assert not re.search(r"#(?:ed-|text\(|footnote|heading|set |show |import)|\bed-(?:note|person|speech)\b", text)


def test_fonts_embedded(book):
    out = subprocess.run([tool("pdffonts"), str(book)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    for row in rows:
        emb = row[-5]
        assert emb == "yes", f"font not embedded: {row}"


def test_metadata(book):
    info = subprocess.run([tool("pdfinfo"), str(book)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+Documents of the edition", info, re.M)
    assert re.search(r"^Author:\s+\S", info, re.M)


def test_one_chapter_per_document_in_the_outline(book):
    """The PDF's outline: the front matter, one entry per document (in date order, at its first page,
    where its title is printed), the index."""
    from pypdf import PdfReader

    reader = PdfReader(book)
    entries = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline]
    kinds = {d.path: d.kind for d in PdfRenderer().load(expand([SAMPLE_TEI]))}
    documents = sorted(
        (parse(f) for f, kind in kinds.items() if kind == "document"),
        key=lambda t: xpath(t, "string(//tei:profileDesc/tei:creation//tei:date/@when)"),
    )
    titles = [" ".join(xpath(t, "string(//tei:titleStmt/tei:title[1])").split()) for t in documents]
    assert [title for title, _ in entries] == ["Contents", "Editorial principles", *titles, "Index of persons"]
    for title, page in entries:
        assert " ".join(title.split()[:4]) in " ".join(pdftotext(book, page).split()), (title, page)


def test_blank_pages_are_blank(book):
    """A page left blank so that a chapter starts on a right-hand page has no running head nor number;
    the title page is page 1, and odd pages are right-hand pages (their number at the right)."""
    total = pages(book)
    texts = [pdftotext(book, n) for n in range(1, total + 1)]
    for n, text in enumerate(texts, start=1):
        rest = re.sub(r"\d+|Documents of the edition", "", text).strip()
        assert rest or not text.strip(), f"page {n} has only a running head: {text!r}"
    assert any(not t.strip() for t in texts), "the sample book has no blank page: the check tests nothing"
    for n, text in enumerate(texts[1:], start=2):
        if "Documents of the edition" in text:
            assert n % 2 == 0 and text.split()[0] == str(n), f"page {n}: {text[:80]!r}"


def test_the_same_sources_give_the_same_bytes(book, tmp_path, monkeypatch):
    PdfRenderer().render(expand([SAMPLE_TEI]), tmp_path)
    assert (tmp_path / "edition.pdf").read_bytes() == book.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    PdfRenderer().render(expand([SAMPLE_TEI]), tmp_path)
    info = subprocess.run([tool("pdfinfo"), str(tmp_path / "edition.pdf")], capture_output=True, text=True).stdout
    assert re.search(r"^CreationDate:\s+Thu Jan  1 00:00:00 1970", info, re.M), info


def test_index_pages_name_the_person(book):
    """The index gives Khrushchev the pages that name him, in one of his name forms (OCR-damaged Russian
    ones included), and no other: the page numbers are those of the PDF (the title page is page 1)."""
    registry = parse(SAMPLE_TEI / "persons.xml")
    forms = {
        " ".join("".join(n.itertext()).split())
        for n in xpath(registry, "//tei:person[@xml:id='khrushchev']/tei:persName")
    }
    surnames = {f.split()[-1].split(".")[-1] for f in forms}
    total = pages(book)
    index_text = pdftotext(book, total - 1, total)
    m = re.search(r"Khrushchev, N\. S\.\s+([\d,\s]+)", index_text)
    assert m, index_text[:2000]
    listed = [int(n) for n in re.findall(r"\d+", m.group(1))]
    index_page = next(n for n in range(total, 0, -1) if "Index of persons" in pdftotext(book, n))
    naming = [n for n in range(1, index_page) if any(s in pdftotext(book, n) for s in surnames)]
    assert listed == naming


def test_paper_and_pdfa(tmp_path):
    PdfRenderer({"paper": "us-letter", "pdfa": "true", "line-numbers": "false"}).render(expand([SAMPLE_TEI]), tmp_path)
    pdf = tmp_path / "edition.pdf"
    info = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts" in info
    data = pdf.read_bytes()
    assert b"pdfaid:part" in data and (b"<pdfaid:part>2</pdfaid:part>" in data or b'pdfaid:part="2"' in data)


def test_trim_size(tmp_path):
    PdfRenderer({"paper": "15.6cm x 23.4cm"}).render(expand([SAMPLE_TEI]), tmp_path)
    info = subprocess.run(
        [tool("pdfinfo"), str(tmp_path / "edition.pdf")], capture_output=True, text=True, check=True
    ).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert abs(float(size.group(1)) - 442.2) < 1 and abs(float(size.group(2)) - 663.3) < 1


def test_typst_markup_in_the_text_comes_out_literally(tmp_path):
    PdfRenderer().render([HOSTILE], tmp_path)
    # as printed, line breaks (and the hyphens Typst adds at them) aside
    text = re.sub(r"[\s\u00ad\u2010]", "", pdftotext(tmp_path / "edition.pdf", raw=True))
    for literal in (
        "= Not a heading, and #strong[not bold] nor *bold* nor _emphasis_;",
        "$x^2 + y$ is no formula; @label and <label> are no references;",
        "[brackets] and \\backslash and `raw` and // no comment /* nor this */",
        # straight quotes are set as the quotation marks of the language
        "a-b--c---d and ... and “quotes” and ‘single’ and ~tilde",
        "- not a list item",
        "+ not an enumeration",
        "1. not a numbered item, \\u{41} not an escape, #footnote[not a note]",
        "#speaker[:",
        ")] #panic(“x”) [",
        "#set page(width: 1cm) and $x^2$ in a title",
    ):
        assert re.sub(r"\s", "", literal) in text, literal


NOTE_ON_THE_WRONG_PAGE = """#import "edition.typ": *
#show: book.with(title: "T", line-numbers: false)
#heading(level: 1)[Lorem]
#lorem(560)

#ed-heading(1)[Ipsum]
#lorem(10)#ed-note("Note", key: "n1")[#lorem(20)] #lorem(1500)
"""


def test_every_note_on_the_page_of_its_call(tmp_path):
    """Typst reports where each call and each note landed: in the book, on the same page."""
    renderer = PdfRenderer()
    result = renderer.render(expand([SAMPLE_TEI]), tmp_path)
    assert renderer.misplaced == [] and result.warnings == []
    renderer.set_edition(renderer.load(expand([SAMPLE_TEI])))  # the book is typeset: its edition let go
    assert renderer.source().count("#ed-note(") >= 3


def test_a_note_typst_puts_before_its_call_is_moved_to_its_page(tmp_path):
    """Typst can put a footnote one page before its call (the line with the call moves on); the renderer
    finds that and starts the call on the next page. The check can fail: without the fix it does."""
    import typst

    renderer = PdfRenderer()
    shutil.copyfile(ROOT / "xslt" / "print" / "edition.typ", tmp_path / "edition.typ")
    main = tmp_path / "main.typ"
    main.write_text(NOTE_ON_THE_WRONG_PAGE, encoding="utf-8")

    def misplaced(fixes: str) -> list[str]:
        compiler = typst.Compiler(str(main), root=str(tmp_path), sys_inputs={"break-before-notes": fixes})
        compiler.compile()
        return renderer.misplaced_notes(compiler)

    before = misplaced("")
    renderer.typeset(NOTE_ON_THE_WRONG_PAGE)
    after = misplaced("n1")
    assert before == ["n1"], "the layout no longer puts the note too early: choose another length of text"
    assert after == []


def test_transcripts_typeset_every_word(tmp_path):
    """The speaker-labelled case files as a book: speakers, remarks, gaps and every word in order."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from conftest import case_files, load_case
    from helpers import convert

    tei_dir = tmp_path / "tei"
    tei_dir.mkdir()
    for path in case_files("transcript"):
        (tei_dir / f"{path.stem}.xml").write_bytes(convert(load_case(path).input, path.stem + ".txt")[0])
    renderer = PdfRenderer()
    result = renderer.render(expand([tei_dir]), tmp_path / "pdf")
    assert renderer.misplaced == [] and result.warnings == []
    tokens = pdf_tokens(pdftotext(tmp_path / "pdf" / "edition.pdf"))
    for f in sorted(tei_dir.glob("*.xml")):
        tree = parse(f)
        body = xpath(tree, "//tei:text/tei:body/tei:div")[0]
        # the heading repeats the chapter title and is printed once, as the chapter's
        for head in xpath(body, "tei:head"):
            body.remove(head)
        missing = in_order(text_words(body), tokens)
        assert missing is None, f"{f.name}: {missing}"


def test_speakers_in_small_capitals_and_dates_in_words():
    """A label in capitals is set in small capitals throughout (Typst's small capitals alone would leave
    capitals as they are), a label in mixed case in ordinary small capitals; a date the TEI gives only as
    a value is printed in words."""
    renderer = PdfRenderer()
    render = Path(__file__).parent / "render"
    docs = renderer.load([render / "meeting.xml", render / "varia.xml"])
    renderer.set_edition(docs)
    source = renderer.source()
    assert "#ed-speech(caps: true, [THE CHAIR\\:])" in source
    assert "#ed-speech(caps: true, [“MR\\. MEMBER\\:])" in source
    assert "#ed-speech(caps: false, [Unnamed speaker\\:])" in source
    assert "[25 October 1962, 10:00]" in source.replace("\\", "")


def test_the_reading_view_leaves_deletions_out(book, tmp_path):
    """default-view=reading: the words the note-taker struck out are not printed; in the diplomatic
    view (the default) they are, struck through."""
    protocol = parse(SAMPLE_TEI / "001_545f37247de4dac3.xml")
    deleted = [" ".join("".join(d.itertext()).split()) for d in xpath(protocol, "//tei:del")]
    assert deleted
    PdfRenderer({"default-view": "reading"}).render(expand([SAMPLE_TEI]), tmp_path)
    reading = " ".join(pdftotext(tmp_path / "edition.pdf", raw=True).split())
    diplomatic = " ".join(pdftotext(book, raw=True).split())
    for struck in deleted:
        probe = " ".join(struck.split()[-4:]).replace('"', "")
        assert probe in diplomatic.replace("“", "").replace("”", "")
        assert probe not in reading.replace("“", "").replace("”", "")
    assert "Kennedy was sleeping with a wooden knife." in reading


def test_bilingual_layouts(book, tmp_path):
    """facing (the default): the original on even pages, the translation on odd pages, each labelled;
    sequential: the whole original, then the whole translation from a new page."""
    total = pages(book)
    for n in range(1, total + 1):
        text = pdftotext(book, n)
        cyrillic = len(re.findall(r"[а-яА-Я]", text))
        if cyrillic > 200:  # a page of the original
            assert n % 2 == 0, f"page {n}: the original on a right-hand page"
            following = pdftotext(book, n + 1)
            assert len(re.findall(r"[a-zA-Z]", following)) > 10 * len(re.findall(r"[а-яА-Я]", following))
    whole = pdftotext(book)
    assert whole.index("Original (Russian)") < whole.index("Translation (English)")
    PdfRenderer({"bilingual-layout": "sequential"}).render(expand([SAMPLE_TEI]), tmp_path)
    text = pdftotext(tmp_path / "edition.pdf")
    original, translation = text.index("Original (Russian)"), text.index("Translation (English)")
    assert original < translation
    last_russian = max(m.start() for m in re.finditer(r"[а-яА-Я]{4,}", text[:translation]))
    assert not re.search(r"[а-яА-Я]{4,}", text[translation : text.index("Index of persons")])
    assert last_russian < translation


def test_a_facing_document_starts_under_its_heading_on_a_left_hand_page(book):
    """The chapter of a text facing its translation opens on a left-hand page with the original under
    its heading, and the translation faces it from the first page on: no page holds the heading alone."""
    total = pages(book)
    texts = {n: pdftotext(book, n) for n in range(1, total + 1)}
    (start,) = [n for n, text in texts.items() if "Archive reference" in text]  # the telegram's facts
    assert start % 2 == 0, f"the telegram's chapter opens on page {start}, a right-hand page"
    assert "Original (Russian)" in texts[start] and "Около 12 часов ночи" in texts[start]
    assert "Translation (English)" in texts[start + 1] and "At approximately midnight" in texts[start + 1]


def test_a_row_taller_than_a_page_faces_as_well_as_it_can(tmp_path):
    """A translation paragraph (and the original it renders) longer than a page: the original runs on
    from a left-hand page, the translation starts on the right-hand page after it; nothing is lost."""
    tree = parse(SAMPLE_TEI / "004_40ab3963a3b9c643.xml")
    translated = xpath(tree, "//tei:div[@type='translation']/tei:p[@corresp][3]")[0]
    target = translated.get("corresp").split()[-1].lstrip("#")
    original = xpath(tree, f"//tei:div[@type='original']/tei:p[@xml:id='{target}']")[0]
    for p, start, end in ((original, "Alphastart", "Alphaend"), (translated, "Omegastart", "Omegaend")):
        words = " ".join("".join(p.itertext()).split())
        for child in list(p):
            p.remove(child)
        p.text = " ".join([start, *[words] * (1 + 12000 // len(words)), end])
    source = tmp_path / "tei"
    source.mkdir()
    tree.write(str(source / "long.xml"), encoding="utf-8", xml_declaration=True)
    shutil.copyfile(SAMPLE_TEI / "persons.xml", source / "persons.xml")
    PdfRenderer().render(expand([source]), tmp_path)
    pdf = tmp_path / "edition.pdf"
    where = {}
    for n in range(1, pages(pdf) + 1):
        for word in re.findall(r"Alphastart|Alphaend|Omegastart|Omegaend", pdftotext(pdf, n)):
            where[word] = n
    assert where["Alphastart"] % 2 == 0 and where["Alphaend"] > where["Alphastart"]
    assert where["Omegastart"] % 2 == 1 and where["Omegastart"] > where["Alphaend"]
    assert where["Omegaend"] > where["Omegastart"]
    tokens = pdf_tokens(pdftotext(pdf))
    for f in (source / "long.xml",):
        for div in xpath(parse(f), "//tei:div[@type]"):
            assert in_order(text_words(div), tokens) is None


def test_languages_of_the_text_and_its_parts(tmp_path):
    """Hyphenation and quotation marks follow xml:lang, down to a foreign word; a tag with a region or a
    script (en-GB, ru-Latn) gives Typst its language."""
    text = (Path(__file__).parent / "render" / "varia.xml").read_text(encoding="utf-8")
    text = text.replace('<text xml:lang="en">', '<text xml:lang="en-GB">')
    text = text.replace('<foreign xml:lang="ru">', '<foreign xml:lang="ru-Cyrl">')
    (tmp_path / "varia.xml").write_text(text, encoding="utf-8")
    renderer = PdfRenderer()
    renderer.set_edition(renderer.load([tmp_path / "varia.xml"]))
    source = renderer.source()
    assert '#text(lang: "en")[' in source
    assert '#text(lang: "ru")[по\\-русски]' in source
    renderer.render([tmp_path / "varia.xml"], tmp_path / "pdf")
    assert "по-русски" in pdftotext(tmp_path / "pdf" / "edition.pdf")


def test_a_long_edition_is_typeset_in_volumes(tmp_path):
    """`volume-pages`: the book in volumes of about that many pages, each a book of its own (title page with
    its number, contents, index), the chapters of all in the book's order; the volumes of an earlier build
    that this one does not make are removed, and one volume is edition.pdf again."""
    whole = tmp_path / "whole"
    PdfRenderer().render(expand([SAMPLE_TEI]), whole)
    out = earlier_books(tmp_path / "out", ".pdf", b"%PDF-")
    result = PdfRenderer({"volume-pages": "1"}).render(expand([SAMPLE_TEI]), out)  # a volume a document
    volumes = sorted(out.glob("edition-[0-9].pdf"))
    assert result.written == volumes and [p.name for p in volumes] == ["edition-1.pdf", "edition-2.pdf"]
    assert not (out / "edition.pdf").exists() and (out / "edition-notes.pdf").exists()
    assert [f"Volume {k} of 2" in pdftotext(v, 1, 1) for k, v in enumerate(volumes, start=1)] == [True, True]
    chapters = [_chapters(v) for v in volumes]
    assert all(len(c) == 1 for c in chapters), chapters
    assert [c for volume in chapters for c in volume] == _chapters(whole / "edition.pdf")
    PdfRenderer().render(expand([SAMPLE_TEI]), out)
    assert sorted(p.name for p in out.glob("edition*.pdf")) == ["edition-notes.pdf", "edition.pdf"]


def _chapters(pdf: Path) -> list[str]:
    """The chapters the contents of a book list (not its principles or index)."""
    entries = [re.split(r"\s\.\s\.", line)[0].strip() for line in pdftotext(pdf, 2, 3).splitlines() if " . ." in line]
    return [e for e in entries if e not in ("Editorial principles", "Index of persons")]


def test_ctrl_c_stops_the_typesetting_at_once(tmp_path):
    """Typst runs in a process of its own: an interrupt ends the render within a second or two, not when
    the book is done."""
    import os
    import signal
    import sys
    import time

    folder = tmp_path / "tei"
    folder.mkdir()
    for source in SAMPLE_TEI.glob("*.xml"):
        shutil.copy(source, folder / source.name)
    document = (SAMPLE_TEI / "001_545f37247de4dac3.xml").read_text(encoding="utf-8")
    for i in range(240):
        (folder / f"copy{i:03d}.xml").write_text(document.replace("Protocol", f"Protocol {i}", 1), encoding="utf-8")
    command = [sys.executable, "-m", "toolchain.cli", "render", "--to", "pdf", str(folder), "-o", str(tmp_path / "o")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _typesetting(process.pid):
        time.sleep(0.1)
    assert _typesetting(process.pid), "the typesetting process never started"
    time.sleep(1)
    interrupted = time.monotonic()
    os.kill(process.pid, signal.SIGINT)
    process.wait(timeout=30)
    assert time.monotonic() - interrupted < 5
    assert process.returncode != 0
    assert not (tmp_path / "o" / "edition.pdf").exists()


def _typesetting(pid: int) -> bool:
    """Whether the process `pid` has a child (the process that typesets the book)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return children.exists() and children.read_text().strip() != ""
