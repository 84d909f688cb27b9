"""A RELAX NG grammar (XML syntax, or compact syntax through rnc2rng) compiled to `Patterns`.

The grammar's files are read with the safe parser, from the local disk only (`include` and `externalRef`
name files beside it; a URL is refused). The simplification of the RELAX NG specification is done as the
patterns are built: `define`s combined (`@combine`), `ns` and `datatypeLibrary` inherited, `optional`,
`zeroOrMore` and `mixed` rewritten, `div` flattened, `include` overriding its grammar's definitions.
Schematron embedded in the grammar is kept (`Grammar.schematron`) for the rules engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .datatypes import BUILTIN_LIBRARY, Datatype, DatatypeError
from .nodes import EMPTY, NOT_ALLOWED, TEXT, NameClass
from .patterns import Patterns

RNG = "http://relaxng.org/ns/structure/1.0"
SCH = "http://purl.oclc.org/dsdl/schematron"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_R = f"{{{RNG}}}"


class SchemaError(Exception):
    """The grammar cannot be read or is not RELAX NG."""


@dataclass
class Scope:
    """One `grammar`: its definitions (the bodies of each name, and how they combine) and its parent."""

    parent: Scope | None
    bodies: dict[str, list[etree._Element]] = field(default_factory=dict)
    combine: dict[str, str] = field(default_factory=dict)
    start: list[etree._Element] = field(default_factory=list)
    start_combine: str = "choice"
    compiled: dict[str, int] = field(default_factory=dict)


@dataclass
class Grammar:
    patterns: Patterns
    schematron: list[bytes]  # the embedded `sch:pattern`s and `sch:ns`, serialised
    files: list[str]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True)


def read_file(path: Path) -> etree._Element:
    if path.suffix == ".rnc":
        try:
            import rnc2rng
        except ImportError as exc:  # pragma: no cover - a dependency
            raise SchemaError("reading compact syntax needs rnc2rng") from exc
        try:
            xml = rnc2rng.dumps(rnc2rng.load(str(path)))
        except Exception as exc:
            raise SchemaError(f"{path}: not RELAX NG compact syntax: {exc}") from exc
        return etree.fromstring(xml.encode("utf-8"), _parser())
    try:
        return etree.parse(str(path), _parser()).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SchemaError(f"{path}: {exc}") from exc


def compile_grammar(path: Path) -> Grammar:
    return _Compiler(path).grammar()


class _Compiler:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.p = Patterns()
        self.files: list[str] = []
        self.schematron: list[bytes] = []
        self.in_progress: set[tuple[int, str]] = set()
        # elements whose content is compiled after the definition that holds them (content may refer back)
        self.pending: list[tuple[int, list[etree._Element], Scope | None, etree._Element]] = []

    def grammar(self) -> Grammar:
        root = self._load(self.path)
        self.p.start = self._pattern(root, None)
        while self.pending:
            element, kids, scope, el = self.pending.pop()
            self.p.set_content(element, self._combine("group", [self._pattern(c, scope) for c in kids], el))
        return Grammar(self.p, self.schematron, self.files)

    def _load(self, path: Path) -> etree._Element:
        if "://" in str(path) and not str(path).startswith("file:"):
            raise SchemaError(f"{path}: a schema is read from local files only")
        root = read_file(path)
        self.files.append(str(path))
        for el in root.iter(f"{{{SCH}}}pattern", f"{{{SCH}}}ns"):
            if el.getparent() is not None and etree.QName(el.getparent()).namespace == SCH:
                continue
            self.schematron.append(etree.tostring(el))
        if etree.QName(root).namespace != RNG:
            raise SchemaError(f"{path}: not a RELAX NG grammar (root element {root.tag})")
        root.set("{urn:edition}base", str(path))
        return root

    # --- names and inherited attributes -------------------------------------------

    @staticmethod
    def _inherited(el: etree._Element, attr: str) -> str | None:
        node: etree._Element | None = el
        while node is not None:
            if attr in node.attrib:
                return node.get(attr)
            node = node.getparent()
        return None

    def _base(self, el: etree._Element) -> Path:
        node: etree._Element | None = el
        while node is not None:
            base = node.get("{urn:edition}base")
            if base:
                return Path(base).parent
            node = node.getparent()
        return self.path.parent

    def _qname(self, el: etree._Element, name: str, attribute: bool) -> str:
        name = name.strip()
        if ":" in name:
            prefix, local = name.split(":", 1)
            uri = XML_NS if prefix == "xml" else el.nsmap.get(prefix)
            if uri is None:
                raise SchemaError(f"{self._where(el)}: the prefix '{prefix}' is not declared")
            return f"{{{uri}}}{local}"
        uri = (el.get("ns") or "") if attribute else (self._inherited(el, "ns") or "")
        return f"{{{uri}}}{name}" if uri else name

    def _where(self, el: etree._Element) -> str:
        node: etree._Element | None = el
        while node is not None and not node.get("{urn:edition}base"):
            node = node.getparent()
        return f"{node.get('{urn:edition}base') if node is not None else self.path}:{el.sourceline}"

    def _name_class(self, el: etree._Element) -> NameClass:
        tag = etree.QName(el).localname
        if tag == "name":
            return ("name", self._qname(el, el.text or "", attribute=False))
        if tag == "anyName":
            ex = el.find(f"{_R}except")
            return ("any-except", self._name_choice(ex)) if ex is not None else ("any",)
        if tag == "nsName":
            uri = self._inherited(el, "ns") or ""
            ex = el.find(f"{_R}except")
            return ("ns-except", uri, self._name_choice(ex)) if ex is not None else ("ns", uri)
        if tag == "choice":
            return self._name_choice(el)
        raise SchemaError(f"{self._where(el)}: <{tag}> is not a name class")

    def _name_choice(self, el: etree._Element) -> NameClass:
        classes = [self._name_class(c) for c in self._children(el)]
        if not classes:
            raise SchemaError(f"{self._where(el)}: an empty name class")
        out = classes[0]
        for nc in classes[1:]:
            out = ("or", out, nc)
        return out

    @staticmethod
    def _children(el: etree._Element) -> list[etree._Element]:
        return [c for c in el if isinstance(c.tag, str) and etree.QName(c).namespace == RNG]

    # --- patterns ----------------------------------------------------------------------

    def _pattern(self, el: etree._Element, scope: Scope | None) -> int:
        tag = etree.QName(el).localname
        if tag == "grammar":
            inner = Scope(scope)
            self._collect(el, inner)
            if not inner.start:
                raise SchemaError(f"{self._where(el)}: the grammar has no start")
            return self._start(inner)
        if tag in ("element", "attribute"):
            return self._named(el, scope, tag)
        if tag in ("group", "interleave", "choice", "optional", "zeroOrMore", "oneOrMore", "mixed", "list"):
            parts = [self._pattern(c, scope) for c in self._children(el)]
            return self._combine(tag, parts, el)
        if tag == "empty":
            return EMPTY
        if tag == "notAllowed":
            return NOT_ALLOWED
        if tag == "text":
            return TEXT
        if tag in ("ref", "parentRef"):
            target = scope if tag == "ref" else (scope.parent if scope else None)
            if target is None:
                raise SchemaError(f"{self._where(el)}: <{tag}> outside a grammar")
            return self._ref(target, el.get("name", "").strip(), el)
        if tag == "externalRef":
            return self._pattern(self._load(self._resolve(el)), None)
        if tag in ("data", "value"):
            return self._data(el, scope, tag)
        raise SchemaError(f"{self._where(el)}: <{tag}> is not a pattern")

    def _combine(self, tag: str, parts: list[int], el: etree._Element) -> int:
        p = self.p
        if not parts and tag not in ("mixed",):
            raise SchemaError(f"{self._where(el)}: <{tag}> has no pattern")
        if tag == "choice":
            return p.choices(parts)
        fold = p.interleave if tag == "interleave" else p.group
        out = parts[0] if parts else EMPTY
        for q in parts[1:]:
            out = fold(out, q)
        if tag == "optional":
            return p.optional(out)
        if tag == "zeroOrMore":
            return p.optional(p.one_or_more(out))
        if tag == "oneOrMore":
            return p.one_or_more(out)
        if tag == "mixed":
            return p.interleave(out, TEXT)
        if tag == "list":
            return p.list_of(out)
        return out

    def _named(self, el: etree._Element, scope: Scope | None, tag: str) -> int:
        kids = self._children(el)
        if el.get("name") is not None:
            nc: NameClass = ("name", self._qname(el, el.get("name", ""), attribute=tag == "attribute"))
        else:
            if not kids:
                raise SchemaError(f"{self._where(el)}: <{tag}> without a name")
            first = kids.pop(0)
            if tag == "attribute" and etree.QName(first).localname == "name" and first.get("ns") is None:
                nc = ("name", self._qname_attribute_child(first))
            else:
                nc = self._name_class(first)
        if tag == "attribute":
            content = self._combine("group", [self._pattern(c, scope) for c in kids], el) if kids else TEXT
            return self.p.attribute(nc, content)
        element = self.p.element(nc)
        self.pending.append((element, kids, scope, el))
        return element

    def _qname_attribute_child(self, name_el: etree._Element) -> str:
        """A `name` in an attribute takes no inherited namespace unless its own or an ancestor's under the
        attribute (the specification's 4.10 gives the attribute's name the empty namespace by default)."""
        text = (name_el.text or "").strip()
        if ":" in text:
            return self._qname(name_el, text, attribute=True)
        return text

    def _data(self, el: etree._Element, scope: Scope | None, tag: str) -> int:
        library = self._inherited(el, "datatypeLibrary") or BUILTIN_LIBRARY
        name = el.get("type")
        if tag == "value" and name is None:
            library, name = BUILTIN_LIBRARY, "token"
        params = tuple(
            (c.get("name", ""), (c.text or "")) for c in self._children(el) if etree.QName(c).localname == "param"
        )
        try:
            dt = Datatype(library, (name or "").strip(), params)
        except DatatypeError as exc:
            raise SchemaError(f"{self._where(el)}: {exc}") from exc
        if tag == "value":
            return self.p.value(dt, el.text or "")
        ex = el.find(f"{_R}except")
        if ex is not None:
            return self.p.data(dt, self.p.choices([self._pattern(c, scope) for c in self._children(ex)]))
        return self.p.data(dt)

    # --- grammars, definitions, includes ---------------------------------------------------

    def _resolve(self, el: etree._Element) -> Path:
        href = el.get("href", "").strip()
        if "://" in href and not href.startswith("file:"):
            raise SchemaError(f"{self._where(el)}: '{href}': a schema is read from local files only")
        return (self._base(el) / href.removeprefix("file://")).resolve()

    def _collect(self, grammar: etree._Element, scope: Scope, overridden: set[str] | None = None) -> None:
        for c in self._children(grammar):
            tag = etree.QName(c).localname
            if tag == "div":
                self._collect(c, scope, overridden)
            elif tag == "include":
                own = Scope(None)
                self._collect(c, own)  # the include's own definitions override the included ones
                included = self._load(self._resolve(c))
                self._collect(included, scope, set(own.bodies) | ({"#start"} if own.start else set()))
                for name, bodies in own.bodies.items():
                    scope.bodies[name] = bodies
                    if name in own.combine:
                        scope.combine[name] = own.combine[name]
                if own.start:
                    scope.start, scope.start_combine = own.start, own.start_combine
            elif tag == "define":
                name = c.get("name", "").strip()
                if overridden and name in overridden:
                    continue
                scope.bodies.setdefault(name, []).append(c)
                if c.get("combine"):
                    scope.combine[name] = c.get("combine", "choice")
            elif tag == "start":
                if overridden and "#start" in overridden:
                    continue
                scope.start.append(c)
                if c.get("combine"):
                    scope.start_combine = c.get("combine", "choice")

    def _start(self, scope: Scope) -> int:
        parts = [self._combine("group", [self._pattern(k, scope) for k in self._children(s)], s) for s in scope.start]
        return self.p.choices(parts) if scope.start_combine == "choice" else self._interleave_all(parts)

    def _interleave_all(self, parts: list[int]) -> int:
        out = parts[0]
        for q in parts[1:]:
            out = self.p.interleave(out, q)
        return out

    def _ref(self, scope: Scope, name: str, el: etree._Element) -> int:
        if name in scope.compiled:
            return scope.compiled[name]
        bodies = scope.bodies.get(name)
        if not bodies:
            raise SchemaError(f"{self._where(el)}: no definition of '{name}'")
        key = (id(scope), name)
        if key in self.in_progress:
            raise SchemaError(f"{self._where(el)}: '{name}' refers to itself outside an element")
        self.in_progress.add(key)
        parts = [self._combine("group", [self._pattern(k, scope) for k in self._children(b)], b) for b in bodies]
        self.in_progress.discard(key)
        how = scope.combine.get(name, "choice")
        found = self.p.choices(parts) if how == "choice" else self._interleave_all(parts)
        scope.compiled[name] = found
        return found
