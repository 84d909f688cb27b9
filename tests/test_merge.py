"""The three-way merge of hand edits into a new conversion (toolchain/merge.py), by the units the
converter's ids and the header's paths give."""

from __future__ import annotations

from lxml import etree

from toolchain.merge import merge

BASE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P.</p></publicationStmt><notesStmt><note>First.</note></notesStmt>
<sourceDesc><p>S.</p></sourceDesc></fileDesc></teiHeader>
<text><body><div>
  <p xml:id="p-1">One <persName>Kennedy</persName> said.</p>
  <p xml:id="p-2">Two words.</p>
  <p xml:id="p-3">Three <note xml:id="n-1">a note</note> here.</p>
</div></body></text></TEI>"""


def run(hand: str, new: str, base: str = BASE):
    return merge(base.encode(), hand.encode(), new.encode())


def test_nothing_edited_gives_the_new_conversion():
    new = BASE.replace("Two words.", "Two new words.")
    merged = run(BASE, new)
    assert merged.conflicts == [] and merged.carried == []
    assert "Two new words." in merged.data.decode()


def test_edits_and_changes_in_different_parts_are_both_kept():
    hand = BASE.replace('<p xml:id="p-1">', '<p xml:id="p-1" rend="checked">')
    hand = hand.replace("<note>First.</note>", '<note>First.</note><note type="editorial">Added by hand.</note>')
    hand = hand.replace('<note xml:id="n-1">a note</note>', "")  # a note removed by hand
    new = BASE.replace("Two words.", "Two new words.").replace("<title>T</title>", "<title>New title</title>")
    merged = run(hand, new)
    assert merged.conflicts == []
    out = merged.data.decode()
    assert '<p xml:id="p-1" rend="checked">' in out and "Added by hand." in out
    assert "Two new words." in out and "<title>New title</title>" in out
    assert "a note" not in out and "Three  here." in out  # the note's tail stays where it was
    etree.fromstring(merged.data)  # well formed


def test_a_paragraph_both_changed_is_a_conflict_where_the_hand_made_it():
    hand = BASE.replace("Two words.", "Two words, corrected.")
    new = BASE.replace("Two words.", "Two other words.")
    merged = run(hand, new)
    assert merged.data is None
    (conflict,) = merged.conflicts
    assert conflict.key == "#p-2" and conflict.line == 6


def test_the_same_change_twice_is_no_conflict():
    changed = BASE.replace("Two words.", "Two words, corrected.")
    merged = run(changed, changed)
    assert merged.conflicts == [] and "corrected" in merged.data.decode()


def test_an_edit_inside_a_paragraph_the_conversion_dropped_is_a_conflict():
    hand = BASE.replace('<note xml:id="n-1">a note</note>', '<note xml:id="n-1">a note, amended</note>')
    new = BASE.replace('  <p xml:id="p-3">Three <note xml:id="n-1">a note</note> here.</p>\n', "")
    merged = run(hand, new)
    assert merged.data is None and [c.key for c in merged.conflicts] == ["#n-1"]


def test_a_paragraph_the_conversion_renamed_keeps_an_edit_elsewhere():
    # the converter's ids follow the words: a changed paragraph has a new id
    hand = BASE.replace('<p xml:id="p-1">', '<p xml:id="p-1" rend="checked">')
    new = BASE.replace('<p xml:id="p-2">Two words.</p>', '<p xml:id="p-9">Two changed words.</p>')
    merged = run(hand, new)
    out = merged.data.decode()
    assert merged.conflicts == [] and 'rend="checked"' in out and 'xml:id="p-9"' in out and 'xml:id="p-2"' not in out


def test_blanks_are_no_edit():
    hand = BASE.replace("\n  <p", "\n\n      <p")
    new = BASE.replace("Two words.", "Two new words.")
    merged = run(hand, new)
    assert merged.conflicts == [] and merged.carried == [] and "Two new words." in merged.data.decode()
