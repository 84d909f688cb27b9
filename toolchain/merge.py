"""Carry a scholar's hand edits of a TEI file over into a new conversion of its changed transcript: a
three-way merge of the TEI as it was converted (`base`), as it was edited (`hand`) and as the changed
transcript converts now (`new`).

The document is cut into units: every element with an `xml:id` (the converter gives them to paragraphs,
headings, notes, speeches, deletions …), and every element outside those, named by its path (the header's
parts, the divisions). A unit's content is its own text and attributes, with the units within it standing
as references (`Unit`), so that a change inside a paragraph is that paragraph's, not the division's.
Whitespace counts as one blank. For each unit:
- the hand did not change it: the new conversion's (which may have changed it, or dropped it);
- the hand changed it (added, edited, removed) and the conversion did not: the hand's;
- both changed it the same way: that;
- both changed it, differently: a conflict.
A unit the hand changed that the merged document no longer contains (the conversion dropped the paragraph
it stood in) is a conflict too. With any conflict nothing is merged: the caller keeps the hand-edited file
and writes the new conversion beside it.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from .tei import XML_ID, parse, serialise

Sig = tuple


@dataclass(frozen=True)
class Unit:
    """A reference to a unit in the content of another."""

    key: str


@dataclass
class Conflict:
    key: str  # the unit: "#id" or a path such as /TEI[1]/teiHeader[1]/fileDesc[1]
    line: int  # where it stands in the hand-edited file (0 when it is not there)
    why: str


@dataclass
class Merged:
    data: bytes | None  # the merged document; None when there are conflicts
    conflicts: list[Conflict] = field(default_factory=list)
    carried: list[str] = field(default_factory=list)  # the units taken from the hand-edited file


class _Doc:
    """The units of one version: key -> element, and element -> key."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.units: dict[str, etree._Element] = {}
        self.key_of: dict[etree._Element, str] = {}
        self._walk(root, "", in_unit=False, index=1)
        self.sigs = {key: _signature(el, self.key_of, top=True) for key, el in self.units.items()}

    def _walk(self, el: etree._Element, parent: str, in_unit: bool, index: int) -> None:
        key = None
        ident = el.get(XML_ID)
        if ident is not None:
            key = f"#{ident}"
        elif not in_unit:
            key = f"{parent}/{etree.QName(el).localname}[{index}]"
        if key is not None and key not in self.units:
            self.units[key] = el
            self.key_of[el] = key
        counts: dict[str, int] = {}
        for child in el:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            counts[name] = counts.get(name, 0) + (child.get(XML_ID) is None)
            self._walk(child, key or parent, in_unit=in_unit or ident is not None, index=counts[name])


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _signature(el: etree._Element, key_of: dict, top: bool = False) -> Sig:
    """The content of a unit (top) or of an element within one: units within it as references."""
    if not top and el in key_of:
        return (Unit(key_of[el]), _norm(el.tail))
    if not isinstance(el.tag, str):  # a comment or processing instruction
        return ("#", _norm(el.text), _norm(el.tail))
    children = tuple(_signature(child, key_of) for child in el)
    return (el.tag, tuple(sorted(el.attrib.items())), _norm(el.text), children, "" if top else _norm(el.tail))


def merge(base: bytes, hand: bytes, new: bytes) -> Merged:
    b, h, n = (_Doc(parse(x).getroot()) for x in (base, hand, new))
    keys = list(dict.fromkeys([*n.units, *h.units, *b.units]))
    choice: dict[str, str] = {}
    out = Merged(None)
    for key in keys:
        sb, sh, sn = b.sigs.get(key), h.sigs.get(key), n.sigs.get(key)
        if sh in (sb, sn):
            choice[key] = "n"
        elif sn == sb:
            choice[key] = "h"
            out.carried.append(key)
        else:
            out.conflicts.append(Conflict(key, _line(h, key), "changed by hand and by the new conversion"))
    if out.conflicts:
        return out
    versions = {"h": h, "n": n}
    used: set[str] = set()

    def build(key: str) -> etree._Element | None:
        """The unit from the version chosen for it, with each unit within it built the same way."""
        doc = versions[choice.get(key, "n")]
        el = doc.units.get(key)
        if el is None:
            return None
        used.add(key)
        made = copy.deepcopy(el)
        fill(el, made, doc)
        return made

    def fill(orig: etree._Element, made: etree._Element, doc: _Doc) -> None:
        for o, m in zip(list(orig), list(made), strict=True):
            if o not in doc.key_of:
                fill(o, m, doc)
                continue
            sub = build(doc.key_of[o])
            if sub is None:  # a unit the version chosen for it no longer has: its tail stays
                _remove_keeping_tail(m)
            else:
                sub.tail = m.tail
                made.replace(m, sub)

    root_key = n.key_of[n.root]
    merged = build(root_key)
    for key in out.carried:
        if key in h.units and key not in used:
            why = "edited by hand in a part the new conversion no longer has"
            out.conflicts.append(Conflict(key, _line(h, key), why))
    if out.conflicts or merged is None:
        out.carried = []
        return out
    out.data = serialise(merged)
    return out


def _remove_keeping_tail(el: etree._Element) -> None:
    parent, tail = el.getparent(), el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _line(doc: _Doc, key: str) -> int:
    el = doc.units.get(key)
    return el.sourceline or 0 if el is not None else 0
