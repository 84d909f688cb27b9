"""A small ISO Schematron engine on lxml: rules are compiled once, documents are checked in place.

Supported: `sch:ns`, `sch:pattern`, `sch:rule` (@context), `sch:let`, `sch:assert` and `sch:report`
(@test, @id, @role = error|warning), messages with `sch:value-of` and `sch:name`. The query binding
is `exslt`: XPath 1.0 with the EXSLT regular-expression and set functions, plus the functions of
the namespace `urn:edition:functions` (prefix `ed`): `ed:unresolved(pointers)` gives the local
pointers that match no xml:id; `ed:not-pointing-to(pointers, 'name1 name2')` those that point to an
element of another name. A node is checked by the first rule of a
pattern whose context matches it, as the standard says.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..tei import NS, TEI_NS, XML_ID

SCH = "http://purl.oclc.org/dsdl/schematron"
ED_NS = "urn:edition:functions"

_state: dict[str, object] = {"ids": set()}


def _string(value: object) -> str:
    if isinstance(value, list):
        return " ".join(_string(v) for v in value)
    if isinstance(value, etree._Element):
        return value.xpath("string()")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_REGISTRIES: dict[tuple[Path, float], dict[str, str]] = {}


def _ids_of(tree: etree._ElementTree | etree._Element) -> dict[str, str]:
    return {a: etree.QName(a.getparent()).localname for a in tree.xpath("//@xml:id", namespaces=NS)}


def _target_ids(token: str) -> tuple[dict[str, str] | None, str]:
    """The ids of the file a pointer names (this document for `#id`, a sibling file for `persons.xml#id`)
    and the id it names; (None, id) when that file does not exist or is not XML."""
    file, _, fragment = token.partition("#")
    if not file:
        return _state["ids"], fragment
    base = _state.get("base")
    if base is None or "/" in file or ":" in file:
        return None, fragment
    path = Path(base).parent / file
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None, fragment
    if (path, stamp) not in _REGISTRIES:
        try:
            _REGISTRIES[(path, stamp)] = _ids_of(
                etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
            )
        except etree.XMLSyntaxError:
            return None, fragment
    return _REGISTRIES[(path, stamp)], fragment


def _pointers(value: object) -> list[str]:
    """Tokens of a pointer attribute that name an element: `#id` or `file.xml#id` (no URLs, no bare files)."""
    return [t for t in _string(value).split() if "#" in t and "://" not in t]


def _unresolved(_context: object, pointers: object) -> str:
    """The pointers (`#id`, `persons.xml#id`) among `pointers` that match no xml:id where they point."""
    out = []
    for t in _pointers(pointers):
        ids, fragment = _target_ids(t)
        if ids is None:
            out.append(f"{t} (no such file beside this document)")
        elif fragment not in ids:
            out.append(t)
    return " ".join(out)


def _not_pointing_to(_context: object, pointers: object, names: object) -> str:
    """The pointers among `pointers` that resolve to an element not named in `names`."""
    allowed = set(_string(names).split())
    out = []
    for t in _pointers(pointers):
        ids, fragment = _target_ids(t)
        if ids is not None and fragment in ids and ids[fragment] not in allowed:
            out.append(t)
    return " ".join(out)


def _tokens_unique(_context: object, values: object) -> bool:
    items = values if isinstance(values, list) else [values]
    seen = [_string(v) for v in items]
    return len(seen) == len(set(seen))


def _numbered(_context: object, texts: object, n: object) -> int:
    """How many notes numbered `n` that do not stand in the running text (`@place="inline"`) the first of
    `texts` holds: each text's numbers are counted once for the document, not at every note."""
    text = texts[0] if isinstance(texts, list) and texts else None
    if not isinstance(text, etree._Element):
        return 0
    counts = _state.setdefault("numbered", {})
    assert isinstance(counts, dict)
    if text not in counts:
        counts[text] = Counter(
            note.get("n") for note in text.iter(f"{{{TEI_NS}}}note") if note.get("n") and note.get("place") != "inline"
        )
    return counts[text][_string(n)]


_functions = etree.FunctionNamespace(ED_NS)
_functions["numbered"] = _numbered
_functions["unresolved"] = _unresolved
_functions["distinct"] = _tokens_unique
_functions["not-pointing-to"] = _not_pointing_to


@dataclass(frozen=True)
class Check:
    id: str
    kind: str  # assert | report
    test: etree.XPath
    severity: str
    message: etree._Element  # the sch:assert/report element, for its message template
    source: str


@dataclass(frozen=True)
class Rule:
    context: tuple[etree.XPath, ...]  # one path a branch of the context's union
    lets: tuple[tuple[str, etree.XPath], ...]
    checks: tuple[Check, ...]
    on_attribute: bool  # `.` is the attribute's value; paths start from its element


@dataclass(frozen=True)
class Pattern:
    id: str
    rules: tuple[Rule, ...]


def _self_as_variable(expr: str) -> str:
    """Replace `.` outside predicates and literals by `$ed_node` (rules whose context is an attribute)."""
    out, depth, quote = [], 0, ""
    for i, ch in enumerate(expr):
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "." and depth == 0:
            prev, nxt = expr[i - 1 : i], expr[i + 1 : i + 2]
            if not (prev == "." or nxt == "." or prev.isalnum() or nxt.isdigit() or (prev and prev in "_-")):
                out.append("$ed_node")
                continue
        out.append(ch)
    return "".join(out)


def _branches(pattern: str) -> list[str]:
    """The branches of a match pattern's union (`a | b[@c | @d]`: `a`, `b[@c | @d]`)."""
    return [p.strip() for p in re.split(r"\|(?![^\[]*\])", pattern)]


def _on_attributes(pattern: str) -> bool:
    return all(re.search(r"@[\w:-]+$", p) for p in _branches(pattern))


def _context_xpaths(pattern: str) -> list[str]:
    """An XSLT match pattern as XPaths selecting every matching node, one a branch of its union: libxml2
    merges the node sets of a union by comparing each node with every one already in it, which is
    quadratic in a large document; the branches' nodes are put in document order here instead."""
    return [p if p.startswith("/") else f"//{p}" for p in _branches(pattern)]


class Schematron:
    """Compiled rules of one or more Schematron files."""

    def __init__(self, files: list[Path]) -> None:
        self.patterns: list[Pattern] = []
        self._compiled: dict[etree._Element, etree.XPath] = {}
        self.namespaces = {"ed": ED_NS, "re": "http://exslt.org/regular-expressions", "set": "http://exslt.org/sets"}
        for file in files:
            doc = etree.parse(str(file), etree.XMLParser(resolve_entities=False, no_network=True))
            for ns in doc.iterfind(f"{{{SCH}}}ns"):
                self.namespaces[ns.get("prefix")] = ns.get("uri")
            for pat in doc.iterfind(f"{{{SCH}}}pattern"):
                self.patterns.append(self._pattern(pat, file.name))

    def _xpath(self, expr: str, where: str, on_attribute: bool = False) -> etree.XPath:
        if on_attribute:
            expr = _self_as_variable(expr)
        try:
            return etree.XPath(expr, namespaces=_used(self.namespaces, expr))
        except etree.XPathSyntaxError as exc:
            raise ValueError(f"{where}: bad XPath {expr!r}: {exc}") from exc

    def _pattern(self, pat: etree._Element, source: str) -> Pattern:
        rules = []
        for rule in pat.iterfind(f"{{{SCH}}}rule"):
            where = f"{source}: rule {rule.get('context')}"
            attr = _on_attributes(rule.get("context"))
            lets = tuple(
                (let.get("name"), self._xpath(let.get("value"), where, attr)) for let in rule.iterfind(f"{{{SCH}}}let")
            )
            checks = []
            for node in rule:
                kind = etree.QName(node).localname if isinstance(node.tag, str) else ""
                if kind in ("assert", "report"):
                    if not node.get("id"):
                        raise ValueError(f"{where}: every {kind} needs an @id")
                    severity = "warning" if node.get("role") in ("warning", "warn", "info") else "error"
                    checks.append(
                        Check(node.get("id"), kind, self._xpath(node.get("test"), where, attr), severity, node, source)
                    )
            for value in rule.iter(f"{{{SCH}}}value-of"):
                self._compiled[value] = self._xpath(value.get("select"), where, attr)
            context = tuple(self._xpath(x, where) for x in _context_xpaths(rule.get("context")))
            rules.append(Rule(context, lets, tuple(checks), attr))
        return Pattern(pat.get("id", ""), tuple(rules))

    def rule_ids(self) -> list[str]:
        return [c.id for p in self.patterns for r in p.rules for c in r.checks]

    def check(
        self, tree: etree._ElementTree, path: str | Path | None = None
    ) -> list[tuple[Check, etree._Element | object, str]]:
        """(check, node, message) for every failed assert and fired report; `path` locates the files
        that pointers such as `persons.xml#id` name."""
        _state["ids"] = _ids_of(tree)
        _state["base"] = path
        _state["numbered"] = {}
        failures = []
        order: dict[etree._Element, int] = {}
        for pattern in self.patterns:
            seen: set[object] = set()
            for rule in pattern.rules:
                for node in _matches(rule, tree, order):
                    key = _node_key(node)
                    if key in seen:
                        continue
                    seen.add(key)
                    where = node
                    variables: dict[str, object] = {}
                    if rule.on_attribute:
                        where = node.getparent()
                        variables["ed_node"] = str(node)
                    for name, expr in rule.lets:
                        variables[name] = _variable(expr(where, **variables))
                    for check in rule.checks:
                        result = bool(check.test(where, **variables))
                        if (check.kind == "assert" and not result) or (check.kind == "report" and result):
                            failures.append((check, node, self._message(check.message, node, where, variables)))
        return failures

    def _message(self, template: etree._Element, node: object, where: etree._Element, variables: dict) -> str:
        out = [template.text or ""]
        for part in template:
            local = etree.QName(part).localname if isinstance(part.tag, str) else ""
            if local == "value-of":
                out.append(_string(self._compiled[part](where, **variables)))
            elif local == "name":
                out.append(_node_name(node))
            out.append(part.tail or "")
        return " ".join("".join(out).split())


def _used(namespaces: dict[str, str], expr: str) -> dict[str, str]:
    """The namespaces whose prefix `expr` uses. An XPath of lxml's whose namespaces map EXSLT's sets, used or
    not, keeps every document it is evaluated on alive (25 KB a document: gigabytes over an edition)."""
    return {p: uri for p, uri in namespaces.items() if re.search(rf"(?<![\w.-]){re.escape(p)}:", expr)}


def _variable(value: object) -> object:
    """An XPath result as a variable value: element sets stay; other node sets become their string."""
    if isinstance(value, list) and not all(isinstance(v, etree._Element) for v in value):
        return str(value[0]) if value else ""
    return value


def _matches(rule: Rule, tree: etree._ElementTree, order: dict[etree._Element, int]) -> list[object]:
    """The nodes a rule's context matches, in document order (`order`: each element's place, filled once
    for the document when a rule of several branches first needs it)."""
    if len(rule.context) == 1:
        return list(rule.context[0](tree))
    nodes = [node for path in rule.context for node in path(tree)]
    if not order:
        order.update((el, i) for i, el in enumerate(tree.iter()))

    def place(node: object) -> tuple[int, int]:
        if isinstance(node, etree._Element):
            return order.get(node, -1), -1
        parent = node.getparent()  # an attribute: after its element, in the element's order of attributes
        name = getattr(node, "attrname", None)
        return order.get(parent, -1), list(parent.attrib).index(name) if name in parent.attrib else -1

    return sorted(nodes, key=place)


def _node_key(node: object) -> object:
    if isinstance(node, etree._Element):
        return node
    parent = getattr(node, "getparent", lambda: None)()
    return (parent, getattr(node, "attrname", None), str(node))


def _node_name(node: object) -> str:
    if isinstance(node, etree._Element):
        return etree.QName(node).localname
    name = getattr(node, "attrname", "")
    if name == XML_ID:
        return "@xml:id"
    return "@" + (etree.QName(name).localname if name else "")
