"""One Saxon processor per process; each stylesheet compiled once; typed parameters.

Saxon (saxonche) runs the XSLT 3.0 stylesheets in-process. `compiled(path)` compiles a stylesheet the
first time it is asked for and keeps the executable; `stylesheet_params(path)` reads the `xsl:param`
declarations (name, `as` type, default, the comment above it) of a stylesheet and the modules it
includes, so that `edition render --param NAME=VALUE` can be checked and converted.
"""

from __future__ import annotations

import functools
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import EditionError

XSL = "http://www.w3.org/1999/XSL/Transform"


def xslt_dir() -> Path:
    """xslt/ of the source tree, or the copy installed with the package as toolchain/xslt."""
    here = Path(__file__).resolve()
    source = here.parents[2] / "xslt"
    if (source / "common").is_dir():
        return source
    return here.parents[1] / "xslt"


class RenderError(EditionError):
    """A stylesheet could not be compiled or run, or a parameter is wrong."""


_lock = threading.Lock()


@functools.cache
def processor():
    """The process's one Saxon processor (starting it costs ~100 ms)."""
    from saxonche import PySaxonProcessor

    return PySaxonProcessor(license=False)


@functools.cache
def compiled(path: Path):
    """The compiled stylesheet at `path` (compiled on first use, then kept)."""
    with _lock:
        xslt = processor().new_xslt30_processor()
        try:
            return xslt.compile_stylesheet(stylesheet_file=str(path))
        except Exception as exc:  # saxonche raises PySaxonApiError, which is not importable by name everywhere
            raise RenderError(f"{path}: cannot compile: {str(exc).strip()}") from exc


def parse(data: bytes, uri: str):
    """A Saxon document node for XML bytes already checked by lxml's safe parser, with base URI `uri`."""
    builder = processor().new_document_builder()
    builder.set_base_uri(uri)
    return builder.parse_xml(xml_text=data.decode("utf-8"))


# --- parameters ----------------------------------------------------------------------


# Attributes of our own on an xsl:param: the command line may set it (ed:cli="yes"); the values it
# may take (ed:values="diplomatic reading").
ED = "urn:edition:functions"


@dataclass(frozen=True)
class Param:
    name: str
    type: str  # the `as` type: xs:string, xs:string*, xs:boolean, xs:integer, ...
    doc: str
    cli: bool = False
    values: tuple[str, ...] = ()  # when given, the only values allowed

    def convert(self, value: str):
        """The XDM value of a command-line string, checked against the declared type and values."""
        base = self.type.rstrip("?*+")
        p = processor()
        values = [v.strip() for v in value.split(",")] if self.type.endswith(("*", "+")) else [value]
        items = []
        for v in values:
            if self.values and v not in self.values:
                raise RenderError(f"parameter {self.name}: {v!r} is not one of {', '.join(self.values)}")
            if base == "xs:string":
                items.append(p.make_string_value(v))
            elif base == "xs:boolean":
                if v.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise RenderError(f"parameter {self.name}: {v!r} is not a boolean (true or false)")
                items.append(p.make_boolean_value(v.lower() in ("true", "1", "yes")))
            elif base == "xs:integer":
                if not re.fullmatch(r"[+-]?\d+", v):
                    raise RenderError(f"parameter {self.name}: {v!r} is not an integer")
                items.append(p.make_integer_value(int(v)))
            else:
                raise RenderError(f"parameter {self.name} ({self.type}) cannot be set on the command line")
        if len(items) == 1:
            return items[0]
        seq = p.empty_sequence()
        for item in items:
            seq.add_xdm_item(item)
        return seq


@functools.cache
def stylesheet_params(path: Path) -> dict[str, Param]:
    """The global parameters a stylesheet declares, with those of the modules it includes or imports."""
    found: dict[str, Param] = {}
    seen: set[Path] = set()

    def visit(p: Path) -> None:
        if p in seen:
            return
        seen.add(p)
        tree = etree.parse(str(p), etree.XMLParser(resolve_entities=False, no_network=True))
        root = tree.getroot()
        for el in root:
            if el.tag in (f"{{{XSL}}}include", f"{{{XSL}}}import"):
                visit((p.parent / el.get("href")).resolve())
            elif el.tag == f"{{{XSL}}}param":
                doc = ""
                prev = el.getprevious()
                if prev is not None and prev.tag is etree.Comment:
                    doc = " ".join(prev.text.split())
                values = tuple(el.get(f"{{{ED}}}values", "").split())
                cli = el.get(f"{{{ED}}}cli") == "yes"
                found.setdefault(el.get("name"), Param(el.get("name"), el.get("as", "item()*"), doc, cli, values))

    visit(path.resolve())
    return found


def settable_params(path: Path) -> frozenset[str]:
    """The parameters of a stylesheet the command line (and edition.toml's [render]) may set."""
    return frozenset(name for name, p in stylesheet_params(path).items() if p.cli)


def convert_params(path: Path, given: dict[str, str], settable: set[str] | None = None) -> dict[str, object]:
    """Command-line parameters as XDM values, each checked against its declaration in `path`."""
    declared = stylesheet_params(path)
    out = {}
    for name, value in given.items():
        param = declared.get(name)
        if param is None or (settable is not None and name not in settable):
            known = ", ".join(sorted(n for n in declared if settable is None or n in settable))
            raise RenderError(f"unknown parameter {name!r}; known: {known}")
        out[name] = param.convert(value)
    return out
