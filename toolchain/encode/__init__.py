"""The one TEI encoder: a document's `Meta` (model.py) and its text to a TEI tree.

header   teiHeader from Meta: fileDesc, encodingDesc (the declarations that apply), profileDesc
decl     the editorial declarations, each once, by id
inline   text + stand-off spans -> mixed TEI content
"""

from __future__ import annotations

from lxml import etree

from ..model import Meta
from ..tei import el
from .header import header


def document(meta: Meta, text: etree._Element, *, lang: str = "en") -> etree._ElementTree:
    """The TEI of a document: its header from `meta`, then its `text` element."""
    root = el("TEI", xml_lang=lang)
    root.append(header(meta))
    root.append(text)
    return etree.ElementTree(root)
