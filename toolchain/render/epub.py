"""The EPUB 3 book: one reflowable file, OUTPUT/edition.epub, made in memory and written atomically; or,
for a long edition, its volumes, edition-1.epub, edition-2.epub … (the printed book's volumes: the
`volume-pages` parameter; base.Book plans them and loads only each volume's documents), each a book of
its own.

The stylesheet (xslt/epub/epub.xsl) imports the HTML edition's, so every element is rendered by the same
templates as on the website. The renderer asks it for the book's files in reading order (`e:pages`),
renders each content document (first pass: trees), collects every address a link may point to
(`e:anchors`), finishes each page as XHTML with that knowledge (`e:finish`: no link into nowhere), and
asks for the package document (`e:package`) with the book's identifier and date:

  - the identifier is a name-based UUID (uuid5) of what identifies the edition (`e:identity`: its title
    and the pages of its documents), never of the time it was built;
  - the date (dcterms:modified, and every time stamp of the archive) is SOURCE_DATE_EPOCH when set, else
    the time the newest source was changed.

The archive is deterministic: `mimetype` first and stored, then META-INF/container.xml, then every other
file in name order, deflated; fixed time stamps and permissions. The same sources give the same bytes.
"""

from __future__ import annotations

import io
import json
import time
import uuid
import zipfile
from typing import TYPE_CHECKING

from . import xslt
from .base import Book, Document
from .xslt import RenderError

if TYPE_CHECKING:
    from saxonche import PyXdmNode, PyXdmValue

E = "urn:edition:epub"
MIMETYPE = b"application/epub+zip"
FOLDER = "EPUB"  # the package document and the content documents, beside each other
PACKAGE = "package.opf"
# the style sheets in the book (relative to the package document) and where they come from (in xslt/)
STYLES = {"css/edition.css": "html/assets/edition.css", "css/epub.css": "epub/assets/epub.css"}
CONTAINER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n'
    "  <rootfiles>\n"
    f'    <rootfile full-path="{FOLDER}/{PACKAGE}" media-type="application/oebps-package+xml"/>\n'
    "  </rootfiles>\n"
    "</container>\n"
).encode()
# the namespace of the book identifiers (a fixed UUID, so that the same edition gets the same identifier)
IDENTIFIERS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:edition:epub")
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z, the earliest time a ZIP archive can state


class EpubRenderer(Book):
    name = "epub"
    out_suffix = ".xhtml"
    book_suffix = ".epub"
    stylesheet = "epub/epub.xsl"

    def book(self, docs: list[Document], epoch: int) -> bytes:
        """The book, or a volume (its documents the edition as set, $volume and $volumes given), as an
        archive."""
        return archive(self.files(docs, epoch), epoch)

    def files(self, docs: list[Document], epoch: int) -> dict[str, bytes]:
        """The book's files (paths inside the archive, mimetype and container aside) with their bytes, for
        the edition as set: `docs`, the whole or a volume."""
        proc = xslt.processor()
        modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
        identity = self.call_text(f"{{{E}}}identity")
        self.set_parameter("identifier", proc.make_string_value(f"urn:uuid:{uuid.uuid5(IDENTIFIERS, identity)}"))
        self.set_parameter("modified", proc.make_string_value(modified))
        styles = proc.empty_sequence()
        for name in STYLES:
            styles.add_xdm_item(proc.make_string_value(name))
        self.set_parameter("styles", styles)

        # first pass: each content document as a tree, in reading order
        by_stem = {d.stem: d for d in docs if d.kind == "document"}
        pages = {}
        for file, page, stem in json.loads(self.call_text(f"{{{E}}}pages")):
            if stem:
                self.executable.set_parameter("doc", by_stem[stem].node)
            pages[file] = self.tree(f"{{{E}}}{page}")
        # second pass: XHTML, links checked against every address of the book
        self.set_parameter("pages", proc.make_map2(pages))
        self.set_parameter("anchors", self.value(f"{{{E}}}anchors"))
        out = {}
        for file, node in pages.items():
            self.set_parameter("page", node)
            self.set_parameter("file", proc.make_string_value(file))
            out[f"{FOLDER}/{file}"] = self.call(f"{{{E}}}finish").encode("utf-8")
        out[f"{FOLDER}/{PACKAGE}"] = self.call_text(f"{{{E}}}package").encode("utf-8")
        for name, source in STYLES.items():
            out[f"{FOLDER}/{name}"] = (xslt.xslt_dir() / source).read_bytes()
        return out

    def value(self, template: str) -> PyXdmValue:
        """What a named template returns, as it is (a tree, a map), not made into a document."""
        self.executable.set_result_as_raw_value(True)
        try:
            return self.executable.call_template_returning_value(template)
        except Exception as exc:
            raise RenderError(f"{template}: {str(exc).strip()}") from exc
        finally:
            self.executable.set_result_as_raw_value(False)

    def tree(self, template: str) -> PyXdmNode:
        """A page of the first pass: the document node a named template returns."""
        node = self.value(template).head.get_node_value()
        self._alive.append(node)
        return node


def archive(files: dict[str, bytes], epoch: int) -> bytes:
    """The EPUB container: `mimetype` first and stored, META-INF/container.xml, then `files` in name order,
    deflated; every entry dated `epoch` (UTC; not before 1980) with the permissions of a plain file."""
    stamp = time.gmtime(max(epoch, ZIP_EPOCH))[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:

        def add(name: str, data: bytes, method: int) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = 0o100644 << 16
            z.writestr(info, data, compress_type=method, compresslevel=9 if method == zipfile.ZIP_DEFLATED else None)

        add("mimetype", MIMETYPE, zipfile.ZIP_STORED)
        add("META-INF/container.xml", CONTAINER, zipfile.ZIP_DEFLATED)
        for name in sorted(files):
            add(name, files[name], zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
