"""Bytes to text: UTF-8 (with or without BOM), UTF-16 and UTF-32 by their byte order mark (what Windows
tools save as "Unicode"); another encoding detected (charset-normalizer) and reported; binary refused.
Characters XML cannot hold (controls that OCR and PDF exports leave) become visible marks, each named in
a warning with its line and column, so nothing is lost and the TEI can be written."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from ..errors import Diagnostic, InputError
from .text import Text, whole_lines

# The names the report gives the encodings charset-normalizer calls by their Python codec names.
_NAMES = {"cp1251": "windows-1251", "cp1252": "windows-1252", "cp1250": "windows-1250", "koi8_r": "KOI8-R"}


# Byte order marks, UTF-32's first (its little-endian mark begins with UTF-16's)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters XML 1.0 does not allow, and the visible mark each becomes: a control's picture (U+2400 + its
# code: U+0001 is ␁), else the replacement character.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _mark(ch: str) -> str:
    return chr(0x2400 + ord(ch)) if ord(ch) < 0x20 else "\ufffd"


def decode(data: bytes, path: Path, warnings: list[Diagnostic], encoding: str | None = None) -> str:
    """Decode a transcript: UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM; a file in another
    encoding (windows-1251, KOI8-R, Latin-1 …) is decoded as detected and the report says which;
    `encoding` decides when given."""
    text = _decode(data, path, warnings, encoding)
    return _xml_characters(text, path, warnings)


def decode_file(path: Path, warnings: list[Diagnostic], encoding: str | None = None) -> str | Text:
    """`decode` of a file's bytes; a long file is decoded a piece at a time into a `Text` (its bytes and its
    text never all held). A long file not in the encoding its beginning shows is decoded whole, as `decode`
    does (the report is the same)."""
    with path.open("rb") as file:
        first = file.read(_READ) if path.is_file() else b""
        if len(first) < _READ or not first.strip():
            return decode(first + file.read(), path, warnings, encoding)
        said: list[Diagnostic] = []
        try:
            text = _streamed(first, file, path, said, encoding)
        except (UnicodeDecodeError, LookupError):
            file.seek(0)
            return decode(file.read(), path, warnings, encoding)
        except InputError:
            warnings.extend(said)
            raise
        warnings.extend(said)
        return text


# A file is read this many bytes at a time; one shorter is decoded whole.
_READ = 2**20


def _streamed(first: bytes, file: BinaryIO, path: Path, said: list[Diagnostic], encoding: str | None) -> Text:
    """The text of a long file, decoded as its first bytes show (`_decode`'s choice); raises
    UnicodeDecodeError or LookupError where `_decode` reports otherwise (the caller decodes it whole)."""
    codec = encoding or next((name for bom, name in _BOMS if first.startswith(bom)), None) or "utf-8-sig"
    text_checked = encoding is not None or codec != "utf-8-sig"  # for controls as `_not_binary` does, else its bytes
    if encoding is None and text_checked:
        message = f"decoded as {codec.upper()} (its byte order mark)"
        said.append(Diagnostic("info", "input-encoding", str(path), 1, 0, message))
    elif not text_checked and (b"\x00" in first[:8192] or _binary_ratio(first[:8192]) > 0.05):
        raise InputError(path, 1, "this is a binary file, not a plain-text transcript", "input-binary")
    decoder = codecs.getincrementaldecoder(codec)()
    blank = True  # nothing but white space so far

    def pieces() -> Iterator[str]:
        nonlocal blank
        data = first
        while data:
            blank = blank and not data.strip()
            decoded = decoder.decode(data)
            if data is first and text_checked:
                _not_binary(decoded, path)
            yield decoded
            data = file.read(_READ)
        yield decoder.decode(b"", final=True)

    text = Text(_xml_pieces(pieces(), path, said))
    if blank:
        raise InputError(path, 1, "the file is empty", "input-empty")
    return text


def _xml_pieces(pieces: Iterable[str], path: Path, warnings: list[Diagnostic]) -> Iterator[str]:
    """`_xml_characters` of the text of `pieces`, a run of whole lines at a time (the line numbers are the
    text's)."""
    line = 1
    for lines in whole_lines(pieces):
        yield _xml_characters(lines, path, warnings, line)
        line += lines.count("\n")


def _decode(data: bytes, path: Path, warnings: list[Diagnostic], encoding: str | None) -> str:
    if not data.strip():
        raise InputError(path, 1, "the file is empty", "input-empty")
    if encoding:
        try:
            return _not_binary(data.decode(encoding), path)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(path, 1, f"cannot decode as {encoding}: {exc}", "input-encoding") from exc
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if codec is not None and codec != "utf-8-sig":
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                path, 1, f"the file begins as {codec.upper()} but is not: {exc}", "input-encoding"
            ) from exc
        warnings.append(
            Diagnostic("info", "input-encoding", str(path), 1, 0, f"decoded as {codec.upper()} (its byte order mark)")
        )
        return _not_binary(text, path)
    if b"\x00" in data[:8192] or _binary_ratio(data[:8192]) > 0.05:
        raise InputError(path, 1, "this is a binary file, not a plain-text transcript", "input-binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        best = from_bytes(data).best()
        if best is None or best.encoding.startswith("utf"):
            raise InputError(
                path,
                bad_line,
                f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}) and its encoding cannot be told; give "
                "--encoding (e.g. cp1251, koi8-r, latin-1)",
                "input-encoding",
            ) from exc
        name = _NAMES.get(best.encoding, best.encoding)
        message = f"the file is not UTF-8; decoded as {name}, the encoding its bytes show (give --encoding to choose)"
        warnings.append(Diagnostic("warning", "input-encoding", str(path), bad_line, 0, message))
        return str(best)


def _not_binary(text: str, path: Path) -> str:
    """The decoded text, unless it is mostly controls (a binary file read in a text encoding)."""
    sample = text[:8192]
    if "\x00" in sample or _binary_ratio(sample.encode("utf-8", "surrogatepass")) > 0.05:
        raise InputError(path, 1, "this is a binary file, not a plain-text transcript", "input-binary")
    return text


def _xml_characters(text: str, path: Path, warnings: list[Diagnostic], first_line: int = 1) -> str:
    """`text` with each character XML cannot hold replaced by its mark, and a warning a line naming them."""
    if _NOT_XML.search(text) is None:
        return text
    out = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        found = list(_NOT_XML.finditer(line))
        if found:
            named = ", ".join(f"U+{ord(m.group()):04X} at column {m.start() + 1}" for m in found[:5])
            more = f" and {len(found) - 5} more" if len(found) > 5 else ""
            message = f"characters XML cannot hold, written as visible marks (␁ for U+0001 …, � else): {named}{more}"
            warnings.append(Diagnostic("warning", "input-character", str(path), number, found[0].start() + 1, message))
            line = _NOT_XML.sub(lambda m: _mark(m.group()), line)
        out.append(line)
    return "\n".join(out)


# The control bytes no text holds (all below 32 but tab, line feed, form feed, carriage return).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return control / len(sample)
