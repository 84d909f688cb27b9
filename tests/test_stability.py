"""Same input, same bytes; ids come from content, so an added paragraph moves no other id;
conventions are data: the deletion wordings can be changed per edition."""

from __future__ import annotations

import pytest
from conftest import SAMPLE
from helpers import convert, xpath

from toolchain.errors import EditionError
from toolchain.readers import conventions
from toolchain.tei import XML_ID, parse, serialise


def ids(tei: bytes) -> set[str]:
    return {e.get(XML_ID) for e in parse(tei).iter() if isinstance(e.tag, str) and e.get(XML_ID)}


def test_deterministic_and_serialisation_stable():
    text = SAMPLE.read_text(encoding="utf-8")
    first, _ = convert(text)
    second, _ = convert(text)
    assert first == second
    assert serialise(parse(first).getroot()) == first  # parse -> serialise gives the same bytes


def test_added_paragraph_changes_no_other_id():
    text = SAMPLE.read_text(encoding="utf-8")
    before, _ = convert(text)
    anchor = "That is correct.\n"
    assert anchor in text
    after, _ = convert(text.replace(anchor, anchor + "\nThe meeting was adjourned for ten minutes.\n", 1))
    lost = ids(before) - ids(after)
    # only the statement after the new narrative paragraph changes: it no longer continues Khrushchev's
    assert lost <= {"said-303ef0a"}, lost


def test_deletion_wordings_are_configurable(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8").replace("was crossed out in", "was erased in")
    tei, _ = convert(text)
    assert not xpath(parse(tei), "//tei:del"), "'erased' is not a deletion wording by default"
    toml = tmp_path / "edition.toml"
    toml.write_text('[conventions]\ndeletion_phrases = ["erased"]\n', encoding="utf-8")
    custom = conventions.load(toml)
    tei, _ = convert(text, conventions=custom)
    dels = xpath(parse(tei), "//tei:del")
    assert len(dels) == 1 and dels[0].get("rend") == "strikethrough"


def test_unknown_convention_is_a_clear_error(tmp_path):
    toml = tmp_path / "edition.toml"
    toml.write_text('[conventions]\ndeletion_wordings = ["x"]\n', encoding="utf-8")
    with pytest.raises(
        EditionError,
        match=r"edition.toml:2: error: conventions: unknown name 'deletion_wordings'; did you mean 'deletion_phrases",
    ):
        conventions.load(toml)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[conventions]\nsupplied_max_words = "five"\n',
            r"edition.toml:2: error: conventions: 'supplied_max_words' must be an integer, not the string 'five'",
        ),
        (
            '[conventions.transcript]\n\ntime_pattern = "(["\n',
            r"edition.toml:3: error: conventions: 'time_pattern': '\(\[' is not a valid regular expression",
        ),
        (
            '[conventions]\ndeletion_phrases = "erased"\n',
            r"edition.toml:2: .*'deletion_phrases' must be a list of strings, not the string 'erased'",
        ),
        (
            '[conventions.listing]\ndeletion_phrases = ["x"]\n',
            r"edition.toml:2: .*'deletion_phrases' belongs to \[conventions.common\], not listing",
        ),
        (
            "[conventions]\nspeaker_aliases = { Bob = 1 }\n",
            r"edition.toml:2: .*'speaker_aliases' must be a table of strings, but holds the integer 1",
        ),
        ("[conventions\n", r"edition.toml: error: not valid TOML"),
    ],
)
def test_bad_conventions_are_one_line_with_the_line(tmp_path, toml, message):
    path = tmp_path / "edition.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(EditionError, match=message) as caught:
        conventions.load(path)
    assert "\n" not in str(caught.value)


def test_conventions_in_sections_and_flat_names(tmp_path):
    path = tmp_path / "edition.toml"
    path.write_text(
        '[conventions]\nsupplied_max_words = 3\nspeaker_aliases = { Bob = "Robert S. McNamara" }\n'
        '[conventions.listing]\nlisting_chrome = ["Weiter"]\n',
        encoding="utf-8",
    )
    loaded = conventions.load(path)
    assert loaded.common.supplied_max_words == 3
    assert loaded.transcript.speaker_aliases == {"Bob": "Robert S. McNamara"}
    assert loaded.listing.listing_chrome == ("Weiter",)
    assert loaded.common.titles == conventions.DEFAULT.common.titles
