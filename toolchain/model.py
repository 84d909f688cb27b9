"""The document model between a reader and the TEI encoder.

A reader gives a `Document`: its `Meta` (what the header says: title, responsibility, sources, dates,
languages, persons, the editorial declarations that apply) and its `Text`, a tree of blocks (divisions,
paragraphs, headings, speaker turns, remarks, page breaks, lists, notes, closers, catalogue records) whose
inline content is text with stand-off spans (`Inline`). `encode` is the one place that turns it into TEI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree  # the element a span makes

from .source.names import initials_key

# Outer spans first when two cover the same range.
RANK = {
    "speech-run": 0,
    "closer-part": 1,
    "date": 2,
    "bracket": 3,
    "ocr": 3,
    "stage": 3,
    "term": 4,
    "sic": 4,
    "unclear": 4,
    "said": 5,
    "seg": 5,
    "q": 6,
    "persName": 7,
    "marker": 8,
    "num": 8,
    "label": 6,
    "pb": 9,
    "fw0": 10,
    "fw1": 11,
    "fw2": 12,
    "fw3": 13,
}


@dataclass
class Span:
    start: int
    end: int
    kind: str
    make: Callable[[], etree._Element] | None  # None: the characters are dropped
    inner_start: int | None = None  # where the element's content starts (after an opening bracket)
    inner_end: int | None = None
    leaf: bool = False  # the element is complete; the covered characters are dropped

    @property
    def inner(self) -> tuple[int, int]:
        return (
            self.start if self.inner_start is None else self.inner_start,
            self.end if self.inner_end is None else self.inner_end,
        )


@dataclass
class Inline:
    """A paragraph's text and the spans that mark it; `encode.inline.build` makes the mixed TEI content."""

    text: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Person:
    """A person a document names: the name as read, the forms it is written in, a role there."""

    surname: str
    initials: str = ""  # normalised "N. S."
    forenames: tuple[str, ...] = ()
    role: str | None = None
    birth: str | None = None
    death: str | None = None
    forms: set[str] = field(default_factory=set)
    id: str = ""

    @property
    def key(self) -> str:
        return initials_key(self.initials)

    def full_name(self) -> str:
        first = " ".join(self.forenames) if self.forenames else self.initials
        return f"{first} {self.surname}".strip()


@dataclass(frozen=True)
class Mention:
    """Where a text names a person."""

    start: int
    end: int
    person: Person


@dataclass
class Resp:
    """A statement of responsibility: `Translated by` Jane Doe (of an organisation)."""

    phrase: str
    name: str
    id: str
    org: str | None = None


@dataclass
class Citation:
    """The citation a page gives, verbatim, with the parts recognised in it."""

    text: str
    line: int = 0
    date: str | None = None  # ISO 8601
    publisher: str | None = None
    repository: str | None = None
    idno: str | None = None  # the call number
    url: str | None = None
    # the recognised parts where they stand in `text`: (start, end, kind), kind one of title, date,
    # publisher, archive (repository and call number), url
    marks: list[tuple[int, int, str]] = field(default_factory=list)
    corresp: str | None = None  # the paragraph of the text it copies, when the page gives it there unlabelled


@dataclass
class Source:
    """A statement of the source the text comes from (bibl type="source"), and the note it is made in."""

    text: str
    corresp: str | None = None


@dataclass
class Manuscript:
    """msDesc: where the original is and what it is written in."""

    repository: str | None = None
    idnos: list[tuple[str, str]] = field(default_factory=list)  # (type, value)
    name: str | None = None  # msName, when nothing identifies it better
    text_lang: str | None = None  # the language of the original, as written
    main_lang: str | None = None
    other_langs: str | None = None
    hands: dict[str, Person] = field(default_factory=dict)  # handNote id -> the person whose hand it is


@dataclass
class Station:
    """A party named by its place (`Washington:` in a teleconference): the group of people there."""

    name: str
    id: str = ""


@dataclass
class Meta:
    title: str
    lang: str = "en"  # the language of the header
    resp: list[Resp] = field(default_factory=list)
    funder: str | None = None
    publisher: str | None = None
    publication: str = "Converted from a plain-text transcript; the source names no publisher."
    url: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # notesStmt: (type, text)
    citation: Citation | None = None
    sources: list[Source] = field(default_factory=list)
    source_desc: str = ""  # a description of the source in prose, when no citation or manuscript gives one
    manuscript: Manuscript | None = None
    creation: tuple[str | None, str] | None = None  # (the date as written, or None; @when)
    abstract: list[Inline] = field(default_factory=list)  # its paragraphs
    languages: dict[str, str] = field(default_factory=dict)  # code -> name
    persons: list[Person] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    declarations: list[tuple[str, str]] = field(default_factory=list)  # editorialDecl: (section, text)


# --- the text ------------------------------------------------------------------------------


@dataclass
class Para:
    content: Inline
    id: str | None = None
    rend: str | None = None  # quotation marks kept in @rend: pre(“) post(”)
    corresp: str | None = None  # the paragraphs of the original a translation's paragraph renders
    lang: str | None = None  # when it is not the language of the text around it


@dataclass
class Head:
    content: Inline
    id: str | None = None
    type: str | None = None
    corresp: str | None = None
    lang: str | None = None  # when it is not the language of the text around it


@dataclass
class Note:
    """A paragraph that is a note (`Справка: …`, a source line)."""

    content: Inline
    type: str
    id: str | None = None
    n: str | None = None
    place: str | None = None
    label: str | None = None


@dataclass
class Item:
    content: Inline
    n: str | None = None  # the bullet as written


@dataclass
class ItemList:
    items: list[Item]
    id: str | None = None
    type: str | None = None
    head: str | None = None
    corresp: str | None = None


@dataclass
class Opener:
    """The dateline at the head of a transcript or a document."""

    dateline: Inline


@dataclass
class Argument:
    """An archive's summary of the document, standing at the head of its text before the date and title."""

    blocks: list[Para] = field(default_factory=list)


@dataclass
class Closer:
    """Closing lines (a signature, a dateline): each line's spans mark its signed and dateline parts."""

    lines: list[Inline]


@dataclass
class Stage:
    """A remark about the proceedings: `[Laughter]`, `(11.40)`, `[The President left.]`."""

    content: Inline
    type: str


@dataclass
class Gap:
    """An omission the text reports (`[Omitted here is …]`, `[illegible]`), its words as description."""

    desc: Inline
    reason: str


@dataclass
class PageBreak:
    """A page break between paragraphs, with the page furniture (running footers) that stood there, and the
    number of the page that begins (`[Page 634]` alone on its line)."""

    footers: list[str]
    n: str | None = None


@dataclass
class Turn:
    """A speaker's turn: the label as written, the speaker it stands for, the paragraphs and remarks."""

    speaker: str
    who: str | None
    blocks: list[Block] = field(default_factory=list)
    rend: str | None = None


@dataclass
class Record:
    """A record of a catalogue: position, date as written and its @when, title, summary paragraphs."""

    n: str
    id: str
    date: str
    when: str | None
    title: str | None
    summary: list[str]


@dataclass
class Catalogue:
    heads: list[Head]
    records: list[Record]


@dataclass
class Div:
    type: str
    blocks: list[Block] = field(default_factory=list)
    n: str | None = None
    lang: str | None = None


@dataclass
class Stream:
    """Blocks made one at a time as they are written, each in its place (a long transcript's turns): what
    has been written is forgotten, so that the model of a long text is never all in memory."""

    blocks: Iterator[Block]


Block = (
    Para | Head | Note | ItemList | Opener | Argument | Closer | Stage | Gap | PageBreak | Turn | Div | Catalogue
) | Stream


@dataclass
class Text:
    """The text of a document: its divisions (or a catalogue), in its language and of its kind."""

    blocks: list[Block]
    lang: str | None = None
    type: str | None = None


@dataclass
class Later:
    """What a reader knows only once its text has been made (its `Stream`s written): `finish` completes the
    `Meta` (the languages, the rules that applied, the hands) and gives the language of each paragraph
    written with `token` for its language, in their order (None: it has none of its own)."""

    token: str
    finish: Callable[[], list[str | None]]


@dataclass
class Document:
    meta: Meta
    text: Text
    later: Later | None = None
