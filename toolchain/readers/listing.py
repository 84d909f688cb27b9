"""Reader for archive listings: a page of search results, each record a date line, a title and a summary.

The page becomes the edition's catalogue, a `listBibl type="catalogue"` with one `bibl` a record in the
order of the results. What it recognises is pattern and convention, not wording:

- a record starts at a line that is only a date (`October 25, 1962`, `25 Oct. 1962`, `1962-10-25`,
  `October 1964`, a list bullet before it allowed) or says the record is undated (`Undated`, `n.d.`);
- the range of results shown (`261 - 270 of 334`, `Showing 1–20 of 54`, `Results 21 to 40 of 300`);
- the page's chrome (`Skip to content`, `Pagination`, `Next` …: `Conventions.listing_chrome`), dropped and
  reported line by line.

Nothing else is dropped: lines before the first record are kept as headings, a record cut off at the end of
the page is kept with what it has and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import model as m
from ..errors import Diagnostic, InputError
from ..source.dates import DateMatch, find_date
from ..tei import content_id, el
from .conventions import Conventions
from .declarations import statements

NAME = "listing"
DESCRIPTION = "archive listing (search-result page): records of a date line, a title and a summary"

# A list bullet before a date or a title: not a word, not kept.
BULLET = re.compile(r"^\s*(?:[•●◦▪▫‣∙·*+]|[-–—](?=\s))\s*")
# Lines that start a record without a date.
UNDATED = ("undated", "n.d.", "no date", "date unknown", "s.d.", "o.d.", "sans date", "ohne datum", "без даты")
_UNDATED = frozenset(" ".join(u.casefold().split()).strip(" :.") for u in UNDATED)
_NUMBER = r"\d{1,3}(?:[,.\u202f\u00a0]\d{3})+|\d+"
# The range of results a page shows: first, last and total, in a short line of its own.
RANGE = re.compile(
    rf"(?P<first>{_NUMBER})\s*(?:[-–—]|to|bis|à|a|до)\s*(?P<last>{_NUMBER})\s+"
    rf"(?:of|out of|von|sur|de|di|из|z)\s+(?P<total>{_NUMBER})",
    re.IGNORECASE,
)
RANGE_MAX_WORDS = 12
# Navigation signs a pagination line may hold besides page numbers and chrome words.
_NAV_TOKEN = re.compile(r"^(?:\d+|[«»‹›<>…|/·•,.:;()\[\]\-–—]+|\.\.\.)$")
# What a record of a listing looks like, for sniffing: a one-line title, a summary of a few paragraphs.
TITLE_MAX_WORDS = 45
SUMMARY_MAX_WORDS = 450
SUMMARY_MAX_PARAGRAPHS = 8
# A line shorter than this that begins with a date may be a record start in a form not recognised.
DATE_LIKE_MAX_WORDS = 8


@dataclass
class Line:
    number: int
    text: str  # stripped, bullet kept


@dataclass
class Record:
    line: int
    date_text: str
    iso: str | None
    body: list[Line | None] = field(default_factory=list)  # None for a blank (or dropped) line
    title: Line | None = None
    title_lines: list[Line] = field(default_factory=list)
    summary: list[list[Line]] = field(default_factory=list)

    def paragraphs(self) -> list[list[Line]]:
        out: list[list[Line]] = []
        current: list[Line] | None = None
        for item in self.body:
            if item is None:
                current = None
            else:
                if current is None:
                    current = []
                    out.append(current)
                current.append(item)
        return out


@dataclass
class Range:
    line: int
    text: str  # the line as written
    match: re.Match[str]

    def number(self, name: str) -> int:
        return int(re.sub(r"\D", "", self.match[name]))

    @property
    def as_written(self) -> str:
        return self.match[0]


@dataclass
class Page:
    heads: list[tuple[Line, Range | None]] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    range: Range | None = None
    chrome: list[Line] = field(default_factory=list)


# --- recognising lines ---------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" :.«»‹›<>|")


def _strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


class _Chrome:
    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.exact = {_norm(p) for p in phrases if _norm(p)}
        words = sorted(self.exact, key=len, reverse=True)
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)") if words else None

    def __call__(self, text: str) -> bool:
        norm = _norm(_strip_bullet(text))
        if not norm:
            return False
        if norm in self.exact:
            return True
        rest, had = self.pattern.subn(" ", norm) if self.pattern else (norm, 0)
        tokens = rest.split()
        if not all(_NAV_TOKEN.match(t) for t in tokens):
            return False
        numbers = sum(t.isdigit() for t in tokens)
        return bool(had) or numbers >= 2


def _date(text: str) -> tuple[str, DateMatch | None] | None:
    """(date as written, its match) when the line is a record's date line; (text, None) when undated."""
    bare = _strip_bullet(text)
    if not bare or len(bare.split()) > 6:
        return None
    match = find_date(bare, whole=True)
    if match is not None:
        return bare, match
    if _norm(bare) in _UNDATED:
        return bare, None
    return None


def _range(text: str) -> re.Match[str] | None:
    if len(text.split()) > RANGE_MAX_WORDS:
        return None
    return RANGE.search(text)


def _labels(conventions: Conventions) -> set[str]:
    return {label.casefold() for label in conventions.common.header_fields}


def _is_label(text: str, labels: set[str]) -> bool:
    return text.endswith(":") and text.rstrip(":").strip().casefold() in labels


# --- the page ------------------------------------------------------------------------


def _page(text: str, conventions: Conventions) -> Page:
    """Split the page into heads, records and chrome; records get their title and summary."""
    chrome = _Chrome(conventions.listing.listing_chrome)
    page = Page()
    current: Record | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            if current is not None:
                current.body.append(None)
            continue
        dated = _date(line)
        if dated is not None:
            written, match = dated
            current = Record(number, written, match.iso if match else None)
            page.records.append(current)
            continue
        found = _range(line)
        if found and current is None:
            rng = Range(number, line, found)
            page.range = page.range or rng
            page.heads.append((Line(number, line), rng))
            continue
        if chrome(line) or (found and page.range and found[0] == page.range.as_written):
            page.chrome.append(Line(number, line))
            if current is not None:
                current.body.append(None)
            continue
        if current is None:
            page.heads.append((Line(number, line), None))
        else:
            current.body.append(Line(number, line))
    for record in page.records:
        _split(record)
    return page


def _split(record: Record) -> None:
    """Title and summary paragraphs of a record.

    When the date line runs on into the next line (no blank line between), the record is compact: the
    title is that next line and the summary the lines after it. Otherwise the title is the paragraph after
    the date (a wrapped title is joined), and the summary the paragraphs after that; when there is only one
    paragraph, its first line is the title and the rest the summary.
    """
    paragraphs = record.paragraphs()
    if not paragraphs:
        return
    compact = bool(record.body) and record.body[0] is not None
    first = paragraphs[0]
    if compact or len(paragraphs) == 1:
        record.title_lines = first[:1]
        rest = [first[1:]] if len(first) > 1 else []
        record.summary = rest + paragraphs[1:]
    else:
        record.title_lines = first
        record.summary = paragraphs[1:]
    record.title = record.title_lines[0]


def _title_text(record: Record) -> str:
    return " ".join(_strip_bullet(line.text) if i == 0 else line.text for i, line in enumerate(record.title_lines))


def _paragraph_text(lines: list[Line]) -> str:
    return " ".join(line.text for line in lines)


# --- sniffing ------------------------------------------------------------------------


def sniff(text: str, conventions: Conventions) -> float:
    """How much `text` looks like a listing (0..1): records (two at least, or the one a range of results
    says it shows), mostly of a date line, a one-line title and a short summary; a page with labelled header
    fields (`Citation:`, `Summary:`) or long prose is not one."""
    lines = text.splitlines()
    labels = _labels(conventions)
    if any(_is_label(line.strip(), labels) for line in lines[:200]):
        return 0.0
    page = _page(text, conventions)
    if not page.records:
        # A page with the furniture of a listing but no records: a listing, so that reading it says so.
        evidence = (0.4 if page.range else 0.0) + 0.1 * min(3, len(page.chrome))
        return min(0.5, evidence) if page.range or len(page.chrome) >= 2 else 0.0
    if len(page.records) < 2 and page.range is None:
        return 0.0  # one dated title and a text is a document, unless the page says it shows one result
    good = 0
    good_words = 0
    for record in page.records:
        summary_words = sum(len(line.text.split()) for p in record.summary for line in p)
        title_words = len(_title_text(record).split()) if record.title else 0
        if (
            0 < title_words <= TITLE_MAX_WORDS
            and summary_words <= SUMMARY_MAX_WORDS
            and len(record.summary) <= SUMMARY_MAX_PARAGRAPHS
        ):
            good += 1
            good_words += title_words + summary_words + len(record.date_text.split())
    chrome_lines = {line.number for line in page.chrome}
    total_words = sum(len(line.split()) for n, line in enumerate(lines, start=1) if n not in chrome_lines)
    head_words = sum(len(line.text.split()) for line, _ in page.heads)
    coverage = good_words / max(1, total_words - head_words)
    share = good / len(page.records)
    count = {1: 0.5, 2: 0.75}.get(len(page.records), 1.0)
    score = share * coverage * count
    if score < 0.2:
        return 0.0
    return min(1.0, score + (0.05 if page.range else 0.0))


# --- reading -------------------------------------------------------------------------


def read(text: str, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> m.Document:
    found: list[Diagnostic] = []

    def warn(line: int, message: str, rule: str) -> None:
        found.append(Diagnostic("warning", rule, str(source), line, 0, message))

    try:
        return _read(text, conventions, source, warn)
    finally:
        diagnostics.extend(sorted(found, key=lambda d: d.line))


Warn = Callable[[int, str, str], None]


def _read(text: str, conventions: Conventions, source: Path, warn: Warn) -> m.Document:
    page = _page(text, conventions)
    for line in page.chrome:
        warn(line.number, f"page chrome '{line.text}' dropped", "listing-chrome")
    if not page.records:
        content = [line.number for line, rng in page.heads if rng is None]
        where = content[0] if content else (page.range.line if page.range else 1)
        raise InputError(
            source,
            where,
            "the listing has no records: a record starts at a line that is only a date "
            "(such as 'October 25, 1962', '25 Oct. 1962' or '1962-10-25') and none of its lines is one",
            "listing-empty",
        )
    rng = page.range
    first = rng.number("first") if rng else 1
    if rng:
        expected = rng.number("last") - rng.number("first") + 1
        if expected != len(page.records):
            warn(
                rng.line,
                f"the page says it shows {rng.as_written} ({expected} records) but has {len(page.records)}",
                "listing-count",
            )
    for record in page.records:
        if record.title is None:
            warn(record.line, f"record of '{record.date_text}' has no title and no summary; kept", "listing-incomplete")
        elif not record.summary:
            warn(record.title.number, f"record '{_title_text(record)}' has no summary; kept", "listing-incomplete")
        for line in (line for p in record.summary for line in p):
            start = find_date(_strip_bullet(line.text))
            if len(line.text.split()) <= DATE_LIKE_MAX_WORDS and start is not None and start.start == 0:
                warn(
                    line.number,
                    f"'{line.text}' begins with a date but is not a date line; kept in the record before it",
                    "listing-date-like",
                )
    return _tei(page, first, conventions)


def _range_head(rng: Range) -> m.Head:
    """The range line as written, its three numbers marked with their values."""
    spans = []
    for name in ("first", "last", "total"):
        start, end = rng.match.span(name)
        value = str(rng.number(name))
        spans.append(m.Span(start, end, "num", lambda v=value: el("num", value=v)))
    return m.Head(m.Inline(rng.text, spans), type="range")


def _tei(page: Page, first: int, conventions: Conventions) -> m.Document:
    lang = conventions.common.default_language
    rng = page.range
    title = f"Catalogue: {rng.as_written}" if rng else "Catalogue"
    shown = (
        f"A page of search results of an archive, showing results {rng.as_written}."
        if rng
        else "A page of search results of an archive; the page does not say which results it shows."
    )
    meta = m.Meta(
        title,
        publication="The catalogue of the edition, read from an archive listing.",
        source_desc=shown,
        languages={lang: conventions.common.language_name(lang)},
        declarations=statements(["listing-normalization", "catalogue"], conventions),
    )
    heads = [_range_head(head_range) if head_range else m.Head(m.Inline(line.text)) for line, head_range in page.heads]
    records = []
    taken: set[str] = set()
    for position, record in enumerate(page.records, start=first):
        title_text = _title_text(record) if record.title else ""
        key = f"{title_text} {record.iso or record.date_text}"
        summary = [_paragraph_text(p) for p in record.summary]
        rid = content_id("bibl", key, taken)
        records.append(
            m.Record(str(position), rid, record.date_text, record.iso, title_text if record.title else None, summary)
        )
    return m.Document(meta, m.Text([m.Catalogue(heads, records)], lang, "catalogue"))
