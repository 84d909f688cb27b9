"""Input as archives and scholars write it, beyond the sample layouts: invented fixtures that vary each
convention (never a sentence of the corpus). What is doubtful is a warning; nothing is refused that is text."""

from __future__ import annotations

import pytest
from helpers import convert, text_of, xpath

from toolchain.tei import NS, parse, serialise
from toolchain.validate import validator


def _read(text: str, name: str = "page.txt", format: str | None = None):
    tei, diagnostics = convert(text, name, format=format)
    return parse(tei), diagnostics


def _title(tree) -> str:
    return xpath(tree, "string(//tei:titleStmt/tei:title)")


def _when(tree) -> str | None:
    return (xpath(tree, "//tei:creation/tei:date/@when") or [None])[0]


def test_one_paragraph_a_line_is_split_into_paragraphs():
    lines = [
        "4 May 1971",
        "Memorandum for the Minister on the Harbour Negotiations",
        "Secret",
        "The delegation arrived on Monday and met the harbour authority twice; "
        "both meetings were long and the second ended without an agreement on the tariffs.",
        "On Tuesday the minister's adviser proposed a compromise on the tariffs, which the other side accepted "
        "in principle but wished to put to its board before signing.",
    ]
    tree, diagnostics = _read("\n".join(lines) + "\n")
    paragraphs = xpath(tree, "//tei:body//tei:p")
    assert [xpath(p, "string()") for p in paragraphs][-2:] == lines[-2:]
    assert _title(tree) == "Memorandum for the Minister on the Harbour Negotiations"
    assert _when(tree) == "1971-05-04"
    assert {d.rule for d in diagnostics} >= {"input-format", "input-title"}


def test_text_wrapped_at_a_margin_stays_one_paragraph():
    wrapped = (
        "The delegation arrived on Monday and met the harbour authority twice; both\n"
        "meetings were long and the second ended without an agreement on the tariffs,\n"
        "which the minister's adviser then proposed to settle by a compromise that the\n"
        "other side accepted in principle but wished to put to its board before it would sign.\n"
    )
    tree, _ = _read("**Harbour talks**\n\nMay 4, 1971\n\n" + wrapped)
    assert len(xpath(tree, "//tei:body//tei:p")) == 1


def test_a_numbered_heading_after_page_chrome_and_a_marking_is_the_title():
    text = (
        "Skip to content\n\nCONFIDENTIAL\n\n"
        "212. Memorandum of a Conversation Between the Ambassador and the Minister, Oslo, June 2, 1958\n\n"
        "The Ambassador called on the Minister at his request and spoke about the fisheries.\n"
    )
    tree, diagnostics = _read(text)
    assert _title(tree) == "Memorandum of a Conversation Between the Ambassador and the Minister, Oslo, June 2, 1958"
    assert _when(tree) == "1958-06-02", "a date only in the title is the document's date"
    (warning,) = [d for d in diagnostics if d.rule == "input-title"]
    assert warning.line == 5
    assert "Skip to content" not in "".join(tree.xpath("//text()")), "page chrome is dropped"
    (dropped,) = [d for d in diagnostics if d.rule == "page-chrome"]
    assert dropped.line == 1 and "Skip to content" in dropped.message, "and each line dropped is reported"
    assert "CONFIDENTIAL" in "".join(tree.xpath("//text()")), "a marking is no chrome: it stays text"


def test_breadcrumbs_and_site_furniture_are_dropped_with_a_warning_each():
    """A trail, a breadcrumb list that opens with Home (not a table of contents of two entries), a share
    link: dropped, each line reported; the document's own title is then the first line."""
    text = (
        "Startseite > Bestände > 1961 > Brief an den Senat\n\nBreadcrumb\n\n  1. Home\n  2. Bestände\n\n"
        "Brief an den Senat, 3. Mai 1961\n\nSehr geehrte Herren, der Hafen bleibt bis zum Herbst geschlossen.\n\n"
        "Share this page\n"
    )
    tree, diagnostics = _read(text)
    words = "".join(tree.xpath("//text()"))
    assert _title(tree) == "Brief an den Senat, 3. Mai 1961"
    assert "Bestände >" not in words and "Home" not in words and "Share this" not in words
    assert sorted(d.line for d in diagnostics if d.rule == "page-chrome") == [1, 3, 5, 6, 12]
    assert "Sehr geehrte Herren" in words


def test_an_unquoted_citation_title_is_the_title():
    text = (
        "June 2, 1958\n\nCitation:\n\n"
        "Letter from the Minister to the Ambassador, June 2, 1958, Archive of the Ministry, F. 1, Op. 2.\n\n"
        "The Minister thanks the Ambassador for his report.\n"
    )
    tree, diagnostics = _read(text)
    assert _title(tree) == "Letter from the Minister to the Ambassador"
    assert "input-title" not in {d.rule for d in diagnostics}


def test_a_dated_title_and_its_text_are_a_document_not_a_catalogue_of_one_record():
    text = (
        "2 June 1958\nLetter of the Minister to the Harbour Authority\n"
        "The Minister asks the authority to report on the tariffs before the end of the month.\n"
    )
    tree, _ = _read(text)
    assert not xpath(tree, "//tei:listBibl"), "one record without a range of results is no listing"
    assert _title(tree) == "Letter of the Minister to the Harbour Authority" and _when(tree) == "1958-06-02"


def test_a_page_number_in_brackets_opens_no_notes_section():
    text = (
        "**Interview with a harbour pilot**\n\nJune 2, 1958\n\n[1]\n\n"
        "Q: When did you start?\n\nA: In the spring of the year the harbour was rebuilt.\n\n"
        "Q: And before that?\n\nA: I was at sea.\n"
    )
    tree, _ = _read(text, format="transcript")
    assert len(xpath(tree, "//tei:sp")) == 4
    assert not xpath(tree, "//tei:note[@place='foot']")


def test_missing_notes_and_brackets_are_kept_and_reported():
    text = "**Harbour talks**\n\nMay 4, 1971\n\nThe talks ended.[3] The [draft remained open.\n"
    tree, diagnostics = _read(text)
    words = "".join(xpath(tree, "//tei:body//text()"))
    assert "ended.[3] The [draft remained open." in words
    rules = {d.rule for d in diagnostics if d.severity == "warning"}
    assert {"bracket-unbalanced", "note-missing"} <= rules


def test_a_note_number_glued_to_the_end_of_a_title_is_not_part_of_it():
    text = (
        "37. Memorandum of a Conversation, Oslo, June 2, 1958, 10:34–10:45 a.m.1\n\n"
        "The Ambassador called on the Minister and spoke about the fisheries.\n"
    )
    tree, _ = _read(text)
    assert _title(tree) == "Memorandum of a Conversation, Oslo, June 2, 1958, 10:34–10:45 a.m."
    assert "a.m.1" in "".join(xpath(tree, "//tei:body//text()")), "the text keeps the digit as written"


def test_dates_in_the_shapes_archives_write_them():
    from toolchain.source.dates import find_date

    shapes = {
        "October 25, 1962": "1962-10-25",
        "25 October 1962": "1962-10-25",
        "25.10.1962": "1962-10-25",
        "12.III.1963": "1963-03-12",
        "30 октября 1988 г.": "1988-10-30",
        "26 січня 2016 року": "2016-01-26",
        "12 marca 1981": "1981-03-12",
        "Berlin, 30.10.1988": "1988-10-30",
        "1962/11/20": "1962-11-20",
        "Aired March 3, 1999 - 20:00 ET": "1999-03-03",
    }
    assert {text: find_date(text).iso for text in shapes} == shapes


def test_a_date_on_a_short_line_after_the_title_is_the_date():
    text = "Рада громади\nСтенограма засідання 12 березня 1999\n\nГолова відкрив засідання о десятій годині.\n"
    tree, _ = _read(text)
    assert _title(tree) == "Рада громади" and _when(tree) == "1999-03-12"


def test_a_transcript_without_a_dateline_is_dated_by_its_headnote_and_says_so():
    text = (
        "17. Editorial Note\n\n"
        "On June 2, 1958, from 10 to 11 a.m., the Minister met the Ambassador in his office at the Ministry to "
        "discuss the fisheries agreement and the harbour tariffs. Their talk was recorded by a secretary.\n\n"
        "Minister: Have you had an answer?\n\nAmbassador: Not yet.\n\nMinister: Call me.\n"
    )
    tree, diagnostics = _read(text, format="transcript")
    assert _when(tree) == "1958-06-02"
    assert [d.rule for d in diagnostics if d.rule == "date-headnote"] == ["date-headnote"]


def test_a_title_and_two_names_in_the_heading_are_one_person():
    text = (
        "Debate on the harbour bill\n\nLondon, 12 March 1959\nMr. Hallvard Penrose\n\n"
        "Mr. Penrose: May the Minister answer?\n\nMr. Speaker: In due course.\n\nMr. Penrose: I am obliged.\n"
    )
    tree, _ = _read(text, format="transcript")
    ids = xpath(tree, "//tei:particDesc//tei:person/@xml:id")
    assert ids == ["penrose"], "'Hallvard' is Penrose's forename, not a person of its own"


@pytest.mark.parametrize(
    ("sentence", "surname", "forenames"),
    [
        ("The board calls Mrs. Edith Vance.", "Vance", ["Edith"]),  # the name ends the sentence
        ("Prof. Dr. Anna Berg took the chair.", "Berg", ["Anna"]),  # titles one after another
        ("Then Mr. John Harwood Jr. spoke.", "Harwood", ["John"]),  # an abbreviation after the name
        ("Present were Senator Harwood Sen. Blake.", "Harwood", []),  # an abbreviated title is no surname
    ],
)
def test_a_name_after_titles_is_one_person_with_its_forenames(sentence, surname, forenames):
    text = f"Minutes of the harbour board\n\n12 March 1974\n\n{sentence} The meeting went on.\n"
    tree, _ = _read(text)
    people = xpath(tree, "//tei:particDesc//tei:person")
    names = {text_of(p.find("tei:persName/tei:surname", NS)): p for p in people}
    assert surname in names, [text_of(p) for p in people]
    assert [text_of(f) for f in names[surname].findall("tei:persName/tei:forename", NS)] == forenames
    assert not set(names) & {"Edith", "Dr", "Anna", "Jr", "Sen"}, sorted(names)


NUMBERED = """Minutes of the Harbour Board

12 March 1974

The board met at ten; the chairman opened the meeting.

{first} The tariffs for the coming year were agreed without a vote.

{second} The new crane is to be ordered from the lowest bidder.

{third} The next meeting is set for the first Monday of April.
"""


def test_paragraphs_numbered_as_notes_are_numbered_paragraphs_when_no_marker_calls_them():
    for marks in (("(1)", "(2)", "(3)"), ("[1]", "[2]", "[3]"), ("*1", "*2", "*3")):
        tree, diagnostics = _read(NUMBERED.format(first=marks[0], second=marks[1], third=marks[2]))
        assert not xpath(tree, "//tei:note[@n]"), marks
        body = [xpath(p, "string()") for p in xpath(tree, "//tei:body//tei:p")]
        assert any(p.startswith(f"{marks[1]} The new crane") for p in body), (marks, body)
        assert "note-unplaced" not in {d.rule for d in diagnostics}


def test_notes_that_a_marker_calls_or_a_heading_opens_stay_notes():
    called = NUMBERED.format(first="(a)", second="(b)", third="(c)").replace("chairman opened", "chairman(1) opened")
    called += "\n(1) He had been elected in January.\n"
    tree, _ = _read(called)
    assert xpath(tree, "string(//tei:note[@n='1'])").strip() == "He had been elected in January."
    headed = NUMBERED.format(first="-", second="-", third="-") + "\nNotes:\n\n(1) A copy.\n\n(2) Signed by the clerk.\n"
    tree, _ = _read(headed)
    assert [xpath(n, "string()").strip() for n in xpath(tree, "//tei:note[@n]")] == [
        "A copy.",
        "Signed by the clerk.",
    ]


def test_a_statement_announced_at_the_end_of_a_paragraph_opens_in_the_next():
    """ "Cde. N. S. Khrushchev says" and nothing after it: the paragraphs after it are his statement, its first
    part pointing back to nothing (it pointed to an empty id, invalid)."""
    text = (
        "October 25, 1962\n\n**Presidium Protocol No. 61**\n\n"
        "Those who took part: Cdes. L. I. Brezhnev and F. R. Kozlov. Chaired by Cde. N. S. Khrushchev.\n\n"
        "Cde. N. S. Khrushchev says\n\nThe further course of events is proceeding in the following way.\n\n"
        "We have to play, but we should not lose our heads.\n"
    )
    tree, _ = _read(text)
    said = xpath(tree, "//tei:body//tei:said")
    assert [s.get("who") for s in said] == ["#khrushchev", "#khrushchev"], [s.get("who") for s in said]
    assert said[0].get("prev") is None
    assert said[1].get("prev") == "#" + said[0].get("{http://www.w3.org/XML/1998/namespace}id")
    assert validator().check_bytes(serialise(tree.getroot()), "t.xml") == []


def test_a_supplied_word_that_holds_an_omission_wording_stays_supplied():
    """The damage wordings of omissions are phrases ("page torn", "text damaged"): "[attorney]" holds "torn"
    and is a supplied word, not a gap."""
    text = "March 3, 1963\n\n**Record of a meeting**\n\nThe [attorney] spoke of the [tornado]. [page torn] The end.\n"
    tree, _ = _read(text)
    assert [text_of(s) for s in xpath(tree, "//tei:body//tei:supplied")] == ["attorney", "tornado"]
    assert [g.get("reason") for g in xpath(tree, "//tei:body//tei:gap")] == ["damage"]


@pytest.mark.parametrize(
    ("names", "text", "found"),
    [
        ("Н.С. Хрущев выступил.", "Слово Хрущеву", ["Хрущеву"]),  # a declined surname ending the text
        ("Н.С. Хрущев выступил.", "Хрущевым", ["Хрущевым"]),
        ("Р.Я. Малиновский доложил.", "доклад Малиновского.", ["Малиновского"]),
        ("Fidel Castro spoke.", "Then Fidel answered; Castroism did not.", ["Fidel"]),  # a forename alone
        ("N. S. Khrushchev spoke.", "N.S. said so, and N. S. Khrushchev agreed.", ["N.S.", "N. S. Khrushchev"]),
        ("N. S. Khrushchev spoke.", "Khrushchevs and Khrushchev's words", ["Khrushchev"]),
    ],
)
def test_the_mentions_of_known_persons_are_their_written_forms(names, text, found):
    from toolchain.readers.conventions import DEFAULT
    from toolchain.readers.persons import Persons

    persons = Persons(DEFAULT)
    persons.discover(names)
    assert [text[m.start : m.end] for m in persons.mentions(text)] == found
