"""The pipeline around the readers: a reader's bug is a diagnostic naming its file and the batch goes on;
a bad edition.toml is one line with its line number; rules that only a mutation showed untested."""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE
from helpers import convert, xpath

from toolchain import readers
from toolchain.cli import main
from toolchain.tei import parse


def _broken(*args, **kwargs):
    raise ZeroDivisionError("a bug in a reader")


@pytest.fixture
def broken_document_reader(monkeypatch):
    reader = readers.READERS["document"]
    monkeypatch.setitem(readers.READERS, "document", dataclasses.replace(reader, read=_broken))


def _batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "a.txt")
    (src / "b.txt").write_text("Jane Doe: Hello.\nJohn Roe: Hi.\nJane Doe: Bye.\nJohn Roe: Bye.\n", encoding="utf-8")
    return src


def test_a_reader_bug_is_reported_against_its_file_and_the_batch_goes_on(broken_document_reader, tmp_path):
    src = _batch(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--format", "document", "-j", "1"])
    assert result.exit_code == 2, result.output
    line = next(line for line in result.output.splitlines() if line.startswith(f"{src / 'a.txt'}:1: error:"))
    assert "internal error while reading: ZeroDivisionError: a bug in a reader" in line
    assert "--debug" in line and "Traceback" not in result.output
    assert "0 converted, 2 failed" in result.output  # both files reached the reader: the batch went on


def test_debug_adds_the_traceback(broken_document_reader, tmp_path):
    src = _batch(tmp_path)
    result = CliRunner().invoke(main, ["convert", str(src / "a.txt"), "-o", str(tmp_path / "o"), "--debug"])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.output and "_broken" in result.output


@pytest.mark.parametrize("command", ["convert", "build"])
def test_a_bad_edition_toml_is_one_line_with_its_line(tmp_path, monkeypatch, command):
    (tmp_path / "transcripts").mkdir()
    shutil.copy(SAMPLE, tmp_path / "transcripts" / SAMPLE.name)
    (tmp_path / "edition.toml").write_text(
        '[render]\nedition-title = "X"\n\n[conventions]\nsupplied_max_words = "five"\n'
    )
    monkeypatch.chdir(tmp_path)
    args = ["convert", "transcripts", "-o", "tei"] if command == "convert" else ["build", "--no-pdf", "--no-epub"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "edition.toml:5: error: conventions: 'supplied_max_words' must be an integer, not the string 'five'"
    ]


def test_an_unknown_render_parameter_names_its_line(tmp_path, monkeypatch):
    (tmp_path / "edition.toml").write_text('[render]\nedition-title = "X"\npaper_size = "a4"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", "tei"])
    assert result.exit_code == 2
    assert result.output.startswith("edition.toml:3: error: [render]: unknown parameters paper_size")


def test_formats_in_edition_toml_choose_the_reader_of_a_file(tmp_path, monkeypatch):
    """A table of two dated records reads as a listing when sniffed; [formats] says it is a document."""
    (tmp_path / "transcripts").mkdir()
    listing_like = (
        "12 March 1958\nMinutes of the board\nThe board met on the dredging.\n\n"
        "2 April 1958\nLetter to the mayor\nThe board writes about the dock.\n"
    )
    (tmp_path / "transcripts" / "a.txt").write_text(listing_like, encoding="utf-8")
    (tmp_path / "transcripts" / "b.txt").write_text(listing_like, encoding="utf-8")
    (tmp_path / "edition.toml").write_text('[formats]\n"a.txt" = "document"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--no-html", "--no-pdf", "--no-epub"])
    assert result.exit_code == 0, result.output
    text_type = "string(/tei:TEI/tei:text/@type)"
    assert xpath(parse((tmp_path / "tei" / "a.xml").read_bytes()), text_type) == "original"  # a document
    assert xpath(parse((tmp_path / "tei" / "b.xml").read_bytes()), text_type) == "catalogue"
    assert not (tmp_path / "tei" / "persons.xml").exists(), "no persons: no registry (it would be invalid)"


def test_sources_in_edition_toml_configure_a_folder_of_transcripts(tmp_path, monkeypatch):
    """[[sources]]: the transcripts of a folder read with their own reader, language and conventions; the
    others as the edition says."""
    (tmp_path / "transcripts" / "interviews").mkdir(parents=True)
    listing_like = (
        "12 March 1958\nMinutes of the board\nThe board met on the dredging.\n\n"
        "2 April 1958\nLetter to the mayor\nThe board writes about the dock.\n"
    )
    (tmp_path / "transcripts" / "interviews" / "a.txt").write_text(listing_like, encoding="utf-8")
    (tmp_path / "transcripts" / "b.txt").write_text(listing_like, encoding="utf-8")
    (tmp_path / "edition.toml").write_text(
        '[[sources]]\nglob = "interviews/*.txt"\nformat = "document"\nlanguage = "nl"\n'
        "[sources.conventions]\nsupplied_max_words = 3\n"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--no-html", "--no-pdf", "--no-epub"])
    assert result.exit_code == 0, result.output
    a, b = (parse((tmp_path / "tei" / name).read_bytes()) for name in ("a.xml", "b.xml"))
    assert (
        xpath(a, "string(/tei:TEI/tei:text/@type)") == "original"
        and xpath(b, "string(/tei:TEI/tei:text/@type)") == "catalogue"
    )
    assert xpath(a, "string(/tei:TEI/tei:text/@xml:lang)") == "nl"  # the language [[sources]] says, not detected
    assert xpath(b, "string(/tei:TEI/tei:text/@xml:lang)") == "en"
    # a bad entry is one line naming it
    (tmp_path / "edition.toml").write_text('[[sources]]\nglob = "*.txt"\nreader = "document"\n')
    result = CliRunner().invoke(main, ["build", "--no-html", "--no-pdf", "--no-epub"])
    assert result.exit_code == 2 and "edition.toml:1: error: [[sources]]: unknown name 'reader'" in result.output


def test_a_format_that_names_no_reader_is_one_line_with_its_line(tmp_path, monkeypatch):
    (tmp_path / "edition.toml").write_text('[formats]\n"*.txt" = "transcrpt"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", "tei"])
    assert result.exit_code == 2
    assert result.output.startswith("edition.toml:2: error: [formats]: '*.txt' names no reader 'transcrpt'")


# --- rules a mutation of the readers showed untested ----------------------------------


def test_a_remark_ending_a_turn_stands_between_turns():
    text = (
        "Meeting of the group\n\nWashington, May 1, 1965\n\n"
        "Rusk: We should wait.\n\n[Mr. Bundy left the meeting.]\n\n"
        "McNamara: I agree.\n\nRusk: [Laughter.]\n\nMcNamara: Yes.\n"
    )
    tei, _ = convert(text, "remark.txt", format="transcript")
    tree = parse(tei)
    for words, kind in (("left the meeting", "exit"), ("Laughter", "business")):
        stage = xpath(tree, f"//tei:stage[contains(., '{words}')]")
        assert len(stage) == 1 and stage[0].get("type") == kind
        assert stage[0].getparent().tag.endswith("div"), f"'{words}' is hoisted out of the sp before it"
        assert stage[0].getprevious().tag.endswith("sp") and stage[0].getnext().tag.endswith("sp")


def test_a_name_that_may_be_several_persons_is_reported_and_not_linked():
    text = (
        "October 25, 1962\n\n**Conversation about the brothers**\n\nCitation:\n\n"
        '"Conversation about the brothers", October 25, 1962, Archive of the Test.\n\n'
        "Present: John F. Kennedy, Robert F. Kennedy.\n\n"
        "Kennedy said that the situation was grave.\n"
    )
    tei, diagnostics = convert(text, "brothers.txt", format="document")
    ambiguous = [d for d in diagnostics if d.rule == "person-ambiguous"]
    assert ambiguous and "'Kennedy'" in ambiguous[0].message
    tree = parse(tei)
    bare = [p for p in xpath(tree, "//tei:body//tei:persName") if "".join(p.itertext()) == "Kennedy"]
    assert not bare, "an ambiguous bare surname is not linked to either person"


# --- the editorial declarations say what applies ---------------------------------------


def _declarations(text: str, format: str) -> str:
    tei, _ = convert(text, "decl.txt", format=format)
    return " ".join(
        parse(tei).xpath("string(//tei:editorialDecl)", namespaces={"tei": "http://www.tei-c.org/ns/1.0"}).split()
    )


def test_declarations_are_made_of_what_fired():
    plain = "March 3, 1963\n\n**A record**\n\nThe meeting was short.\n"
    said = _declarations(plain, "document")
    assert "not corrected" in said
    assert "Square brackets" not in said and "Notes keep their number" not in said and "Quotation marks" not in said
    marked = plain.replace("was short.", "was short [very].[1]") + "\n[1] A note.\n"
    said = _declarations(marked, "document")
    assert "Bracketed words (up to 8) are supplied" in said and "Notes keep their number" in said
    assert "deleted" not in said and "gloss" not in said and "editorial notes" not in said


def test_transcript_declarations_follow_its_brackets():
    text = "Meeting\n\nWashington, May 1, 1965\n\nA: Yes [sic].\n\nB: No.\n\nA: Well.\n"
    said = _declarations(text, "transcript")
    assert "[sic] marks the word before it" in said
    assert "omission" not in said and "Times of day" not in said and "quotation mark" not in said


def test_strict_turns_warnings_into_errors(tmp_path):
    src = tmp_path / "plain.txt"
    src.write_text("A line of prose without a title or a date.\n", encoding="utf-8")
    out = tmp_path / "out"
    lenient = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-registry"])
    assert lenient.exit_code == 0 and (out / "plain.xml").is_file()
    (out / "plain.xml").unlink()
    strict = CliRunner().invoke(main, ["convert", str(src), "-o", str(out), "--no-registry", "--strict"])
    assert strict.exit_code == 2
    assert f"{src}:1: error:" in strict.output and "[input-title]" in strict.output
    assert not (out / "plain.xml").exists()


def test_a_file_written_in_parts_is_their_bytes_and_left_alone_when_it_holds_them(tmp_path):
    from toolchain.tei import write_atomic

    target = tmp_path / "index.js"
    write_atomic(target, [b"window.X = [", b"1", b",", b"2", b"];\n"])
    assert target.read_bytes() == b"window.X = [1,2];\n"
    os.utime(target, (1, 1))
    write_atomic(target, [b"window.X = [1", b",2];\n"])  # the same bytes, in other parts
    assert target.stat().st_mtime == 1
    write_atomic(target, [b"window.X = [1", b",3];\n"])  # as long, other bytes
    assert target.read_bytes() == b"window.X = [1,3];\n" and target.stat().st_mtime != 1
    assert [p.name for p in tmp_path.iterdir()] == ["index.js"], "no temporary file is left"


def test_parts_made_as_they_are_written_are_compared_with_the_file_as_they_come(tmp_path):
    from toolchain.tei import write_atomic

    target = tmp_path / "doc.xml"
    write_atomic(target, iter([b"<TEI>", b"<text/>", b"</TEI>\n"]))
    assert target.read_bytes() == b"<TEI><text/></TEI>\n"
    os.utime(target, (1, 1))
    write_atomic(target, iter([b"<TEI><text/>", b"</TEI>\n"]))  # the same bytes: the file is left alone
    assert target.stat().st_mtime == 1
    write_atomic(target, iter([b"<TEI><text/>", b"</TEI>\n", b"more"]))  # the file's bytes and more
    assert target.read_bytes() == b"<TEI><text/></TEI>\nmore" and target.stat().st_mtime != 1
    write_atomic(target, iter([b"<TEI>"]))  # the first of the file's bytes only
    assert target.read_bytes() == b"<TEI>"

    def failing():
        yield b"<TEI>"
        raise RuntimeError("the encoder failed")

    with pytest.raises(RuntimeError):
        write_atomic(target, failing())
    assert target.read_bytes() == b"<TEI>", "a write that fails half-way leaves the file as it was"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.xml"], "no temporary file is left"


def test_a_long_transcript_is_made_and_encoded_a_turn_at_a_time_and_joins_to_the_whole(tmp_path, monkeypatch):
    import weakref

    from toolchain import encode, tei
    from toolchain.convert import convert_file
    from toolchain.readers import turns
    from toolchain.readers.conventions import DEFAULT
    from toolchain.source.decode import decode

    turns_text = "\n\n".join(
        f"{'SMITH' if i % 2 else 'JONES'}: Point {i} of the agenda [laughs], said twice." for i in range(400)
    )
    data = f"Transcript of a Hearing\n\nJune 4, 1962\n\n{turns_text}\n".encode()
    refs: list[weakref.ref] = []  # the blocks of the turns made

    def alive() -> int:  # how many are not forgotten yet
        return sum(1 for r in refs if r() is not None)

    made = turns.Writer.sp

    def sp(self, turn):
        blocks = made(self, turn)
        refs.extend(weakref.ref(b) for b in blocks)
        return blocks

    held = []  # as each block's bytes are written: the elements of the tree, the turns of the model
    write = encode._Spool.write

    def written(self, chunk):
        held.append((sum(1 for _ in tei._building[-1].iter()), alive()))
        write(self, chunk)

    monkeypatch.setattr(turns.Writer, "sp", sp)
    monkeypatch.setattr(encode._Spool, "write", written)
    doc = readers.read(decode(data, Path("t.txt"), [], None), source=Path("t.txt"), conventions=DEFAULT, diagnostics=[])
    assert not refs, "no turn is made before the text is written"
    whole = b"".join(encode.parts(doc))
    assert len(held) > 800, "each turn is written on its own"
    assert max(e for e, _ in held) < 40, "the tree holds a turn or two at a time, never all 400"
    assert max(t for _, t in held) <= 2, "the model holds a turn or two at a time, never all 400"
    source = tmp_path / "t.txt"
    source.write_bytes(data)
    written_file = convert_file(source, tmp_path / "out", convert_mod_options())
    assert Path(written_file.output).read_bytes() == whole
    root = parse(whole).getroot()
    assert len(xpath(root, "//tei:sp")) == 400 and len(xpath(root, "//tei:sp/tei:p/tei:stage")) == 400


def convert_mod_options():
    from toolchain.convert import Options
    from toolchain.readers.conventions import DEFAULT

    return Options(DEFAULT)


def test_a_document_is_read_with_the_collector_off_and_it_is_on_again_after(tmp_path, monkeypatch):
    import gc

    from toolchain import convert as convert_mod
    from toolchain.readers.conventions import DEFAULT

    seen = []  # whether the collector is on as the text is read, then as each part of its TEI is made
    real = convert_mod.convert_parts

    def made(parts):
        for part in parts:
            seen.append(gc.isenabled())
            yield part

    def read(*args, **kwargs):
        seen.append(gc.isenabled())
        parts, diagnostics = real(*args, **kwargs)
        return made(parts), diagnostics

    monkeypatch.setattr(convert_mod, "convert_parts", read)
    assert gc.isenabled()
    results = convert_mod.convert_many([SAMPLE], tmp_path, convert_mod.Options(DEFAULT), jobs=1)
    assert len(seen) > 2 and not any(seen) and results[0].output is not None
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Cafe\u0301", "Café"),  # a decomposed letter is composed
        ("x <\u0338 y", "x ≮ y"),  # '<' composes with what follows, though it is written as an escape
        ("a < b & c", "a < b & c"),  # ASCII: nothing to do
        ("Caf\u00e9", "Caf\u00e9"),
    ],
)
def test_every_text_is_written_in_nfc(written, canonical):
    from toolchain.tei import el, serialise

    root = el("TEI", el("text", el("body", el("p", written, el("hi", written), written))))
    out = parse(serialise(root))
    assert [t for t in out.getroot().itertext() if t.strip()] == [canonical] * 3


def test_the_blocks_written_a_child_at_a_time_are_those_laid_out_a_child_a_line():
    """A turn and a division are written as their start tag, their blocks and their end tag: the whole tree's
    serialisation lays out their children a line each; an argument's it does not, and it is made whole."""
    from toolchain import model as m
    from toolchain.encode.body import _streamed
    from toolchain.tei import STRUCTURAL

    assert {"sp", "div"} <= STRUCTURAL and "argument" not in STRUCTURAL
    assert _streamed(m.Turn("A:", None)) and _streamed(m.Div("item", [m.Argument()]))
    assert not _streamed(m.Div("item")) and not _streamed(m.Argument())


def test_pointers_are_rewritten_in_the_tags_of_a_text_given_in_parts_never_in_its_words():
    from toolchain.link.registry import relinked

    text = b'<p>He wrote ref="#smith" &gt; here</p><sp who="#smith #jones"><persName ref="#smith">S</persName></sp>'
    expected = (
        b'<p>He wrote ref="#smith" &gt; here</p><sp who="persons.xml#j-smith #jones">'
        b'<persName ref="persons.xml#j-smith">S</persName></sp>'
    )
    for k in range(len(text) + 1):  # cut anywhere, a tag's pointer too
        assert b"".join(relinked([text[:k], text[k:]], {"smith": "j-smith"})) == expected


def test_a_document_linked_as_it_is_read_is_the_document_linked_as_a_tree():
    from toolchain.link.registry import Registry, repoint
    from toolchain.readers.conventions import DEFAULT
    from toolchain.tei import serialise

    tei, _ = convert(SAMPLE.read_text(encoding="utf-8"))
    as_tree, as_read = Registry.load(Path("none.xml"), DEFAULT), Registry.load(Path("none.xml"), DEFAULT)
    tree = parse(tei)  # the whole tree, its header linked and every pointer in it rewritten
    said, mapping = as_tree.link_header(tree, "doc.xml")
    repoint(tree.getroot(), mapping)
    parts, said_read = as_read.linked(io.BytesIO(tei), "doc.xml")
    linked = b"".join(parts)
    assert linked == serialise(tree.getroot()) and said_read == said
    assert b"persons.xml#" in linked and as_read.serialise() == as_tree.serialise()
