"""A parsed document checked against a compiled RELAX NG grammar, element by element, with recovery.

Each problem is reported where it is and the check goes on: an element not allowed where it stands is
checked against its own definition elsewhere in the grammar (or skipped when there is none); an attribute
not allowed is ignored; a missing attribute or missing content is reported and taken as given.
Comments and processing instructions are not content; text around them is one text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .expected import definitions, describe_value, expected, required_attributes, skip_one
from .nodes import NOT_ALLOWED
from .patterns import Patterns

# How many names a message lists before "… (N more)"
SHOWN = 8
TEI = "http://www.tei-c.org/ns/1.0"


@dataclass
class Problem:
    node: etree._Element
    attribute: str | None  # the attribute's name (Clark), when the problem is one of an attribute
    message: str
    line: int | None = None  # where text is the problem: the line of its first word


def _display(name: str, default_ns: str, element: bool = False) -> str:
    if element and not name.startswith("{") and name != "*" and default_ns:
        return f"{name} (in no namespace)"
    if name.startswith("{"):
        uri, local = name[1:].split("}", 1)
        if uri == default_ns:
            return local
        if uri == "http://www.w3.org/XML/1998/namespace":
            return f"xml:{local}"
        return f"{local} (in {uri})" if local != "*" else f"any element in {uri}"
    return "any name" if name == "*" else name


def _listed(names: list[str], default_ns: str, element: bool = True) -> str:
    shown = sorted({_display(n, default_ns, element) for n in names}, key=lambda n: (n.startswith("any"), n.lower()))
    more = len(shown) - SHOWN
    return ", ".join(shown[:SHOWN]) + (f", … ({more} more)" if more > 0 else "")


class Checker:
    def __init__(self, patterns: Patterns) -> None:
        self.p = patterns

    def check(self, root: etree._Element) -> list[Problem]:
        self.problems: list[Problem] = []
        p = self.p
        starts = [n for n in expected(self.p, p.start)[0] if n.startswith("{")]
        self.default_ns = starts[0][1:].split("}")[0] if starts else ""
        state = self._element(p.start, root, None)
        if state == NOT_ALLOWED and not self.problems:
            self.problems.append(Problem(root, None, "the document does not match the schema"))
        return self.problems

    def _name(self, name: str) -> str:
        return _display(name, self.default_ns, element=True)

    def _attr(self, name: str) -> str:
        return _display(name, self.default_ns)

    def _element(self, state: int, el: etree._Element, parent: etree._Element | None) -> int:
        """The state after `el` (a child of the element whose content is `state`)."""
        p = self.p
        tag = el.tag
        opened = p.start_tag_open(state, tag)
        if opened == NOT_ALLOWED:
            skipped = [
                (name, after) for name, after in skip_one(self.p, state) if p.start_tag_open(after, tag) != NOT_ALLOWED
            ]
            if skipped:  # a required element is missing before it: reported once, the rest read as if it were there
                missing = _listed([name for name, _ in skipped], self.default_ns)
                self.problems.append(
                    Problem(el, None, f'element "{self._name(tag)}" is not allowed yet; missing: {missing}')
                )
                state = p.choices([after for _, after in skipped])
                return self._content(p.start_tag_open(state, tag), el)
            self._not_allowed_here(state, el, parent)
            own = definitions(self.p, tag)
            if own != NOT_ALLOWED:
                self._content(own, el)  # the element checked as it would be where it is allowed
            return state
        return self._content(opened, el, after=True)

    def _not_allowed_here(self, state: int, el: etree._Element, parent: etree._Element | None) -> None:
        names, text, _ = expected(self.p, state)
        where = f' inside "{self._name(parent.tag)}" here' if parent is not None else " as the document element"
        known = definitions(self.p, el.tag) != NOT_ALLOWED
        if not known:
            message = f'element "{self._name(el.tag)}" is not defined in the schema'
            message += f"; allowed{where.removesuffix(' here')}: {_listed(names, self.default_ns)}" if names else ""
        else:
            message = f'element "{self._name(el.tag)}" is not allowed{where}'
            if names or text:
                allowed = _listed(names, self.default_ns) if names else ""
                allowed = ", ".join(x for x in (("text" if text else ""), allowed) if x)
                message += f"; allowed: {allowed}"
            else:
                message += f"; nothing more is allowed inside {self._name(parent.tag)}" if parent is not None else ""
        self.problems.append(Problem(el, None, message))

    def _content(self, state: int, el: etree._Element, after: bool = True) -> int:
        p = self.p
        for name, value in el.items():
            derived = p.attribute_deriv(state, name, value)
            if derived == NOT_ALLOWED:
                if p.allows_attribute(state, name):
                    wanted = describe_value(self.p, p.choices(list(p.attribute_contents(state, name))))
                    message = f'attribute "{self._attr(name)}" of "{self._name(el.tag)}" has a bad value "{value}"'
                    message += f"; it must be {wanted}" if wanted else ""
                else:
                    message = f'attribute "{self._attr(name)}" is not allowed on "{self._name(el.tag)}"'
                    _, _, others = expected(self.p, state)
                    message += f"; allowed: {_listed(others, self.default_ns, element=False)}" if others else ""
                self.problems.append(Problem(el, name, message))
                continue
            state = derived
        closed = p.start_tag_close(state)
        if closed == NOT_ALLOWED:
            missing = required_attributes(self.p, state)
            names = _listed(missing, self.default_ns, element=False) if missing else "?"
            self.problems.append(
                Problem(el, None, f'element "{self._name(el.tag)}" lacks a required attribute: {names}')
            )
            closed = p.close_leniently(state)
        state = self._children(closed, el)
        ended = p.end_tag(state)
        if ended == NOT_ALLOWED:
            names, text, _ = expected(self.p, state)
            wanted = ", ".join(x for x in ("text" if text else "", _listed(names, self.default_ns)) if x)
            self.problems.append(
                Problem(el, None, f'element "{self._name(el.tag)}" is incomplete; expected: {wanted or "?"}')
            )
            ended = p.end_tag_leniently(state)
        return ended

    def _children(self, state: int, el: etree._Element) -> int:
        p = self.p
        text = el.text or ""
        if len(el):
            elements = False
            for child in el:
                if not isinstance(child.tag, str):  # a comment or processing instruction: text runs on
                    text += child.tail or ""
                    continue
                elements = True
                state = self._text(state, el, text, child)
                state = self._element(state, child, el)
                text = child.tail or ""
            if elements:
                return self._text(state, el, text)
        # text alone (or nothing): whitespace may also be no content at all
        derived = p.text_deriv(state, text)
        if not text.strip():
            derived = p.choice(state, derived)
        if derived == NOT_ALLOWED:
            self._bad_text(state, el, text)
            return state
        return derived

    def _text(self, state: int, el: etree._Element, text: str, following: etree._Element | None = None) -> int:
        if not text.strip():  # whitespace between elements is no content
            return state
        derived = self.p.text_deriv(state, text)
        if derived == NOT_ALLOWED:
            self._bad_text(state, el, text, following)
            return state
        return derived

    def _bad_text(self, state: int, el: etree._Element, text: str, following: etree._Element | None = None) -> None:
        names, takes_text, _ = expected(self.p, state)
        shown = " ".join(text.split())
        shown = shown if len(shown) <= 40 else shown[:37] + "…"
        if takes_text:
            message = f'"{shown}" is not a valid value of "{self._name(el.tag)}"'
            wanted = describe_value(self.p, state)
            message += f"; it must be {wanted}" if wanted and wanted != "text" else ""
        else:
            message = f'text "{shown}" is not allowed inside "{self._name(el.tag)}"'
            message += f"; allowed: {_listed(names, self.default_ns)}" if names else ""
        line = None
        if following is not None and following.sourceline:  # the next element's line, less the lines after the words
            line = following.sourceline - text[len(text) - len(text.lstrip()) :].count("\n")
        self.problems.append(Problem(el, None, message, line))
