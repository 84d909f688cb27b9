"""The HTML edition: one page per document, home (catalogue), persons, about, search.

Pages link to each other by relative addresses and load nothing from outside, so the folder opens
from file:// and can be copied anywhere. Assets (CSS, JavaScript, the search index in shards: search.py) go
to assets/.

A document's page is made from the document, the registries and catalogues, the pages' names and the
documents its pointers name. The pages of the edition are made from what each document gives them, its
digests (xslt/html/pages.xsl: `h:head-digest`, who made it, its encoding and the facts of its text, for home
and about; `h:home-item`, its item of the home page's list; `h:mention-html` and `h:own-person-html`, its
items of the persons page, the places of persons and the persons who live in it; `h:search-page`, its part
of the search index). Given a `cache`
folder, the renderer keeps them there for every document, with each file's kind and page name; a rebuild
then reads again only the documents whose page is made again (and those they point to), and makes a page
of the edition again only when a digest it is made from changed. The home page's list and the persons
page's places and persons go on in pages of their own past `per_page` items (listing.py).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path

from .. import workers
from ..state import POINTED
from ..tei import write_atomic
from . import listing, search, xslt
from .base import Document, Pages, Renderer, Result
from .xslt import RenderError

H = "urn:edition:html"
ASSETS = ("edition.css", "edition.js", "search.js")
OLD_INDEX = "assets/search-index.js"  # the search index in one file, as the website had it before search.FOLDER
# what the cache keeps of each document, by the key of its page: its digests and its part of the search index
DIGEST = ("head-digest", "own-person-html", "mention-html", "search-page", "home-item")
HEAD, OWN, MENTIONS, SEARCH, HOME = range(5)
SUFFIX = (".head.xml", ".own.json", ".mentions.json", ".search.json", ".home.json")
# the pages of the edition, and the digests each is made from: the edition is set to the first (the documents'
# digests of that kind), the renderer puts in the items of the second; those of a kind one after the other
EDITION_PAGES = (
    ("index", "home", (HEAD, HOME)),
    ("about", "about", (HEAD,)),
    ("search", "search", (HEAD,)),
    ("persons", "persons", (OWN, MENTIONS)),
)
# the lists of the edition's pages the renderer fills: of the persons page (h:persons), of the home page
# (h:home), of a page of the persons' places (h:places), of the persons who live in a document (h:persons,
# h:more-persons)
_PLACES = re.compile(r'<ul class="ed-mentions" data-ed-items="([^"]*)" data-ed-name="([^"]*)"></ul>')
_HOME = '<ul class="ed-doc-list" data-ed-home=""></ul>'
_MORE_PLACES = '<div class="ed-places" data-ed-places=""></div>'
_OWN = '<ul class="ed-own-list" data-ed-own=""></ul>'
BATCH = 100  # documents read at a time, with a cache
PER_WORKER = 25  # documents to make at least, for each worker process started (one costs about 1 s)
# Document pages a worker makes before it is replaced by a fresh one: Saxon keeps every document and value it
# was given for as long as its process lives (about 16 KB a page: a worker of a 100,000-document website grew
# past 900 MB); a fresh worker costs a second and the registries read again.
LIFE = 5000
KINDS = "kinds.json"  # in the cache: file name -> [hash of its bytes, kind, page stem]


class _Kept:
    """What each document gives the edition's pages (DIGEST), and the hash of each part. Without a cache, its
    bytes, in memory; with one, the cache's files (written as they are made), of which only the hashes are
    held: a page of the edition reads the part it is made from again, a document at a time, and only when it
    is made again. So the edition's digests are never all in memory at once."""

    def __init__(self, cache: Path | None) -> None:
        self.cache = cache
        self.key: dict[Path, str] = {}  # document -> the key of its page, which names its files in the cache
        self.hashes: dict[Path, tuple[bytes, ...]] = {}
        self.parts: dict[Path, tuple[bytes, ...]] = {}  # without a cache

    def file(self, key: str, part: int) -> Path:
        assert self.cache is not None
        return self.cache / "digests" / f"{key}{SUFFIX[part]}"

    def put(self, doc: Path, key: str, parts: tuple[bytes, ...], *, cached: bool = False) -> None:
        """What is kept of a document just made (written into the cache), or read from the cache (`cached`)."""
        self.key[doc] = key
        self.hashes[doc] = tuple(hashlib.sha256(part).digest() for part in parts)
        if self.cache is None:
            self.parts[doc] = parts
        elif not cached:
            for i, part in enumerate(parts):
                write_atomic(self.file(key, i), part)

    def read(self, doc: Path, key: str) -> bool:
        """Take what the cache keeps of a document whose page is as it stands; False: it keeps nothing."""
        if self.cache is None:
            return False
        try:
            parts = tuple(self.file(key, i).read_bytes() for i in range(len(DIGEST)))
        except OSError:
            return False
        self.put(doc, key, parts, cached=True)
        return True

    def get(self, doc: Path, part: int) -> bytes:
        if self.cache is None:
            return self.parts[doc][part]
        try:
            return self.file(self.key[doc], part).read_bytes()
        except OSError as exc:
            raise RenderError(f"{doc}: what the cache kept of it is gone: {exc}") from exc

    def let_go(self, part: int) -> None:
        """Without a cache: let go of every other part (the pages made from them are written)."""
        self.parts = {d: tuple(x if i == part else b"" for i, x in enumerate(p)) for d, p in self.parts.items()}


@dataclass
class _Plan:
    """The files of the edition as this run finds them."""

    kept: _Kept  # document -> what the cache keeps of it (DIGEST)
    points: dict[Path, list[bytes]] = field(default_factory=dict)  # file -> the files its pointers name (POINTED)
    kind: dict[Path, str] = field(default_factory=dict)
    stem: dict[Path, str] = field(default_factory=dict)
    keys: dict[Path, str] = field(default_factory=dict)  # document -> the key of its page
    loaded: dict[Path, Document] = field(default_factory=dict)  # read in full
    stale: list[Path] = field(default_factory=list)  # documents whose page is made again
    edition: bytes = b""  # the hash of what every page depends on: names, kinds, registries, catalogues

    @cached_property
    def by_name(self) -> dict[str, Path]:
        return {p.name: p for p in self.points}

    @cached_property
    def order(self) -> dict[Path, int]:
        return {p: i for i, p in enumerate(self.points)}

    def in_order(self, files: Iterable[Path]) -> list[Path]:
        """`files` in the order of the edition's."""
        return sorted(files, key=self.order.__getitem__)

    def forget(self) -> None:
        """Let go of the documents read in full (not the registries and catalogues)."""
        self.loaded = {p: d for p, d in self.loaded.items() if self.kind[p] != "document"}


class HtmlRenderer(Renderer):
    name = "html"
    out_suffix = ".html"
    stylesheet = "html/html.xsl"
    dated = False
    # where digests are kept from one run to the next (the caller gives a folder of its own for each
    # toolchain and set of parameters); None: nothing is kept, every page is made from the documents
    cache: Path | None = None
    jobs: int | None = None  # worker processes for the document pages (None: one per core)
    per_page = listing.PER_PAGE  # documents on a page of the home list, places on a page of the persons' places
    shown = listing.SHOWN  # of a person's places, those the persons page lists itself
    _names: list[str] | None = None  # the pages of the list that page-names holds

    def page(self, template: str, **params) -> bytes:
        return self.call(f"{{{H}}}{template}", **params).encode("utf-8")

    def document_page(self, doc: Document) -> bytes:
        return self.page("document", doc=doc.node)

    def make(self, docs: list[Document], out_dir: Path) -> dict[Path, tuple[bytes, ...]]:
        """Write the pages of `docs` (the edition set with what they point to); what the cache keeps of each."""
        made = {}
        for doc in docs:
            write_atomic(out_dir / (doc.stem + self.out_suffix), self.document_page(doc))
            made[doc.path] = self.digest(doc)
        return made

    def digest(self, doc: Document) -> tuple[bytes, ...]:
        """What the cache keeps of a document (DIGEST), in UTF-8: its digest as XML text (h:head-digest),
        its items of the persons page and of the home page and its part of the search index as JSON."""
        self.executable.set_parameter("doc", doc.node)
        return tuple(self.call_text(f"{{{H}}}{name}").encode("utf-8") for name in DIGEST)

    def render(self, sources: list[Path], out_dir: Path) -> Result:
        started = time.perf_counter()
        result = Result()
        plan = self._plan(sources, out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)

        def put(name: str, key: str | None, make) -> None:
            path = out_dir / name
            if key is not None:
                result.keys[name] = key
            if self._fresh(out_dir, name, key):
                result.unchanged += 1
            else:
                write_atomic(path, make())
            result.written.append(path)

        jobs = min(workers.count(self.jobs), len(plan.stale) // PER_WORKER)
        remote = workers.cluster() is not None and bool(plan.stale)  # a cluster's workers make them all
        if jobs > 1 or remote:
            self._in_workers(plan, out_dir, max(1, jobs))
        else:  # with a cache, a batch at a time: what is kept of a document is all the rest needs of it
            step = BATCH if self.cache is not None else max(1, len(plan.stale))
            for i in range(0, len(plan.stale), step):
                for p, parts in self.make(self._read(plan, plan.stale[i : i + step]), out_dir).items():
                    plan.kept.put(p, plan.keys[p], parts)
                if self.cache is not None:
                    plan.forget()
        result.unchanged += len(plan.keys) - len(plan.stale)
        for p in plan.keys:
            name = plan.stem[p] + self.out_suffix
            result.keys[name] = plan.keys[p]
            result.written.append(out_dir / name)
        if (jobs > 1 or remote) and self.cache is None:  # the edition's pages are made from the documents
            self._read(plan, list(plan.keys))

        documents = list(plan.keys)
        keys: list[str | None] = [None] * len(DIGEST)
        if self.cache is not None:  # the edition's pages are made from digests, keyed by what they are made from
            keys = [
                _combined(*_digests(name.encode(), plan.edition), *(plan.kept.hashes[p][i] for p in documents))
                for i, name in enumerate(DIGEST)
            ]
        edition_set = None
        with tempfile.TemporaryDirectory(prefix="edition-lists-") as tmp:
            lists = listing.Items(Path(tmp))  # what the documents give the lists of the edition's pages, on disk
            for name, template, parts in EDITION_PAGES:
                key = keys[parts[0]]
                if len(parts) > 1 and key is not None:
                    key = _hash(*(keys[i].encode() for i in parts))
                standing = self._standing(out_dir, name, key)
                if standing is not None:
                    for page in standing:
                        put(page, key, bytes)  # as it stands: not made
                    continue
                if self.cache is not None and edition_set != parts[0]:
                    self._from_digests(plan, parts[0])
                    edition_set = parts[0]
                if template == "home":
                    lists.put_home(json.loads(plan.kept.get(p, HOME)) for p in documents)
                    pages = self._home(lists)
                elif template == "persons":
                    lists.put_places(tuple(item) for p in documents for item in json.loads(plan.kept.get(p, MENTIONS)))
                    own = ((n, json.loads(plan.kept.get(p, OWN))) for n, p in enumerate(documents))
                    lists.put_own((key, n, item) for n, items in own for key, item in items)
                    pages = self._persons(lists)
                else:
                    pages = iter([(name, self.page(template))])
                for page, data in pages:
                    put(f"{page}{self.out_suffix}", key, lambda d=data: d)
            lists.close()
        # of what each document gave the edition's pages only its part of the search index is left to use
        plan.kept.let_go(SEARCH)
        if self.cache is not None:
            self._keep(plan)
        # the search index: the part of each document (h:search-page), then of the edition's own pages
        manifest = f"{search.FOLDER}/{search.MANIFEST}"
        if keys[SEARCH] is not None:
            result.keys[manifest] = keys[SEARCH]
        folder = out_dir / search.FOLDER
        standing = search.standing(folder) if self._fresh(out_dir, manifest, keys[SEARCH]) else None
        if standing is not None:
            result.unchanged += len(standing)
        own = self.call_text(f"{{{H}}}search-own").encode("utf-8") if standing is None else b""
        parts = [*(partial(plan.kept.get, p, SEARCH) for p in documents), lambda: own]
        result.written.extend(standing if standing is not None else search.write(folder, parts))
        (out_dir / OLD_INDEX).unlink(missing_ok=True)
        assets = xslt.xslt_dir() / "html" / "assets"
        for name in ASSETS:
            target = out_dir / "assets" / name
            write_atomic(target, (assets / name).read_bytes())  # never a truncated copy; unchanged: untouched
            result.written.append(target)
        result.seconds = time.perf_counter() - started
        return result

    def _plan(self, sources: list[Path], out_dir: Path) -> _Plan:
        """Which files are read, which pages made again; the edition set for the document pages."""
        plan = _Plan(_Kept(self.cache))
        sha: dict[Path, bytes] = {}
        for p in sources:  # a file at a time: the edition's bytes are never all in memory
            data = p.read_bytes()
            # each file named once: a document names the registry at every mention
            sha[p], plan.points[p] = hashlib.sha256(data).digest(), list(dict.fromkeys(POINTED.findall(data)))
        known = self._kinds()

        def remembered(p: Path) -> bool:  # a document as it was: its kind and page name are known
            entry = known.get(p.name)
            return isinstance(entry, list) and len(entry) == 3 and entry[0] == sha[p].hex() and entry[1] == "document"

        # the files whose kind is not known, and the registries and catalogues, are read now (with a cache and
        # more than a batch, a batch at a time, the documents let go: their pages are made a batch at a time)
        unknown = [p for p in sources if not remembered(p)]
        step = BATCH if self.cache is not None else max(1, len(unknown))
        for i in range(0, len(unknown), step):
            for d in self.load(unknown[i : i + step]):
                plan.kind[d.path], plan.stem[d.path] = d.kind, d.stem
                plan.loaded[d.path] = d
            if self.cache is not None and len(unknown) > step:
                plan.forget()
        for p in sources:
            if p not in plan.kind:
                plan.kind[p], plan.stem[p] = "document", known[p.name][2]
        pages = Pages(self.out_suffix)
        for p in sources:
            pages.add(p, plan.kind[p], plan.stem[p])
        plan.edition = _hash(
            *(
                f"{p.name}\0{plan.stem[p]}\0{plan.kind[p]}\n".encode()
                + (p.read_bytes() if plan.kind[p] != "document" else b"")  # a registry, a catalogue: read again
                for p in sorted(sources, key=lambda p: p.name)
            )
        ).encode()
        for p in pages.seen.values():  # two files of one text: two pages
            key = plan.keys[p] = _combined(*_digests(plan.edition, p.name.encode()), sha[p])
            name = plan.stem[p] + self.out_suffix
            if not (self._fresh(out_dir, name, key) and plan.kept.read(p, key)):
                plan.stale.append(p)
        if self.cache is not None:
            self._known = {p.name: [sha[p].hex(), plan.kind[p], plan.stem[p]] for p in sources}
        return plan

    def _fresh(self, out_dir: Path, name: str, key: str | None) -> bool:
        """The page as it stands is made from what it would be made from now."""
        return key is not None and self.made.get(name) == key and (out_dir / name).is_file()

    def _read(self, plan: _Plan, paths: list[Path]) -> list[Document]:
        """Read in full the documents of `paths` and those their pointers name, and set them as the edition
        with the registries and catalogues; their Documents, in order."""
        wanted = _wanted(plan, paths)
        plan.loaded.update((d.path, d) for d in self.load(plan.in_order(p for p in wanted if p not in plan.loaded)))
        self.set_edition([d for p, d in plan.loaded.items() if p in wanted or plan.kind[p] != "document"])
        return [plan.loaded[p] for p in paths]

    def _from_digests(self, plan: _Plan, part: int) -> None:
        """The edition for its own pages: the registries and catalogues, and for home and about (HEAD) a
        digest of each document; the persons page takes nothing else (its lists are put in: _persons)."""
        standing, seen = [], set()
        for p in plan.keys if part == HEAD else ():
            if plan.kept.hashes[p][HEAD] in seen:  # documents whose digests are the same give the same
                continue
            seen.add(plan.kept.hashes[p][HEAD])
            uri = p.resolve().as_uri()
            standing.append(Document(p, uri, xslt.parse(plan.kept.get(p, HEAD), uri), "document", plan.stem[p]))
        self.set_edition([*standing, *(d for p, d in plan.loaded.items() if plan.kind[p] != "document")])

    def _standing(self, out_dir: Path, name: str, key: str | None) -> list[str] | None:
        """The pages of the edition's page `name` (its list's pages with it) as the last run made them, when
        they stand and are made from what they would be made from now (`key`); None: they are made again."""
        first = f"{name}{self.out_suffix}"
        if not self._fresh(out_dir, first, key):
            return None
        rest = re.compile(re.escape(name) + r"-[0-9]+" + re.escape(self.out_suffix))
        pages = [first, *(n for n, k in self.made.items() if k == key and rest.fullmatch(n))]
        return pages if all(self._fresh(out_dir, n, key) for n in pages) else None

    def _paged(self, template: str, names: list[str], number: int, **params) -> str:
        """Page `number` of a list split into the pages `names` (h:pager)."""
        proc = xslt.processor()
        # made once for all the pages of a list (while the edition is as set): Saxon never lets go of a value made
        if "page-names" not in self._set or names != self._names:
            seq = proc.empty_sequence()
            for n in names:
                seq.add_xdm_item(proc.make_string_value(n))
            self.set_parameter("page-names", seq)
            self._names = list(names)
        for name, value in {"page-number": proc.make_integer_value(number), **params}.items():
            self.set_parameter(name, value)
        return self.call(f"{{{H}}}{template}")

    def _home(self, lists: listing.Items) -> Iterable[tuple[str, bytes]]:
        """The home page and the pages of its list that follow it: (name, page in UTF-8)."""
        total = lists.home_count()
        names = listing.page_names("index", listing.page_count(total, self.per_page))
        chunks = listing.chunks(lists.home(), self.per_page)
        listed = {"listed": xslt.processor().make_integer_value(total)}
        for number, name in enumerate(names, 1):
            items = "".join(next(chunks, []))
            page = self._paged("home", names, number, **listed)
            yield name, page.replace(_HOME, f'<ul class="ed-doc-list">{items}</ul>', 1).encode("utf-8")

    def _persons(self, lists: listing.Items) -> Iterable[tuple[str, bytes]]:
        """The persons page, each person's list of places filled with the first of the documents' items
        (h:mention-html), and the pages of the rest of them (h:places); its list of the persons who live in
        a document filled with the first of theirs (h:own-person-html), the rest on the pages after those
        (h:more-persons): (name, page in UTF-8)."""
        counts = lists.place_counts()
        proc = xslt.processor()
        true = proc.make_boolean_value(True)
        self.set_parameter("mentioned", proc.make_map2(dict.fromkeys(counts, true)))
        own = lists.own_count()
        self.set_parameter("own-listed", proc.make_integer_value(own))
        rest = sum(max(0, c - self.shown) for c in counts.values())
        places = rest and listing.page_count(rest, self.per_page)
        names = listing.page_names("persons", 1 + places + listing.page_count(own, self.per_page) - 1)
        own_items = listing.chunks(lists.own(), self.per_page)
        first = f'<ul class="ed-own-list">{"".join(next(own_items, []))}</ul>'
        # text, anchor, name, text, anchor, name, ...
        parts = _PLACES.split(self._paged("persons", names, 1).replace(_OWN, first, 1))
        order = [html.unescape(a) for a in parts[1::3]]
        person = dict(zip(order, (html.unescape(n) for n in parts[2::3]), strict=True))
        pages = listing.places_plan(order, counts, self.shown, self.per_page)
        goes_on: dict[str, str] = {}  # person -> the page their places go on to
        for number, page in enumerate(pages, 2):
            for anchor, _, _ in page:
                goes_on.setdefault(anchor, names[number - 1])
        out = parts[:1]
        for i, anchor in enumerate(order):
            out.append(f'<ul class="ed-mentions">{"".join(lists.places_of(anchor, 0, self.shown))}</ul>')
            if anchor in goes_on:
                more = counts[anchor] - self.shown
                href = f"{goes_on[anchor]}{self.out_suffix}#{anchor}"
                out.append(f'<p class="ed-more"><a href="{_attr(href)}">{more} more document{"s"[: more - 1]}</a></p>')
            out.append(parts[3 * i + 3])
        yield names[0], "".join(out).encode("utf-8")
        for number, page in enumerate(pages, 2):
            sections = [self._places_of(anchor, person[anchor], lists.places_of(anchor, start, n), names[0], start)
                        for anchor, start, n in page]  # fmt: skip
            filled = f'<div class="ed-places">{"".join(sections)}</div>'
            yield names[number - 1], self._paged("places", names, number).replace(_MORE_PLACES, filled, 1).encode()
        for number, items in enumerate(own_items, 2 + places):
            filled = f'<ul class="ed-own-list">{"".join(items)}</ul>'
            yield names[number - 1], self._paged("more-persons", names, number).replace(_OWN, filled, 1).encode()

    def _places_of(self, anchor: str, name: str, items: list[str], persons: str, start: int) -> str:
        """A section of a page of the persons' places: the person (a link to their entry on the persons
        page), and the items of their places from the `start`th."""
        continued = " (continued)" if start > self.shown else ""
        return (
            f'<section class="ed-person-entry" id="{_attr(anchor)}"><h2><a href="{_attr(persons)}{self.out_suffix}#'
            f'{_attr(anchor)}">{html.escape(name)}</a>{continued}</h2><ul class="ed-mentions">{"".join(items)}</ul>'
            "</section>"
        )

    # --- worker processes ------------------------------------------------------------

    def _in_workers(self, plan: _Plan, out_dir: Path, jobs: int) -> None:
        """Make the pages of the stale documents, and what the cache keeps of them (plan.kept), in `jobs`
        processes of their own (a Saxon each), a few documents at a time; each reads only those and what they
        point to."""
        context = [p for p in plan.points if plan.kind[p] != "document"]
        step = max(1, min(PER_WORKER, len(plan.stale) // (jobs * 4)))
        work = []
        for i in range(0, len(plan.stale), step):
            chunk = plan.stale[i : i + step]
            work.append((chunk, plan.in_order(_wanted(plan, chunk) - set(chunk)), context, out_dir))
        # a Saxon is never forked; a worker that made LIFE pages is replaced, its Saxon's memory given back
        renew = max(1, LIFE // step)
        with workers.pool(
            jobs, initializer=_start, initargs=(self.given,), spawn=True, tasks_per_process=renew
        ) as pool:
            for done in pool.map(_pages, work):
                for p, parts in done.items():
                    plan.kept.put(p, plan.keys[p], parts)

    # --- the cache -------------------------------------------------------------------

    def _kinds(self) -> dict[str, list]:
        if self.cache is None:
            return {}
        try:
            data = json.loads((self.cache / KINDS).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _keep(self, plan: _Plan) -> None:
        """Write the kinds of the files, and remove the digests of documents no longer as they were."""
        write_atomic(self.cache / KINDS, (json.dumps(self._known, sort_keys=True) + "\n").encode("utf-8"))
        keys = set(plan.keys.values())
        for path in (self.cache / "digests").glob("*.*"):
            if path.name.split(".")[0] not in keys:
                path.unlink(missing_ok=True)


def _wanted(plan: _Plan, paths: list[Path]) -> set[Path]:
    """`paths` and the documents their pointers name, and those theirs name."""
    by_name = plan.by_name
    wanted, todo = set(paths), list(paths)
    while todo:
        for name in plan.points[todo.pop()]:
            target = by_name.get(name.decode("utf-8", "replace"))
            if target is not None and target not in wanted:
                wanted.add(target)
                todo.append(target)
    return wanted


_WORKER: HtmlRenderer | None = None
_READ: dict[Path, Document] = {}  # the registries and catalogues a worker has read


def _start(params: dict[str, str]) -> None:
    global _WORKER
    _WORKER = HtmlRenderer(params)
    _READ.clear()  # a cluster's worker lives on from one build to the next


def _pages(job: tuple[list[Path], list[Path], list[Path], Path]) -> dict[Path, tuple[bytes, ...]]:
    """In a worker: write the pages of `chunk`, with the documents they point to and the registries and
    catalogues as the edition; what the cache keeps of each."""
    chunk, pointed, context, out_dir = job
    renderer = _WORKER
    assert renderer is not None
    _READ.update((d.path, d) for d in renderer.load([p for p in context if p not in _READ]))
    docs = renderer.load([*chunk, *pointed])
    renderer.set_edition([*docs, *(_READ[p] for p in context)])
    return renderer.make(docs[: len(chunk)], out_dir)


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _digests(*parts: bytes) -> list[bytes]:
    return [hashlib.sha256(part).digest() for part in parts]


def _combined(*digests: bytes) -> str:
    """The hash of parts given by their hashes (SHA-256 of each, one after the other)."""
    h = hashlib.sha256()
    for d in digests:
        h.update(d)
    return h.hexdigest()


def _hash(*parts: bytes) -> str:
    return _combined(*_digests(*parts))
