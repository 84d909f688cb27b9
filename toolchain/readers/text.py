"""Plain-text helpers shared by the readers: decoding, blocks with line numbers, dates, brackets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Diagnostic, InputError


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
        letters = [c for c in text if c.isalpha()]
        cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
        if letters and cyrillic / len(letters) > 0.3 and "\ufffd" not in text:
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


@dataclass
class Block:
    """A run of non-blank lines; `line` is the 1-based number of its first line."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_at(self, offset: int) -> int:
        """Source line of a character offset into `text`."""
        return self.line + self.text.count("\n", 0, offset)


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    current: Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.strip():
            if current is None:
                current = Block(number, [])
                out.append(current)
            current.lines.append(line)
        else:
            current = None
    return out


# --- dates ---------------------------------------------------------------------------

MONTHS = {
    m.lower(): i
    for i, names in enumerate(
        [
            ("January", "Jan", "janvier", "Januar", "enero", "января", "январь", "январе"),
            ("February", "Feb", "février", "Februar", "febrero", "февраля", "февраль", "феврале"),
            ("March", "Mar", "mars", "März", "marzo", "марта", "март", "марте"),
            ("April", "Apr", "avril", "abril", "апреля", "апрель", "апреле"),
            ("May", "mai", "mayo", "мая", "май", "мае"),
            ("June", "Jun", "juin", "Juni", "junio", "июня", "июнь", "июне"),
            ("July", "Jul", "juillet", "Juli", "julio", "июля", "июль", "июле"),
            ("August", "Aug", "août", "agosto", "августа", "август", "августе"),
            ("September", "Sep", "Sept", "septembre", "septiembre", "сентября", "сентябрь", "сентябре"),
            ("October", "Oct", "octobre", "Oktober", "octubre", "октября", "октябрь", "октябре"),
            ("November", "Nov", "novembre", "noviembre", "ноября", "ноябрь", "ноябре"),
            ("December", "Dec", "décembre", "Dezember", "diciembre", "декабря", "декабрь", "декабре"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[A-Za-zÀ-ÿА-Яа-яё]+)\.?"
_DATE_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})(?:er|\.)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})[/-](?P<mnum>\d{1,2})[/-](?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})"),
    re.compile(_MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?<![\d/.-])(?P<year>1[5-9]\d\d|20\d\d)(?![\d/.-])"),
]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def find_date(text: str, *, whole: bool = False) -> DateMatch | None:
    """The first date in `text` (or `text` as a whole date), with its ISO 8601 form.

    Brackets around parts of a date (`25 [October] 1962`) are looked through.
    """
    plain = text.replace("[", " ").replace("]", " ")
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(plain):
            if whole and (plain[: m.start()].strip() or plain[m.end() :].strip(" .")):
                continue
            groups = m.groupdict()
            year = int(groups["year"])
            if groups.get("mnum"):
                month = int(groups["mnum"])
            elif groups.get("month"):
                month = MONTHS.get(groups["month"].lower().rstrip("."), 0)
                if not month:
                    continue
            else:
                month = 0
            day = int(groups["day"]) if groups.get("day") else 0
            if month > 12 or day > 31:
                continue
            iso = f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
            return DateMatch(m.start(), m.end(), iso)
    return None


# --- brackets ------------------------------------------------------------------------


@dataclass
class Bracket:
    start: int  # offset of "["
    end: int  # offset after "]"
    depth: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def brackets(text: str, skip: list[tuple[int, int]], block: Block, path: Path) -> list[Bracket]:
    """Square brackets of a paragraph, nesting checked; `skip` ranges (note markers) are ignored."""
    skipped = set()
    for a, b in skip:
        skipped.update(range(a, b))
    stack: list[int] = []
    out: list[Bracket] = []
    for i, ch in enumerate(text):
        if i in skipped:
            continue
        if ch == "[":
            stack.append(i)
        elif ch == "]":
            if not stack:
                raise InputError(path, block.line_at(i), "unbalanced bracket: ']' has no opening '['", "input-bracket")
            start = stack.pop()
            out.append(Bracket(start, i + 1, len(stack)))
    if stack:
        i = stack[-1]
        raise InputError(path, block.line_at(i), "unbalanced bracket: '[' is never closed", "input-bracket")
    return sorted(out, key=lambda b: b.start)
