"""The listing reader (search-result pages -> the edition's catalogue) and the catalogue's links to documents."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, jing
from helpers import convert, text_of, words, xpath

from toolchain import readers
from toolchain.errors import InputError
from toolchain.link.catalogue import edition_documents, link_catalogue, link_file, title_words
from toolchain.readers.conventions import DEFAULT, load
from toolchain.tei import XML_ID, parse, serialise
from toolchain.validate import validator

LISTING = Path(__file__).parent / "cases" / "listing"
PAGE = LISTING / "000_76a20d9d4f7c8183.txt"  # the sample search-result page (seed 000)
BULLETED = LISTING / "bulleted-results.txt"
EMPTY = LISTING / "no-results.txt"
DOCUMENT = ROOT / "tei" / "001_545f37247de4dac3.xml"
DOCUMENT_NAME = DOCUMENT.name

PAGE_RECORDS = [  # n, @when, date as written, title (by hand, from the page)
    (
        "261",
        "1962-10-25",
        "October 25, 1962",
        "Central Committee of the Communist Party of the Soviet Union Presidium Protocol No. 61",
    ),
    (
        "262",
        "1962-03-12",
        "March 12, 1962",
        "Alexei Adzhubei's Account of His Visit to Washington to the Central Committee of the Communist Party of "
        "the Soviet Union",
    ),
    (
        "263",
        "1962-11-02",
        "November 2, 1962",
        "Cable from the Chinese Embassy in Cuba, 'The Problem of How to Express a Position on the Cuban-Soviet "
        "Relationship'",
    ),
    (
        "264",
        "1962-11-02",
        "November 2, 1962",
        "Cable from the Chinese Embassy in the Soviet Union, 'The Soviet Union Continued a Reconciliatory Approach "
        "to the Cuban Problem'",
    ),
    ("265", "1964-10", "October 1964", "The Polyansky Report on Khrushchev’s Mistakes in Foreign Policy, October 1964"),
    (
        "266",
        "1962-11-06",
        "November 6, 1962",
        "Cable from the Chinese Foreign Ministry, 'Instruction on How to Express Positions Regarding the Cuba-Soviet "
        "Relationship'",
    ),
    (
        "267",
        "1962-11-16",
        "November 16, 1962",
        "Record of Conversation between Mikoyan and Ernesto 'Che' Guevara, Havana, 16 November 1962",
    ),
    ("268", "1962-11-13", "November 13, 1962", "Record of Conversation between Mikoyan and Fidel Castro, Havana"),
    ("269", "1962-11-11", "November 11, 1962", "Telegram from Nikita Khrushchev to Anastas Mikoyan"),
    (
        "270",
        "1962-12-03",
        "December 3, 1962",
        "Central Committee of the Communist Party of the Soviet Union Presidium Protocol 71",
    ),
]


def catalogue(path: Path = PAGE) -> tuple[bytes, list]:
    return convert(path.read_bytes(), path.name)


def records(tree) -> list:
    return xpath(tree, "/tei:TEI/tei:text/tei:body/tei:listBibl[@type='catalogue']/tei:bibl")


def check_valid(files: dict[str, bytes]) -> None:
    for name, data in files.items():
        assert validator().check_bytes(data, name) == [], name


@pytest.fixture(scope="module")
def edition_document():
    return parse(DOCUMENT)


# --- the sample page -----------------------------------------------------------------


def test_sample_records_in_order_with_dates():
    tei, _ = catalogue()
    got = [
        (
            b.get("n"),
            xpath(b, "string(tei:date/@when)"),
            xpath(b, "string(tei:date)"),
            text_of(xpath(b, "tei:title")[0]),
        )
        for b in records(parse(tei))
    ]
    assert got == PAGE_RECORDS


def test_sample_summaries_whole_and_ids_from_titles():
    tree = parse(catalogue()[0])
    bibls = records(tree)
    first = text_of(xpath(bibls[0], "tei:note[@type='summary']")[0])
    assert first.startswith("In response to President Kennedy's letter") and first.endswith(
        "pledged not to invade Cuba."
    )
    last = text_of(xpath(bibls[-1], "tei:note[@type='summary']")[0])
    assert last.endswith("Khrushchev was calling the Cubans “unreliable allies.”")
    ids = [b.get(XML_ID) for b in bibls]
    assert len(set(ids)) == 10 and all(i.startswith("bibl-") for i in ids)
    # the id is the record's, not its position's: another page with the record gives it the same id
    moved = convert("Results\n\nDocuments\n\n" + PAGE.read_text(encoding="utf-8").split("Documents\n\n", 1)[1], "x.txt")
    assert [b.get(XML_ID) for b in records(parse(moved[0]))] == ids


def test_sample_range_and_header():
    tree = parse(catalogue()[0])
    head = xpath(tree, "//tei:listBibl[@type='catalogue']/tei:head[@type='range']")
    assert [text_of(h) for h in head] == ["261 - 270 of 334"]
    assert xpath(head[0], "tei:num/@value") == ["261", "270", "334"]
    assert text_of(xpath(tree, "//tei:titleStmt/tei:title")[0]) == "Catalogue: 261 - 270 of 334"
    assert "261 - 270 of 334" in text_of(xpath(tree, "//tei:sourceDesc")[0])
    assert xpath(tree, "//tei:langUsage/tei:language/@ident") == ["en"]


def test_sample_chrome_dropped_and_reported():
    tei, diagnostics = catalogue()
    chrome = [(d.line, d.severity, d.path) for d in diagnostics if d.rule == "listing-chrome"]
    assert chrome == [
        (1, "warning", PAGE.name),
        (3, "warning", PAGE.name),
        (7, "warning", PAGE.name),
        (69, "warning", PAGE.name),
    ]
    body = text_of(xpath(parse(tei), "/tei:TEI/tei:text")[0])
    for gone in ("Skip to content", "Results:", "Pagination"):
        assert gone not in body
    assert [d for d in diagnostics if d.rule != "listing-chrome"] == []


def test_sample_sniffs_as_listing_and_document_still_as_document():
    page = PAGE.read_text(encoding="utf-8")
    assert readers.sniff(page, PAGE, DEFAULT).name == "listing"
    assert readers.sniff(SAMPLE.read_text(encoding="utf-8"), SAMPLE, DEFAULT).name == "document"
    assert readers.get("listing").sniff(SAMPLE.read_text(encoding="utf-8"), DEFAULT) == 0.0
    assert readers.sniff(BULLETED.read_text(encoding="utf-8"), BULLETED, DEFAULT).name == "listing"


# --- another layout; a cut-off record; no records --------------------------------------


def test_bulleted_listing_with_other_date_forms():
    tei, diagnostics = catalogue(BULLETED)
    tree = parse(tei)
    bibls = records(tree)
    assert [(b.get("n"), xpath(b, "string(tei:date/@when)"), xpath(b, "string(tei:date)")) for b in bibls] == [
        ("1", "1962-10-25", "25 Oct. 1962"),
        ("2", "1962-11-04", "1962-11-04"),
        ("3", "1962-11-16", "16.11.1962"),
        ("4", "1962-11-13", "13 November 1962"),
        ("5", "1962-12-03", "3 December 1962"),
    ]
    assert (
        text_of(xpath(bibls[1], "tei:title")[0])
        == "Record of Conversation between A. I. Mikoyan and Fidel Castro – Havana"
    )
    # a summary of two paragraphs stays whole, in one note
    paragraphs = xpath(bibls[1], "tei:note[@type='summary']/tei:p")
    assert [text_of(p)[:24] for p in paragraphs] == ["Mikoyan explains why the", "The talks went on late i"]
    # a summary wrapped over lines is one paragraph
    assert text_of(xpath(bibls[0], "tei:note")[0]).endswith(
        "the island would be dismantled if Kennedy pledged not to invade Cuba."
    )
    # lines before the records that are not chrome are kept as headings
    heads = [text_of(h) for h in xpath(tree, "//tei:listBibl/tei:head")]
    assert heads == [
        "Digital Archive — International History Declassified",
        "Search results for “Mikoyan Cuba”",
        "Showing 1–5 of 5",
        "Date (oldest first)",
    ]
    chrome = [d.line for d in diagnostics if d.rule == "listing-chrome"]
    assert chrome == [2, 3, 4, 9, 37]


def test_cut_off_record_is_kept_and_reported():
    tei, diagnostics = catalogue(BULLETED)
    last = records(parse(tei))[-1]
    assert text_of(xpath(last, "tei:title")[0]).endswith("Presidium Protocol 71")
    assert xpath(last, "tei:note") == []
    incomplete = [(d.severity, d.path, d.line) for d in diagnostics if d.rule == "listing-incomplete"]
    assert incomplete == [("warning", BULLETED.name, 35)]


def test_date_without_title_is_kept_and_reported():
    text = "Showing 1 - 2 of 2\n\nMay 1, 1963\n\nA Title\n\nIts summary.\n\nJune 2, 1963\n"
    tei, diagnostics = convert(text, "cut.txt")
    bibls = records(parse(tei))
    assert [xpath(b, "string(tei:date/@when)") for b in bibls] == ["1963-05-01", "1963-06-02"]
    assert xpath(bibls[1], "tei:title") == []
    assert [(d.rule, d.line) for d in diagnostics] == [("listing-incomplete", 9)]
    check_valid({"cut.xml": tei})


def test_count_differs_from_range_is_reported():
    text = "Showing 1 - 3 of 9\n\nMay 1, 1963\nA Title\nIts summary.\n\nJune 2, 1963\nB Title\nIts summary.\n"
    _, diagnostics = convert(text, "short.txt")
    assert [(d.rule, d.line) for d in diagnostics] == [("listing-count", 1)]


def test_no_records_is_a_clear_error_with_a_line():
    with pytest.raises(InputError) as caught:
        convert(EMPTY.read_bytes(), EMPTY.name)
    d = caught.value.diagnostic
    assert (d.severity, d.rule, d.path, d.line) == ("error", "listing-empty", EMPTY.name, 9)
    assert "no records" in d.message and "only a date" in d.message


def test_chrome_is_a_convention(tmp_path):
    toml = tmp_path / "edition.toml"
    toml.write_text('[conventions]\nlisting_chrome = ["Skip to content", "Ergebnisse"]\n', encoding="utf-8")
    conventions = load(toml)
    assert conventions.listing.listing_chrome == ("Skip to content", "Ergebnisse")
    text = "Skip to content\nErgebnisse\nDocuments\n\n1 - 1 of 1\n\n12 May 1963\nA Title\nIts summary.\n"
    tei, diagnostics = convert(text, "de.txt", conventions=conventions)
    assert [d.line for d in diagnostics if d.rule == "listing-chrome"] == [1, 2]
    assert [text_of(h) for h in xpath(parse(tei), "//tei:listBibl/tei:head")] == ["Documents", "1 - 1 of 1"]


# --- nothing lost --------------------------------------------------------------------


def source_words(text: str, chrome_lines: set[int]) -> list[str]:
    return words("\n".join(line for n, line in enumerate(text.splitlines(), start=1) if n not in chrome_lines))


@pytest.mark.parametrize("path", [PAGE, BULLETED], ids=lambda p: p.stem)
def test_every_word_but_the_reported_chrome_survives_in_order(path):
    tei, diagnostics = catalogue(path)
    chrome = {d.line for d in diagnostics if d.rule == "listing-chrome"}
    body = xpath(parse(tei), "/tei:TEI/tei:text")[0]
    assert words(" ".join(body.itertext())) == source_words(path.read_text(encoding="utf-8"), chrome)


def test_lossless_check_can_fail():
    tei, diagnostics = catalogue()
    tree = parse(tei)
    xpath(tree, "//tei:bibl[@n='265']/tei:title")[0].text = "The Polyansky Report"
    chrome = {d.line for d in diagnostics if d.rule == "listing-chrome"}
    text = " ".join(xpath(tree, "/tei:TEI/tei:text")[0].itertext())
    assert words(text) != source_words(PAGE.read_text(encoding="utf-8"), chrome)


# --- linking to the edition ----------------------------------------------------------


def linked(documents: dict, path: Path = PAGE):
    tree = parse(catalogue(path)[0])
    return tree, link_catalogue(tree, documents)


def status(tree) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {b.get("n"): (b.get("status"), tuple(xpath(b, "tei:ptr[@type='edition']/@target"))) for b in records(tree)}


def variant(document, title: str | None = None, when: str | None = None):
    doc = copy.deepcopy(document)
    if title is not None:
        xpath(doc, "//tei:titleStmt/tei:title")[0].text = title
    if when is not None:
        xpath(doc, "//tei:profileDesc/tei:creation/tei:date")[0].set("when", when)
    return doc


def test_record_261_links_to_its_document_and_the_rest_are_unedited(edition_document):
    tree, diagnostics = linked({DOCUMENT_NAME: edition_document})
    got = status(tree)
    assert got.pop("261") == ("edited", (DOCUMENT_NAME,))
    assert got == {n: ("unedited", ()) for n in got} and len(got) == 9
    assert [(d.severity, d.rule) for d in diagnostics] == [("info", "catalogue-link")]
    assert DOCUMENT_NAME in diagnostics[0].message and "261" in diagnostics[0].message


@pytest.mark.parametrize(
    "title",
    [
        "Central Committee of the Communist Party of the Soviet Union Presidium Protocol No. 61",
        "CENTRAL COMMITTEE OF THE COMMUNIST PARTY OF THE SOVIET UNION PRESIDIUM PROTOCOL NO. 61",
        "Central Committee of the Communist Party of the Soviet Union — Presidium “Protocol” № 61",
        "Central Committee of the Communist Party of the Soviet-Union Presidium Protocol 61",
        "  Central Committee of the Communist Party of the Soviet Union,\n Presidium Protocol Nr. 61.",
        "Central Committee of the Communist Party of Soviet Union Presidium Protocol No. 61",  # a word less
    ],
)
def test_title_variants_still_link(edition_document, title):
    tree, _ = linked({"doc.xml": variant(edition_document, title=title)})
    assert status(tree)["261"] == ("edited", ("doc.xml",))


def test_listing_variant_links_too(edition_document):
    """The bulleted page writes the title with № and the date as 25 Oct. 1962."""
    tree, _ = linked({DOCUMENT_NAME: edition_document}, BULLETED)
    assert status(tree)["1"] == ("edited", (DOCUMENT_NAME,))
    assert status(tree)["5"] == ("unedited", ())  # Protocol 71 is another document


def test_quote_and_dash_variants_match():
    listing = (
        "Cable from the Chinese Embassy in Cuba, 'The Problem of How to Express a Position on the Cuban-Soviet Tie'"
    )
    document = (
        "Cable from the Chinese Embassy in Cuba, “The Problem of How to Express a Position on the Cuban–Soviet Tie”"
    )
    assert title_words(listing) == title_words(document)
    assert title_words("Khrushchev’s Mistakes") == title_words("Khrushchev's Mistakes")
    assert title_words("Protocol No. 61") == title_words("Protocol 61") == title_words("Protocol № 61")


@pytest.mark.parametrize(
    ("title", "when"),
    [
        (None, "1962-10-26"),  # same title, another day
        (None, "1963"),  # same title, another year
        ("Central Committee of the Communist Party of the Soviet Union Presidium Protocol No. 71", None),  # number
        ("Central Committee of the Communist Party of the Soviet Union", None),  # too different
    ],
)
def test_no_link_without_matching_date_and_title(edition_document, title, when):
    tree, diagnostics = linked({"doc.xml": variant(edition_document, title=title, when=when)})
    assert set(status(tree).values()) == {("unedited", ())}
    assert diagnostics == []


def test_month_of_a_listing_agrees_with_a_day_of_the_document(edition_document):
    doc = variant(
        edition_document,
        title="The Polyansky Report on Khrushchev's Mistakes in Foreign Policy, October 1964",
        when="1964-10-14",
    )
    tree, _ = linked({"polyansky.xml": doc})
    assert status(tree)["265"] == ("edited", ("polyansky.xml",))


def test_two_documents_alike_are_reported_not_linked(edition_document):
    tree, diagnostics = linked({"a.xml": edition_document, "b.xml": copy.deepcopy(edition_document)})
    assert status(tree)["261"] == ("unedited", ())
    assert [(d.severity, d.rule) for d in diagnostics] == [("warning", "catalogue-ambiguous")]


def test_linking_again_gives_the_same_catalogue(edition_document):
    tree, _ = linked({DOCUMENT_NAME: edition_document})
    once = serialise(copy.deepcopy(tree).getroot())
    link_catalogue(tree, {DOCUMENT_NAME: edition_document})
    assert serialise(tree.getroot()) == once
    # and unlinking (the document gone) takes the link away
    link_catalogue(tree, {})
    assert set(status(tree).values()) == {("unedited", ())}


def test_link_file_in_an_edition_folder(tmp_path):
    """The catalogue beside the edition's TEI files: linked in place, itself not taken for a document."""
    (tmp_path / DOCUMENT_NAME).write_bytes(DOCUMENT.read_bytes())
    page = tmp_path / "000_76a20d9d4f7c8183.xml"
    page.write_bytes(catalogue()[0])
    assert list(edition_documents(tmp_path)) == [DOCUMENT_NAME]
    diagnostics = link_file(page, tmp_path)
    assert [(d.rule, d.path, d.line) for d in diagnostics] == [("catalogue-link", str(page), 35)]
    tree = parse(page)
    assert status(tree)["261"] == ("edited", (DOCUMENT_NAME,))
    assert validator().check_file(page) == []


# --- valid against the edition's schema and tei_all ----------------------------------


def test_catalogues_are_valid(tei_all, tmp_path, edition_document):
    files = {
        "page.xml": catalogue(PAGE)[0],
        "bulleted.xml": catalogue(BULLETED)[0],
        "linked.xml": serialise(linked({DOCUMENT_NAME: edition_document})[0].getroot()),
        "linked-bulleted.xml": serialise(linked({DOCUMENT_NAME: edition_document}, BULLETED)[0].getroot()),
    }
    check_valid(files)
    paths = []
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    ok, errors = jing(paths)
    assert ok, errors


def test_converting_twice_gives_the_same_bytes():
    assert catalogue()[0] == catalogue()[0]
