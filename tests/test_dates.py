"""Dates in running text (`toolchain.source.dates`): the shapes archives write them in, their ISO 8601 form, and what
is not a date."""

from __future__ import annotations

import time

import pytest

from toolchain.source.dates import complete_yearless, find_date

SHAPES = {
    # Hungarian (the year first), Portuguese, Dutch; Roman months between dashes or slashes
    "1962. október 23.": "1962-10-23",
    "Budapest, 1956. november 4.": "1956-11-04",
    "12 de outubro de 1962": "1962-10-12",
    "3 mei 1962": "1962-05-03",
    "30-IX-1962": "1962-09-30",
    "Moscow, 27/X/62": "1962-10-27",
    # the shapes the corpus and the samples write
    "October 25, 1962": "1962-10-25",
    "25 October 1962": "1962-10-25",
    "25.10.1962": "1962-10-25",
    "12.III.1963": "1963-03-12",
    "20. Х1.62г.": "1962-11-20",  # Cyrillic Х and the digit 1 for XI, a two-digit year the year word marks
    "30 октября 1988 г.": "1988-10-30",
    "7 октября 1989 года": "1989-10-07",
    "26 січня 2016": "2016-01-26",
    "Berlin, 30.10.1988": "1988-10-30",
    "1962/11/20": "1962-11-20",
    "Aired March 3, 1999 - 20:00 ET": "1999-03-03",
    "by Jane Roe on June 22, 2015": "2015-06-22",
    "THURSDAY, JULY 22": None,  # no year: no date, rather than one with a year made up
    "le 27 octobre 2009": "2009-10-27",
    "am 30. Oktober 1988": "1988-10-30",
    "17 March 1959": "1959-03-17",
    "1959-03-17": "1959-03-17",
    # Chinese and Japanese, in CJK numerals or Arabic digits
    "一九五八年七月二十二日": "1958-07-22",
    "（一九五八年七月二十二日）": "1958-07-22",
    "(一九五八年七月二十二日)": "1958-07-22",
    "1958年7月22日": "1958-07-22",
    "１９５８年７月２２日": "1958-07-22",  # full-width digits
    "一九五八年七月": "1958-07",
    "二〇一六年一月二十六日": "2016-01-26",
    "二零一六年十二月三十一日": "2016-12-31",
    "一九五〇年十月一日": "1950-10-01",
    "一九五八年十一月十日": "1958-11-10",
    "一九六二年二月廿二日": "1962-02-22",
    "1962 年 10 月 25 日": "1962-10-25",
    "昭和三十三年、1958年7月22日に": "1958-07-22",
    "７月": None,
    # a cable's date-time group: day, time (Z), month, two-digit year
    "232215Z JUL 76": "1976-07-23",
    "O 232215Z JUL 76": "1976-07-23",
    "O 232215Z JUL 76 ZFF4": "1976-07-23",
    "R 051200Z NOV 62": "1962-11-05",
    "P 101530Z FEB 09": "2009-02-10",  # below the century pivot: the twenty-first century
    "232215Z JUL 1976": "1976-07-23",
    "PAGE 01 SECTO 19010 01 OF 09 240002Z": None,  # a time group without a month
    "232260Z JUL 76": None,  # no minute 60
    # other shapes
    "25 de octubre de 1962": "1962-10-25",
    "25th of October 1962": "1962-10-25",
    "12 marca 1981 r.": "1981-03-12",
    "26 січня 2016 року": "2016-01-26",
    "October 1962": "1962-10",
    "In 1962 the talks": "1962",
}

# a date is not taken from inside a longer number or word, nor made of a day that does not exist
NOT_DATES = [
    "10/27/62",  # a month or a day first: not said
    "30-XIII-1962",
    "31/IV/1962",
    "SECTO 19010",
    "CF 1472",
    "Lot 64 D 560",
    "May 3, 19621",
    "119.10.1962",
    "25.10.19621",
    "1962/11/201",
    "1962/11-20",
    "31.11.1962",
    "29.02.1963",
    "00.10.1962",
    "002215Z JUL 76",
    "XY232215Z JUL 76",
    "232215Z JULY 76",
    "20. 11.62г.",  # '11' is a number, not a Roman month
    "12.III.63",  # a two-digit year only where the year word says it is one
]


@pytest.mark.parametrize(("text", "iso"), SHAPES.items(), ids=list(SHAPES))
def test_a_date_in_the_shape_it_is_written(text, iso):
    found = find_date(text)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date_inside_a_longer_number_or_word(text):
    assert find_date(text) is None


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Berlin, 30.10.1988", "30.10.1988"),
        ("（一九五八年七月二十二日）", "一九五八年七月二十二日"),
        ("O 232215Z JUL 76 ZFF4", "O 232215Z JUL 76"),
        ("10 ноября 1986 г. Михаил Горбачев", "10 ноября 1986 г."),
        ("Берлин, 7 октября 1989 года", "7 октября 1989 года"),
        ("20. Х1.62г. А. Микоян", "20. Х1.62г."),
        ("в 2002 року.", "2002 року"),
        ("Lot 125 May 1962", "May 1962"),
    ],
)
def test_the_match_spans_the_date_as_written(text, written):
    found = find_date(text)
    assert text[found.start : found.end] == written


@pytest.mark.parametrize(
    "text",
    ["19 лютого 1993 р.", "30 октября 1988 г.", "一九五八年七月二十二日", "O 232215Z JUL 76", "25 [October] 1962"],
)
def test_a_date_with_its_year_word_or_precedence_is_a_whole_date(text):
    assert find_date(text, whole=True)


def test_a_full_date_wins_over_a_month_and_a_year_before_it():
    assert find_date("一九五八年七月，1958年7月22日").iso == "1958-07-22"
    assert find_date("October 1962 and 25 October 1962").iso == "1962-10-25"


@pytest.mark.parametrize(
    "text",
    ["a" * 10_000, "我" * 10_000, "1" * 10_000, "May " * 2_500, "O 2" * 3_500, "一九五八年" * 2_000],
    ids=["letters", "cjk", "digits", "months", "precedence", "cjk-years"],
)
def test_the_scan_is_linear(text):
    """Four times the text takes about four times the time, not sixteen (a run of letters once took 30 s for 20,000
    letters)."""

    def took(t: str) -> float:
        start = time.perf_counter()
        find_date(t)
        return time.perf_counter() - start

    small = min(took(text) for _ in range(3))
    large = min(took(text * 4) for _ in range(3))
    assert large < 10 * small + 0.05


@pytest.mark.parametrize(
    ("text", "reference", "iso"),
    [
        ("PORTLAND, OREGON; THURSDAY, JULY 22", "1976-07-23", "1976-07-22"),  # the cable was sent the day after
        ("on Monday, 3 May", "1971-05-04", "1971-05-03"),
        ("FRIDAY, JULY 22", "1976-07-23", None),  # 22 July 1976 was a Thursday: the weekday says no
        ("July 22", "1976-06-23", None),  # after the reference date: not completed
        ("July 22", "1976-09-30", None),  # more than a month before it
        ("July 22, 1976", "1976-07-23", None),  # a date with its year is no year-less date
    ],
)
def test_a_yearless_date_takes_the_year_of_a_date_just_after_it(text: str, reference: str, iso: str | None) -> None:
    found = complete_yearless(text, reference)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize("text", ["October 25, 0000", "25.10.0000", "0000年10月25日"])
def test_year_zero_is_no_date(text):
    """`0000-10-25` was written as @when: XML Schema has no year 0, and the TEI was invalid."""
    found = find_date(text)
    assert found is None or not found.iso.startswith("0000")
