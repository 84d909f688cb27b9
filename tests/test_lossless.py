"""Nothing lost: every word of a transcript comes back, in order, from its TEI."""

from __future__ import annotations

import re

import pytest
from conftest import SAMPLE, case_files, load_case
from helpers import convert, words

from toolchain.export import to_text
from toolchain.readers.conventions import DEFAULT
from toolchain.tei import parse

LABEL = re.compile(r"^\s*(?:" + "|".join(map(re.escape, DEFAULT.common.header_fields)) + r"):\s*$", re.M | re.I)


def source_words(text: str) -> list[str]:
    """Words of a transcript; header field labels are structure, as the TEI element names are."""
    return words(LABEL.sub("", text))


SOURCES = [(p.stem, load_case(p).input) for p in case_files("document")] + [
    ("seed-001", SAMPLE.read_text(encoding="utf-8")),
]


@pytest.mark.parametrize(("name", "text"), SOURCES, ids=[n for n, _ in SOURCES])
def test_every_word_survives_in_order(name, text):
    tei, _ = convert(text, name + ".txt")
    back = to_text(parse(tei), DEFAULT)
    assert source_words(back) == source_words(text)


def test_lossless_check_can_fail():
    """The comparison notices a dropped word."""
    source = SAMPLE.read_text(encoding="utf-8")
    tree = parse(convert(source, "x.txt")[0])
    supplied = tree.xpath("//tei:supplied", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})[0]
    supplied.text = ""
    assert source_words(to_text(tree, DEFAULT)) != source_words(source)


def test_a_page_marker_comes_back_where_the_page_began():
    text = (
        "Telephone Conversation Between the Secretary and the Ambassador\n\n"
        "Washington, May 28, 1971, 11:05 a.m.\n\n"
        "K: I cannot make my own judgment on the Russian text, Anatol.\n\n"
        "D: I could make another suggestion [Page 635] but it is only on my own.\n\n"
        "[Page 636]\n\n"
        "K: Right.\n"
    )
    tei, _ = convert(text, "telcon.txt")
    back = to_text(parse(tei), DEFAULT)
    assert source_words(back) == source_words(text)
    assert "\n\n[Page 636]\n\nK: Right." in back


def test_note_numbers_glued_to_words_come_back_glued():
    text = (
        "**Memorandum From the Secretary of State to the President**\n\nWashington, June 4, 1962\n\n"
        "The Ambassador called on me this morning1 and handed me the note.2 He said the B52 flights "
        "were a provocation.\n\n1. The meeting took place at 10:30 a.m.\n2. Not printed.\n"
    )
    tei, _ = convert(text, "memo.txt")
    assert len(parse(tei).xpath("//tei:note[@rend='glued']", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})) == 2
    back = to_text(parse(tei), DEFAULT)
    assert source_words(back) == source_words(text)
    assert "this morning1 and" in back and "the B52 flights" in back


def test_the_title_comes_back_when_a_note_no_marker_calls_has_a_heading():
    text = (
        "November 16, 1962\n\n**Presidium Protocol No. 66**\n\n"
        "Cde. N. S. Khrushchev informs the Presidium about the latest telegram from Cde. Mikoyan.[1]\n\n"
        "Notes\n\n[1] The telegram is not printed.\n\n[2] A note that no marker calls.\n"
    )
    tei, diagnostics = convert(text, "protocol.txt")
    assert "note-unplaced" in [d.rule for d in diagnostics]
    back = to_text(parse(tei), DEFAULT)
    assert "**Presidium Protocol No. 66**" in back
    assert source_words(back) == source_words(text)
