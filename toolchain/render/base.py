"""What every renderer shares: the edition loaded once, and a fixed lifecycle.

A renderer is a small declarative class (name, output suffix, entry stylesheet) with one method,
`render(sources, out_dir)`: load the edition (every TEI file, parsed once, safely), set the edition-wide
parameters, write the pages, copy the assets. Readers never write HTML; renderers never read transcripts.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..tei import parse as parse_tei
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
        self._alive: list[object] = []
        self.given = dict(params or {})  # as given: what a worker process is given to set the same parameters
        self.params = xslt.convert_params(self.path, self.given, set(self.settable))
        # the pages as last written, page file -> key: a page whose key is the same and whose file is
        # there is not made again (the caller gives them only when the toolchain and parameters are too)
        self.made: dict[str, str] = {}

    # --- lifecycle -------------------------------------------------------------------

    def load(self, sources: list[Path]) -> list[Document]:
        """Parse every TEI file once (no entities, no network), then classify it and name its page."""
        docs = []
        for path in sources:
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
            docs.append(Document(path, uri, node, "", ""))
        # file names as written (a base URI is %-encoded), for the page names
        names = {d.uri: xslt.processor().make_string_value(d.path.name) for d in docs}
        self.set_parameter("edition-names", xslt.processor().make_map2(names))
        stems: dict[str, Path] = {}
        for d in docs:
            d.kind = self.call_function("kind", d.node)
            d.stem = self.call_function("page-stem", d.node)
            if d.kind == "document":
                if d.stem in stems:
                    raise RenderError(
                        f"{d.path}: its page {d.stem}{self.out_suffix} is already that of {stems[d.stem]}"
                    )
                stems[d.stem] = d.path
        return docs

    def epoch(self, docs: list[Document]) -> int:
        """The date of the output (Unix seconds): see source_epoch."""
        return source_epoch(self.dated_by if self.dated_by is not None else [d.path for d in docs])

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
        self._alive = [docs]
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
        self._alive.append(value)
        self.executable.set_parameter(name, value)

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

    def render(self, sources: list[Path], out_dir: Path) -> Result:
        started = time.perf_counter()
        docs = self.load(sources)
        self.set_edition(docs)
        result = Result()
        self.write(docs, out_dir, result)
        result.seconds = time.perf_counter() - started
        return result

    def write(self, docs: list[Document], out_dir: Path, result: Result) -> None:  # pragma: no cover
        raise NotImplementedError
