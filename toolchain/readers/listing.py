"""Reader for archive listings: a page that lists documents, each record a title and what is said of it.

Two kinds of listing, told apart once a page (`_kind`):

- a page of search results (`DATED`): a record starts at a line that is only a date (`October 25, 1962`,
  `25 Oct. 1962`, `1962-10-25`, `October 1964`, a list bullet before it allowed) or says the record is
  undated (`Undated`, `n.d.`); the line after it is its title, the paragraphs after that its summary. On a
  page whose titles stand above their date lines (`_titles_first`: title, date, summary), the line above
  is the title, and the date line stays after it, the first paragraph of the summary, so that the words
  keep their order (as an entry's date line does);
- a table of contents of an edition, a volume, a chapter or a finding aid (`NUMBERED`): a record starts at a
  numbered title line (`109. Memorandum of Conversation`, `No. 12 Letter …`, `Nr. 5: …`, `12) …`); the lines
  after it (a date line, a source note, a call number, a summary) are its summary, a date line right after
  the title gives its date. The page's heading is the catalogue's title.

The page becomes the edition's catalogue, a `listBibl type="catalogue"` with one `bibl` a record in the
order of the page. What it recognises is pattern and convention, not wording:

- the range of results shown (`261 - 270 of 334`, `Showing 1–20 of 54`, `Results 21 to 40 of 300`);
- the page's chrome (`Skip to content`, `Pagination`, `Next` …: `Conventions.listing_chrome`), dropped and
  reported line by line;
- a line of a record that begins with a label (`Source: …`, `Call number: …`) is a paragraph of its own.

Nothing else is dropped: lines before the first record are kept as headings, the number of an entry stays
in its title, a record cut off at the end of the page is kept with what it has and reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

from .. import model as m
from ..errors import Diagnostic, InputError
from ..source.dates import DateMatch, find_date
from ..source.text import Text
from ..tei import content_id, el
from . import participants
from .conventions import Conventions
from .declarations import Declaration, statements

NAME = "listing"
DESCRIPTION = (
    "archive listing: a search-result page (records of a date line, a title and a summary) "
    "or a table of contents (numbered entries)"
)

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

# The two kinds of listing: records that start at a date line, entries that start at a numbered title line.
DATED = "dated"
NUMBERED = "numbered"
# Words an entry's number may follow (`No. 12`, `Nr. 5`, `№ 7`, `Doc. 3`), a period after them allowed.
NUMBER_WORDS = ("No", "Nos", "Nr", "N°", "Nº", "№", "Doc", "Document", "Dok", "Dokument", "Pièce", "Док", "Документ")
_ENTRY_NUMBER = r"\d{1,5}(?:\.\d{1,4})*[a-z]?"
# A numbered title line: the number (after a number word, or followed by `.` or `)`), then the title.
ENTRY = re.compile(
    rf"(?:(?:{'|'.join(map(re.escape, NUMBER_WORDS))})\.?\s*(?P<worded>{_ENTRY_NUMBER})\s*[.:)–—-]?"
    rf"|(?P<bare>{_ENTRY_NUMBER})[.)])(?:\s+(?P<title>\S.*))?$",
    re.IGNORECASE,
)
# A line that begins with a label of a few words and a colon (`Source: …`, `Call number: …`, `Cote : …`).
LABEL = re.compile(r"^[^\W\d_][\w’'.-]*(?:\s[\w’'.-]+){0,2}\s?:(?:\s|$)")
# What an entry of a table of contents looks like, for sniffing: a title that is not a sentence, a few
# short lines after it, a heading of a few short lines before the first entry, numbers that ascend.
ENTRY_MAX_WORDS = 100
ENTRY_MAX_PARAGRAPHS = 4
HEAD_MAX_WORDS = 60
# The score below which a page is not a listing of that kind: a table of contents must look like one
# throughout, since numbered paragraphs of a document look like entries here and there.
MIN_SCORE = {DATED: 0.2, NUMBERED: 0.5}
# Two sentences in a line: a word in lower case, a full stop, a capital ("… did not come. The crew …"); a title's
# abbreviations are capitalised ("No. 61", "Dr. Weber") or stand before a number ("vol. 2").
PROSE = re.compile(r"(?<![^\W\d_])[^\W\d_]*[a-zа-яё]{2}[.!?]\s+[A-ZА-ЯЁ]")
# The end of a line of prose: a word of two letters at least, then a full stop, a colon or the like.
SENTENCE_END = re.compile(r"[^\W\d_]{2}[.:;?!][”’\"')»]*$")
# What the catalogue of a table of contents means (the search-result page's is `catalogue` in declarations).
CONTENTS = Declaration(
    "interpretation",
    "Each entry of the table of contents is a bibl in the order of the page, @n its number; its numbered line "
    "(the number as written and the title) is the title, the lines after it the summary, a line that begins "
    "with a label a paragraph of its own. A date line right after the title gives the record's date its @when "
    "and stays in the summary, so that the words keep their order; an entry without one has an empty date. "
    'When the catalogue is linked to the edition, a record whose document is edited has status="edited" '
    'and a ptr type="edition" to the document\'s TEI file; any other has status="unedited".',
)


@dataclass
class Line:
    number: int
    text: str  # stripped, bullet kept


@dataclass
class Entry:
    """A numbered title line: the number's value (`109`, `12a`, `3.1`) and the title after it ('' if none)."""

    number: str
    title: str

    def key(self) -> tuple[tuple[int, ...], str]:
        """The number's place in an order: `3` < `3a` < `3.1` < `4`."""
        return tuple(int(d) for d in re.findall(r"\d+", self.number)), re.sub(r"[\d.]", "", self.number.casefold())


@dataclass
class Record:
    line: int
    date_text: str  # '' for an entry of a table of contents (its date line is in its summary)
    iso: str | None
    body: list[Line | None] = field(default_factory=list)  # None for a blank (or dropped) line
    entry: Entry | None = None  # for an entry of a table of contents (its line is the first of `body`)
    date_line: Line | None = None  # an entry's date line (in `body`)
    title: Line | None = None
    title_lines: list[Line] = field(default_factory=list)
    summary: list[list[Line]] = field(default_factory=list)

    def own_summary(self) -> list[list[Line]]:
        """The summary but for the date line a record whose title stands above it keeps there."""
        if self.entry is not None or self.date_line is None:
            return self.summary
        return [p for p in self.summary if p != [self.date_line]]

    def paragraphs(self) -> list[list[Line]]:
        """The lines of the record in paragraphs: a blank line ends one, a labelled line starts one."""
        out: list[list[Line]] = []
        current: list[Line] | None = None
        for item in self.body:
            if item is None:
                current = None
            else:
                if current is None or _labelled(item.text):
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
    kind: str = DATED
    heads: list[tuple[Line, Range | None]] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    range: Range | None = None
    chrome: list[Line] = field(default_factory=list)
    titles_first: bool = False  # the titles stand above their date lines


# --- recognising lines ---------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" :.«»‹›<>|")


def _strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


@cache
def _chrome(phrases: tuple[str, ...]) -> _Chrome:
    return _Chrome(phrases)


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


def _entry(text: str) -> Entry | None:
    """The number and title of a line that starts an entry of a table of contents; a date (`12. März
    1962`) is not one."""
    bare = _strip_bullet(text)
    found = ENTRY.match(bare)
    if found is None or _date(bare) is not None:
        return None
    return Entry(found["worded"] or found["bare"], found["title"] or "")


def _labelled(text: str) -> bool:
    bare = _strip_bullet(text)
    return bool(bare[:1].isupper() and LABEL.match(bare))


def _range(text: str) -> re.Match[str] | None:
    if len(text.split()) > RANGE_MAX_WORDS:
        return None
    return RANGE.search(text)


def _labels(conventions: Conventions) -> set[str]:
    return {label.casefold() for label in conventions.common.header_fields}


def _is_label(text: str, labels: set[str]) -> bool:
    return text.endswith(":") and text.rstrip(":").strip().casefold() in labels


# --- the page ------------------------------------------------------------------------


def _kind(lines: list[str]) -> str:
    """Which kind of listing the page's lines (non-blank, chrome left out) make: `NUMBERED` when two lines
    at least are numbered title lines and every date line after the first of them comes right after a title
    (the entry's date), the dates following the titles rather than going before them; else `DATED`."""
    found = {k: entry for k, line in enumerate(lines) if (entry := _entry(line)) is not None}
    if len(found) < 2:
        return DATED
    titles = {k + (not entry.title) for k, entry in found.items()}  # a number alone has its title below it
    dates = {k for k, line in enumerate(lines) if _date(line) is not None}
    if any(k - 1 not in titles for k in dates if k > min(found)):
        return DATED
    followed = sum(k + 1 in dates for k in titles)
    preceded = sum(k - 1 in dates for k in found)
    return NUMBERED if followed >= preceded else DATED


def _page(text: str, conventions: Conventions) -> Page:
    """Split the page into heads, records and chrome; records get their title, date and summary."""
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), start=1)]
    is_chrome = _chrome(conventions.listing.listing_chrome)
    chrome = {line: is_chrome(line) for _, line in lines if line}.__getitem__  # each line asked once
    page = Page(_kind([line for _, line in lines if line and not chrome(line)]))
    current: Record | None = None
    for number, line in lines:
        if not line:
            if current is not None:
                current.body.append(None)
            continue
        start = _start(number, line, page.kind)
        if start is not None:
            current = start
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
    titles = _titles_above(page) if page.kind == DATED and len(page.records) >= 2 and _titles_first(page) else None
    page.titles_first = titles is not None
    for record in page.records:
        if record.entry is not None:
            _split_entry(record)
        elif titles is None:
            _split(record)
    if titles is not None:
        _take_titles(page, titles)
    return page


def _titles_above(page: Page) -> list[Line] | None:
    """The title line of each record of a page whose titles stand above their dates, when every record is a
    block of its own: its title line right above its date line, a blank line (or the page's start) above
    the title. A document page of one line a paragraph has dates under short lines too (`Secret. Copy Nº 2`
    / `12 July 1961`), never blocks of that shape."""
    titles = []
    before: list[Line | None] = [line for line, _ in page.heads]
    for record in page.records:
        title = before[-1] if before else None
        above = before[-2] if len(before) >= 2 else None
        if title is None or title.number != record.line - 1 or len(title.text.split()) > TITLE_MAX_WORDS:
            return None
        if above is not None and above.number == title.number - 1:
            return None
        titles.append(title)
        before = record.body
    return titles


def _take_titles(page: Page, titles: list[Line]) -> None:
    """Each record's title is the line above its date line, taken from the record before it (or from the
    heads); its date line, then its own paragraphs, are its summary."""
    page.heads.pop()
    for k, (record, title) in enumerate(zip(page.records, titles, strict=True)):
        if k + 1 < len(page.records):
            record.body.pop()  # the next record's title
        record.title_lines, record.title = [title], title
        record.date_line = Line(record.line, record.date_text)
        record.summary = [[record.date_line], *record.paragraphs()]
        record.date_text = ""  # its words stay in the summary; the record keeps the date's value


def _start(number: int, line: str, kind: str) -> Record | None:
    """The record `line` starts in a listing of `kind`, if it starts one."""
    if kind == NUMBERED:
        entry = _entry(line)
        return Record(number, "", None, [Line(number, line)], entry) if entry else None
    dated = _date(line)
    if dated is None:
        return None
    written, match = dated
    return Record(number, written, match.iso if match else None)


def _split_entry(record: Record) -> None:
    """Title, date and summary of an entry of a table of contents: its numbered line is the title (with the
    line after it when the number stands alone), the lines after that the summary. A date line right after
    the title gives the record its date (@when), and stays where it is, a paragraph of the summary, so that
    the words of the entry keep their order (the date of a `bibl` comes before its title)."""
    paragraphs = record.paragraphs()

    def take() -> Line:
        line = paragraphs[0].pop(0)
        if not paragraphs[0]:
            paragraphs.pop(0)
        return line

    record.title_lines = [take()]
    if paragraphs and not _entry_title(record):
        record.title_lines.append(take())
    dated = _date(paragraphs[0][0].text) if paragraphs else None
    if dated is not None:
        record.date_line = take()
        record.iso = dated[1].iso if dated[1] else None
        paragraphs.insert(0, [record.date_line])
    record.title = record.title_lines[0]
    record.summary = paragraphs


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


def _entry_title(record: Record) -> str:
    """The title of an entry without its number."""
    rest = record.entry.title if record.entry else ""
    return " ".join([rest, *(line.text for line in record.title_lines[1:])]).strip()


# --- sniffing ------------------------------------------------------------------------


def sniff(text: str, conventions: Conventions) -> float:
    """How much `text` looks like a listing (0..1): records (two at least, or the one a range of results
    says it shows), mostly of a date line, a one-line title and a short summary, or entries of a table of
    contents (`_looks_like`); a page with labelled header fields (`Citation:`, `Summary:`) or long prose is
    not one."""
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
    head_words = sum(len(line.text.split()) for line, _ in page.heads)
    if page.kind == NUMBERED and not _contents(page, head_words, conventions):
        return 0.0
    if not _one_date_style(page.records):
        return 0.0  # "February 19, 1993" over "19 лютого 1993 р.": a page's date and the document's own
    if page.kind == DATED and not page.titles_first and _titles_first(page):
        return 0.0  # titles above the dates, not in blocks of their own: read as date, title, summary, every
        # title would shift to the record before; the document reader loses nothing
    good = [record for record in page.records if _looks_like(record)]
    good_words = sum(_words(record) for record in good)
    chrome_lines = {line.number for line in page.chrome}
    total_words = sum(len(line.split()) for n, line in enumerate(lines, start=1) if n not in chrome_lines)
    coverage = good_words / max(1, total_words - head_words)
    share = len(good) / len(page.records)
    count = {1: 0.5, 2: 0.75}.get(len(page.records), 1.0)
    score = share * coverage * count
    if score < MIN_SCORE[page.kind]:
        return 0.0
    return min(1.0, score + (0.05 if page.range else 0.0))


def _titles_first(page: Page) -> bool:
    """Whether each record's title stands on the line above its date line (`Harbour Board minutes` / `12 March
    1958` / summary) rather than below it: most date lines follow, without a blank line, a short line that is
    no sentence, the last of the record before (or of the heads)."""
    above = 0
    previous: list[Line | None] = [line for line, _ in page.heads]
    for record in page.records:
        last = previous[-1] if previous else None
        if last is not None and last.number == record.line - 1 and len(last.text.split()) <= TITLE_MAX_WORDS:
            above += not _sentence(last.text)
        previous = record.body
    return above * 3 >= 2 * len(page.records)


def _one_date_style(records: list[Record]) -> bool:
    """Whether two dated records write their dates alike (letters, digits and punctuation in one order): a
    document page dates itself in its site's style, then the text in its own ("February 19, 1993" over
    "19 лютого 1993 р."), where a listing of two results is one site's list. Three records or more are a
    listing whatever their dates' shapes."""
    shapes = {re.sub(r"\d+", "9", re.sub(r"[^\W\d_]+", "a", r.date_text)) for r in records if r.date_text}
    return len(records) != 2 or len(shapes) < 2


def _looks_like(record: Record) -> bool:
    """Whether a record has the shape of its kind. A record of search results: a title of a line, a summary
    of a few paragraphs. An entry of a table of contents: a title that is not a label (`Source: …`) and not
    a line of prose (it does not run on into a line that begins in lower case, it is not a question, and,
    standing alone, it is not a sentence), and a few short lines after it."""
    own = record.own_summary()
    summary_words = sum(len(line.text.split()) for p in own for line in p)
    if record.entry is None:
        title = _title_text(record) if record.title else ""
        return (
            0 < len(title.split()) <= TITLE_MAX_WORDS
            and not PROSE.search(title)  # "Rain all day. The dredger did not come.": a diary's entry
            and not _sentence(title)  # "The dredger arrived at noon.": a sentence, no title
            and summary_words <= SUMMARY_MAX_WORDS
            and len(own) <= SUMMARY_MAX_PARAGRAPHS
        )
    title = _entry_title(record)
    after = [line for line in record.body if line is not None][len(record.title_lines) :]
    following = [line for line in after if line is not record.date_line]
    runs_on = title.endswith("-") or bool(following and following[0].text[:1].islower())
    sentence = title.endswith(("?", "!")) or (not after and _sentence(title))
    return (
        0 < len(title.split()) <= TITLE_MAX_WORDS
        and not title[:1].islower()
        and not _labelled(title)
        and not runs_on
        and not sentence
        and summary_words <= ENTRY_MAX_WORDS
        and len(record.summary) <= ENTRY_MAX_PARAGRAPHS
    )


# A table of contents lists this many entries at least.
CONTENTS_MIN_ENTRIES = 3


def _contents(page: Page, head_words: int, conventions: Conventions) -> bool:
    """Whether a page of numbered lines is a table of contents: three entries or more; it opens with a
    heading of a few words, none
    of its lines a sentence or a participants line (`Present: …`), not with a document's header or prose
    (whose numbered paragraphs or notes come after it), and the numbers of its entries ascend."""
    heading = [line.text for line, rng in page.heads if rng is None]
    return (
        len(page.records) >= CONTENTS_MIN_ENTRIES  # "1. Home / 2. Collections": a breadcrumb, not contents
        and head_words <= HEAD_MAX_WORDS
        and not any(_sentence(text) or participants.prefix(text, conventions) for text in heading)
        and _ascending(page.records)
    )


def _words(record: Record) -> int:
    """The words of a record, its date line included."""
    lines = [line.text for line in record.body if line is not None]
    return sum(len(text.split()) for text in lines) + (len(record.date_text.split()) if record.entry is None else 0)


def _sentence(text: str) -> bool:
    """Whether a line ends as a sentence or a lead-in does: a word and `.`, `:`, `;`, `?` or `!` (not an
    initial or an abbreviation such as `D.C.` or `a.m.`)."""
    return SENTENCE_END.search(text) is not None


def _ascending(records: list[Record]) -> bool:
    keys = [record.entry.key() for record in records if record.entry is not None]
    return all(a < b for a, b in pairwise(keys))


# --- reading -------------------------------------------------------------------------


def read(text: str | Text, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> m.Document:
    text = str(text)  # a listing is read whole (its entries are few)
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
            "(such as 'October 25, 1962', '25 Oct. 1962' or '1962-10-25') or, in a table of contents, at "
            "numbered title lines (such as '12. Letter …', 'No. 12 Letter …' or '12) Letter …'), and none "
            "of its lines is one",
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
        if record.entry is not None:
            if not _entry_title(record):
                warn(record.line, f"entry {record.entry.number} has no title; kept", "listing-incomplete")
        elif record.title is None:
            warn(record.line, f"record of '{record.date_text}' has no title and no summary; kept", "listing-incomplete")
        elif not record.own_summary():
            warn(record.title.number, f"record '{_title_text(record)}' has no summary; kept", "listing-incomplete")
        for line in (line for p in record.summary for line in p if line is not record.date_line):
            start = find_date(_strip_bullet(line.text))
            if len(line.text.split()) <= DATE_LIKE_MAX_WORDS and start is not None and start.start == 0:
                warn(
                    line.number,
                    f"'{line.text}' begins with a date but is not a date line; kept in the record before it",
                    "listing-date-like",
                )
    _check_numbers(page.records, warn)
    return _tei(page, first, conventions)


def _check_numbers(records: list[Record], warn: Warn) -> None:
    """Report an entry whose number does not come after the one before it, and numbers left out (an entry
    the reader did not take for one is in the summary of the entry before it)."""
    entries = [(record.line, record.entry) for record in records if record.entry is not None]
    for (_, a), (line, b) in pairwise(entries):
        if not a.key() < b.key():
            message = f"entry {b.number} comes after entry {a.number}; the numbers do not ascend"
            warn(line, message, "listing-numbering")
        elif a.number.isdigit() and b.number.isdigit() and int(b.number) > int(a.number) + 1:
            low, high = int(a.number) + 1, int(b.number) - 1
            missing = f"{low}–{high} are" if high > low else f"{low} is"
            warn(
                line,
                f"entry {b.number} follows entry {a.number}: {missing} not on the page, or not a numbered line",
                "listing-numbering",
            )


def _range_head(rng: Range) -> m.Head:
    """The range line as written, its three numbers marked with their values."""
    spans = []
    for name in ("first", "last", "total"):
        start, end = rng.match.span(name)
        value = str(rng.number(name))
        spans.append(m.Span(start, end, "num", lambda v=value: el("num", value=v)))
    return m.Head(m.Inline(rng.text, spans), type="range")


def _meta(page: Page, conventions: Conventions) -> m.Meta:
    """The header of the catalogue: a page of search results is named by the range it shows, a table of
    contents by its heading (its first line before the entries that is not a range of results)."""
    lang = conventions.common.default_language
    rng = page.range
    if page.kind == NUMBERED:
        heading = next((_strip_bullet(line.text) for line, head_range in page.heads if head_range is None), None)
        numbers = [record.entry.number for record in page.records if record.entry is not None]
        title = heading or f"Catalogue: entries {numbers[0]}–{numbers[-1]}"
        shown = (
            "A table of contents of an edition, a volume, a chapter or a finding aid, "
            f"its entries numbered {numbers[0]} to {numbers[-1]}."
        )
        publication = "The catalogue of the edition, read from a table of contents."
        declarations = statements(["listing-normalization"], conventions) + [
            (CONTENTS.section, text) for text in CONTENTS.compose(conventions, set())
        ]
    else:
        title = f"Catalogue: {rng.as_written}" if rng else "Catalogue"
        shown = (
            f"A page of search results of an archive, showing results {rng.as_written}."
            if rng
            else "A page of search results of an archive; the page does not say which results it shows."
        )
        publication = "The catalogue of the edition, read from an archive listing."
        catalogue = "catalogue-titles-first" if page.titles_first else "catalogue"
        declarations = statements(["listing-normalization", catalogue], conventions)
    return m.Meta(
        title,
        publication=publication,
        source_desc=shown,
        languages={lang: conventions.common.language_name(lang)},
        declarations=declarations,
    )


def _tei(page: Page, first: int, conventions: Conventions) -> m.Document:
    lang = conventions.common.default_language
    heads = [_range_head(head_range) if head_range else m.Head(m.Inline(line.text)) for line, head_range in page.heads]
    records = []
    taken: set[str] = set()
    for position, record in enumerate(page.records, start=first):
        title_text = _title_text(record) if record.title else ""
        key = f"{title_text} {record.iso or record.date_text}"
        summary = [_paragraph_text(p) for p in record.summary]
        rid = content_id("bibl", key, taken)
        n = record.entry.number if record.entry else str(position)
        records.append(m.Record(n, rid, record.date_text, record.iso, title_text if record.title else None, summary))
    return m.Document(meta=_meta(page, conventions), text=m.Text([m.Catalogue(heads, records)], lang, "catalogue"))
