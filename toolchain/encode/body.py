"""The text of a document, from its model: each kind of block written once."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .. import model as m
from ..tei import NS, append, el, end_tag, lay_out, part, start_tag, sub
from .inline import content


def parts(root: etree._Element, t: m.Text) -> Iterator[bytes]:
    """The `text` of `root` with its `body`, serialised (`tei.part`) as it is made, block by block: each
    division and turn as its start tag, its blocks and its end tag; every other block made whole, written and
    taken out of the tree before the next is made."""
    node = sub(root, "text", xml_lang=t.lang, type=t.type)
    body = sub(node, "body")
    yield _PADS[1] + start_tag(node)
    if t.blocks:
        yield _PADS[2] + start_tag(body)
        for block in t.blocks:
            yield from _parts(body, block, 3)
        yield _PADS[2] + end_tag(body)
    else:
        yield _PADS[2] + part(body, 2)
    yield _PADS[1] + end_tag(node)


class _Pads(dict[int, bytes]):
    """The line break and indentation before an element `level` deep."""

    def __missing__(self, level: int) -> bytes:
        self[level] = pad = ("\n" + "  " * level).encode()
        return pad


_PADS = _Pads()


def _parts(parent: etree._Element, block: m.Block, level: int) -> Iterator[bytes]:
    if isinstance(block, m.Stream):  # its blocks in its place, each made as it is asked for
        for inner in block.blocks:
            yield from _parts(parent, inner, level)
        return
    if not _streamed(block):  # made whole: a paragraph, a page break (with its footers), an argument
        made = len(parent)
        _append(parent, block)
        for child in list(parent)[made:]:
            yield _PADS[level] + part(child, level)
        return
    node = _opened(parent, block)
    assert node is not None
    yield _PADS[level] + start_tag(node)
    for child in list(node):  # a turn's speaker
        yield _PADS[level + 1] + part(child, level + 1)
    for inner in block.blocks:
        yield from _parts(node, inner, level + 1)
    yield _PADS[level] + end_tag(node)
    parent.remove(node)


def _streamed(block: m.Block) -> bool:
    """Whether a block is written as its start tag, its blocks and its end tag: a turn, and a division that
    holds blocks (both laid out a child a line, `tei.STRUCTURAL`); an argument's paragraphs are not."""
    return isinstance(block, m.Turn) or (isinstance(block, m.Div) and bool(block.blocks))


def _opened(parent: etree._Element, block: m.Block) -> etree._Element | None:
    """The element of a block that holds other blocks, made in `parent` without them (a turn's with its
    speaker); None for any other block."""
    if isinstance(block, m.Turn):
        return sub(parent, "sp", el("speaker", block.speaker), who=block.who, rend=block.rend)
    if isinstance(block, m.Argument):
        return sub(parent, "argument")
    if isinstance(block, m.Div):
        return sub(parent, "div", type=block.type, n=block.n, xml_lang=block.lang)
    return None


def _append(parent: etree._Element, block: m.Block) -> None:
    node = _opened(parent, block)
    if isinstance(block, m.Stream):
        for inner in block.blocks:
            _append(parent, inner)
    elif node is not None:
        for inner in block.blocks:
            _append(node, inner)
    elif isinstance(block, m.PageBreak):
        parent.append(el("pb", n=block.n))
        for footer in block.footers:
            parent.append(el("fw", footer, type="footer"))
    elif isinstance(block, m.Catalogue):
        records = catalogue(block)
        parent.append(records)
        for bibl in records.iterfind("tei:bibl", NS):
            lay_out(bibl)  # in the tree: records are laid out by their depth
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
