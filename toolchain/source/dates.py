"""Dates in running text, in the shapes archives write them, with their ISO 8601 form."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
