"""Bytes to text: UTF-8 (with or without BOM); another encoding detected (charset-normalizer) and reported;
binary refused."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import Diagnostic, InputError

# The names the report gives the encodings charset-normalizer calls by their Python codec names.
_NAMES = {"cp1251": "windows-1251", "cp1252": "windows-1252", "cp1250": "windows-1250", "koi8_r": "KOI8-R"}


def decode(data: bytes, path: Path, warnings: list[Diagnostic], encoding: str | None = None) -> str:
    """Decode a transcript: UTF-8 (with or without BOM); a file in another encoding (windows-1251, KOI8-R,
    Latin-1 …) is decoded as detected and the report says which; `encoding` decides when given."""
    if not data.strip():
        raise InputError(path, 1, "the file is empty", "input-empty")
    if b"\x00" in data[:8192] or _binary_ratio(data[:8192]) > 0.05:
        raise InputError(path, 1, "this is a binary file, not a plain-text transcript", "input-binary")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(path, 1, f"cannot decode as {encoding}: {exc}", "input-encoding") from exc
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


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample)
