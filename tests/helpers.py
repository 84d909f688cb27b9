"""Small helpers for tests: converting text, facts of a TEI tree, word sequences."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from lxml import etree

from toolchain.convert import convert_text
from toolchain.errors import Diagnostic
from toolchain.readers.conventions import DEFAULT, Conventions
from toolchain.tei import NS, parse

WORD = re.compile(r"\w+", re.UNICODE)


def convert(
    text: str | bytes, name: str = "case.txt", conventions: Conventions = DEFAULT, format: str | None = None
) -> tuple[bytes, list[Diagnostic]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return convert_text(data, Path(name), conventions, format=format)


def words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFC", text))


def xpath(tree: etree._ElementTree | etree._Element, expr: str) -> list:
    return tree.xpath(expr, namespaces=NS)


def text_of(node: etree._Element) -> str:
    return " ".join("".join(node.itertext()).split())


def facts(tei: bytes) -> dict:
    """What a case's `expect` section speaks of, read off the TEI."""
    tree = parse(tei)
    t = "tei:text"
    persons = {}
    for p in xpath(tree, "//tei:particDesc//tei:person"):
        forms = [text_of(n) for n in xpath(p, "tei:persName")]
        persons[p.get("{http://www.w3.org/XML/1998/namespace}id")] = forms
    hands = {
        "#" + h.get("{http://www.w3.org/XML/1998/namespace}id"): h.get("scribeRef", "").lstrip("#")
        for h in xpath(tree, "//tei:handNote")
    }
    closer = xpath(tree, f"//{t}//tei:closer")
    return {
        "title": text_of(xpath(tree, "//tei:titleStmt/tei:title")[0]),
        "date": (xpath(tree, "//tei:profileDesc/tei:creation/tei:date/@when") or [None])[0],
        "lang": (xpath(tree, f"/tei:TEI/{t}/@xml:lang") or [None])[0],
        "original_lang": (xpath(tree, "//tei:msContents/tei:textLang/@mainLang") or [None])[0],
        "persons": persons,
        "roles": {
            p.get("{http://www.w3.org/XML/1998/namespace}id"): p.get("role")
            for p in xpath(tree, "//tei:particDesc//tei:person")
        },
        "mentions": _count(xpath(tree, f"//{t}//tei:persName/@ref")),
        "deletions": [{"text": text_of(d), "hand": hands.get(d.get("hand"))} for d in xpath(tree, f"//{t}//tei:del")],
        "supplied": [text_of(s) for s in xpath(tree, f"//{t}//tei:supplied")],
        "glosses": [
            [text_of(xpath(tree, f"//tei:term[@xml:id='{g.get('target')[1:]}']")[0]), text_of(g)]
            for g in xpath(tree, f"//{t}//tei:gloss")
        ],
        "notes": [{"n": n.get("n"), "type": n.get("type")} for n in xpath(tree, f"//{t}//tei:note[@n]")],
        "said": [
            {"who": s.get("who").lstrip("#"), "direct": s.get("direct") == "true"}
            for s in xpath(tree, f"//{t}//tei:said[not(@prev)]")
        ],
        "closer": (
            {
                "by": (xpath(closer[0], "tei:signed/tei:persName/@ref") or ["#"])[0].lstrip("#") or None,
                "date": (xpath(closer[0], ".//tei:date/@when") or [None])[0],
            }
            if closer
            else None
        ),
    }


def _count(refs: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in refs:
        out[r.lstrip("#")] = out.get(r.lstrip("#"), 0) + 1
    return out


def check_case_output(path: Path, regen: bool, format: str | None = None) -> None:
    """A case file's TEI equals its reviewed `output` section (rewritten with --regen)."""
    from conftest import load_case

    case = load_case(path)
    tei, _ = convert(case.input, path.stem + ".txt", format=format)
    if regen:
        case.write_output(tei.decode())
        return
    assert case.output is not None, f"{path.name} has no output section yet: run pytest --regen and review it"
    assert tei.decode() == case.output, f"{path.name}: TEI differs from the reviewed output (pytest --regen)"


def earlier_books(folder: Path, suffix: str, data: bytes) -> Path:
    """A folder as an earlier build left it: the book (edition.SUFFIX), a volume (edition-9.SUFFIX), and a
    file of someone else's (edition-notes.SUFFIX) that a build must leave alone."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("edition", "edition-9", "edition-notes"):
        (folder / f"{name}{suffix}").write_bytes(data)
    return folder


def search_index(site: Path) -> tuple[dict, list[list[str]], dict[str, dict[str, list[int]]]]:
    """The website's search index (assets/search/, made by toolchain/render/search.py): its manifest, its
    entries in order ([address, title, text, language]), and each bucket's words with their entries (the
    gaps summed)."""
    import json

    def args(path: Path) -> list:
        text = path.read_text(encoding="utf-8")
        return json.loads("[" + text[text.index("(") + 1 : text.rindex(")")] + "]")

    folder = site / "assets" / "search"
    manifest = args(folder / "manifest.js")[0]
    entries = [
        e for k in range(-(-manifest["entries"] // manifest["shard"])) for e in args(folder / f"entries-{k}.js")[1]
    ]
    words = {}
    for name in manifest["buckets"]:
        found = args(folder / f"words-{name}.js")[1]
        words[name] = {w: [sum(gaps[: i + 1]) for i in range(len(gaps))] for w, gaps in found.items()}
    return manifest, entries, words
