"""The listing reader (search-result pages and tables of contents -> the edition's catalogue) and the
catalogue's links to documents."""

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
# Tables of contents: numbered entries, each a title line and the lines after it.
VOLUME = LISTING / "volume-contents.txt"  # `No. 41 …`, a date line, a summary, a source line, a number left out
FINDING_AID = LISTING / "finding-aid-call-numbers.txt"  # `1) …`, labelled lines (call number, dates), blank lines
GERMAN = LISTING / "inhaltsverzeichnis-de.txt"  # `1. …`, German date lines (`3. März 1962`), `Quelle:` lines
FRENCH = LISTING / "table-des-matieres-fr.txt"  # `N° 12. …`, titles ending in a period, French dates
CONTENTS = [VOLUME, FINDING_AID, GERMAN, FRENCH]
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


# --- tables of contents -------------------------------------------------------------


def entries(tei: bytes) -> list[tuple[str, str, str, str]]:
    """n, @when, date as written and title of each record."""
    return [
        (
            b.get("n"),
            xpath(b, "string(tei:date/@when)"),
            xpath(b, "string(tei:date)"),
            text_of(xpath(b, "tei:title")[0]),
        )
        for b in records(parse(tei))
    ]


def summary(tei: bytes, n: str) -> list[str]:
    """The paragraphs of the summary of record `n`."""
    note = xpath(parse(tei), f"//tei:bibl[@n='{n}']/tei:note[@type='summary']")[0]
    return [text_of(p) for p in xpath(note, "tei:p")] or [text_of(note)]


@pytest.mark.parametrize("path", CONTENTS, ids=lambda p: p.stem)
def test_tables_of_contents_sniff_as_listings(path):
    text = path.read_text(encoding="utf-8")
    assert readers.sniff(text, path, DEFAULT).name == "listing"
    (best, name), (second, _) = readers.scores(text, DEFAULT)[:2]
    assert name == "listing" and best - second >= readers.CLOSE


def test_volume_entries_keep_number_date_and_summary():
    tei, diagnostics = catalogue(VOLUME)
    assert entries(tei) == [
        ("41", "1949-03-12", "", "No. 41 Letter from the British Delegate to the Foreign Office"),
        ("42", "1949-03-14", "", "No. 42 Record of a Meeting of the Western Delegations"),
        ("43", "", "", "No. 43 Telegram from the Foreign Office to the British Delegate"),
        ("45", "", "", "No. 45 Note by the Legal Adviser on the Rights of Riparian States"),
    ]
    # the date line stays in its place, a paragraph of its own; so does a labelled line; a wrapped line is joined
    assert summary(tei, "42") == [
        "14 March 1949",
        "The delegations agree to present a joint amendment on navigation dues.",
        "Source: Foreign Office, file 371/12345, folios 8–11.",
    ]
    assert summary(tei, "43") == [
        "Undated",
        "The Foreign Office approves the amendment and asks that the French delegate be told of it before the vote.",
    ]
    tree = parse(tei)
    heading = "Documents on the Danube Commission, 1948–1956 — Volume II"
    assert text_of(xpath(tree, "//tei:titleStmt/tei:title")[0]) == heading
    assert [text_of(h) for h in xpath(tree, "//tei:listBibl/tei:head")] == [
        heading,
        "Part One: The Belgrade Conference and After",
    ]
    assert "numbered 41 to 45" in text_of(xpath(tree, "//tei:sourceDesc")[0])
    assert [(d.rule, d.line) for d in diagnostics] == [("listing-numbering", 14)]  # No. 44 is not on the page
    assert "44 is not on the page" in diagnostics[0].message


def test_finding_aid_call_numbers_are_paragraphs_of_their_own():
    tei, diagnostics = catalogue(FINDING_AID)
    assert [(n, when, date) for n, when, date, _ in entries(tei)] == [("1", "", ""), ("2", "", ""), ("3", "", "")]
    assert entries(tei)[0][3] == "1) Correspondence with the Ministry of Foreign Trade on grain contracts"
    assert summary(tei, "2") == [
        "Call number: R-214/3/2",
        "Dates: 1958–1959",
        "Note: typescript copies, some with corrections in the hand of the head of the delegation",
    ]
    title = "Regional State Archive, Fonds R-214: Office of the Trade Delegation, 1957–1964"
    assert text_of(xpath(parse(tei), "//tei:titleStmt/tei:title")[0]) == title
    assert diagnostics == []


def test_german_date_lines_are_dates_not_entries():
    tei, diagnostics = catalogue(GERMAN)
    assert entries(tei) == [
        ("1", "1962-03-03", "", "1. Aufzeichnung über eine Besprechung im Wirtschaftsministerium"),
        ("2", "1962-04-17", "", "2. Schreiben des Senators an den Handelsattaché in Stockholm"),
        ("3", "", "", "3. Vermerk über ein Telefongespräch mit dem Konsulat in Göteborg"),
    ]
    assert summary(tei, "1") == ["3. März 1962", "Quelle: Staatsarchiv, Bestand 412, Nr. 77, Bl. 1–4."]
    assert summary(tei, "3")[0] == "ohne Datum"
    assert diagnostics == []


def test_french_entries_with_titles_ending_in_a_period():
    tei, diagnostics = catalogue(FRENCH)
    assert entries(tei) == [
        ("12", "1962-03-12", "", "N° 12. M. Laurent, délégué à Strasbourg, au ministre des Affaires étrangères."),
        ("13", "1962-04-01", "", "N° 13. Note de la direction des Affaires économiques."),
        ("14", "", "", "N° 14. Le ministre des Affaires étrangères à M. Laurent."),
    ]
    assert summary(tei, "13") == ["1er avril 1962", "Analyse des propositions néerlandaises sur le pilotage."]
    assert diagnostics == []


def test_number_alone_on_its_line_takes_the_next_line_as_title():
    text = (
        "Chapter 4: The Harbour Talks\n\n7.\nMemorandum for the Minister\nSource: file 12.\n\n8.\nLetter to the Port\n"
        "2 May 1958\n\n9.\nNote of the Harbour Master\n"
    )
    tei, diagnostics = convert(text, "alone.txt")
    assert [(n, when, title) for n, when, _, title in entries(tei)] == [
        ("7", "", "7. Memorandum for the Minister"),
        ("8", "1958-05-02", "8. Letter to the Port"),
        ("9", "", "9. Note of the Harbour Master"),
    ]
    assert summary(tei, "7") == ["Source: file 12."]
    assert diagnostics == []


def test_an_entry_without_a_title_is_kept_and_reported():
    tei, diagnostics = convert("Contents\n1. A Letter\n2. A Telegram\n3.\n", "cut.txt", format="listing")
    assert [(n, title) for n, _, _, title in entries(tei)] == [
        ("1", "1. A Letter"),
        ("2", "2. A Telegram"),
        ("3", "3."),
    ]
    assert [(d.rule, d.line) for d in diagnostics] == [("listing-incomplete", 4)]


def test_numbers_that_do_not_ascend_are_reported_and_not_sniffed():
    text = "Contents\n1. A Letter\n3. A Telegram\n2. A Note\n"
    assert readers.get("listing").sniff(text, DEFAULT) == 0.0
    tei, diagnostics = convert(text, "order.txt", format="listing")
    assert [n for n, *_ in entries(tei)] == ["1", "3", "2"]
    assert [(d.rule, d.line) for d in diagnostics] == [("listing-numbering", 3), ("listing-numbering", 4)]
    assert "do not ascend" in diagnostics[1].message


def test_numbered_titles_of_search_results_stay_dated():
    """A date line before each numbered title: the records start at the dates, @n their positions."""
    text = "Showing 1 - 2 of 2\n\nMay 1, 1963\n1. A Title\nIts summary.\n\nJune 2, 1963\n2. B Title\nIts summary.\n"
    tei, diagnostics = convert(text, "dated.txt")
    assert entries(tei) == [
        ("1", "1963-05-01", "May 1, 1963", "1. A Title"),
        ("2", "1963-06-02", "June 2, 1963", "2. B Title"),
    ]
    assert diagnostics == []


@pytest.mark.parametrize(
    "text",
    [
        # numbered paragraphs wrapped over lines
        "MEMORANDUM FOR THE FILE\n\n1. The delegation arrived late in the afternoon and was met by\nthe deputy "
        "director, who explained the purpose of the talks.\n\n2. The head of the delegation said that his "
        "government\nregarded the harbour question as settled.\n\n3. It was agreed that a further meeting would "
        "take place.\nThe deputy director undertook to prepare a paper.\n",
        # numbered points of a meeting record after its participants line
        "Record of the meeting of the commission\nPresent: the chairman, four members and the secretary\n1. Harbour "
        "dues\nThe chairman reported on the talks with the port authority.\n2. Grain deliveries\nThe secretary "
        "read the letter from the ministry.\n",
        # a list a sentence introduces
        "Instructions to the delegation\nThe delegation is to hold to the following points:\n1. No change to the "
        "status of the city\n2. Free access by road and rail\n3. A joint commission for disputes\n",
        # the notes of a document after its text
        "Memorandum of a Conversation\n\nThe Chancellor said he was pleased to see the Secretary again. They "
        "spoke briefly about the weather, the harvest and the coming elections, and agreed to meet again in the "
        "spring, when the Secretary would come to Bonn for the conference of the foreign ministers.\n\n"
        "1. Source: Department of State, Central Files. Secret.\n2. Not printed.\n3. See Document 14.\n",
        # numbered sentences of a telegram, one a line
        "Telegram from the embassy\n\n1. We have learned that the minister will arrive on Tuesday.\n\n2. He "
        "wishes to see the ambassador first. Will this be acceptable?\n\n3. Please confirm.\n",
    ],
    ids=["wrapped-paragraphs", "meeting-points", "introduced-list", "notes", "telegram"],
)
def test_numbered_paragraphs_of_documents_are_not_listings(text):
    assert readers.get("listing").sniff(text, DEFAULT) == 0.0
    assert readers.sniff(text, Path("doc.txt"), DEFAULT).name == "document"


# --- nothing lost --------------------------------------------------------------------


def source_words(text: str, chrome_lines: set[int]) -> list[str]:
    return words("\n".join(line for n, line in enumerate(text.splitlines(), start=1) if n not in chrome_lines))


@pytest.mark.parametrize("path", [PAGE, BULLETED, *CONTENTS], ids=lambda p: p.stem)
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
        **{f"{path.stem}.xml": catalogue(path)[0] for path in CONTENTS},
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


def test_a_diary_of_dated_entries_is_a_document_not_a_catalogue():
    """Each entry opens with a date line, as a search result does; but what follows is prose (sentences), not
    a title: no reader claims the page, and the document reader keeps every entry in order."""
    text = (
        "Diary of the lighthouse keeper, winter 1961\n\n"
        "3 January 1961\nFog since dawn. The supply boat stayed in the harbour.\nWe lit the lamp at four.\n\n"
        "4 January 1961\nThe boat came at last.\nThe keeper's wife unloaded the oil herself.\n\n"
        "5 January 1961\nStorm in the night.\nOne pane of the lantern cracked.\n"
    )
    assert readers.READERS["listing"].sniff(text, DEFAULT) == 0.0
    tei, _ = convert(text, "diary.txt")
    assert b'type="catalogue"' not in tei
    assert words(xpath(parse(tei), "string(//tei:body)")).count("January") == 3


def test_a_page_whose_titles_stand_above_their_dates_is_read_with_each_title_in_its_record():
    """Title, date, summary: read as date, title, summary every title would be the record before's summary.
    Each title is the line above its date; the date line stays after it in the summary (the words keep the
    page's order) and gives the record its date."""
    text = (
        "Search results: 3 items\n\n"
        "Minutes of the lighthouse board\n4 May 1961\nThe board discusses the new lamp.\n\n"
        "Letter of the keeper to the board\n9 May 1961\nThe keeper asks for a second assistant.\n\n"
        "Report on the winter storms\n20 May 1961\nDamage to the lantern and the boat house.\n"
    )
    tei, diagnostics = convert(text, "titles-first.txt")
    doc = parse(tei)
    assert [text_of(t) for t in xpath(doc, "//tei:listBibl/tei:bibl/tei:title")] == [
        "Minutes of the lighthouse board",
        "Letter of the keeper to the board",
        "Report on the winter storms",
    ]
    assert xpath(doc, "//tei:listBibl/tei:bibl/tei:date/@when") == ["1961-05-04", "1961-05-09", "1961-05-20"]
    second = [text_of(p) for p in xpath(doc, "//tei:listBibl/tei:bibl[2]/tei:note[@type='summary']/tei:p")]
    assert second == ["9 May 1961", "The keeper asks for a second assistant."]
    body = text_of(doc.getroot().find(".//{http://www.tei-c.org/ns/1.0}listBibl"))
    assert words(body) == words(text)
    assert not [d for d in diagnostics if d.rule == "listing-incomplete"]


def test_a_catalogue_file_is_told_from_its_header_without_reading_the_rest(tmp_path):
    """Whether a converted file is a catalogue is read from its `text` element, not from the whole file (the
    TEI of a long transcript is not parsed again for it): what follows is never read."""
    from toolchain.link.catalogue import is_catalogue_file

    catalogue, _ = convert(PAGE.read_text(encoding="utf-8"), "page.txt")
    document, _ = convert("Transcript of a Meeting\n\nSMITH: Good morning.\n\nJONES: Good morning to you.\n")
    for name, tei, expected in (("catalogue", catalogue, True), ("document", document, False)):
        cut = tei.index(b"<text ") + 200  # the rest of the file broken off: never read
        path = tmp_path / f"{name}.xml"
        path.write_bytes(tei[:cut] + b"<broken" * 20_000)
        assert is_catalogue_file(path) is expected
