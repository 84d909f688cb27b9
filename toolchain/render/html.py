"""The HTML edition: one page per document, home (catalogue), persons, about, search.

Pages link to each other by relative addresses and load nothing from outside, so the folder opens
from file:// and can be copied anywhere. Assets (CSS, JavaScript, the search index) go to assets/.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..tei import write_atomic
from . import xslt
from .base import Document, Renderer, Result

H = "urn:edition:html"
ASSETS = ("edition.css", "edition.js", "search.js")


class HtmlRenderer(Renderer):
    name = "html"
    out_suffix = ".html"
    stylesheet = "html/html.xsl"
    dated = False

    def page(self, template: str, **params) -> bytes:
        return self.call(f"{{{H}}}{template}", **params).encode("utf-8")

    def document_page(self, doc: Document) -> bytes:
        return self.page("document", doc=doc.node)

    def write(self, docs: list[Document], out_dir: Path, result: Result) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)

        def put(name: str, data: bytes) -> None:
            path = out_dir / name
            write_atomic(path, data)
            result.written.append(path)

        # a document's page is made from the document and, of the others, their pages' names and the
        # registries and catalogues its pointers may name
        edition = hashlib.sha256()
        for d in sorted(docs, key=lambda d: d.path.name):
            edition.update(f"{d.path.name}\0{d.stem}\0{d.kind}\n".encode())
            if d.kind != "document":
                edition.update(d.path.read_bytes())
        for doc in docs:
            if doc.kind != "document":
                continue
            name = doc.stem + self.out_suffix
            key = hashlib.sha256(edition.digest() + doc.path.read_bytes()).hexdigest()
            result.keys[name] = key
            if self.made.get(name) == key and (out_dir / name).is_file():
                result.unchanged += 1
                result.written.append(out_dir / name)
                continue
            put(name, self.document_page(doc))
        for name in ("index", "persons", "about", "search"):
            put(f"{name}.html", self.page(name if name != "index" else "home"))
        index = self.call_text(f"{{{H}}}search-index")
        put("assets/search-index.js", ("window.EDITION_INDEX = " + index + ";\n").encode("utf-8"))
        assets = xslt.xslt_dir() / "html" / "assets"
        for name in ASSETS:
            target = out_dir / "assets" / name
            write_atomic(target, (assets / name).read_bytes())  # never a truncated copy; unchanged: untouched
            result.written.append(target)
