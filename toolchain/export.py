"""TEI back to a plain-text transcript: the editorial signs the readers removed come back
(brackets around supplied, deleted and glossing words, omissions, remarks and [sic]; note markers;
notes at the end; speaker labels and the quotation marks recorded in @rend)."""

from __future__ import annotations

import re

from lxml import etree

from .readers.conventions import Conventions
from .tei import NS, local

BRACKETED = {"supplied", "del", "gloss"}
BLOCKS = {"head", "p", "closer", "ab", "l", "item", "speaker", "stage", "fw", "label", "bibl", "dateline", "gap"}
_REND = re.compile(r"(pre|post)\((.*?)\)")


class _Text:
    def __init__(self) -> None:
        self.notes: list[tuple[str, str]] = []

    def inline(self, node: etree._Element) -> str:
        out = [node.text or ""] if isinstance(node.tag, str) else []
        for child in node:
            out.append(self.element(child))
            out.append(child.tail or "")
        return "".join(out)

    def element(self, node: etree._Element) -> str:
        name = local(node)
        if not name:
            return ""
        if name == "note" and node.get("place") == "foot":
            n = node.get("n", str(len(self.notes) + 1))
            label = node.find("tei:label", NS)
            body = self._note_body(node)
            self.notes.append((n, ((label.text or "") + " " if label is not None else "") + body))
            return n if node.get("rend") == "glued" else f"[{n}]"  # "Friday2" as the transcript wrote it
        if name == "note":  # an inline editorial note
            return f"[{self.inline(node)}]"
        if name == "ptr" and node.get("type") == "noteref":
            return f"[{node.get('target', '').removeprefix('#note-')}]"
        if name == "label" and local(node.getparent()) == "note":
            return ""
        if name in BRACKETED:
            return f"[{self.inline(node)}]"
        if name == "gap":
            desc = node.find("tei:desc", NS)
            return f"[{self.inline(desc)}]" if desc is not None else ""
        if name == "sic":
            return f"{self.inline(node)} [sic]"
        if name == "unclear" and node.get("reason") == "uncertain":
            return f"[{self.inline(node)}?]"
        if name == "stage":  # a remark in brackets; a parenthesis or a time keeps its own signs
            inner = self.inline(node)
            return inner if inner.startswith("(") else f"[{inner}]"
        if name == "choice":  # the transcript's form, not the normalised one
            orig = node.find("tei:orig", NS)
            return self.inline(orig) if orig is not None else ""
        if name == "fw":
            return f"\n\n{self.inline(node)}\n\n"
        if name == "pb":  # where a page begins, as a transcript marks it
            return f"[Page {node.get('n')}]" if node.get("n") else ""
        return self.inline(node)

    def _note_body(self, note: etree._Element) -> str:
        paragraphs = note.findall("tei:p", NS)
        if paragraphs:
            return "\n\n".join(self.inline(p).strip() for p in paragraphs)
        return self.inline(note).strip()


def _labels(conventions: Conventions) -> dict[str, str]:
    labels: dict[str, str] = {}
    for label, role in conventions.common.header_fields.items():
        labels.setdefault(role, label)
    return labels


def to_text(tree: etree._ElementTree, conventions: Conventions) -> str:
    root = tree.getroot()
    labels = _labels(conventions)
    writer = _Text()
    paras: list[str] = []

    def first(path: str) -> etree._Element | None:
        found = root.xpath(path, namespaces=NS)
        return found[0] if found else None

    for idno in root.xpath(
        "tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier/tei:idno[@type='archive']", namespaces=NS
    ):
        paras.append(writer.inline(idno))
    date = first("tei:teiHeader/tei:profileDesc/tei:creation/tei:date")
    if date is not None and (date.text or "").strip() and not _dated_in_text(root, date.text.strip()):
        paras.append(writer.inline(date))  # the page's date line
    title = first("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title")
    if title is not None and not root.xpath("tei:text/tei:body/tei:div[not(@type='notes')]/tei:head", namespaces=NS):
        paras.append(f"**{writer.inline(title)}**")
    for note in root.xpath("tei:teiHeader/tei:fileDesc/tei:notesStmt/tei:note[@type='preamble']", namespaces=NS):
        paras.append(writer.inline(note))

    # a heading and dateline that open the text come before the header fields, as in a transcript
    opening = []
    for node in root.xpath("tei:text/tei:body/tei:div[1]/*", namespaces=NS):
        if local(node) not in ("head", "opener"):
            break
        opening.append(node)
    for node in opening:
        paras.append(writer.inline(node))

    def field(role: str, nodes: list[etree._Element]) -> None:
        nodes = [n for n in nodes if "".join(n.itertext()).strip()]
        if nodes:
            paras.append(labels.get(role, role.replace("_", " ").title()) + ":")
            paras.extend(writer.inline(n) for n in nodes)

    header = "tei:teiHeader/"
    cited = "tei:fileDesc/tei:sourceDesc/tei:bibl[@type='citation'][not(@corresp)]"  # else the text holds it
    field("citation", root.xpath(header + cited, namespaces=NS))
    field("summary", root.xpath(header + "tei:profileDesc/tei:abstract/tei:p", namespaces=NS))
    field("credits", root.xpath(header + "tei:fileDesc/tei:notesStmt/tei:note[@type='credits']", namespaces=NS))
    field(
        "original_language",
        root.xpath(header + "tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents/tei:textLang", namespaces=NS),
    )
    for role in ("contents", "author", "keywords", "source"):
        field(role, root.xpath(header + f"tei:fileDesc/tei:notesStmt/tei:note[@type='{role}']", namespaces=NS))

    for body in root.xpath("tei:text//tei:body", namespaces=NS):
        _blocks(body, writer, paras, skip=set(opening))
    for n, text in writer.notes:
        paras.append(f"[{n}] {text}")
    for source in root.xpath(
        header + "tei:fileDesc/tei:sourceDesc/tei:bibl[@type='source'][not(@corresp)]", namespaces=NS
    ):
        paras.append(f"[{writer.inline(source)}]")
    return "\n\n".join(p.strip() for p in paras if p.strip()) + "\n"


def _dated_in_text(root: etree._Element, date: str) -> bool:
    """Whether the date of the document is that of a dateline of its text (`Washington, June 4, 1962`, one of
    its first paragraphs), which the export writes where it stands, not again above the title."""
    for block in root.xpath("tei:text/tei:body/tei:div[1]/*[position() <= 4]", namespaces=NS):
        written = " ".join("".join(block.itertext()).split())
        if written.endswith(date) and len(written.split()) <= 8:
            return True
    return False


def _blocks(node: etree._Element, writer: _Text, paras: list[str], skip: set | None = None) -> None:
    for child in node:
        name = local(child)
        if skip and child in skip:
            continue
        if name == "sp":
            _turn(child, writer, paras)
        elif name in BLOCKS or name == "pb" or (name == "note" and child.get("place") is None):
            made = writer.element(child) if name in ("gap", "stage", "pb") else writer.inline(child)
            paras.append(_quoted(child, made))
        elif name == "note":  # a numbered note no marker points to, kept after the text: among the notes
            writer.element(child)
        elif name:
            _blocks(child, writer, paras, skip)


def _quoted(node: etree._Element, text: str) -> str:
    """The quotation marks that @rend records (pre(“) post(”)) put back around `text`."""
    marks = dict((k, v) for k, v in _REND.findall(node.get("rend") or ""))
    return marks.get("pre", "") + text + marks.get("post", "")


def _turn(sp: etree._Element, writer: _Text, paras: list[str]) -> None:
    """A turn: its label before the words of its first paragraph, as the transcript writes it."""
    label = ""
    for child in sp:
        name = local(child)
        if name == "speaker":
            label = _quoted(sp, writer.inline(child))
            continue
        text = _quoted(child, writer.element(child) if name in ("gap", "stage", "pb") else writer.inline(child))
        paras.append(f"{label} {text}" if label else text)
        label = ""
    if label:
        paras.append(label)
