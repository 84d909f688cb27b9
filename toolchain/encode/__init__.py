"""The one TEI encoder: a reader's `model.Document` to the bytes of its TEI.

header   teiHeader from Meta: fileDesc, encodingDesc (the declarations that apply), profileDesc
body     text and body from the model's blocks, made and written a block at a time
inline   text + stand-off spans -> mixed TEI content
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Document
from ..tei import DECLARATION, building, el, end_tag, part, start_tag
from . import body
from .header import header


def parts(doc: Document) -> Iterator[bytes]:
    """The canonical bytes of a document's TEI (what `tei.serialise` makes of its whole tree), in parts made as
    they are asked for: the header, then the text a block at a time, so that the tree of a long transcript is
    never all in memory. Joined, they are the file."""
    root = el("TEI", xml_lang=doc.meta.lang)
    with building(root):  # every element in the root's document: appending it moves nothing
        yield DECLARATION + start_tag(root)
        root.append(header(doc.meta))
        yield b"\n  " + part(root[0], 1)
        yield from body.parts(root, doc.text)
    yield b"\n" + end_tag(root) + b"\n"
