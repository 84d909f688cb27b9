"""The document model between a reader and the TEI encoder: what the header of a document says.

A reader fills a `Meta` from the front matter, the notes and the persons it found; `encode.header` is the
one place that turns it into a teiHeader. (The text itself is still given to the encoder as TEI built by
the reader from the stand-off spans of `encode.inline`.)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .source.names import initials_key


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
    resp: list[Resp] = field(default_factory=list)
    funder: str | None = None
    publisher: str | None = None
    publication: str = "Converted from a plain-text transcript; the source names no publisher."
    url: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # notesStmt: (type, text)
    citation: Citation | None = None
    sources: list[etree._Element] = field(default_factory=list)  # bibl type="source"
    source_desc: str = "A plain-text transcript without a citation."  # when nothing else describes the source
    manuscript: Manuscript | None = None
    creation: tuple[str | None, str] | None = None  # (the date as written, or None; @when)
    abstract: list[list[object]] = field(default_factory=list)  # paragraphs of mixed content
    languages: dict[str, str] = field(default_factory=dict)  # code -> name
    persons: list[Person] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    declarations: list[tuple[str, str]] = field(default_factory=list)  # editorialDecl: (section, text)
