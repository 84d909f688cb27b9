"""The state of an edition (`.edition/state.json`): a hand edit in tei/ is never overwritten, a removed
transcript takes its TEI along (unless edited by hand), an unchanged transcript is not converted again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT

from toolchain.app import documents_of
from toolchain.cli import main

FIRST, SECOND, THIRD = "000_76a20d9d4f7c8183", "001_545f37247de4dac3", "004_40ab3963a3b9c643"
TITLE = "Cuba, 1962: Soviet records of the missile crisis"  # edition.toml's [render] edition-title


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "transcripts", tmp_path / "transcripts")
    shutil.copy(ROOT / "edition.toml", tmp_path / "edition.toml")
    return tmp_path


def build(root: Path) -> str:
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--no-html", "--no-pdf", "--no-epub"])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_hand_edit_is_kept_and_carried_into_the_conversion_of_a_changed_transcript(edition):
    build(edition)
    tei = edition / "tei" / f"{SECOND}.xml"
    edited = tei.read_text(encoding="utf-8").replace("<p xml:id=", '<p rend="checked" xml:id=', 1)
    edited = edited.replace("</notesStmt>", '<note type="editorial">Checked against the original.</note></notesStmt>')
    tei.write_text(edited, encoding="utf-8")
    said = build(edition)
    assert tei.read_text(encoding="utf-8") == edited, "a hand edit was overwritten"
    assert "1 edited by hand, kept" in said and "2 unchanged" in said
    # the transcript changes elsewhere: the new conversion, with the hand edits carried over
    source = edition / "transcripts" / f"{SECOND}.txt"
    text = source.read_text(encoding="utf-8")
    assert "Perhaps Cdes. Gromyko" in text
    source.write_text(text.replace("Perhaps Cdes. Gromyko", "Perhaps Comrades Gromyko"), encoding="utf-8")
    said = build(edition)
    merged = tei.read_text(encoding="utf-8")
    assert "Perhaps Comrades <persName" in merged and "Perhaps Cdes." not in merged
    assert '<p rend="checked" xml:id=' in merged and "Checked against the original." in merged
    assert not (edition / "tei" / f"{SECOND}.converted.xml").exists()
    assert "the hand edits (3 parts) are carried over into the new conversion" in " ".join(said.split())
    status = CliRunner().invoke(main, ["status", "--root", str(edition)])
    assert f"transcripts/{SECOND}.txt  (its TEI was edited by hand; the transcript is unchanged)" in status.output
    assert "0 to convert" in status.output


def test_a_hand_edit_the_transcript_contradicts_keeps_both_and_says_where(edition):
    build(edition)
    tei = edition / "tei" / f"{SECOND}.xml"
    edited = tei.read_text(encoding="utf-8").replace("Perhaps Cdes. ", "Perhaps Comrades ")
    tei.write_text(edited, encoding="utf-8")
    source = edition / "transcripts" / f"{SECOND}.txt"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Perhaps Cdes. Gromyko", "Maybe Cdes. Gromyko"), encoding="utf-8")
    said = " ".join(build(edition).split())
    beside = edition / "tei" / f"{SECOND}.converted.xml"
    assert tei.read_text(encoding="utf-8") == edited
    assert "Maybe Cdes. <persName" in beside.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(edited.splitlines(), 1) if "Perhaps Comrades " in row)
    assert f"{SECOND}.xml:{line}:" in said and "changed by hand and by the new conversion: not merged" in said
    assert f"{SECOND}.xml was edited by hand and its transcript changed, and the two cannot be merged" in said
    assert beside not in documents_of(edition / "tei")  # neither validated nor rendered as a document
    status = CliRunner().invoke(main, ["status", "--root", str(edition)])
    assert f"tei/{SECOND}.converted.xml  (a new conversion beside a hand-edited file" in status.output


def test_a_rebuild_with_nothing_changed_converts_nothing(edition):
    build(edition)
    before = {p.name: p.read_bytes() for p in (edition / "tei").glob("*.xml")}
    said = build(edition)
    assert "0 of 3 transcripts converted" in said and "3 unchanged" in said
    assert {p.name: p.read_bytes() for p in (edition / "tei").glob("*.xml")} == before
    state = json.loads((edition / ".edition" / "state.json").read_text(encoding="utf-8"))
    assert sorted(state["sources"]) == [f"transcripts/{n}.txt" for n in (FIRST, SECOND, THIRD)]
    source = edition / "transcripts" / f"{THIRD}.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\n\nOne more paragraph.\n", encoding="utf-8")
    said = build(edition)
    assert "1 of 3 transcripts converted" in said and "converted: 1 changed" in said
    result = CliRunner().invoke(
        main, ["build", "--root", str(edition), "-j", "1", "--no-html", "--no-pdf", "--no-epub"]
    )
    assert result.exit_code == 0 and "3 unchanged" in result.output


def test_the_first_build_says_every_transcript_is_new(edition):
    assert "converted: 3 new" in build(edition)


def test_a_removed_transcript_takes_its_tei_unless_edited_by_hand(edition):
    build(edition)
    (edition / "transcripts" / f"{FIRST}.txt").unlink()
    edited = edition / "tei" / f"{THIRD}.xml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("<p xml:id=", '<p n="x" xml:id=', 1), encoding="utf-8")
    (edition / "transcripts" / f"{THIRD}.txt").unlink()
    said = build(edition)
    assert not (edition / "tei" / f"{FIRST}.xml").exists()
    assert f"{FIRST}.xml:0: info: its transcript is gone: removed [source-removed]" in said
    assert edited.is_file() and "kept, since it was edited by hand" in said
    assert edited in documents_of(edition / "tei")  # a document without a transcript is still the edition's


def test_an_edition_built_before_it_kept_a_state_is_taken_as_it_is(edition):
    build(edition)
    shutil.rmtree(edition / ".edition")
    said = build(edition)  # the TEI is what the transcripts convert to: nothing is written beside it
    assert not list((edition / "tei").glob("*.converted.xml")), said
    tei = edition / "tei" / f"{SECOND}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<p xml:id=", '<p n="y" xml:id=', 1), encoding="utf-8")
    shutil.rmtree(edition / ".edition")
    said = build(edition)  # no state, and the TEI differs: it may be a hand edit, so it is kept
    assert 'n="y"' in tei.read_text(encoding="utf-8")
    assert (
        edition / "tei" / f"{SECOND}.converted.xml"
    ).is_file() and "is not what the transcript converts to now" in said


def test_a_failure_is_contained(edition):
    """A transcript that cannot be read stopped all rendering; invalid TEI was rendered anyway."""
    (edition / "transcripts" / "zz_empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(edition), "--no-pdf", "--no-epub"])
    assert result.exit_code == 2
    assert "1 transcripts could not be converted" in result.output
    assert (edition / "build" / "html" / f"{SECOND}.html").is_file(), "the rest of the edition is rendered"
    (edition / "transcripts" / "zz_empty.txt").unlink()
    tei = edition / "tei" / f"{THIRD}.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("<body>", "<body><foo/>", 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(edition), "--no-pdf", "--no-epub"])
    assert result.exit_code == 1
    assert f"left out of the rendering, invalid TEI: {THIRD}.xml" in result.output
    assert not (edition / "build" / "html" / f"{THIRD}.html").exists()
    result = CliRunner().invoke(main, ["build", "--root", str(edition), "--no-pdf", "--no-epub", "--render-invalid"])
    assert (edition / "build" / "html" / f"{THIRD}.html").is_file()


def test_a_rebuild_that_changes_nothing_writes_nothing(edition):
    build(edition)
    CliRunner().invoke(main, ["build", "--root", str(edition), "--no-pdf", "--no-epub"])
    files = [p for folder in ("tei", "build/html", ".edition") for p in (edition / folder).rglob("*") if p.is_file()]
    before = {p: p.stat().st_mtime_ns for p in files}
    result = CliRunner().invoke(main, ["build", "--root", str(edition), "--no-pdf", "--no-epub"])
    assert result.exit_code == 0, result.output
    assert {p: p.stat().st_mtime_ns for p in files} == before


def test_a_rebuild_checks_and_renders_only_what_changed(edition, monkeypatch):
    """Nothing changed: nothing is validated again (the diagnostics are told again) and the website is up
    to date; one transcript changed: its TEI is checked, its page made again, no other document's page."""
    import toolchain.validate as validate

    home = ["build", "--root", str(edition), "--no-pdf", "--no-epub"]
    CliRunner().invoke(main, home)
    tei = edition / "tei" / f"{SECOND}.xml"
    valid = tei.read_text(encoding="utf-8")
    tei.write_text(valid.replace('<p xml:id="', '<p rend="" xml:id="', 1), encoding="utf-8")
    first = " ".join(CliRunner().invoke(main, home).output.split())
    checked: list[list[Path]] = []
    real = validate.validate_many
    monkeypatch.setattr(validate, "validate_many", lambda paths, **kw: checked.append(list(paths)) or real(paths, **kw))
    again = " ".join(CliRunner().invoke(main, home).output.split())
    assert checked == [] and "build/html/ is up to date" in again
    assert (
        "value length cannot be lesser than 1 [xsd]" in first and "value length cannot be lesser than 1 [xsd]" in again
    )
    tei.write_text(valid, encoding="utf-8")
    CliRunner().invoke(main, home)
    pages = {p: p.stat().st_mtime_ns for p in (edition / "build" / "html").glob("*.html")}
    checked.clear()
    source = edition / "transcripts" / f"{THIRD}.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("midnight", "twelve at night", 1), encoding="utf-8")
    CliRunner().invoke(main, home)
    assert [p.name for p in checked[0]] == [f"{THIRD}.xml"]
    changed = {p.name for p, t in pages.items() if p.stat().st_mtime_ns != t}
    assert f"{THIRD}.html" in changed and f"{SECOND}.html" not in changed and f"{FIRST}.html" not in changed


def test_the_pages_of_the_edition_are_made_from_what_each_document_gave_them(edition, tmp_path, monkeypatch):
    """A rebuild reads in full only the documents whose page is made again, the registry and the
    catalogue; home, persons, about and the search index are made from the digests kept of the others,
    as the documents themselves would make them; a page whose digests did not change is not made again."""

    from toolchain.render.html import HtmlRenderer

    home = ["build", "--root", str(edition), "--no-pdf", "--no-epub"]
    CliRunner().invoke(main, home)
    read: list[str] = []
    real = HtmlRenderer.load
    monkeypatch.setattr(
        HtmlRenderer, "load", lambda self, paths: read.extend(p.name for p in paths) or real(self, paths)
    )
    site = edition / "build" / "html"
    about = (site / "about.html").stat().st_mtime_ns
    source = edition / "transcripts" / f"{THIRD}.txt"
    text = source.read_text(encoding="utf-8")
    assert "Mikoyan Telegram to the CC CPSU" in text  # the title
    source.write_text(
        text.replace("Mikoyan Telegram", "Mikoyan Cable", 1).replace("midnight", "twelve at night", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(main, home)
    assert result.exit_code == 0, result.output
    assert sorted(read) == [f"{FIRST}.xml", f"{THIRD}.xml", "persons.xml"]  # FIRST is the catalogue
    assert "Mikoyan Cable" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "about.html").stat().st_mtime_ns == about  # its digests are as they were
    fresh = tmp_path / "fresh"
    made = CliRunner().invoke(
        main, ["render", str(edition / "tei"), "-o", str(fresh), "--param", f"edition-title={TITLE}"]
    )
    assert made.exit_code == 0, made.output
    for page in sorted(fresh.rglob("*.*")):
        assert (site / page.relative_to(fresh)).read_bytes() == page.read_bytes(), page.name


def test_an_edition_in_which_nobody_is_named_has_no_registry(tmp_path):
    (tmp_path / "transcripts").mkdir()
    (tmp_path / "transcripts" / "weather.txt").write_text(
        "A note about the weather\n\nIt rained all day in the valley, and the river rose over the road by the mill.\n",
        encoding="utf-8",
    )
    said = build(tmp_path)
    assert not (tmp_path / "tei" / "persons.xml").exists() and "persons.xml" not in said
    assert "1 files valid, 0 invalid" in said


def test_a_build_killed_at_any_moment_leaves_no_half_written_file(edition):
    """kill -9 at several moments of a build (converting, validating, rendering the website, the book and
    the EPUB): every file it leaves is whole (each TEI and page parses, the book and the EPUB are complete),
    and the next build completes and leaves no temporary file."""
    import signal
    import subprocess
    import sys
    import time
    import zipfile

    from lxml import etree, html

    source = edition / "transcripts" / f"{SECOND}.txt"
    command = [sys.executable, "-m", "toolchain.cli", "build", "--root", str(edition)]
    for n, delay in enumerate((0.4, 0.9, 1.6, 2.6, 3.8)):
        source.write_text(
            source.read_text(encoding="utf-8") + f"\n\nA paragraph added, number {n}.\n", encoding="utf-8"
        )
        run = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.wait()
        for tei in (edition / "tei").glob("*.xml"):
            etree.parse(str(tei))
        for page in (edition / "build" / "html").glob("*.html"):
            assert html.parse(str(page)).getroot() is not None
        pdf = edition / "build" / "pdf" / "edition.pdf"
        if pdf.exists():
            assert pdf.read_bytes().rstrip().endswith(b"%%EOF")
        epub = edition / "build" / "epub" / "edition.epub"
        if epub.exists():
            assert zipfile.ZipFile(epub).testzip() is None
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "A paragraph added, number 4." in (edition / "tei" / f"{SECOND}.xml").read_text(encoding="utf-8")
    assert not list(edition.rglob(".edition-*.tmp"))


def test_a_document_is_checked_again_when_a_file_its_pointers_name_changed(edition):
    build(edition)
    registry = edition / "tei" / "persons.xml"
    text = registry.read_text(encoding="utf-8")
    start = text.index('<person xml:id="serov"')
    registry.write_text(text[:start] + text[text.index("</person>", start) + len("</person>") :], encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(edition), "--no-html", "--no-pdf", "--no-epub"])
    assert f"{SECOND}.xml" in result.output and "persons.xml#serov" in result.output


def test_a_rebuild_tells_again_what_the_conversion_of_an_unchanged_transcript_said(tmp_path):
    (tmp_path / "transcripts").mkdir()
    source = tmp_path / "transcripts" / "interview.txt"
    # a speaker label that names no one: a warning of the conversion, which a rebuild must not forget
    source.write_text(
        "Interview, 3 March 1999\n\nSMITH: We began in the spring.\n\nUNIDENTIFIED SPEAKER: When?\n\n"
        "SMITH: In April, as I said.\n\nJONES: And it ended in May.\n",
        encoding="utf-8",
    )
    first = build(tmp_path)
    warned = [row for row in first.splitlines() if ": warning: " in row and "interview.txt" in row]
    assert warned, first
    again = build(tmp_path)
    assert "0 of 1 transcripts converted" in again
    assert [row for row in again.splitlines() if ": warning: " in row and "interview.txt" in row] == warned
    # --strict refuses them on a rebuild as a first strict build would, and leaves the TEI as it was
    tei = next((tmp_path / "tei").glob("interview*.xml"))
    before = tei.read_bytes()
    strict = CliRunner().invoke(
        main, ["build", "--root", str(tmp_path), "--strict", "--no-html", "--no-pdf", "--no-epub"]
    )
    assert strict.exit_code != 0, strict.output
    assert "converted with warnings, and --strict refuses them" in strict.output
    assert tei.read_bytes() == before
