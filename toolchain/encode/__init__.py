"""The one TEI encoder: a reader's `model.Document` to a TEI tree.

header   teiHeader from Meta: fileDesc, encodingDesc (the declarations that apply), profileDesc
body     text and body from the model's blocks
inline   text + stand-off spans -> mixed TEI content
"""

from __future__ import annotations

from lxml import etree

from ..model import Document
from ..tei import NS, building, el, lay_out
from .body import text
from .header import header


def document(doc: Document) -> etree._ElementTree:
    """The TEI of a document: its header from its meta, then its text."""
    root = el("TEI", xml_lang=doc.meta.lang)
    with building(root):  # every element in the root's document: appending it moves nothing
        root.append(header(doc.meta))
        root.append(text(doc.text))
    for bibl in root.iterfind(".//tei:listBibl[@type='catalogue']/tei:bibl", NS):
        lay_out(bibl)  # once in the tree: records are laid out by their depth
    return etree.ElementTree(root)
