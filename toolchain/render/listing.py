"""The website's lists that grow with the edition, split into pages: the home page's list of the documents,
the places of the persons page and its list of the persons who live in a document. What each document
gives them (its item of the home list, its items of the persons page) is kept on disk as it comes, in an
SQLite file, and read back in order a page at a time, so that no list of the edition is ever in memory
whole.

The pages of a list are named NAME, NAME-2, NAME-3, ... (`page_names`); a document's page never takes
such a name (xslt/common/edition.xsl, `ed:page-stem`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

PER_PAGE = 500  # documents on a page of the home list; places on a page of the persons' places
SHOWN = 10  # of a person's places, those the persons page lists itself


def page_names(name: str, count: int) -> list[str]:
    """The names of the `count` pages of the list of page `name` (at least the first)."""
    return [name, *(f"{name}-{n}" for n in range(2, count + 1))]


def page_count(items: int, per_page: int) -> int:
    return max(1, -(-items // per_page))


class Items:
    """The items of the lists, in an SQLite file of `folder` (which the caller removes)."""

    def __init__(self, folder: Path) -> None:
        self.db = sqlite3.connect(folder / "items.sqlite", isolation_level=None)
        self.db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE home (undated TEXT, date TEXT, title TEXT, file TEXT, item TEXT);"
            "CREATE TABLE place (person TEXT, item TEXT);"
            "CREATE TABLE own (key TEXT, doc INTEGER, item TEXT);"
        )

    def put_home(self, items: Iterable[list[str]]) -> None:
        """The items of the home list, each [its keys of the reading order (four), item]."""
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO home VALUES (?, ?, ?, ?, ?)", items)
        self.db.execute("COMMIT")
        self.db.execute("CREATE INDEX home_order ON home (undated, date, title, file)")

    def put_places(self, items: Iterable[tuple[str, str]]) -> None:
        """The items of the persons page, each (the anchor of a person, item: a document where they are
        named or speak); the items of a person are listed in the order given."""
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO place VALUES (?, ?)", items)
        self.db.execute("COMMIT")
        self.db.execute("CREATE INDEX place_order ON place (person)")

    def put_own(self, items: Iterable[tuple[str, int, str]]) -> None:
        """The items of the persons page's list of the persons who live in a document, each (the key it is
        sorted by, the number of the document in the edition's order, item)."""
        self.db.execute("BEGIN")
        self.db.executemany("INSERT INTO own VALUES (?, ?, ?)", items)
        self.db.execute("COMMIT")
        self.db.execute("CREATE INDEX own_order ON own (key, doc)")

    def own_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM own").fetchone()[0]

    def own(self) -> Iterator[str]:
        """The items of that list in order: by key (compared code point by code point, as xsl:sort does
        by default), then as the documents and each document's items come (a stable sort)."""
        for (item,) in self.db.execute("SELECT item FROM own ORDER BY key, doc, rowid"):
            yield item

    def home_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM home").fetchone()[0]

    def home(self) -> Iterator[str]:
        """The items of the home list in reading order: by the keys, compared code point by code point (as
        SQLite compares text by its UTF-8 bytes) in the order of their columns, as ed:reading-order sorts."""
        for (item,) in self.db.execute("SELECT item FROM home ORDER BY undated, date, title, file"):
            yield item

    def place_counts(self) -> dict[str, int]:
        """The number of items of each person."""
        return dict(self.db.execute("SELECT person, count(*) FROM place GROUP BY person"))

    def places_of(self, person: str, start: int = 0, count: int = -1) -> list[str]:
        """Items of a person, from the `start`th (0: the first), `count` of them (-1: all the rest)."""
        rows = self.db.execute(
            "SELECT item FROM place WHERE person = ? ORDER BY rowid LIMIT ? OFFSET ?", (person, count, start)
        )
        return [item for (item,) in rows]

    def close(self) -> None:
        self.db.close()


def chunks(items: Iterator[str], size: int) -> Iterator[list[str]]:
    """`items` a page at a time."""
    page: list[str] = []
    for item in items:
        page.append(item)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page


Places = list[tuple[str, int, int]]  # of a page: (person, the first of their items there, how many)


def places_plan(order: list[str], counts: dict[str, int], shown: int, per_page: int) -> list[Places]:
    """The pages of the persons' places after the persons page: for each, the persons whose places go on
    there, as (person, the first of their items there, how many), persons in the order of the persons page
    (`order`) and the items past the first `shown` of each."""
    pages: list[Places] = []
    room = 0
    for person in order:
        start, left = shown, counts.get(person, 0) - shown
        while left > 0:
            if room == 0:
                pages.append([])
                room = per_page
            take = min(left, room)
            pages[-1].append((person, start, take))
            start, left, room = start + take, left - take, room - take
    return pages
