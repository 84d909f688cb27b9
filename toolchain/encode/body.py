"""The text of a document, from its model: each kind of block written once."""

from __future__ import annotations

from lxml import etree

from .. import model as m
from ..tei import append, el, sub
from .inline import content


def text(t: m.Text) -> etree._Element:
    """`text` with its `body`."""
    body = el("body")
    for block in t.blocks:
        _append(body, block)
    return el("text", body, xml_lang=t.lang, type=t.type)


def _append(parent: etree._Element, block: m.Block) -> None:
    if isinstance(block, m.PageBreak):
        parent.append(el("pb"))
        for footer in block.footers:
            parent.append(el("fw", footer, type="footer"))
    elif isinstance(block, m.Turn):
        sp = sub(parent, "sp", el("speaker", block.speaker), who=block.who, rend=block.rend)
        for inner in block.blocks:
            _append(sp, inner)
    elif isinstance(block, m.Argument):
        argument = sub(parent, "argument")
        for inner in block.blocks:
            _append(argument, inner)
    elif isinstance(block, m.Div):
        div = sub(parent, "div", type=block.type, n=block.n, xml_lang=block.lang)
        for inner in block.blocks:
            _append(div, inner)
    elif isinstance(block, m.Catalogue):
        parent.append(catalogue(block))
    else:
        parent.append(element(block))


def element(block: m.Block) -> etree._Element:
    """The element of a block that holds no other blocks."""
    if isinstance(block, m.Para):
        return el(
            "p", *content(block.content), xml_id=block.id, corresp=block.corresp, rend=block.rend, xml_lang=block.lang
        )
    if isinstance(block, m.Head):
        return el(
            "head",
            *content(block.content),
            xml_id=block.id,
            corresp=block.corresp,
            type=block.type,
            xml_lang=block.lang,
        )
    if isinstance(block, m.Note):
        label = [el("label", block.label), " "] if block.label else []
        return el(
            "note", *label, *content(block.content), type=block.type, n=block.n, place=block.place, xml_id=block.id
        )
    if isinstance(block, m.ItemList):
        head = el("head", block.head) if block.head else None
        lst = el("list", head, xml_id=block.id, corresp=block.corresp, type=block.type)
        for item in block.items:
            sub(lst, "item", *content(item.content), n=item.n)
        return lst
    if isinstance(block, m.Opener):
        return el("opener", el("dateline", *content(_without_stage(block.dateline))))
    if isinstance(block, m.Closer):
        closer = el("closer")
        for k, line in enumerate(block.lines):
            if k:
                append(closer, "\n")
            append(closer, *content(line))
        return closer
    if isinstance(block, m.Stage):
        return el("stage", *content(block.content), type=block.type)
    if isinstance(block, m.Gap):
        return el("gap", el("desc", *content(block.desc)), reason=block.reason)
    raise TypeError(f"not a block: {block!r}")


def catalogue(cat: m.Catalogue) -> etree._Element:
    """listBibl of a catalogue; its records laid out one part a line (see `tei.lay_out`)."""
    out = el("listBibl", *[element(h) for h in cat.heads], type="catalogue")
    for record in cat.records:
        bibl = sub(out, "bibl", el("date", record.date, when=record.when), n=record.n, xml_id=record.id)
        if record.title is not None:
            bibl.append(el("title", record.title))
        if len(record.summary) == 1:
            bibl.append(el("note", record.summary[0], type="summary"))
        elif record.summary:
            bibl.append(el("note", [el("p", p) for p in record.summary], type="summary"))
    return out


def _without_stage(inline: m.Inline) -> m.Inline:
    """A dateline's content without stage directions (`Washington, [Laughter] May 1`), which TEI does not
    allow there: their brackets stay as written."""
    kept = [s for s in inline.spans if not (s.kind == "bracket" and s.make and _is_stage(s.make()))]
    return inline if len(kept) == len(inline.spans) else m.Inline(inline.text, kept)


def _is_stage(made: object) -> bool:
    return isinstance(made, etree._Element) and etree.QName(made).localname == "stage"
