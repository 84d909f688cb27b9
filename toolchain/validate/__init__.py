"""`edition validate`: the edition's own XSD (xmlschema) and Schematron rules, or a project's schema
(`--schema`: RELAX NG or XSD, see `schemas`), over parsed TEI.

Each file is parsed once, without network access or external entities (internal entities are
expanded, within libxml2's bound on their amplification); the schema and the rules check the same
tree. Schemas are compiled once per process; many files are checked in parallel worker processes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache, cached_property
from pathlib import Path

from lxml import etree

from .. import workers
from ..errors import Diagnostic
from .locate import Locator
from .schemas import Schema, SchemaError, locate
from .schematron import Schematron

# Internal entities (a project's `<!ENTITY ed "edition">`) are expanded; external ones are refused.
_PARSER = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False, huge_tree=False)

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schema"


def schema_dir() -> Path:
    """schema/ of the source tree, or the copy installed with the package as toolchain/schema."""
    if (SCHEMA_DIR / "edition.xsd").is_file():
        return SCHEMA_DIR
    return Path(__file__).resolve().parents[1] / "schema"


class Validator:
    """The edition's XSD and rules, compiled once.

    The XSD is the same file for two engines: libxml2 (through lxml) answers "valid?" in a tenth of
    a millisecond; xmlschema, which reports every problem with its reason, runs on the documents
    libxml2 rejects, and is built (a second) only when one is. The tests check that both engines agree
    on every test document.
    """

    def __init__(
        self, directory: Path | None = None, schema: Path | None = None, schematron: tuple[Path, ...] = ()
    ) -> None:
        self.schema = Schema(schema, schematron) if schema is not None else None
        if self.schema is not None:
            return
        directory = directory or schema_dir()
        self.xsd_path = directory / "edition.xsd"
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        self.gate = etree.XMLSchema(etree.parse(str(self.xsd_path), parser))
        self.rules = Schematron(sorted((directory / "rules").glob("*.sch")))

    @cached_property
    def xsd(self) -> object:
        import xmlschema  # imported where needed: most runs never need it

        return xmlschema.XMLSchema(str(self.xsd_path))

    def check_bytes(self, data: bytes, path: str) -> list[Diagnostic]:
        try:
            tree = etree.ElementTree(etree.fromstring(data, _PARSER))
        except etree.XMLSyntaxError as exc:
            line, col = exc.position if exc.position else (exc.lineno or 1, 0)
            return [
                Diagnostic("error", "xml-wellformed", path, line or 1, col + 1 if col is not None else 0, _said(exc))
            ]
        out = self.check_tree(tree, data, path)
        if tree.docinfo.system_url:  # named, never fetched: what it would declare is not known here
            message = f"the external DTD '{tree.docinfo.system_url}' is not read (no network, no external files)"
            out.insert(0, Diagnostic("warning", "xml-dtd", path, 1, 0, message))
        return out

    def check_tree(self, tree: etree._ElementTree, data: bytes, path: str) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        locator: Locator | None = None

        def where(node: object) -> tuple[int, int]:
            nonlocal locator
            locator = locator or Locator(data)
            if isinstance(node, etree._Element):
                return locator.element(node)
            parent = node.getparent()
            return locator.attribute(parent, node.attrname)

        if self.schema is not None:
            rule = self.schema.kind
            for problem in self.schema.problems(tree):
                line, col = where(problem.node)
                if problem.attribute is not None:
                    line, col = locator.attribute(problem.node, problem.attribute) if locator else (line, col)
                elif problem.line is not None:
                    line, col = problem.line, 0
                out.append(Diagnostic("error", rule, path, line, col, problem.message))
            for failure in self.schema.rules.check(tree):
                node, attribute = locate(tree, failure.path)
                line, col = where(node)
                if attribute is not None and locator is not None:
                    line, col = locator.attribute(node, attribute)
                out.append(Diagnostic(failure.severity, failure.rule, path, line, col, failure.message))
            return sorted(out, key=lambda d: (d.line, d.col))
        errors = [] if self.gate.validate(tree) else self.xsd.iter_errors(tree, use_location_hints=False)
        for error in errors:
            elem = error.elem if isinstance(error.elem, etree._Element) else None
            index = getattr(error, "index", None)  # a content-model error names the offending child
            if elem is not None and isinstance(index, int) and 0 <= index < len(elem):
                elem = elem[index]
            line, col = where(elem) if elem is not None else (1, 0)
            reason = error.reason or str(error.message)
            name = etree.QName(elem).localname if elem is not None else "document"
            out.append(Diagnostic("error", "xsd", path, line, col, f"<{name}>: {reason}"))
        for check, node, message in self.rules.check(tree, path):
            line, col = where(node)
            out.append(Diagnostic(check.severity, check.id, path, line, col, message))
        return out

    def check_file(self, path: Path) -> list[Diagnostic]:
        data = path.read_bytes()
        return self.check_bytes(data, str(path))


def _said(exc: etree.XMLSyntaxError) -> str:
    """libxml2's message, in words for the two refusals of safe parsing."""
    message = re.sub(r", line \d+, column \d+.*$", "", exc.msg or "")
    if "amplification" in message:
        return "entities expand too much (an entity bomb?): the file is refused"
    undefined = re.match(r"Entity '([^']+)' not defined", message)
    if undefined:
        return f"the entity '{undefined.group(1)}' is not defined in the file (external entities are not read)"
    return message


@cache
def validator(schema: str | None = None, schematron: tuple[str, ...] = ()) -> Validator:
    """The process's validator (for the edition's own schema, or a project's), compiled on first use."""
    return Validator(schema=Path(schema) if schema else None, schematron=tuple(map(Path, schematron)))


TEI_NS = "http://www.tei-c.org/ns/1.0"


def is_tei(path: Path) -> bool:
    """Whether the file's document element is in the TEI namespace (a `pom.xml` is not); a file that is
    not XML at all is checked, so that it is reported."""
    try:
        for _, element in etree.iterparse(str(path), events=("start",), resolve_entities=False, no_network=True):
            return etree.QName(element).namespace == TEI_NS
    except (etree.XMLSyntaxError, OSError):
        return True
    return True


def changed_since(ref: str, files: list[Path]) -> list[Path]:
    """Those of `files` that differ from the git revision `ref` (committed since, staged, or changed in the
    working tree), or that git does not track yet."""
    import subprocess

    def git(*args: str) -> list[str]:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SchemaError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
        return done.stdout.splitlines()

    top = Path(git("rev-parse", "--show-toplevel")[0])
    changed = {(top / name).resolve() for name in git("diff", "--name-only", "--no-renames", ref, "--", ".")}
    changed |= {(Path.cwd() / name).resolve() for name in git("ls-files", "--others", "--exclude-standard")}
    return [f for f in files if f.resolve() in changed]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders give their *.xml files, recursively, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*.xml") if q.is_file()))
        else:
            out.append(p)
    return out


def _job(item: tuple[Path, str | None, tuple[str, ...]]) -> tuple[str, list[Diagnostic]]:
    path, schema, schematron = item
    try:
        return str(path), validator(schema, schematron).check_file(path)
    except OSError as exc:
        return str(path), [Diagnostic("error", "io", str(path), 0, 0, exc.strerror or str(exc))]


# Files checked in this process before the workers start (see validate_many)
WARM_UP = 2


def validate_many(
    paths: list[Path],
    *,
    jobs: int | None = None,
    progress: Callable[[str, list[Diagnostic]], None] | None = None,
    schema: Path | None = None,
    schematron: tuple[Path, ...] = (),
) -> list[tuple[str, list[Diagnostic]]]:
    """Check every file; with `schema`, against that schema (and its Schematron, and `schematron`)
    instead of the edition's own."""
    jobs = min(len(paths), workers.count(jobs)) or 1
    results = []
    items = [(p, str(schema) if schema else None, tuple(map(str, schematron))) for p in paths]
    # the first files here: a RELAX NG schema's automaton is built once (or read from the cache) and Saxon
    # compiles its Schematron once; the workers inherit both
    local = workers.cluster() is None and (jobs <= 1 or len(paths) < 16)
    first = len(items) if local else WARM_UP if schema else 0
    for item in items[:first]:
        results.append(_job(item))
        if progress:
            progress(*results[-1])
    if first == len(items):
        return results
    rest = items[first:]
    with workers.pool(jobs) as pool:
        for result in pool.map(_job, rest, chunksize=max(1, len(rest) // (jobs * 8))):
            results.append(result)
            if progress:
                progress(*result)
    return results


__all__ = ["SchemaError", "Validator", "changed_since", "expand", "is_tei", "validate_many", "validator"]
