"""What every renderer shares: TEI files read safely, the edition set as the stylesheets' parameters, a
fixed lifecycle; and, for the books (`Book`: the PDF, the EPUB), the volumes a long edition is made in.

A renderer is a small declarative class (name, output suffix, entry stylesheet) with one method,
`render(sources, out_dir)`: read the TEI files (each parsed once, safely), set the edition-wide
parameters, write the pages, copy the assets. Readers never write HTML; renderers never read transcripts.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..tei import parse as parse_tei
from ..tei import write_atomic
from . import xslt
from .xslt import RenderError

ED = "urn:edition:functions"


@dataclass
class Document:
    path: Path
    uri: str  # its base URI
    node: object  # the Saxon document node
    kind: str  # 'document' | 'catalogue' | 'persons'
    stem: str  # its page: stem + out_suffix


@dataclass
class Result:
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # what the reader of the output should know
    keys: dict[str, str] = field(default_factory=dict)  # page file -> what it was made from (see Renderer.made)
    unchanged: int = 0  # pages whose key was that of the page as it stands: not made again


def expand(paths: list[Path] | tuple[Path, ...]) -> list[Path]:
    """TEI files given, folders searched for *.xml."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.glob("*.xml")) if p.is_dir() else [p])
    if not out:
        raise RenderError("no TEI files given (folders are searched for *.xml)")
    return out


def source_epoch(sources: list[Path]) -> int:
    """The time a build states as its own (Unix seconds): SOURCE_DATE_EPOCH when set, else the time the
    newest of `sources` was changed. The same sources give the same output, whenever it is built."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            return int(value)
        except ValueError:
            raise RenderError(f"SOURCE_DATE_EPOCH is not a number of seconds: {value!r}") from None
    return max((int(p.stat().st_mtime) for p in sources), default=0)


class _Settable:
    """The parameters a renderer's stylesheet lets the command line set (ed:cli on its xsl:param), read
    from the stylesheet the first time they are asked for, on the class or an instance."""

    def __get__(self, obj: object, owner: type[Renderer]) -> frozenset[str]:
        return xslt.settable_params(xslt.xslt_dir() / owner.stylesheet)


class Renderer:
    """Base of the renderers: subclasses set `name`, `out_suffix`, `stylesheet` and write their pages."""

    name: str = ""
    out_suffix: str = ""
    stylesheet: str = ""  # relative to xslt/
    settable = _Settable()  # parameters the command line may set
    dated = True  # the output states the date of its sources (the book, the EPUB)

    def __init__(self, params: dict[str, str] | None = None, dated_by: list[Path] | None = None) -> None:
        """`params`: stylesheet parameters as given on the command line. `dated_by`: the files whose
        newest time dates the output when SOURCE_DATE_EPOCH is unset (default: the TEI files rendered;
        `build` gives the transcripts, as it writes the TEI anew each time)."""
        self.path = xslt.xslt_dir() / self.stylesheet
        self.dated_by = dated_by
        # the compiled stylesheet is shared by the process; each renderer sets its parameters on its own
        # copy, and keeps the values it sets alive as long as the copy (Saxon holds them by reference)
        self.executable = xslt.compiled(self.path).clone()
        self._alive: list[object] = []  # what else the executable's values hold (the edition's documents)
        self._set: dict[str, object] = {}  # the value of each parameter set: a value set anew lets the last go
        self.given = dict(params or {})  # as given: what a worker process is given to set the same parameters
        self.params = xslt.convert_params(self.path, self.given, set(self.settable))
        # the pages as last written, page file -> key: a page whose key is the same and whose file is
        # there is not made again (the caller gives them only when the toolchain and parameters are too)
        self.made: dict[str, str] = {}

    # --- lifecycle -------------------------------------------------------------------

    def read(self, path: Path) -> Document:
        """One TEI file, parsed once (no entities, no network); its kind and page not yet known."""
        try:
            tree = parse_tei(path)
        except (OSError, etree.XMLSyntaxError) as exc:
            raise RenderError(f"{path}: cannot read: {exc}") from exc
        data = etree.tostring(tree.getroot(), encoding="utf-8")
        uri = path.resolve().as_uri()
        try:
            node = xslt.parse(data, uri)
        except Exception as exc:
            raise RenderError(f"{path}: cannot read: {str(exc).strip()}") from exc
        return Document(path, uri, node, "", "")

    def load(self, sources: list[Path]) -> list[Document]:
        """Parse every TEI file once, then classify it and name its page."""
        docs = [self.read(path) for path in sources]
        self.name_files(sources)
        pages = Pages(self.out_suffix)
        for d in docs:
            self.classify(d)
            pages.add(d.path, d.kind, d.stem)
        return docs

    def name_files(self, sources: list[Path]) -> None:
        """The file names as written (a base URI is %-encoded), for the page names."""
        names = {p.resolve().as_uri(): xslt.processor().make_string_value(p.name) for p in sources}
        self.set_parameter("edition-names", xslt.processor().make_map2(names))

    def classify(self, doc: Document) -> None:
        """The kind of a document read and the name of its page (name_files first)."""
        doc.kind = self.call_function("kind", doc.node)
        doc.stem = self.call_function("page-stem", doc.node)

    def call_function(self, name: str, node) -> str:
        return self.executable.call_function_returning_string(f"{{{ED}}}{name}", [node]).strip()

    def set_edition(self, docs: list[Document]) -> None:
        seq = xslt.processor().empty_sequence()
        for d in docs:
            seq.add_xdm_item(d.node)
        by_name = {}
        for d in docs:
            by_name.setdefault(d.path.name, d.node)
        self.executable.clear_parameters()
        self._alive, self._set = [docs], {}
        self.set_parameter("edition", seq)
        self.set_parameter("edition-files", xslt.processor().make_map2(by_name))
        names = {d.uri: xslt.processor().make_string_value(d.path.name) for d in docs}
        self.set_parameter("edition-names", xslt.processor().make_map2(names))
        for name, kind in (("registries", "persons"), ("documents", "document")):
            part = xslt.processor().empty_sequence()
            for d in docs:
                if d.kind == kind:
                    part.add_xdm_item(d.node)
            self.set_parameter(name, part)
        for name, value in self.params.items():
            self.set_parameter(name, value)

    def set_parameter(self, name: str, value) -> None:
        self.executable.set_parameter(name, value)
        self._set[name] = value  # the value it replaces is let go once Saxon holds the new one

    def call(self, template: str, **params) -> str:
        """Run one named template (namespace of the format) with the given global parameters."""
        for name, value in params.items():
            self.executable.set_parameter(name, value)
        try:
            return self.executable.call_template_returning_string(template)
        except Exception as exc:
            raise RenderError(f"{template}: {str(exc).strip()}") from exc

    def call_text(self, template: str) -> str:
        """Run a named template that makes text (not a page): its string value, unserialised."""
        try:
            return self.executable.call_template_returning_value(template).head.string_value
        except Exception as exc:
            raise RenderError(f"{template}: {str(exc).strip()}") from exc

    def render(self, sources: list[Path], out_dir: Path) -> Result:  # pragma: no cover
        """Write the format of the edition of `sources` into `out_dir`."""
        raise NotImplementedError


class Pages:
    """The pages of the documents so far, page stem -> file: no two documents may have the same page."""

    def __init__(self, suffix: str) -> None:
        self.suffix = suffix
        self.seen: dict[str, Path] = {}

    def add(self, path: Path, kind: str, stem: str) -> None:
        if kind != "document":
            return
        if stem in self.seen:
            raise RenderError(f"{path}: its page {stem}{self.suffix} is already that of {self.seen[stem]}")
        self.seen[stem] = path


class Book(Renderer):
    """A renderer of a book, which a long edition fills in volumes (the PDF, the EPUB): subclasses set
    `book_suffix` and make a book's bytes (`book`) from the edition as set.

    The documents are read one at a time to plan the volumes (xslt/common/volumes.xsl: each document's
    record, then ed:volumes), then each volume is made with only its documents and the registries and
    catalogues loaded, the volume before let go: the memory a book takes is a volume's, not the edition's.
    The book is edition.SUFFIX, or its volumes edition-1.SUFFIX, edition-2.SUFFIX …; a book or volume of
    an earlier build that this one does not make is removed."""

    book_suffix = ""

    def render(self, sources: list[Path], out_dir: Path) -> Result:
        started = time.perf_counter()
        result = Result()
        volumes, others = self.plan(sources)
        epoch = source_epoch(self.dated_by if self.dated_by is not None else sources)
        out_dir.mkdir(parents=True, exist_ok=True)
        order = {p: i for i, p in enumerate(sources)}
        numbered = list(enumerate(volumes, start=1)) if len(volumes) > 1 else [(0, volumes[0] if volumes else [])]
        for number, paths in numbered:
            docs = self.load(sorted([*paths, *others], key=order.__getitem__))
            self.set_edition(docs)
            self.set_parameter("volume", xslt.processor().make_integer_value(number))
            self.set_parameter("volumes", xslt.processor().make_integer_value(len(numbered)))
            data = self.book(docs, epoch)
            self.set_edition([])  # the volume is let go before the next is read
            del docs
            target = out_dir / (f"edition-{number}{self.book_suffix}" if number else f"edition{self.book_suffix}")
            write_atomic(target, data)
            result.written.append(target)
        book = re.compile(rf"edition(?:-\d+)?{re.escape(self.book_suffix)}")
        for old in out_dir.glob(f"edition*{self.book_suffix}"):
            if book.fullmatch(old.name) and old not in result.written:
                old.unlink(missing_ok=True)
        result.seconds = time.perf_counter() - started
        return result

    def plan(self, sources: list[Path]) -> tuple[list[list[Path]], list[Path]]:
        """The documents of each volume, and the files every volume has (registries, catalogues), each file
        read and let go in turn."""
        self.set_edition([])  # the parameters as given, no documents
        self.name_files(sources)
        pages = Pages(self.out_suffix)
        documents: list[Path] = []
        others: list[Path] = []
        records = xslt.processor().empty_sequence()
        for path in sources:
            doc = self.read(path)
            self.classify(doc)
            pages.add(path, doc.kind, doc.stem)
            if doc.kind == "document":
                documents.append(path)
                records.add_xdm_item(xslt.processor().make_string_value(self.call_function("volume-record", doc.node)))
            else:
                others.append(path)
        self.set_parameter("volume-records", records)
        plan = json.loads(self.call_text(f"{{{ED}}}volumes"))
        return [[documents[i - 1] for i in volume] for volume in plan], others

    def book(self, docs: list[Document], epoch: int) -> bytes:  # pragma: no cover
        """The book, or the volume, of the edition as set (`docs`), dated `epoch`."""
        raise NotImplementedError
