"""TEI namespaces, element builders, safe parsing, canonical serialisation, atomic writes and stable ids."""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from pathlib import Path
from typing import BinaryIO

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {None: TEI_NS}
NS = {"tei": TEI_NS, "xml": XML_NS}
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

# Elements whose content model holds only elements: they are indented on output. Every other
# element may hold mixed content, whose whitespace is text and is never touched.
STRUCTURAL = frozenset(
    [
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "respStmt",
        "publicationStmt",
        "sourceDesc",
        "msDesc",
        "msIdentifier",
        "physDesc",
        "handDesc",
        "notesStmt",
        "encodingDesc",
        "editorialDecl",
        "profileDesc",
        "creation",
        "abstract",
        "langUsage",
        "particDesc",
        "listPerson",
        "person",
        "text",
        "body",
        "back",
        "front",
        "div",
        "listBibl",
        "msContents",
        "sp",
        "group",
        "availability",
        "correction",
        "normalization",
        "interpretation",
        "punctuation",
        "segmentation",
        "hyphenation",
        "quotation",
        "editionStmt",
    ]
)


def tei(tag: str) -> str:
    """Clark name of a TEI element."""
    return f"{{{TEI_NS}}}{tag}"


def local(element: etree._Element) -> str:
    tag = element.tag
    return _local_name(tag) if isinstance(tag, str) else ""


@cache
def _local_name(tag: str) -> str:
    """The local name of a Clark name, as `etree.QName(tag).localname`."""
    return tag.rpartition("}")[2]


@cache
def _attribute(key: str) -> str:
    """The attribute a keyword of `el` names: `xml_id`/`xml_lang` are xml:*, `type_` is `type`."""
    return {"xml_id": XML_ID, "xml_lang": XML_LANG}.get(key) or key.rstrip("_").replace("__", ":")


# The document the elements `el` makes belong to while one is built (`building`): an element appended
# within its own document is linked in place, while one from another document has its whole subtree
# walked to be moved over, at every level of the tree (a body of 100,000 paragraphs walked six times).
_building: list[etree._Element] = []


@contextmanager
def building(root: etree._Element) -> Iterator[etree._Element]:
    """Make the elements `el` builds inside this block in `root`'s document."""
    _building.append(root)
    try:
        yield root
    finally:
        _building.pop()


def el(tag: str, *children: object, **attrs: str | None) -> etree._Element:
    """Build a TEI element: strings become text, elements children; `xml_id`/`xml_lang` map to xml:*."""
    name = _CLARK.get(tag) or _CLARK.setdefault(tag, tei(tag))
    attrib = _attributes(attrs) if attrs else None
    if tag == "TEI":
        node = etree.Element(name, attrib, nsmap=NSMAP)
    else:
        node = _building[-1].makeelement(name, attrib) if _building else etree.Element(name, attrib)
    if children:
        _extend(node, children, None)
    return node


def _attributes(attrs: dict[str, str | None]) -> dict[str, str]:
    """The attributes `el` and `sub` are given, by their names, those not None, in order."""
    return {_attribute(key): value for key, value in attrs.items() if value is not None}


# The Clark names of the TEI elements `el` has made.
_CLARK: dict[str, str] = {}


def append(node: etree._Element, *children: object) -> etree._Element:
    """Append text and elements to `node`, keeping mixed content in order."""
    _extend(node, children, _last_child(node))
    return node


def _extend(node: etree._Element, children: tuple[object, ...], last: etree._Element | None) -> etree._Element | None:
    """Append `children` to `node`, whose last child is `last`; returns its last child then."""
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if last is not None:
                last.tail = (last.tail or "") + child
            else:
                node.text = (node.text or "") + child
        elif isinstance(child, (list, tuple)):
            last = _extend(node, tuple(child), last)
        else:
            node.append(child)
            last = child
    return last


def _last_child(node: etree._Element) -> etree._Element | None:
    """The last child of `node` (lxml counts all the children for `len`; it finds the last at once)."""
    try:
        return node[-1]
    except IndexError:
        return None


def sub(parent: etree._Element, tag: str, *children: object, **attrs: str | None) -> etree._Element:
    """`el` made as the last child of `parent` (at once in its place: lxml makes it faster so)."""
    name = _CLARK.get(tag) or _CLARK.setdefault(tag, tei(tag))
    node = etree.SubElement(parent, name, _attributes(attrs)) if attrs else etree.SubElement(parent, name)
    if children:
        _extend(node, children, None)
    return node


# --- parsing -------------------------------------------------------------------------


def safe_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads DTDs or touches the network."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


_PARSER = safe_parser()


def parse(source: Path | bytes) -> etree._ElementTree:
    if isinstance(source, (bytes, bytearray)):
        return etree.ElementTree(etree.fromstring(bytes(source), _PARSER))
    return etree.parse(str(source), _PARSER)


# --- serialising ---------------------------------------------------------------------


def indent(node: etree._Element, level: int = 0) -> None:
    """Indent element-only content by two spaces a level; mixed content stays as it is."""
    tag = node.tag
    if not isinstance(tag, str) or _local_name(tag) not in STRUCTURAL or not len(node):
        return
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in node:
        indent(child, level + 1)
        child.tail = pad
    node[-1].tail = "\n" + "  " * level


DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def serialise(root: etree._Element) -> bytes:
    """Canonical bytes: NFC text, structural indentation, UTF-8 with declaration, final newline."""
    indent(root)
    return DECLARATION + _nfc_bytes(root) + b"\n"


def _nfc_bytes(node: etree._Element) -> bytes:
    """`node` serialised, every text of it in NFC."""
    data = etree.tostring(node, encoding="UTF-8", xml_declaration=False, with_tail=False)
    if not _all_nfc(data):
        _normalise_texts(node)
        data = etree.tostring(node, encoding="UTF-8", xml_declaration=False, with_tail=False)
    return data


# How a part serialised on its own declares the TEI namespace, which the whole declares once, on its root.
_DECLARED = f' xmlns="{TEI_NS}"'.encode()


def part(node: etree._Element, level: int) -> bytes:
    """An element of a tree and all in it, as `serialise` writes it inside the whole tree, where it stands
    `level` deep; then taken out of the tree, its memory let go. With `start_tag` and `end_tag` for the
    elements around it, a document is written in parts that join to the bytes of the whole (`encode.parts`)."""
    indent(node, level)
    data = _nfc_bytes(node)
    node.getparent().remove(node)
    return _undeclared(data)


def start_tag(node: etree._Element) -> bytes:
    """The start tag of an element that holds nothing yet, as the whole tree's serialisation has it."""
    data = etree.tostring(node, encoding="UTF-8", xml_declaration=False, with_tail=False)
    data = data[: data.index(b">") + 1]  # an attribute's '>' is escaped: the first ends the tag
    tag = data.removesuffix(b"/>") + b">" if data.endswith(b"/>") else data
    return tag if node.getparent() is None else _undeclared(tag)


def opening(root: etree._Element) -> bytes:
    """The head of a document as `serialise` writes the whole: the declaration, the root's start tag and its
    first child (the header, then taken out of the tree, `part`)."""
    return DECLARATION + start_tag(root) + b"\n  " + part(root[0], 1)


def end_tag(node: etree._Element) -> bytes:
    return f"</{_local_name(node.tag)}>".encode()


def _undeclared(data: bytes) -> bytes:
    """A part without the namespace declaration its first tag has when serialised on its own (written first)."""
    end = data.index(b">")
    return data[:end].replace(_DECLARED, b"", 1) + data[end:]


def _all_nfc(serialised: bytes) -> bool:
    """Whether every text of a serialised tree is in NFC, told from the whole at once: a text is a piece of it
    (and a piece of a normalised string is normalised), save where an escape stands for a character: only
    `<`, `=` and `>` compose with what follows (U+0338 makes `<` a `≮`), so that mark sends it to the
    texts one by one."""
    if serialised.isascii():
        return True
    text = serialised.decode("utf-8")
    return "\u0338" not in text and unicodedata.is_normalized("NFC", text)


def _normalise_texts(root: etree._Element) -> None:
    for node in root.iter():  # a text is set again only where normalising changes it
        text, tail = node.text, node.tail
        if text and not unicodedata.is_normalized("NFC", text):
            node.text = unicodedata.normalize("NFC", text)
        if tail and not unicodedata.is_normalized("NFC", tail):
            node.tail = unicodedata.normalize("NFC", tail)


def lay_out(node: etree._Element) -> None:
    """Lay out an element of mixed content one child a line (a catalogue record: date, title, summary; a
    summary of paragraphs one paragraph a line): the serialiser leaves mixed content as it is."""
    depth = sum(1 for _ in node.iterancestors())
    pad = "\n" + "  " * (depth + 1)
    node.text = pad
    for child in node:
        child.tail = pad
        if local(child) == "note" and len(child) and all(local(c) == "p" for c in child):
            lay_out(child)
    node[-1].tail = "\n" + "  " * depth


# --- writing -------------------------------------------------------------------------


TEMPORARY = ".edition-*.tmp"  # the names of write_atomic's temporary files
_serial = itertools.count()


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files a write that was killed (kill -9, a power cut) left in `folder`."""
    for tmp in folder.glob(TEMPORARY) if folder.is_dir() else ():
        tmp.unlink(missing_ok=True)


def _temporary(folder: Path) -> tuple[int, Path]:
    """A new file of this process in `folder`, with a short name of its own (the file's name may already be
    as long as names can be), made as an ordinary new file is (the umask applies)."""
    while True:
        tmp = folder / f".edition-{os.getpid()}-{next(_serial)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:  # left by a killed process of the same id
            continue


def write_atomic(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write via a temporary file in the same folder: a reader never sees a half-written file. A file that
    already holds these bytes is left alone (a rebuild that changes nothing changes no file's time). `data`
    may be given in parts, written one after the other (a large file is never joined in memory): a list, or
    what gives them again each time it is iterated (each part then made only as it is needed), compared with
    the file before anything is written; or an iterator, whose parts are made once, written and compared with
    the file as they come."""
    if isinstance(data, Iterator):
        _replace(path, data, compare=True)
        return
    parts = [data] if isinstance(data, bytes) else data
    try:
        if path.stat().st_size == sum(map(len, parts)) and _holds(path, parts):
            return
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    _replace(path, parts, compare=False)


def _replace(path: Path, parts: Iterable[bytes], *, compare: bool) -> None:
    """Write `parts` to a temporary file that then takes the place of `path`; with `compare`, unless `path`
    turns out to hold just these bytes (then it is left as it is)."""
    old = _old(path) if compare else None
    with old or nullcontext():
        fd, tmp = _temporary(path.parent)
        try:
            try:
                same = old is not None
                for part in _joined(parts):
                    _write_all(fd, part)
                    same = same and old.read(len(part)) == part  # type: ignore[union-attr]
                same = same and old.read(1) == b""  # type: ignore[union-attr]
            finally:
                os.close(fd)
            if same:
                tmp.unlink()
            else:
                os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


def _old(path: Path) -> BinaryIO | None:
    """The file a write replaces, open to compare with, or None (its folder made when it is missing)."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return None


# Parts are written this many bytes or more at a time (a document's parts are many and small).
WRITE_SIZE = 1 << 20


def _joined(parts: Iterable[bytes]) -> Iterator[bytes]:
    """`parts` joined into runs of `WRITE_SIZE` bytes or more, the last one shorter."""
    run: list[bytes] = []
    size = 0
    for part in parts:
        run.append(part)
        size += len(part)
        if size >= WRITE_SIZE:
            yield b"".join(run)
            run, size = [], 0
    if run:
        yield b"".join(run)


def _write_all(fd: int, data: bytes) -> None:
    """All of `data` to the file `fd`, unbuffered: a document is written in one call (no file object made)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _holds(path: Path, parts: Iterable[bytes]) -> bool:
    """Whether the file holds `parts`, one after the other."""
    with path.open("rb") as handle:
        return all(handle.read(len(part)) == part for part in parts)


# --- ids -----------------------------------------------------------------------------

_CYRILLIC = dict(
    zip(  # noqa: B905 (both sides have 33 entries)
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        [
            "a",
            "b",
            "v",
            "g",
            "d",
            "e",
            "e",
            "zh",
            "z",
            "i",
            "i",
            "k",
            "l",
            "m",
            "n",
            "o",
            "p",
            "r",
            "s",
            "t",
            "u",
            "f",
            "kh",
            "ts",
            "ch",
            "sh",
            "shch",
            "-",
            "y",
            "-",
            "e",
            "yu",
            "ya",
        ],
    )
)

_CYRILLIC.update({"і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u"})  # Ukrainian and Belarusian letters

_UNDECOMPOSED = {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"}


def slug(text: str) -> str:
    """ASCII slug for ids: transliterates Cyrillic, folds accents, keeps [a-z0-9-]."""
    out = []
    for ch in text.lower():
        if ch in _UNDECOMPOSED:
            out.append(_UNDECOMPOSED[ch])
        elif ch in _CYRILLIC:
            out.append(_CYRILLIC[ch].strip("-"))
        else:
            out.append(ch)
    folded = unicodedata.normalize("NFKD", "".join(out)).encode("ascii", "ignore").decode()
    folded = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if not folded and any(ch.isalpha() for ch in text):  # a script without a transliteration here: "李明"
        return "x-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return folded or "x"


class Ids:
    """The xml:ids given in a document, a set that only grows: `unique_id` remembers the last number it gave a
    base and starts there the next time (a paragraph repeated 10,000 times costs 10,000 tests, not fifty
    million). Each id is kept as a number of 64 bits (a hash of it: two ids alike in them are one in 10^8 in
    the longest text, and the second is numbered as a copy), the most in a sorted array: a long text's
    paragraph ids are not kept as strings."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self.numbered: dict[str, int] = {}
        self._recent: set[int] = set()
        self._sorted = array("Q")
        self.update(ids)

    @staticmethod
    def _key(id_: str) -> int:
        return int.from_bytes(hashlib.blake2b(id_.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")

    def __contains__(self, id_: object) -> bool:
        if not isinstance(id_, str):
            return False
        key = self._key(id_)
        if key in self._recent:
            return True
        at = bisect_left(self._sorted, key)
        return at < len(self._sorted) and self._sorted[at] == key

    def add(self, id_: str) -> None:
        self._recent.add(self._key(id_))
        if len(self._recent) >= _RECENT:
            self._sorted = array("Q", sorted(itertools.chain(self._sorted, self._recent)))
            self._recent = set()

    def update(self, ids: Iterable[str]) -> None:
        for id_ in ids:
            self.add(id_)


# The ids added last, kept in a set until there are this many (then merged into the sorted array).
_RECENT = 2**16


def unique_id(base: str, taken: Container[str], mark: str = "") -> str:
    """`base` when it is free; else `base` + `mark` (`-resp`), then numbered (`-2`, `-3`…). Not added to `taken`."""
    if base not in taken:
        return base
    if mark and base + mark not in taken:
        return base + mark
    numbered = taken.numbered if isinstance(taken, Ids) else None
    stem = base + mark
    n = numbered.get(stem, 2) if numbered is not None else 2
    while f"{stem}-{n}" in taken:
        n += 1
    if numbered is not None:
        numbered[stem] = n
    return f"{stem}-{n}"


def content_id(prefix: str, text: str, taken: set[str] | Ids) -> str:
    """An id derived from content: stable when other content is added elsewhere; added to `taken`."""
    digest = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:7]
    candidate = unique_id(f"{prefix}-{digest}", taken)
    taken.add(candidate)
    return candidate
