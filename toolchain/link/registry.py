"""The edition's persons registry: one TEI file (`persons.xml` beside the documents) with every person
of every document, under stable ids.

A reader writes a self-contained document (its persons in `particDesc`, pointers `#id`). Linking a
document to the registry matches each of its persons to a registry entry (by a spelling-neutral key of
the surname, across scripts and case endings, and compatible initials) or adds a new one; merges the
name forms, roles and dates the document gives; and rewrites the document's pointers to the registry
(`persons.xml#khrushchev`). The document keeps, in `particDesc`, a `person` per person it names with
its role there and `@sameAs` pointing to the registry.

Ids, once given, never change. What an editor adds to an entry by hand (an `idno type="wikidata"`, a
note, a better main name) is kept when the edition is rebuilt.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from ..errors import Diagnostic, EditionError
from ..readers.conventions import DEFAULT, Conventions
from ..source.names import initials_compatible, key, stems
from ..source.scripts import is_cyrillic
from ..tei import NS, XML_ID, XML_LANG, el, opening, parse, serialise, slug, sub, unique_id

NAME = "persons.xml"
POINTER_ATTRIBUTES = ("who", "ref", "scribeRef", "resp", "sameAs", "corresp")
# A start tag that may point to a person, serialised (attribute values escape '<' and '>'), and each pointer
# attribute of it.
_POINTING = re.compile(rb"<[^<>!?/][^<>]*#[^<>]*>")
_POINTER = re.compile(rb"(\s(?:" + b"|".join(a.encode() for a in POINTER_ATTRIBUTES) + rb')=")([^"]*)"')


def pointed(value: str, mapping: dict[str, str]) -> str | None:
    """A pointer attribute's value with each `#id` that `mapping` links pointing to the registry; None when
    it points to none of them."""
    tokens = value.split()
    if not any(t[1:] in mapping for t in tokens if t.startswith("#")):
        return None
    return " ".join(f"{NAME}#{mapping[t[1:]]}" if t.startswith("#") and t[1:] in mapping else t for t in tokens)


# A converted document's header ends at the first `</teiHeader>` (a text's '<' is escaped); the root is
# closed after it to read it alone.
_HEADER_END = b"</teiHeader>"


def header_of(file: IO[bytes]) -> tuple[etree._ElementTree, bytes]:
    """The tree of a TEI file's header alone (under its root), and the bytes read after it."""
    data = b""
    while True:
        chunk = file.read(1 << 16)
        data += chunk
        end = data.find(_HEADER_END)
        if end >= 0:
            end += len(_HEADER_END)
            return parse(data[:end] + b"</TEI>"), data[end:]
        if not chunk:
            raise EditionError("a converted document has no teiHeader")


def repoint(root: etree._Element, mapping: dict[str, str]) -> None:
    """Point every pointer attribute in `root` that names a person `mapping` links to the registry."""
    for node in root.iter():
        for attr in POINTER_ATTRIBUTES:
            value = node.get(attr)
            if value and (pointing := pointed(value, mapping)) is not None:
                node.set(attr, pointing)


def relinked(parts: Iterable[bytes], mapping: dict[str, str]) -> Iterator[bytes]:
    """The serialised text of a document (what follows its header), given in parts, with its pointers to
    the persons `mapping` names rewritten as `link` rewrites them in the tree: the pointer attributes of each
    tag (a text's `<` and `>` are escaped). A tag cut between two parts waits for the rest."""
    held = b""
    for data in parts:
        data = held + data
        start = data.rfind(b"<")
        cut = start if start >= 0 and data.find(b">", start) < 0 else len(data)
        held = data[cut:]
        yield _POINTING.sub(lambda m: _repointed(m, mapping), data[:cut])
    yield held


def _repointed(tag: re.Match[bytes], mapping: dict[str, str]) -> bytes:
    def attribute(m: re.Match[bytes]) -> bytes:
        value = pointed(m.group(2).decode(), mapping)
        return m.group(0) if value is None else m.group(1) + value.encode() + b'"'

    return _POINTER.sub(attribute, tag.group(0))


GENERATED = {"persName", "birth", "death"}  # what linking writes; every other child is the editor's


def _text(node: etree._Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _initials(forename: str) -> str:
    """Initials of a forename field ("N. S.", "Nikita Sergeyevich", "Н.С.") as ASCII capitals."""
    return "".join(slug(t)[:1].upper() for t in re.findall(r"\w+", forename))


class Registry:
    def __init__(self, tree: etree._ElementTree | None = None, conventions: Conventions = DEFAULT) -> None:
        self.conventions = conventions
        self.tree = tree if tree is not None else self._empty()
        self.list = self.tree.find(".//tei:listPerson", NS)
        self.entries: dict[str, etree._Element] = {p.get(XML_ID): p for p in self.list.findall("tei:person", NS)}
        self._keys: dict[str, set[str]] = {}  # entry -> the keys of its surnames
        self._by_key: dict[str, dict[str, None]] = {}  # key -> the entries with it
        self._entered: dict[str, int] = {}  # entry -> its place in the order entered
        self._initials: dict[str, str] = {}  # entry -> the initials of its forename (_entry_initials)
        for pid, person in self.entries.items():
            self._index(pid, person)

    @classmethod
    def load(cls, path: Path, conventions: Conventions = DEFAULT) -> Registry:
        return cls(parse(path) if path.is_file() else None, conventions)

    @staticmethod
    def _empty() -> etree._ElementTree:
        root = el(
            "TEI",
            el(
                "teiHeader",
                el(
                    "fileDesc",
                    el("titleStmt", el("title", "Persons of the edition")),
                    el("publicationStmt", el("p", "Part of the edition; compiled from its documents.")),
                    el(
                        "sourceDesc",
                        el(
                            "p",
                            "Compiled by the toolchain from the persons of every document; entries added or "
                            "completed by hand (authority ids, notes) are kept when the edition is rebuilt.",
                        ),
                    ),
                ),
            ),
            el("text", el("body", el("listPerson"))),
            xml_lang="en",
        )
        return etree.ElementTree(root)

    def _index(self, pid: str, person: etree._Element) -> None:
        if pid not in self._keys:
            self._entered[pid] = len(self._entered)
        keys = self._keys.setdefault(pid, set())
        for name in person.findall("tei:persName", NS):
            surname = name.find("tei:surname", NS)
            word = _text(surname) if surname is not None else (_text(name).split() or [""])[-1]
            keys.update(key(s) for s in stems(word) if len(s) >= 3)
        for k in keys:
            self._by_key.setdefault(k, {})[pid] = None

    def _hits(self, surname: str) -> list[str]:
        """The entries whose surname has a key of `surname`'s (looked up, not scanned: an edition of a
        thousand documents asked every entry for every name)."""
        found: dict[str, None] = {}
        for k in {key(s) for s in stems(surname) if len(s) >= 3}:
            found.update(self._by_key.get(k, {}))
        return sorted(found, key=self._entered.__getitem__) if len(found) > 1 else list(found)

    def _entry_initials(self, pid: str) -> str:
        """The initials of an entry's forename, worked out once (again when the entry is merged into)."""
        found = self._initials.get(pid)
        if found is None:
            forename = self.entries[pid].find("tei:persName/tei:forename", NS)
            found = self._initials[pid] = _initials(_text(forename)) if forename is not None else ""
        return found

    # --- matching ----------------------------------------------------------------

    def find(self, surname: str, initials: str) -> str | None:
        hits = self._hits(surname)
        fitting = [pid for pid in hits if initials_compatible(self._entry_initials(pid), initials)]
        if len(fitting) > 1 and initials:
            exact = [pid for pid in fitting if self._entry_initials(pid) == initials]
            fitting = exact or fitting
        return fitting[0] if len(fitting) == 1 else None

    def _new_id(self, surname: str, initials: str) -> str:
        base = slug(surname)
        return unique_id(base if base not in self.entries else f"{base}-{initials.lower() or 'x'}", self.entries)

    def _name(self, person: etree._Element) -> tuple[str, str]:
        """(surname, initials) of a document's person."""
        main = person.find("tei:persName", NS)
        surname_el = main.find("tei:surname", NS) if main is not None else None
        surname = _text(surname_el) if surname_el is not None else (_text(main).split() or ["x"])[-1]
        initials = _initials(_text(main.find("tei:forename", NS))) if main is not None else ""
        return surname, initials

    def ambiguous(self, person: etree._Element) -> list[str]:
        """The entries a person named by the surname alone may be, when there are several."""
        surname, initials = self._name(person)
        if initials:
            return []
        hits = sorted(self._hits(surname))
        return hits if len(hits) > 1 else []

    def enter_named(self, doc: etree._ElementTree) -> None:
        """Enter (or complete) the persons `doc` names with given names or initials, without linking it."""
        root = doc.getroot()
        lang = root.get(XML_LANG) or "en"
        for person in root.findall(".//tei:particDesc/tei:listPerson/tei:person", NS):
            if person.get(XML_ID) and not person.get("sameAs") and self._name(person)[1]:
                self.add_or_merge(person, lang)

    def add_or_merge(self, person: etree._Element, lang: str) -> str:
        """The registry id for a document's person, adding or completing the entry."""
        main = person.find("tei:persName", NS)
        surname, initials = self._name(person)
        pid = self.find(surname, initials)
        if pid is None:
            pid = self._new_id(surname, initials)
            entry = sub(self.list, "person", xml_id=pid)
            entry.append(_copy(main))
            self.entries[pid] = entry
        entry = self.entries[pid]
        self._merge(entry, person)
        self._initials.pop(pid, None)  # its main name may be another now
        self._index(pid, entry)
        return pid

    def _merge(self, entry: etree._Element, person: etree._Element) -> None:
        role = person.get("role")
        if role:
            roles = sorted(set((entry.get("role") or "").split()) | {role})
            entry.set("role", " ".join(roles))
        main = entry.find("tei:persName", NS)
        forms = {_text(n) for n in entry.findall("tei:persName", NS)}
        new_main = person.find("tei:persName", NS)
        if main is not None and new_main is not None:
            fuller = _fullness(new_main) > _fullness(main)
            if fuller and main.get("type") is None and not main.get("resp"):
                entry.replace(main, _copy(new_main))
                forms.discard(_text(main))
                self._add_variant(entry, _text(main), forms)
        for name in person.findall("tei:persName", NS)[1:]:
            self._add_variant(entry, _text(name), forms)
        for event in ("birth", "death"):
            found = person.find(f"tei:{event}", NS)
            if found is not None and entry.find(f"tei:{event}", NS) is None:
                entry.append(_copy(found))

    @staticmethod
    def _add_variant(entry: etree._Element, form: str, forms: set[str]) -> None:
        if form and form not in forms:
            forms.add(form)
            variant = el("persName", form, type="variant", xml_lang="ru" if is_cyrillic(form) else None)
            entry.append(variant)

    # --- linking -----------------------------------------------------------------

    def linked(self, file: IO[bytes], where: str = "") -> tuple[Iterator[bytes], list[Diagnostic]]:
        """A converted document's TEI (read from `file`) with its persons pointing to the registry (new ones
        added), as parts, and what linking said: its header linked as a tree (`link_header`), then its text
        with the pointers rewritten as it is read (`relinked`): a long transcript's tree is never made."""
        tree, after = header_of(file)
        said, mapping = self.link_header(tree, where)
        root = tree.getroot()
        repoint(root, mapping)
        rest = itertools.chain((after,), iter(lambda: file.read(1 << 20), b""))
        return itertools.chain((opening(root),), relinked(rest, mapping)), said

    def link_header(self, doc: etree._ElementTree, where: str = "") -> tuple[list[Diagnostic], dict[str, str]]:
        """Point the persons of `doc`'s header to the registry (adding new ones), in place; returns what it
        said and the registry id of each person's id in the document (for `repoint`). A person named by the
        surname alone whom several entries fit stays the document's own, and the report says so (at its line
        in `where`, the document's file)."""
        root = doc.getroot()
        lang = root.get(XML_LANG) or "en"
        mapping: dict[str, str] = {}
        said: list[Diagnostic] = []
        for person in root.findall(".//tei:particDesc/tei:listPerson/tei:person", NS):
            local = person.get(XML_ID)
            if not local or person.get("sameAs"):
                continue
            several = self.ambiguous(person)
            if several:
                name = _text(person.find("tei:persName", NS))
                message = (
                    f"'{name}' may be any of {', '.join(several)} in the registry; kept in the document, not linked"
                )
                said.append(Diagnostic("warning", "person-ambiguous", where, person.sourceline or 1, 0, message))
                continue
            mapping[local] = self.add_or_merge(person, lang)
            role = person.get("role")
            person.clear()
            person.set("sameAs", f"{NAME}#{mapping[local]}")
            if role:
                person.set("role", role)
        for resp in root.findall("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt", NS):
            name = resp.find("tei:persName", NS)
            if name is None or not name.get(XML_ID):
                continue
            local = name.get(XML_ID)
            role = _resp_role(_text(resp.find("tei:resp", NS)))
            stand_in = el("person", el("persName", *_name_parts(_text(name).split())), role=role)
            mapping[local] = self.add_or_merge(stand_in, lang)
            del name.attrib[XML_ID]
            name.set("ref", f"{NAME}#{mapping[local]}")
        return said, mapping

    def serialise(self) -> bytes:
        """The registry's TEI, its persons in the order of their ids and the names of each in their order
        (sorted once, here, not at every document linked); the languages of its name forms are declared
        in its header."""
        _order_list(self.list)
        for entry in self.list.findall("tei:person", NS):
            _order(entry)
        header = self.tree.find("tei:teiHeader", NS)
        old = header.find("tei:profileDesc", NS)
        if old is not None:
            header.remove(old)
        langs = sorted({self.tree.getroot().get(XML_LANG) or "en"} | set(self.tree.xpath("//@xml:lang")))
        common = self.conventions.common
        header.append(
            el("profileDesc", el("langUsage", *[el("language", common.language_name(c), ident=c) for c in langs]))
        )
        return serialise(self.tree.getroot())


def _copy(node: etree._Element) -> etree._Element:
    out = etree.fromstring(etree.tostring(node))
    out.tail = None
    for attr in ("type",):
        out.attrib.pop(attr, None)
    return out


def _fullness(name: etree._Element) -> tuple[int, int]:
    """How much of a name is written out: given names in full, then any forename at all."""
    forenames = [_text(f) for f in name.findall("tei:forename", NS)]
    return sum(not f.endswith(".") for f in forenames), len(forenames)


def _name_parts(words: list[str]) -> list[object]:
    if len(words) == 1:
        return [el("surname", words[0])]
    return [el("forename", " ".join(words[:-1])), " ", el("surname", words[-1])]


def _resp_role(phrase: str) -> str:
    low = phrase.lower()
    if "translat" in low:
        return "translator"
    if "edit" in low:
        return "editor"
    return "contributor"


def _order(entry: etree._Element) -> None:
    """persName main first, variants sorted, then birth/death, then the editor's additions as they were."""
    names = entry.findall("tei:persName", NS)
    main, variants = names[0], sorted(names[1:], key=lambda n: (n.get(XML_LANG) or "", _text(n)))
    events = [e for tag in ("birth", "death") for e in entry.findall(f"tei:{tag}", NS)]
    others = [c for c in entry if etree.QName(c).localname not in GENERATED]
    for child in list(entry):
        entry.remove(child)
    for child in [main, *variants, *events, *others]:
        child.tail = None
        entry.append(child)


def _order_list(listing: etree._Element) -> None:
    persons = sorted(listing.findall("tei:person", NS), key=lambda p: p.get(XML_ID))
    for p in persons:
        listing.remove(p)
    for p in persons:
        listing.append(p)
