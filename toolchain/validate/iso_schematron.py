"""ISO Schematron (query binding xslt2/xslt3: XPath 2 and 3) compiled to one XSLT 3.0 stylesheet and run
by Saxon: the rules a RELAX NG grammar carries (`sch:pattern` in tei_all and in ODD-made schemas) and the
Schematron files a project adds.

All rules are templates of one mode, so the document is walked once (not once per pattern, which made
tei_all's 93 patterns cost 18 ms a file): at each node the rules that match it run in turn through
`xsl:next-match`, each pattern's first only (as the standard says). The stylesheet reports each failed
`assert` and each fired `report` as `<f>` with the node's `path()`, which `locate` maps back onto the
tree lxml parsed, for the line. `role` "warning", "nonfatal", "info" or "information" makes a
warning, anything else an error; the rule id is the assertion's `id`, else its pattern's.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from functools import cache

from lxml import etree

from ..render import xslt

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
_S = f"{{{SCH}}}"
WARNING_ROLES = {"warning", "nonfatal", "info", "information"}


class SchematronError(Exception):
    pass


@dataclass(frozen=True)
class Failure:
    rule: str
    severity: str
    path: str  # the node's path(), e.g. /Q{uri}TEI[1]/Q{uri}text[1]/@when
    message: str


def _x(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{XSL}}}{tag}") if parent is None else etree.SubElement(parent, f"{{{XSL}}}{tag}")
    for k, v in attrs.items():
        el.set(k.rstrip("_"), v)
    return el


_ATTRIBUTE_STEP = re.compile(r"(?:@|attribute::)\s*([\w.-]+(?::[\w.-]+)?|\*)?")


def _attributes_visited(contexts: list[str]) -> str:
    """The attributes the walk must visit: those the rules' contexts name outside their predicates
    (`tei:rt/@target` → `@target`), all of them for `@*` or a step it cannot read, none when no context
    is an attribute (most of tei_all's rules: visiting every attribute doubled the walk)."""
    names: set[str] = set()
    for context in contexts:
        depth, outside = 0, []
        for ch in context:
            depth += ch == "["
            depth -= ch == "]"
            if depth == 0 and ch != "]":
                outside.append(ch)
        for step in _ATTRIBUTE_STEP.finditer("".join(outside)):
            if step.group(1) in (None, "*"):
                return "@*"
            names.add(f"@{step.group(1)}")
    return "|".join(sorted(names))


def compile_schematron(parts: list[etree._Element]) -> bytes:
    """The XSLT of Schematron `parts`: whole `sch:schema` elements, or `sch:pattern`/`sch:ns`/`sch:let`
    elements as a grammar carries them."""
    namespaces: dict[str, str] = {}
    patterns: list[etree._Element] = []
    lets: list[etree._Element] = []
    declarations: list[etree._Element] = []  # XSLT a schema declares beside its patterns (functions, keys)
    for part in parts:
        for prefix, uri in part.nsmap.items():
            if prefix and prefix not in ("xsl",):
                namespaces.setdefault(prefix, uri)
        found = [part] if part.tag in (f"{_S}pattern", f"{_S}ns", f"{_S}let") else list(part)
        for el in found:
            if el.tag == f"{_S}ns":
                namespaces[el.get("prefix", "")] = el.get("uri", "")
            elif el.tag == f"{_S}pattern":
                if el.get("abstract") == "true" or el.get("is-a"):
                    raise SchematronError(f"pattern '{el.get('id')}': abstract patterns are not supported")
                patterns.append(el)
            elif el.tag == f"{_S}let":
                lets.append(el)
            elif isinstance(el.tag, str) and etree.QName(el).namespace == XSL:
                declarations.append(el)
    nsmap = {"xsl": XSL, **{p: u for p, u in namespaces.items() if p and p != "xsl"}}
    sheet = etree.Element(f"{{{XSL}}}stylesheet", nsmap=nsmap)
    sheet.set("version", "3.0")
    sheet.set("exclude-result-prefixes", "#all")
    for declaration in declarations:
        sheet.append(copy.deepcopy(declaration))
    for let in lets:
        _x("variable", sheet, name=let.get("name", ""), select=let.get("value", "()"))
    root = _x("template", sheet, match="/")
    _x("apply-templates", etree.SubElement(root, "r"), select=".", mode="check")
    rules = [(i, p, r) for i, p in enumerate(patterns) for r in p if r.tag == f"{_S}rule"]
    attributes = _attributes_visited([r.get("context", "") for _, _, r in rules])
    descend = f"{attributes}|*" if attributes else "*"
    default = _x("template", sheet, match="@*|node()|document-node()", mode="check", priority="-1")
    _x("apply-templates", default, select=descend, mode="check")
    for k, (i, pattern, rule) in enumerate(rules):
        _rule_template(sheet, i, pattern, rule, priority=len(rules) - k)
    return etree.tostring(sheet)


def _rule_template(sheet: etree._Element, i: int, pattern: etree._Element, rule: etree._Element, priority: int) -> None:
    """One rule as a template of the one mode, in the order of the patterns and their rules: it checks
    its node unless a rule of its pattern already has (`$edition-done` holds the patterns that fired),
    then passes the node on to the next rule that matches it (`xsl:next-match`), the last one visiting
    its children."""
    pattern_id = pattern.get("id") or f"pattern-{i + 1}"
    if rule.get("abstract") == "true" or rule.find(f"{_S}extends") is not None:
        raise SchematronError(f"pattern '{pattern_id}': abstract rules are not supported")
    template = _x("template", sheet, match=rule.get("context", ""), mode="check", priority=str(priority))
    _x("param", template, name="edition-done", select="()")
    choose = _x("choose", template)
    skip = _x("when", choose, test=f"$edition-done = {i}")
    _x("with-param", _x("next-match", skip), name="edition-done", select="$edition-done")
    check_it = _x("otherwise", choose)
    lets = [el for el in pattern if el.tag == f"{_S}let"] + [el for el in rule if el.tag == f"{_S}let"]
    for let in lets:
        _x("variable", check_it, name=let.get("name", ""), select=let.get("value", "()"))
    for check in rule:
        if check.tag not in (f"{_S}assert", f"{_S}report"):
            continue
        test = check.get("test", "true()")
        fails = _x("if", check_it, test=f"not({test})" if check.tag == f"{_S}assert" else test)
        f = etree.SubElement(fails, "f")
        role = (check.get("role") or rule.get("role") or "").strip().lower()
        f.set("severity", "warning" if role in WARNING_ROLES else "error")
        f.set("rule", check.get("id") or rule.get("id") or pattern_id)
        f.set("at", "{path()}")
        _message(f, check)
    _x("with-param", _x("next-match", check_it), name="edition-done", select=f"($edition-done, {i})")


def _message(target: etree._Element, check: etree._Element) -> None:
    """The assertion's words, with its `value-of` and `name` evaluated."""

    def text(s: str | None) -> None:
        if s:
            _x("text", target).text = s

    text(check.text)
    for child in check:
        if child.tag == f"{_S}value-of":
            _x("value-of", target, select=child.get("select", "."))
        elif child.tag == f"{_S}name":
            _x("value-of", target, select=f"name({child.get('path', '.')})")
        elif isinstance(child.tag, str):
            text("".join(child.itertext()))
        text(child.tail)


class Rules:
    """A compiled Schematron, run on documents."""

    def __init__(self, parts: list[etree._Element]) -> None:
        self.source = compile_schematron(parts)
        self.count = sum(1 for part in parts for _ in part.iter(f"{_S}assert", f"{_S}report"))

    def executable(self) -> object:
        return _compile(self.source)

    def check(self, tree: etree._ElementTree) -> list[Failure]:
        if not self.count:
            return []
        node = xslt.parse(etree.tostring(tree.getroot()), "urn:edition:document")
        try:
            result = self.executable().transform_to_string(xdm_node=node)
        except Exception as exc:  # a rule whose XPath fails on this document: reported, not a crash
            return [Failure("schematron", "error", "", f"a Schematron rule could not be evaluated: {str(exc).strip()}")]
        report = etree.fromstring(result.encode("utf-8"))
        return [
            Failure(
                f.get("rule", ""), f.get("severity", "error"), f.get("at", ""), " ".join("".join(f.itertext()).split())
            )
            for f in report
        ]


@cache
def _compile(source: bytes) -> object:
    compiler = xslt.processor().new_xslt30_processor()
    try:
        return compiler.compile_stylesheet(stylesheet_text=source.decode("utf-8"))
    except Exception as exc:
        raise SchematronError(f"the Schematron rules cannot be compiled: {str(exc).strip()}") from exc


_STEP = re.compile(
    r"/(?:Q\{(?P<uri>[^}]*)\}(?P<local>[^/\[]+)\[(?P<n>\d+)\]|@(?:Q\{(?P<auri>[^}]*)\})?(?P<alocal>[^/]+)|(?P<other>[^/]+))"
)


def locate(tree: etree._ElementTree, path: str) -> tuple[etree._Element, str | None]:
    """The element a `path()` names (and the attribute's Clark name, when it names one): as far as it goes."""
    node = tree.getroot()
    steps = list(_STEP.finditer(path))
    if not steps:
        return node, None
    first = steps[0]
    if first.group("local") is None:
        return node, None
    for step in steps[1:]:
        if step.group("alocal") is not None:
            uri = step.group("auri")
            return node, f"{{{uri}}}{step.group('alocal')}" if uri else step.group("alocal")
        if step.group("local") is None:
            return node, None
        uri, local, n = step.group("uri"), step.group("local"), int(step.group("n"))
        tag = f"{{{uri}}}{local}" if uri else local
        same = [c for c in node if c.tag == tag]
        if n > len(same):
            return node, None
        node = same[n - 1]
    return node, None
