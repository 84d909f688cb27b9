"""The edition's catalogue and its documents: each record of the catalogue (a listing read by the `listing`
reader) is linked to the TEI of its document when the edition has it.

A record and a document match when their dates agree (the same day, or one date the month or year of the
other: `1964-10` agrees with `1964-10-14`) and their titles are the same words: case, accents, quotation
marks, dashes, punctuation and spacing aside, a number word before a number (`No. 61`, `Nr. 61`, `№ 61`)
read as the number, and a few words more or less (similarity of the word sequences at least
`TITLE_SIMILARITY`) as long as the numbers in the two titles are the same.

A linked record gets `status="edited"` and a `ptr type="edition"` to the document's file; any other record
`status="unedited"`. Linking again replaces what an earlier linking wrote.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic
from ..tei import NS, el, lay_out, parse, serialise, write_atomic
from .registry import NAME as REGISTRY

TITLE_SIMILARITY = 0.85
NUMBER_WORDS = frozenset(["no", "nos", "nr", "number", "num", "n"])
EDITED = "edited"
UNEDITED = "unedited"


def title_words(title: str) -> list[str]:
    """The words of a title as matching sees them."""
    text = unicodedata.normalize("NFKC", title).casefold()  # NFKC reads № as No
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    tokens = re.findall(r"[^\W_]+", text)
    following = [*tokens[1:], ""]
    return [t for t, nxt in zip(tokens, following, strict=True) if not (t in NUMBER_WORDS and nxt[:1].isdigit())]


def dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    x, y = a.split("-"), b.split("-")
    n = min(len(x), len(y))
    return x[:n] == y[:n]


def title_similarity(a: list[str], b: list[str]) -> float:
    """1.0 for the same words; 0.0 when the numbers differ; else how alike the word sequences are."""
    if a == b:
        return 1.0
    if sorted(t for t in a if t.isdigit()) != sorted(t for t in b if t.isdigit()):
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass(frozen=True)
class Edited:
    name: str
    title: str
    words: tuple[str, ...]
    when: str | None


def _document(name: str, tree: etree._ElementTree) -> Edited | None:
    titles = tree.xpath("/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS)
    if not titles:
        return None
    main = [t for t in titles if t.get("type") == "main"] or titles
    title = " ".join("".join(main[0].itertext()).split())
    when = tree.xpath("string(/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when)", namespaces=NS)
    return Edited(name, title, tuple(title_words(title)), when or None)


def link_catalogue(catalogue: etree._ElementTree, documents: Mapping[str, etree._ElementTree]) -> list[Diagnostic]:
    """Link each record of `catalogue` to the document of `documents` (file name -> TEI) it describes.

    Changes `catalogue` in place; returns an info diagnostic for each link made and a warning for each
    record that matches several documents equally well (left unlinked).
    """
    path = catalogue.docinfo.URL or "catalogue"
    edited = [d for name, tree in sorted(documents.items()) if (d := _document(name, tree)) is not None]
    out: list[Diagnostic] = []
    records = catalogue.xpath("//tei:listBibl[@type='catalogue']//tei:bibl", namespaces=NS)
    for bibl in records:
        for old in bibl.xpath("tei:ptr[@type='edition']", namespaces=NS):
            _remove(old)
        line = bibl.sourceline or 0
        title = " ".join(bibl.xpath("string(tei:title)", namespaces=NS).split())
        when = bibl.xpath("string(tei:date/@when)", namespaces=NS) or None
        words = title_words(title)
        scored = sorted(
            ((title_similarity(words, list(d.words)), d) for d in edited if dates_agree(when, d.when)),
            key=lambda pair: -pair[0],
        )
        best = [d for score, d in scored if score >= TITLE_SIMILARITY and score == scored[0][0]] if scored else []
        label = f"record {bibl.get('n', '?')} '{title}'"
        if len(best) == 1:
            document = best[0]
            bibl.set("status", EDITED)
            bibl.append(el("ptr", type="edition", target=document.name))
            how = "" if scored[0][0] == 1.0 else f" (title '{document.title}')"
            out.append(Diagnostic("info", "catalogue-link", path, line, 0, f"{label} links to {document.name}{how}"))
        else:
            bibl.set("status", UNEDITED)
            if len(best) > 1:
                names = ", ".join(d.name for d in best)
                out.append(
                    Diagnostic(
                        "warning", "catalogue-ambiguous", path, line, 0, f"{label} matches {names} alike; not linked"
                    )
                )
        lay_out(bibl)
    return out


def _remove(node: etree._Element) -> None:
    parent = node.getparent()
    previous = node.getprevious()
    if previous is not None:
        previous.tail = node.tail
    else:
        parent.text = node.tail
    parent.remove(node)


def is_catalogue(tree: etree._ElementTree) -> bool:
    return bool(tree.xpath("/tei:TEI/tei:text[@type='catalogue']", namespaces=NS))


def is_catalogue_file(path: Path) -> bool:
    """`is_catalogue` of a TEI file, read up to its `text` only (the header before it), not the whole of a
    long transcript's file."""
    found = etree.XMLPullParser(
        events=("start",), tag=f"{{{NS['tei']}}}text", resolve_entities=False, no_network=True, load_dtd=False
    )
    with path.open("rb") as file:
        while chunk := file.read(1 << 16):
            found.feed(chunk)
            for _, node in found.read_events():  # the first text: the document's, under its root
                parent = node.getparent()
                return parent is not None and parent.getparent() is None and node.get("type") == "catalogue"
    return False


def edition_documents(folder: Path) -> dict[str, etree._ElementTree]:
    """The edition's documents in `folder` (its `*.xml` TEI files that are not catalogues), by file name."""
    out = {}
    for path in sorted(folder.glob("*.xml")):
        if path.name == REGISTRY or path.name.endswith(".converted.xml"):  # a conversion beside a hand edit
            continue
        tree = parse(path)
        if not is_catalogue(tree):
            out[path.name] = tree
    return out


def link_file(catalogue: Path, folder: Path) -> list[Diagnostic]:
    """Link the catalogue file to the documents of `folder` (its own folder, typically) and rewrite it."""
    tree = parse(catalogue)
    diagnostics = link_catalogue(tree, edition_documents(folder))
    write_atomic(catalogue, serialise(tree.getroot()))
    return diagnostics
