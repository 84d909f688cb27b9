"""Dates in running text, in the shapes archives write them, with their ISO 8601 form."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    m.lower(): i
    for i, names in enumerate(
        [
            # English, French, German, Spanish, Italian, Russian, Ukrainian, Polish (as dates write them)
            (
                "January",
                "Jan",
                "janvier",
                "Januar",
                "enero",
                "gennaio",
                "января",
                "январь",
                "январе",
                "січня",
                "січень",
                "stycznia",
            ),
            (
                "February",
                "Feb",
                "février",
                "Februar",
                "febrero",
                "febbraio",
                "февраля",
                "февраль",
                "феврале",
                "лютого",
                "лютий",
                "lutego",
            ),
            ("March", "Mar", "mars", "März", "marzo", "марта", "март", "марте", "березня", "березень", "marca"),
            ("April", "Apr", "avril", "abril", "aprile", "апреля", "апрель", "апреле", "квітня", "квітень", "kwietnia"),
            ("May", "mai", "mayo", "maggio", "мая", "май", "мае", "травня", "травень", "maja"),
            ("June", "Jun", "juin", "Juni", "junio", "giugno", "июня", "июнь", "июне", "червня", "червень", "czerwca"),
            ("July", "Jul", "juillet", "Juli", "julio", "luglio", "июля", "июль", "июле", "липня", "липень", "lipca"),
            ("August", "Aug", "août", "agosto", "августа", "август", "августе", "серпня", "серпень", "sierpnia"),
            (
                "September",
                "Sep",
                "Sept",
                "septembre",
                "septiembre",
                "settembre",
                "сентября",
                "сентябрь",
                "сентябре",
                "вересня",
                "вересень",
                "września",
            ),
            (
                "October",
                "Oct",
                "octobre",
                "Oktober",
                "octubre",
                "ottobre",
                "октября",
                "октябрь",
                "октябре",
                "жовтня",
                "жовтень",
                "października",
            ),
            (
                "November",
                "Nov",
                "novembre",
                "noviembre",
                "ноября",
                "ноябрь",
                "ноябре",
                "листопада",
                "листопад",
                "listopada",
            ),
            (
                "December",
                "Dec",
                "décembre",
                "Dezember",
                "diciembre",
                "dicembre",
                "декабря",
                "декабрь",
                "декабре",
                "грудня",
                "грудень",
                "grudnia",
            ),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_ROMAN = {
    "I": 1,
    "II": 2,
    "III": 3,
    "IV": 4,
    "V": 5,
    "VI": 6,
    "VII": 7,
    "VIII": 8,
    "IX": 9,
    "X": 10,
    "XI": 11,
    "XII": 12,
}
_DATE_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})(?:er|\.)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})[/-](?P<mnum>\d{1,2})[/-](?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\.[ \t]?(?P<roman>[IVX]{1,4})\.[ \t]?(?P<year>\d{4})"),  # 12.III.1963
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
            elif groups.get("roman"):
                month = _ROMAN.get(groups["roman"], 0)
                if not month:
                    continue
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
