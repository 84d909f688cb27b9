"""Bytes to text: UTF-8 (with or without BOM); windows-1251 Russian recognised and reported; binary refused."""

from __future__ import annotations

from pathlib import Path

from ..errors import Diagnostic, InputError
from .scripts import cyrillic_share


def decode(data: bytes, path: Path, warnings: list[Diagnostic], encoding: str | None = None) -> str:
    """Decode a transcript: UTF-8 (with or without BOM); windows-1251 Russian is recognised and reported."""
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
        text = data.decode("cp1251", errors="replace")
        if cyrillic_share(text) > 0.3 and "\ufffd" not in text:
            warnings.append(
                Diagnostic(
                    "warning",
                    "input-encoding",
                    str(path),
                    bad_line,
                    0,
                    "the file is not UTF-8; decoded as windows-1251 (Cyrillic)",
                )
            )
            return text
        raise InputError(
            path,
            bad_line,
            f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); give --encoding (e.g. cp1251, latin-1)",
            "input-encoding",
        ) from exc


def _binary_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control / len(sample)
