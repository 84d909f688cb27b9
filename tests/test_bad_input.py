"""Bad input: a clear `path:line: error:` message, exit 2, no output file; the rest of the batch converts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE

from toolchain.cli import main
from toolchain.tei import NS, parse

BAD = Path(__file__).parent / "cases" / "document" / "bad"
EXPECTED = json.loads((BAD / "expected.json").read_text()) if (BAD / "expected.json").is_file() else {}
FAULTS = sorted(name for name, e in EXPECTED.items() if not e.get("ok"))


@pytest.mark.parametrize("name", FAULTS)
def test_bad_input_is_reported_and_writes_nothing(name, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(BAD / name, src / name)
    shutil.copy(SAMPLE, src / "good.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 2, result.output
    expected = EXPECTED[name]
    prefix = f"{src / name}:{expected['line']}: error: "
    lines = [line for line in result.output.splitlines() if line.startswith(prefix)]
    assert lines, f"no '{prefix}…' in:\n{result.output}"
    assert expected["message_contains"].lower() in lines[0].lower()
    assert not (out / (Path(name).stem + ".xml")).exists()
    assert (out / "good.xml").is_file(), "the good file of the batch must still be converted"
    assert not list(out.glob(".*.tmp")), "no temporary file may be left behind"


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("ok") and n.startswith("cp")))
def test_other_encodings_convert(name, tmp_path):
    result = CliRunner().invoke(main, ["convert", str(BAD / name), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    tei = (tmp_path / (Path(name).stem + ".xml")).read_text(encoding="utf-8")
    assert any("\u0400" <= ch <= "\u04ff" for ch in tei)
    assert "windows-1251" in result.output


def test_unknown_format_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(SAMPLE), "-o", str(tmp_path), "--format", "nonesuch"])
    assert result.exit_code == 2
    assert "nonesuch" in result.output


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e.get("ok") and not n.startswith("cp")))
def test_what_is_missing_is_a_warning_and_the_text_converts(name, tmp_path):
    expected = EXPECTED[name]
    result = CliRunner().invoke(main, ["convert", str(BAD / name), "-o", str(tmp_path), "--no-registry"])
    assert result.exit_code == 0, result.output
    tei = parse(tmp_path / (Path(name).stem + ".xml"))
    if "warning" in expected:
        line = f"{BAD / name}:{expected['line']}: warning:"
        assert any(w.startswith(line) and w.endswith(f"[{expected['warning']}]") for w in result.output.splitlines())
    if expected.get("undated"):
        assert not tei.xpath("//tei:creation", namespaces=NS), "no date is guessed"
    if "kept" in expected:
        assert expected["kept"] in "".join(tei.xpath("//tei:body//text()", namespaces=NS)), "the marker is kept"
    if "title" in expected:
        assert tei.xpath("string(//tei:titleStmt/tei:title)", namespaces=NS) == expected["title"]


def test_unrecognisable_text_is_read_as_a_document_and_the_report_says_so(tmp_path):
    src = tmp_path / "plain.txt"
    src.write_text("Just a line of prose.\n\nAnother line.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if line.startswith(f"{src}:1: warning:")]
    rules = [line.rsplit("[", 1)[1].rstrip("]") for line in warned]
    assert rules == ["input-format", "input-title", "input-date"], result.output
    assert "no reader recognises the layout (scores: transcript 0.00" in warned[0]
    words = " ".join(parse(tmp_path / "out" / "plain.xml").xpath("//tei:text//text()", namespaces=NS))
    assert "Just a line of prose." in words and "Another line." in words


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        (
            "koi8_r",
            "Стенограмма заседания комиссии\n\nСоколов сказал, что порт закрыт до весны и что рыбаки получат помощь.",
        ),
        ("cp1251", "Запись беседы в порту\n\nПетров сообщил, что суда стоят у причала уже третью неделю подряд."),
        (
            "latin-1",
            "Protokoll der Sitzung\n\nHerr Müller erklärt, daß die Größe des Hafens übermäßig ist.",
        ),
    ],
)
def test_a_file_in_another_encoding_is_decoded_as_its_bytes_show(codec, text, tmp_path):
    """Not windows-1251 for everything that is not UTF-8: KOI8-R read as windows-1251 is nonsense that converts."""
    src = tmp_path / "in.txt"
    src.write_bytes(text.encode(codec))
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(tmp_path / "out"), "--no-registry"])
    assert result.exit_code == 0, result.output
    assert "not UTF-8; decoded as" in result.output
    tei = (tmp_path / "out" / "in.xml").read_text(encoding="utf-8")
    for word in text.split()[-6:]:
        assert word.strip(".,") in tei


def _convert(tmp_path: Path, name: str, data: bytes, *args: str):
    src = tmp_path / "in"
    src.mkdir(parents=True, exist_ok=True)
    (src / name).write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src / name), "-o", str(out), "--no-registry", *args])
    return result, out / (Path(name).stem + ".xml")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_convert_as_utf8_does(codec, tmp_path):
    """What Windows tools save as "Unicode" (UTF-16 with a BOM) was refused as binary."""
    text = SAMPLE.read_text(encoding="utf-8")
    bom = {"utf-16-be": "\ufeff", "utf-32-be": "\ufeff"}.get(codec, "")
    result, written = _convert(tmp_path, "u.txt", (bom + text).encode(codec))
    assert result.exit_code == 0, result.output
    assert "byte order mark" in result.output
    _, reference = _convert(tmp_path / "ref", "u.txt", text.encode("utf-8"))
    assert written.read_bytes() == reference.read_bytes()


def test_encoding_option_reads_utf16_without_a_mark(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    result, written = _convert(tmp_path, "u.txt", text.encode("utf-16-le"), "--encoding", "utf-16-le")
    assert result.exit_code == 0, result.output
    _, reference = _convert(tmp_path / "ref", "u.txt", text.encode("utf-8"))
    assert written.read_bytes() == reference.read_bytes()
    assert "binary" in _convert(tmp_path / "no", "u.txt", text.encode("utf-16-le"))[0].output  # unsaid: refused


def test_characters_xml_cannot_hold_become_visible_marks_with_a_warning(tmp_path):
    """OCR output carries controls (U+0001–U+001F): the reader crashed with an internal error."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    k = next(i for i, line in enumerate(lines) if len(line) > 40 and not line.startswith(("[", "*")))
    lines[k] = lines[k][:10] + "\x01" + lines[k][10:20] + "\x0c\x1f" + lines[k][20:]
    result, written = _convert(tmp_path, "c.txt", "\n".join(lines).encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert f"c.txt:{k + 1}:11: warning: characters XML cannot hold" in result.output
    assert "U+0001 at column 11, U+000C at column 22, U+001F at column 23" in result.output
    tei = written.read_text(encoding="utf-8")
    assert "\u2401" in tei and "\u240c\u241f" in tei


def test_a_transcript_named_like_the_registry_does_not_overwrite_it(tmp_path):
    """`persons.txt` was written to persons.xml and then overwritten by the registry ("1 converted")."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLE, src / "persons.txt")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "written as persons-transcript.xml" in result.output
    document = parse(out / "persons-transcript.xml")
    registry = parse(out / "persons.xml")
    assert document.xpath("//tei:text//tei:p", namespaces=NS)
    assert registry.xpath("//tei:listPerson/tei:person", namespaces=NS)
    assert document.xpath("//@ref[starts-with(., 'persons.xml#')]")


@pytest.mark.parametrize("field", ["Citation:", "Original Language:", "Summary:"])
def test_an_empty_field_is_said_and_the_text_converts(field, tmp_path):
    """An empty `Original Language:` or `Citation:` (the next label at once) crashed the reader."""
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index(field)
    following = min(
        text.index(label, start + len(field))
        for label in ("Summary:", "Credits:", "Contents:")
        if label in text[start + len(field) :]
    )
    result, written = _convert(tmp_path, "e.txt", (text[:start] + field + "\n\n" + text[following:]).encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert f"info: field '{field}' is empty [header-field]" in result.output
    assert written.is_file()


def test_brackets_nested_a_thousand_deep_stay_text(tmp_path):
    """1,000 nested brackets raised RecursionError and stopped the document."""
    text = SAMPLE.read_text(encoding="utf-8").replace("Point 1.", "Point 1. " + "[" * 1000 + "deep" + "]" * 1000, 1)
    result, written = _convert(tmp_path, "n.txt", text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "992 brackets nested more than 8 deep; kept as written [bracket-deep]" in result.output
    tei = written.read_text(encoding="utf-8")
    assert "[" * 992 in tei and "]" * 992 in tei and "deep" in tei
    assert CliRunner().invoke(main, ["validate", str(written)]).exit_code == 0


def test_a_file_name_of_250_bytes_converts(tmp_path):
    """Names of 242 bytes or more crashed the batch: the temporary file's name was longer than names can be."""
    name = "d" * 246 + ".txt"
    result, written = _convert(tmp_path, name, SAMPLE.read_bytes())
    assert result.exit_code == 0, result.output
    assert written.is_file() and not list(written.parent.glob(".*.tmp"))


def test_a_nul_after_the_first_8_kb_is_a_mark_not_a_crash(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8") + "\n\n" + ("Filler words of the record. " * 40 + "\n\n") * 8
    result, written = _convert(tmp_path, "z.txt", (text + "The end\x00here.\n").encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "U+0000 at column 8" in result.output
    assert "The end\u2400here." in written.read_text(encoding="utf-8")


def test_a_citation_that_is_only_dates_names_no_publisher_and_stays_valid():
    """An empty `Citation:` field takes the lines after it: dates, which are no publisher or archive (they were
    `<publisher>November 30</publisher>` inside the citation's date, which the schema refuses)."""
    from helpers import convert

    from toolchain.validate import validator

    text = (
        "Citation:\n\n\nNovember 30, 1961\n\nNovember 30, 1961\n\nSummary:\n\nKhrushchev and Ulbricht discuss "
        "Berlin.\n\nCde. W. Ulbricht informs Cde. N. S. Khrushchev that the situation in the capital has become "
        "calmer, but the economic losses are considerable.\n"
    )
    tei, _ = convert(text)
    assert not [d for d in validator().check_bytes(tei, "doc.xml") if d.severity == "error"]
    assert b"<publisher>" not in tei and b"November 30, 1961" in tei
