"""A text's blocks, kept in a file when it is long, are the blocks of the text, and reading a long transcript
holds a few chunks of them, not all."""

from __future__ import annotations

import gc
import random
from pathlib import Path

import pytest
from conftest import CASES

from toolchain import readers
from toolchain.convert import convert_text
from toolchain.errors import InputError
from toolchain.readers.conventions import DEFAULT
from toolchain.source import blocks as blocks_mod
from toolchain.source.blocks import Block, Blocks, blocks

BREAKS = ["\n", "\r\n", "\r", "\x0c", "\u2028", "\x85", "\n\n", "\n \n", "\n\n\n"]
WORDS = ["Smith:", "the", "Point", "1.", "long" * 30 + ".", "[laughs]", "  ", "\t", "Жуков", "“quoted”"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(WORDS) + (rng.choice(BREAKS) if rng.random() < 0.4 else " ") for _ in range(400))


def _paragraphs(text: str) -> list[Block]:
    """The blocks as the whole text's lines give them (what `blocks` is, made from all of it at once)."""
    runs, lines = [], []
    numbered = list(enumerate(text.splitlines(), start=1))
    for number, raw in numbered:
        if raw.rstrip().strip():
            lines.append(raw.rstrip())
        elif lines:
            runs.append(Block(number - len(lines), lines))
            lines = []
    if lines:
        runs.append(Block(numbered[-1][0] - len(lines) + 1, lines))
    out = []
    for b in runs:
        if blocks_mod._one_paragraph_a_line(b.lines):
            out.extend(Block(b.line + k, [line]) for k, line in enumerate(b.lines))
        else:
            out.append(b)
    return out


@pytest.fixture
def spooled(monkeypatch):
    """Every text's blocks in a file, in chunks of a few blocks, the text cut in pieces of a few lines."""
    monkeypatch.setattr(blocks_mod, "SPOOL", 0)
    monkeypatch.setattr(blocks_mod, "CHUNK", 300)
    monkeypatch.setattr(blocks_mod, "_PIECE", 97)
    blocks_mod.forget()
    yield
    blocks_mod.forget()


@pytest.mark.parametrize("seed", range(20))
def test_blocks_kept_in_a_file_are_the_blocks_of_the_whole_text(spooled, seed):
    text = _text(random.Random(seed))
    expected = _paragraphs(text)
    got = blocks(text)
    assert isinstance(got._blocks, blocks_mod._Spooled) or not expected
    assert list(got) == expected
    assert [got[k] for k in range(len(got) - 1, -1, -1)] == expected[::-1], "read backwards, chunk by chunk"
    assert [got.line(k) for k in range(len(got))] == [b.line for b in expected]
    middle = got[3:-2]
    assert list(middle) == expected[3:-2] and list(middle[1:4]) == expected[4:7]
    left = got.without({0, 2, len(got) - 1})
    assert list(left) == [b for k, b in enumerate(expected) if k not in {0, 2, len(expected) - 1}]
    assert list(Blocks(iter(expected))) == expected, "an iterator of blocks is read once"


def test_a_text_read_from_blocks_kept_in_a_file_is_the_same_tei(spooled):
    inputs = sorted(CASES.rglob("*.case"))[::3]
    assert len(inputs) > 20
    for case in inputs:
        text = case.read_text(encoding="utf-8").split("#### expect")[0].removeprefix("#### input\n").encode()
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(blocks_mod, "SPOOL", 10**9)
            blocks_mod.forget()
            whole = _converted(text, case.name)
        blocks_mod.forget()
        assert _converted(text, case.name) == whole, case.name


def _converted(data: bytes, name: str) -> object:
    """The TEI and report of a text, or the error it is refused with (some cases are bad input)."""
    try:
        return convert_text(data, Path(name), DEFAULT)
    except InputError as exc:
        return exc.diagnostic


def test_a_long_transcript_is_read_holding_a_few_chunks_of_its_blocks(spooled, monkeypatch):
    monkeypatch.setattr(blocks_mod, "CHUNK", 4096)
    turns = "\n\n".join(f"{'SMITH' if i % 2 else 'JONES'}: Point {i} of the agenda, said once." for i in range(3000))
    text = f"Transcript of a Hearing\n\nJune 4, 1962\n\n{turns}\n"
    doc = readers.read(text, source=Path("t.txt"), conventions=DEFAULT, diagnostics=[])
    gc.collect()
    alive = sum(1 for o in gc.get_objects() if isinstance(o, Block))
    assert 0 < alive < 600, f"{alive} blocks held for 3,000 paragraphs"
    assert doc.text.blocks


@pytest.fixture
def long_reads(monkeypatch):
    """A file is long past 1,000 bytes: read 1,000 at a time, its text in a file in pieces of 300 characters."""
    from toolchain.source import decode as decode_mod
    from toolchain.source import text as text_mod

    monkeypatch.setattr(decode_mod, "_READ", 1000)
    monkeypatch.setattr(text_mod, "PIECE", 300)
    monkeypatch.setattr(text_mod, "SPOOL", 500)
    monkeypatch.setattr(text_mod, "ENDS", 700)


def _files() -> list[tuple[str, bytes]]:
    rng = random.Random(7)
    plain = _text(rng) * 3
    odd = "".join(
        c + ("\x01" if k % 997 == 0 else "") + ("\ufffe" if k % 1501 == 0 else "") for k, c in enumerate(plain)
    )
    return [
        ("utf-8", plain.encode()),
        ("controls", odd.encode("utf-8", "surrogatepass")),
        ("bom", b"\xef\xbb\xbf" + plain.encode()),
        ("utf-16", plain.encode("utf-16")),
        ("utf-32", plain.encode("utf-32")),
        ("cp1251", plain.encode("cp1251", "replace")),
        ("one line", ("word " * 2000).encode()),
        ("blank", b" \n" * 2000),
        ("blank then text", b" \n" * 2000 + plain.encode()),
        ("binary", bytes(range(256)) * 20),
        ("bad utf-8 late", plain.encode() + b"\xff\xfe end"),
    ]


@pytest.mark.parametrize("name,data", _files(), ids=[n for n, _ in _files()])
def test_a_long_file_decoded_a_piece_at_a_time_is_the_file_decoded_whole(long_reads, tmp_path, name, data):
    from toolchain.source.decode import decode, decode_file
    from toolchain.source.text import Text

    path = tmp_path / "t.txt"
    path.write_bytes(data)
    for encoding in (None, "utf-8"):
        whole_said, piece_said = [], []
        try:
            whole = decode(data, path, whole_said, encoding)
        except InputError as exc:
            with pytest.raises(InputError) as raised:
                decode_file(path, piece_said, encoding)
            assert raised.value.diagnostic == exc.diagnostic and piece_said == whole_said
            continue
        text = decode_file(path, piece_said, encoding)
        assert piece_said == whole_said
        assert str(text) == whole
        if isinstance(text, Text):
            assert len(text) == len(whole) and text[:650] == whole[:650] and text[-650:] == whole[-650:]
            assert "".join(text.pieces()) == whole and all(p.endswith("\n") for p in list(text.pieces())[:-1])
            assert list(blocks(text)) == list(blocks(whole))
    assert name not in ("utf-8", "controls", "utf-16") or isinstance(decode_file(path, [], None), Text)


def test_a_long_file_is_sniffed_by_the_same_sample_as_its_whole_text(long_reads, monkeypatch, tmp_path):
    from toolchain.readers import registry
    from toolchain.source.decode import decode_file

    monkeypatch.setattr(registry, "SNIFF_PART", 600)
    for name, data in _files()[:5]:
        path = tmp_path / "t.txt"
        path.write_bytes(data)
        text = decode_file(path, [], None)
        assert registry.sample(text) == registry.sample(str(text)), name


def test_a_long_file_converted_a_piece_at_a_time_is_the_tei_of_its_bytes(long_reads, spooled, tmp_path):
    from toolchain.convert import Options, convert_file

    said = (f"{'SMITH' if i % 2 else 'JONES'}: Point {i} of the agenda [laughs], said once." for i in range(300))
    turns = "\n\n".join(said)
    data = f"Transcript of a Hearing\n\nJune 4, 1962\n\n{turns}\n\x01\n".encode()
    source = tmp_path / "t.txt"
    source.write_bytes(data)
    done = convert_file(source, tmp_path / "out", Options(DEFAULT))
    tei, said = convert_text(data, source, DEFAULT)
    assert Path(done.output).read_bytes() == tei and done.diagnostics == said
