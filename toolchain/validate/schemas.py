"""A project's own schema for `edition validate --schema`: RELAX NG (`.rng`, `.rnc`) or W3C XML Schema (`.xsd`).

A RELAX NG grammar is compiled once and kept on disk, keyed by the content of its files and the engine's
version: later runs, and every worker process, load it in milliseconds. The cache folder is
`$EDITION_CACHE`, else `$XDG_CACHE_HOME/edition`, else `~/.cache/edition`; a cache that cannot be read or
written is only slower.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path

from lxml import etree

from ..tei import write_atomic
from .instance import Checker, Problem
from .iso_schematron import Failure, Rules, SchematronError, locate
from .relaxng import Grammar, SchemaError, compile_grammar

# Bumped when the compiled form changes: older cache entries are then not read.
ENGINE = "rng-6"
# What a run must have learnt (new nodes and derivatives) for the cached grammar to be written again.
WARM_GROWTH = 500


def cache_dir() -> Path:
    if os.environ.get("EDITION_CACHE"):
        return Path(os.environ["EDITION_CACHE"])
    base = Path(os.environ["XDG_CACHE_HOME"]) if os.environ.get("XDG_CACHE_HOME") else Path.home() / ".cache"
    return base / "edition"


def _digest(paths: list[str]) -> str:
    h = hashlib.sha256(ENGINE.encode())
    for p in paths:
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:32]


def _index(path: Path) -> Path:
    return cache_dir() / f"{hashlib.sha256(str(path).encode()).hexdigest()[:24]}.files"


def load_grammar(path: Path) -> Grammar:
    """The compiled grammar of `path`, from the cache when its files are unchanged."""
    path = path.resolve()
    index = _index(path)
    try:  # the files the grammar was compiled from last time, and the digest of their content then
        files = index.read_text(encoding="utf-8").splitlines()
        cached = cache_dir() / f"{_digest(files)}.grammar"
        if files and files[0] == str(path) and cached.is_file():
            grammar = pickle.loads(cached.read_bytes())
            if isinstance(grammar, Grammar):
                return grammar
    except (OSError, pickle.PickleError, EOFError, AttributeError, ValueError):
        pass
    grammar = compile_grammar(path)
    try:
        write_atomic(cache_dir() / f"{_digest(grammar.files)}.grammar", pickle.dumps(grammar, protocol=5))
        write_atomic(index, "\n".join(grammar.files).encode("utf-8"))
    except OSError:
        pass
    return grammar


class Schema:
    """A schema file, ready to check parsed documents; `problems` gives (element, attribute, message)."""

    kind = "rng"

    def __init__(self, path: Path, schematron: tuple[Path, ...] = ()) -> None:
        self.path = path
        suffix = path.suffix.lower()
        if suffix in (".rng", ".rnc"):
            self.grammar = load_grammar(path)
            self.checker = Checker(self.grammar.patterns)
            self._size = self.grammar.patterns.size()
        elif suffix == ".xsd":
            self.kind = "xsd"
            parser = etree.XMLParser(resolve_entities=False, no_network=True)
            import xmlschema  # imported where needed, as in Validator

            try:
                self.xsd = xmlschema.XMLSchema(str(path))
                self.gate = etree.XMLSchema(etree.parse(str(path), parser))
            except (xmlschema.XMLSchemaException, etree.LxmlError, OSError) as exc:
                raise SchemaError(f"{path}: {exc}") from exc
        else:
            raise SchemaError(f"{path}: a schema is RELAX NG (.rng, .rnc) or W3C XML Schema (.xsd)")
        parts = [etree.fromstring(x) for x in self.grammar.schematron] if self.kind == "rng" else []
        for extra in schematron:
            try:
                parts.append(
                    etree.parse(str(extra), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
                )
            except (OSError, etree.XMLSyntaxError) as exc:
                raise SchemaError(f"{extra}: {exc}") from exc
        try:
            self.rules = Rules(parts)
        except SchematronError as exc:
            raise SchemaError(str(exc)) from exc

    def keep_warm(self) -> None:
        """Write the grammar back to the cache with the states its documents reached, when they are many
        more than it had: the next run's first file then meets the automaton already built."""
        if self.kind != "rng" or self.grammar.patterns.size() < self._size + WARM_GROWTH:
            return
        with contextlib.suppress(OSError):
            write_atomic(cache_dir() / f"{_digest(self.grammar.files)}.grammar", pickle.dumps(self.grammar, protocol=5))
        self._size = self.grammar.patterns.size()

    def problems(self, tree: etree._ElementTree) -> list[Problem]:
        if self.kind == "rng":
            return self.checker.check(tree.getroot())
        if self.gate.validate(tree):
            return []
        out = []
        for error in self.xsd.iter_errors(tree, use_location_hints=False):
            elem = error.elem if isinstance(error.elem, etree._Element) else tree.getroot()
            index = getattr(error, "index", None)
            if isinstance(index, int) and 0 <= index < len(elem):
                elem = elem[index]
            out.append(Problem(elem, None, error.reason or str(error.message)))
        return out


__all__ = ["Failure", "Schema", "SchemaError", "cache_dir", "load_grammar", "locate"]
