"""Dates in running text, in the shapes archives write them, with their ISO 8601 form."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

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
} | {  # Hungarian, Portuguese, Dutch
    name: month
    for month, names in {
        1: ("január", "janeiro", "januari"),
        2: ("február", "febr", "fevereiro", "februari"),
        3: ("március", "márc", "março", "maart"),
        4: ("április", "ápr"),
        5: ("május", "máj", "maio", "mei"),
        6: ("június", "jún", "junho"),
        7: ("július", "júl", "julho"),
        8: ("augusztus", "augustus"),
        9: ("szeptember", "szept", "setembro"),
        10: ("október", "okt", "outubro"),
        11: ("novembro",),
        12: ("dezembro",),
    }.items()
    for name in names
}
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
# What OCR and typists put for the letters of a Roman month: Cyrillic Х and І, the digit 1 ('Х1' is XI)
_ROMAN_LOOKALIKES = str.maketrans("ХІ1", "XII")
# CJK numerals: digits (〇, 零 and the circle ○ typed for it are zero) and the tens signs (廿 20, 卅 30)
_CJK_ONE_TO_NINE = "一二三四五六七八九"
_CJK_DIGITS = "〇零○" + _CJK_ONE_TO_NINE
_CJK_NUMERALS = str.maketrans(dict.fromkeys("〇零○", "0") | {c: str(i) for i, c in enumerate(_CJK_ONE_TO_NINE, 1)})
_CJK_TENS = {"廿": "二十", "卅": "三十"}
# A two-digit year ('JUL 76', '62г.') is 19xx from this number up, else 20xx: the documents are of the twentieth
# century and of the first years of the twenty-first (cables of 2009 write 'FEB 09')
CENTURY_PIVOT = 30
_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February 29 in a leap year only

# The pieces of the patterns. A number is never taken from inside a longer one, nor a month name from inside a word
# (this lookbehind also keeps the scan linear: a run of letters is tried from its first letter only).
_MONTH = r"(?<![^\W\d_])(?P<month>[^\W\d_]+)\.?"
_DAY = r"(?<!\d)(?P<day>\d{1,2})"
# the word for 'year' after it, as Russian, Ukrainian and Polish dates write it ('1988 г.', '1989 года', '1981 r.')
_YEAR_WORD = r"(?:[ \t]?(?:года|году|год|року|рік|roku|(?:г|р|r)\.?)(?!\w))?"
_YEAR = r"(?P<year>\d{4})(?!\d)" + _YEAR_WORD
# a four-digit year, or a two-digit one where the year word says it is one ('62г.')
_YEAR_OR_YY = r"(?:" + _YEAR + r"|(?P<yy>\d{2})[ \t]?[гр]\.?(?!\w))"
_TO_YEAR = r"(?:,|\s+de)?\s+"  # between the month and the year: 'October 25, 1962', '25 de octubre de 1962'
_CJK_YEAR = rf"(?<![\d{_CJK_DIGITS}])(?P<year>\d{{4}}|[{_CJK_DIGITS}]{{4}})[ \t]?年[ \t]?"
_CJK_UNIT = f"[{_CJK_ONE_TO_NINE}]"
_CJK_MONTH = rf"(?P<mnum>\d{{1,2}}|十[一二]?|{_CJK_UNIT})[ \t]?月"
_CJK_DAY = rf"[ \t]?(?P<day>\d{{1,2}}|[二三]?十{_CJK_UNIT}?|[廿卅]{_CJK_UNIT}?|{_CJK_UNIT})[ \t]?[日号號]"
# a cable's date-time group: day, hour and minute, zone Z, month and year ('232215Z JUL 76'), after its precedence
# letter if it has one (Z flash, O immediate, P priority, R routine)
_DTG = (
    r"(?<!\w)(?:[ZOPR][ \t]+)?(?P<day>\d{2})(?:[01]\d|2[0-3])[0-5]\dZ[ \t]+(?P<month>[A-Z]{3})(?![^\W\d_])[ \t]+"
    r"(?:(?P<year>\d{4})|(?P<yy>\d{2}))(?!\d)"
)

# Tried in this order, the first pattern that finds a date wins: full dates, then a month of a year, then a year.
_DATE_PATTERNS = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _TO_YEAR + _YEAR),  # October 25, 1962
    re.compile(_DAY + r"(?:st|nd|rd|th|er|\.)?(?:\s+of|\s+de)?\s+" + _MONTH + _TO_YEAR + _YEAR),  # 25 October 1962
    re.compile(r"(?<!\d)(?P<year>\d{4})\.[ \t]+" + _MONTH + r"[ \t]+(?P<day>\d{1,2})\.?(?!\d)"),  # 1962. október 23.
    re.compile(r"(?<!\d)(?P<year>\d{4})(?P<sep>[/-])(?P<mnum>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"),  # 1962/11/20
    re.compile(_DAY + r"\.(?P<mnum>\d{1,2})\." + _YEAR_OR_YY),  # 25.10.1962
    re.compile(_DAY + r"\.[ \t]?(?P<roman>(?=1{0,3}[IVXІХ])[IVXІХ1]{1,4})\.[ \t]?" + _YEAR_OR_YY),  # 12.III.1963
    # 30-IX-1962, 27/X/62: the Roman month says it is a date, a two-digit year too
    re.compile(
        _DAY + r"(?P<rsep>[-/])(?P<roman>(?=1{0,3}[IVX])[IVX1]{1,4})(?P=rsep)(?:" + _YEAR + r"|(?P<yy>\d{2})(?!\d))"
    ),
    re.compile(_CJK_YEAR + _CJK_MONTH + _CJK_DAY),  # 一九五八年七月二十二日, 1958年7月22日
    re.compile(_DTG),  # 232215Z JUL 76
    re.compile(_MONTH + _TO_YEAR + _YEAR),  # October 1962
    re.compile(_CJK_YEAR + _CJK_MONTH),  # 一九五八年七月
    re.compile(r"(?<![\d/.-])(?P<year>1[5-9]\d\d|20\d\d)(?![\d/.-])" + _YEAR_WORD),  # 1962
]

# Every pattern holds a digit or the CJK year sign: a text without one holds no date.
_DATE_SIGN = re.compile(r"[\d年]")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def find_date(text: str, *, whole: bool = False) -> DateMatch | None:
    """The first date in `text` (or `text` as a whole date), with its ISO 8601 form: the first of the most precise
    shape (see _DATE_PATTERNS), so a full date later in the text wins over a month or a year before it.

    Brackets around parts of a date (`25 [October] 1962`) are looked through. A date that does not exist
    (`31.11.1962`, `00.10.1962`) is no date; a day and month without a year (`THURSDAY, JULY 22`) are none either.
    """
    if _DATE_SIGN.search(text) is None:
        return None
    plain = text.replace("[", " ").replace("]", " ")
    # with `whole`, a date begins where the text does (after blanks) and ends where it does (before blanks
    # and full stops)
    first, last = len(plain) - len(plain.lstrip()), len(plain.rstrip(" ."))
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(plain):
            if whole and m.start() > first:
                break  # the later matches begin later still
            if whole and m.end() < last:
                continue
            iso = _iso(m.groupdict())
            if iso:
                return DateMatch(m.start(), m.end(), iso)
    return None


def _iso(groups: dict[str, str | None]) -> str | None:
    """The ISO 8601 form of the date a pattern matched (`1962`, `1962-10`, `1962-10-25`), or None if the month
    name is not one or there is no such day."""
    year = _number(groups["year"]) if groups.get("year") else _full_year(int(groups["yy"] or 0))
    if year == 0:  # there is no year 0 (XML Schema's dates begin at 0001): a misread, not a date
        return None
    if groups.get("mnum"):
        month = _number(groups["mnum"])
    elif groups.get("roman"):
        month = _ROMAN.get(groups["roman"].translate(_ROMAN_LOOKALIKES), 0)
    elif groups.get("month"):
        month = MONTHS.get(groups["month"].lower().rstrip("."), 0)
    else:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if not groups.get("day"):
        return f"{year:04d}-{month:02d}"
    day = _number(groups["day"])
    if not 1 <= day <= _MONTH_DAYS[month] or ((month, day) == (2, 29) and not calendar.isleap(year)):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _number(numeral: str) -> int:
    """An Arabic or a CJK numeral: `1958`, `一九五八` and `二〇一六` (digit by digit), `二十二`, `十一`, `廿二`."""
    for tens, written in _CJK_TENS.items():
        numeral = numeral.replace(tens, written)
    numeral = numeral.translate(_CJK_NUMERALS)
    tens, ten, units = numeral.partition("十")
    return int(tens or 1) * 10 + int(units or 0) if ten else int(numeral)


def _full_year(yy: int) -> int:
    """A two-digit year in full (see CENTURY_PIVOT): 76 is 1976, 09 is 2009."""
    return (1900 if yy >= CENTURY_PIVOT else 2000) + yy


# A day and month without a year, after its weekday or not ("THURSDAY, JULY 22", "Monday, 3 May").
_WEEKDAYS = {
    w: i
    for i, names in enumerate(
        [
            ("monday", "lundi", "montag", "понедельник"),
            ("tuesday", "mardi", "dienstag", "вторник"),
            ("wednesday", "mercredi", "mittwoch", "среда"),
            ("thursday", "jeudi", "donnerstag", "четверг"),
            ("friday", "vendredi", "freitag", "пятница"),
            ("saturday", "samedi", "samstag", "суббота"),
            ("sunday", "dimanche", "sonntag", "воскресенье"),
        ]
    )
    for w in names
}
_WEEKDAY = r"(?:(?P<weekday>[^\W\d_]+),?\s+)?"
_MONTH_DAY = [
    re.compile(_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?!\d|,?\s*\d{4})"),  # Thursday, July 22
    re.compile(_WEEKDAY + _DAY + r"\.?\s+" + _MONTH + r"(?!,?\s*\d)"),  # Thursday, 22 July
]
# How long before the date that completes it a year-less date may lie (a cable sent the day after the talk).
YEARLESS_WITHIN_DAYS = 31


def complete_yearless(text: str, reference: str) -> DateMatch | None:
    """A day and month written without their year (`THURSDAY, JULY 22`), dated in the year of `reference`
    (an ISO date the document gives elsewhere: a cable's date-time group) when it falls within
    `YEARLESS_WITHIN_DAYS` before it, and its weekday, if written, is the weekday of that day."""
    if len(reference) < 10:
        return None
    ref = date(int(reference[:4]), int(reference[5:7]), int(reference[8:10]))
    for pattern in _MONTH_DAY:
        for m in pattern.finditer(text):
            month = MONTHS.get(m.group("month").lower())
            if month is None:
                continue
            weekday = m.group("weekday")
            if weekday is not None and weekday.lower() not in _WEEKDAYS:
                weekday = None
            try:
                day = date(ref.year, month, int(m.group("day")))
            except ValueError:
                continue
            if not 0 <= (ref - day).days <= YEARLESS_WITHIN_DAYS:
                continue
            if weekday is not None and _WEEKDAYS[weekday.lower()] != day.weekday():
                continue
            start = m.start("weekday") if weekday is not None else min(m.start("month"), m.start("day"))
            return DateMatch(start, m.end(), day.isoformat())
    return None
