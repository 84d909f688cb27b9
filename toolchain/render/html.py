"""The HTML edition: one page per document, home (catalogue), persons, about, search.

Pages link to each other by relative addresses and load nothing from outside, so the folder opens
from file:// and can be copied anywhere. Assets (CSS, JavaScript, the search index) go to assets/.

A document's page is made from the document, the registries and catalogues, the pages' names and the
documents its pointers name. The pages of the edition are made from what each document gives them, its
digests (xslt/html/pages.xsl: `h:head-digest`, its header and the facts of its text, for home and about;
`h:people-digest` and `h:mention-html`, its own persons and its items of the persons page; `h:search-page`,
its part of the search index). Given a `cache` folder, the renderer keeps them there for every document,
with each file's kind and page name; a rebuild then reads again only the documents whose page is made
again (and those they point to), and makes a page of the edition again only when a digest it is made from
changed.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import workers
from ..state import POINTED
from ..tei import write_atomic
from . import xslt
from .base import Document, Renderer, Result
from .xslt import RenderError

H = "urn:edition:html"
ASSETS = ("edition.css", "edition.js", "search.js")
INDEX = "assets/search-index.js"
# what the cache keeps of each document, by the key of its page: its digests and its part of the search index
DIGEST = ("head-digest", "people-digest", "mention-html", "search-page")
HEAD, PEOPLE, MENTIONS, SEARCH = range(4)
SUFFIX = (".head.xml", ".people.xml", ".mentions.json", ".search.json")
# the pages of the edition, and the digests each is made from
EDITION_PAGES = (
    ("index", "home", HEAD),
    ("persons", "persons", PEOPLE),
    ("about", "about", HEAD),
    ("search", "search", HEAD),
)
# a list of the persons page the renderer fills (h:persons)
_LIST = re.compile(r'<ul class="ed-mentions" data-ed-items="([^"]*)"></ul>')
BATCH = 100  # documents read at a time, with a cache
PER_WORKER = 25  # documents to make at least, for each worker process started (one costs about 1 s)
KINDS = "kinds.json"  # in the cache: file name -> [hash of its bytes, kind, page stem]


@dataclass
class _Plan:
    """The files of the edition as this run finds them."""

    data: dict[Path, bytes]  # the files' bytes, while planning (then let go: their hashes are in keys and edition)
    points: dict[Path, list[bytes]] = field(default_factory=dict)  # file -> the files its pointers name (POINTED)
    kind: dict[Path, str] = field(default_factory=dict)
    stem: dict[Path, str] = field(default_factory=dict)
    keys: dict[Path, str] = field(default_factory=dict)  # document -> the key of its page
    loaded: dict[Path, Document] = field(default_factory=dict)  # read in full
    stale: list[Path] = field(default_factory=list)  # documents whose page is made again
    kept: dict[Path, tuple[bytes, ...]] = field(default_factory=dict)  # document -> what the cache keeps (DIGEST)
    edition: bytes = b""  # the hash of what every page depends on: names, kinds, registries, catalogues

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
        """What the cache keeps of a document (DIGEST), in UTF-8: its digests as XML text (h:head-digest,
        h:people-digest), its items of the persons page and its part of the search index as JSON."""
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
            made = self._in_workers(plan, out_dir, max(1, jobs))
        else:  # with a cache, a batch at a time: what is kept of a document is all the rest needs of it
            made = {}
            step = BATCH if self.cache is not None else max(1, len(plan.stale))
            for i in range(0, len(plan.stale), step):
                made.update(self.make(self._read(plan, plan.stale[i : i + step]), out_dir))
                if self.cache is not None:
                    plan.forget()
        for p in plan.keys:
            name = plan.stem[p] + self.out_suffix
            result.keys[name] = plan.keys[p]
            result.written.append(out_dir / name)
            if p not in made:  # as it stands, and what the cache keeps of it (plan.kept)
                result.unchanged += 1
                continue
            plan.kept[p] = made[p]
            for suffix, text in zip(SUFFIX, plan.kept[p], strict=True) if self.cache is not None else ():
                write_atomic(self.cache / "digests" / f"{plan.keys[p]}{suffix}", text)
        if (jobs > 1 or remote) and self.cache is None:  # the edition's pages are made from the documents
            self._read(plan, list(plan.keys))

        documents = list(plan.keys)
        keys: list[str | None] = [None] * len(DIGEST)
        if self.cache is not None:  # the edition's pages are made from digests, keyed by what they are made from
            keys = [
                _hash(name.encode(), plan.edition, *(plan.kept[p][i] for p in documents))
                for i, name in enumerate(DIGEST)
            ]
            keys[PEOPLE] = _hash(keys[PEOPLE].encode(), keys[MENTIONS].encode())
        items: dict[str, bytes] = {}
        for part in (HEAD, PEOPLE):
            pages = [(name, template) for name, template, of in EDITION_PAGES if of == part]
            if any(not self._fresh(out_dir, f"{name}.html", keys[part]) for name, _ in pages):
                if self.cache is not None:
                    self._from_digests(plan, part)
                if part == PEOPLE:
                    items = self._items(plan)
            for name, template in pages:
                put(f"{name}.html", keys[part], lambda t=template: self._edition_page(t, items))
        items = {}  # the persons page is written: its items are let go before the search index is made
        # and of what each document gave the edition's pages only its part of the search index is left to use
        plan.kept = {p: (b"", b"", b"", kept[SEARCH]) for p, kept in plan.kept.items()}
        if self.cache is not None:
            self._keep(plan)
        # the search index: the part of each document (h:search-page), then of the edition's own pages
        put(
            INDEX,
            keys[SEARCH],
            lambda: _joined(
                b'window.EDITION_INDEX = {"pages":[',
                [*(plan.kept[p][SEARCH] for p in documents), self.call_text(f"{{{H}}}search-own").encode("utf-8")],
                b"]};\n",
            ),
        )
        assets = xslt.xslt_dir() / "html" / "assets"
        for name in ASSETS:
            target = out_dir / "assets" / name
            write_atomic(target, (assets / name).read_bytes())  # never a truncated copy; unchanged: untouched
            result.written.append(target)
        result.seconds = time.perf_counter() - started
        return result

    def _plan(self, sources: list[Path], out_dir: Path) -> _Plan:
        """Which files are read, which pages made again; the edition set for the document pages."""
        plan = _Plan({p: p.read_bytes() for p in sources})
        sha = {p: hashlib.sha256(b).hexdigest() for p, b in plan.data.items()}
        known = self._kinds()

        def remembered(p: Path) -> bool:  # a document as it was: its kind and page name are known
            entry = known.get(p.name)
            return isinstance(entry, list) and len(entry) == 3 and entry[0] == sha[p] and entry[1] == "document"

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
        pages: dict[str, Path] = {}
        for p in sources:
            if plan.kind[p] == "document":
                if plan.stem[p] in pages:
                    raise RenderError(
                        f"{p}: its page {plan.stem[p]}{self.out_suffix} is already that of {pages[plan.stem[p]]}"
                    )
                pages[plan.stem[p]] = p
        plan.edition = _hash(
            *(
                f"{p.name}\0{plan.stem[p]}\0{plan.kind[p]}\n".encode()
                + (plan.data[p] if plan.kind[p] != "document" else b"")
                for p in sorted(sources, key=lambda p: p.name)
            )
        ).encode()
        for p in pages.values():
            key = plan.keys[p] = _hash(plan.edition, p.name.encode(), plan.data[p])  # two files of one text: two pages
            name = plan.stem[p] + self.out_suffix
            kept = self._cached(key) if self._fresh(out_dir, name, key) else None
            if kept is None:
                plan.stale.append(p)
            else:
                plan.kept[p] = kept
        if self.cache is not None:
            self._known = {p.name: [sha[p], plan.kind[p], plan.stem[p]] for p in sources}
        plan.points = {p: POINTED.findall(data) for p, data in plan.data.items()}
        plan.data = {}
        return plan

    def _fresh(self, out_dir: Path, name: str, key: str | None) -> bool:
        """The page as it stands is made from what it would be made from now."""
        return key is not None and self.made.get(name) == key and (out_dir / name).is_file()

    def _read(self, plan: _Plan, paths: list[Path]) -> list[Document]:
        """Read in full the documents of `paths` and those their pointers name, and set them as the edition
        with the registries and catalogues; their Documents, in order."""
        wanted = _wanted(plan, paths)
        plan.loaded.update(
            (d.path, d) for d in self.load([p for p in plan.points if p in wanted and p not in plan.loaded])
        )
        self.set_edition([d for p, d in plan.loaded.items() if p in wanted or plan.kind[p] != "document"])
        return [plan.loaded[p] for p in paths]

    def _from_digests(self, plan: _Plan, part: int) -> None:
        """The edition for its own pages: the registries and catalogues, and a digest of each document
        (HEAD); for the persons page (PEOPLE) the digests of the documents that have persons of their own."""
        standing = []
        for p in plan.keys:
            text = plan.kept[p][part]
            if part == PEOPLE and b"teiHeader" not in text:
                continue
            uri = p.resolve().as_uri()
            standing.append(Document(p, uri, xslt.parse(text, uri), "document", plan.stem[p]))
        self.set_edition([*standing, *(d for p, d in plan.loaded.items() if plan.kind[p] != "document")])

    def _items(self, plan: _Plan) -> dict[str, bytes]:
        """The items of the persons page (h:mention-html) of every document, joined by person, in the order
        of the documents, in UTF-8; the page is told whose lists they fill (`mentioned`)."""
        by_person: dict[str, list[str]] = {}
        for p in plan.keys:
            for anchor, item in json.loads(plan.kept[p][MENTIONS]):
                by_person.setdefault(anchor, []).append(item)
        true = xslt.processor().make_boolean_value(True)
        self.set_parameter("mentioned", xslt.processor().make_map2(dict.fromkeys(by_person, true)))
        return {anchor: "".join(items).encode("utf-8") for anchor, items in by_person.items()}

    def _edition_page(self, template: str, items: dict[str, bytes]) -> bytes:
        """A page of the edition; of the persons page, each list of places filled with the documents' items
        (`items`, HTML as the page's, in UTF-8), the page put together as bytes."""
        if template != "persons":
            return self.page(template)
        parts = _LIST.split(self.call(f"{{{H}}}persons"))  # text, anchor of a list, text, ...
        return b"".join(
            part.encode("utf-8") if i % 2 == 0 else b'<ul class="ed-mentions">%s</ul>' % items[html.unescape(part)]
            for i, part in enumerate(parts)
        )

    # --- worker processes ------------------------------------------------------------

    def _in_workers(self, plan: _Plan, out_dir: Path, jobs: int) -> dict[Path, tuple[bytes, ...]]:
        """Make the pages of the stale documents, and what the cache keeps of them, in `jobs` processes of
        their own (a Saxon each), a few documents at a time; each reads only those and what they point to."""
        context = [p for p in plan.points if plan.kind[p] != "document"]
        step = max(1, min(PER_WORKER, len(plan.stale) // (jobs * 4)))
        work = []
        for i in range(0, len(plan.stale), step):
            chunk = plan.stale[i : i + step]
            wanted = _wanted(plan, chunk)
            work.append((chunk, [p for p in plan.points if p in wanted and p not in chunk], context, out_dir))
        made: dict[Path, tuple[bytes, ...]] = {}
        # a Saxon is never forked
        with workers.pool(jobs, initializer=_start, initargs=(self.given,), spawn=True) as pool:
            for done in pool.map(_pages, work):
                made.update(done)
        return made

    # --- the cache -------------------------------------------------------------------

    def _kinds(self) -> dict[str, list]:
        if self.cache is None:
            return {}
        try:
            data = json.loads((self.cache / KINDS).read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _cached(self, key: str) -> tuple[bytes, ...] | None:
        if self.cache is None:
            return None
        try:
            return tuple((self.cache / "digests" / f"{key}{suffix}").read_bytes() for suffix in SUFFIX)
        except OSError:
            return None

    def _keep(self, plan: _Plan) -> None:
        """Write the kinds of the files, and remove the digests of documents no longer as they were."""
        write_atomic(self.cache / KINDS, (json.dumps(self._known, sort_keys=True) + "\n").encode("utf-8"))
        keys = set(plan.keys.values())
        for path in (self.cache / "digests").glob("*.*"):
            if path.name.split(".")[0] not in keys:
                path.unlink(missing_ok=True)


def _wanted(plan: _Plan, paths: list[Path]) -> set[Path]:
    """`paths` and the documents their pointers name, and those theirs name."""
    by_name = {p.name: p for p in plan.points}
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


def _joined(head: bytes, parts: list[bytes], tail: bytes) -> list[bytes]:
    """head, the parts a comma apart, tail: as the parts of a file (`write_atomic`), never joined in memory."""
    pieces = [head]
    for i, part in enumerate(parts):
        pieces += (b",", part) if i else (part,)
    pieces.append(tail)
    return pieces


def _hash(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()
