"""What a pattern expects next, said for a message: the elements, text and attributes it may take, the
attributes it requires, the values an attribute may have, and the states after a missing element (so that
the check goes on after it). Each answer is remembered in `Patterns.described`.
"""

from __future__ import annotations

from .nodes import (
    AFTER,
    ATTRIBUTE,
    CHOICE,
    DATA,
    DATA_EXCEPT,
    ELEMENT,
    EMPTY,
    GROUP,
    INTERLEAVE,
    LIST,
    NOT_ALLOWED,
    ONE_OR_MORE,
    TEXT,
    VALUE,
    VALUES,
    contains,
    names_of,
)
from .patterns import Patterns


def expected(ps: Patterns, p: int) -> tuple[list[str], bool, list[str]]:
    """(element names, whether text, attribute names) that `p` could take next."""
    found = ps.described.get(p)
    if found is None:
        elements: list[str] = []
        attributes: list[str] = []
        text = [False]
        _walk_first(ps, p, elements, attributes, text, set())
        found = ps.described[p] = (list(dict.fromkeys(elements)), text[0], list(dict.fromkeys(attributes)))
    return found


def _walk_first(ps: Patterns, p: int, elements: list[str], attributes: list[str], text: list[bool], seen: set) -> None:
    if p in seen:
        return
    seen.add(p)
    kind, a, b = ps.kind[p], ps.a[p], ps.b[p]
    if kind == ELEMENT:
        elements.extend(names_of(a))
    elif kind == ATTRIBUTE:
        attributes.extend(names_of(a))
    elif kind == TEXT or kind in VALUES:
        text[0] = True
    elif kind == CHOICE:
        for q in a:
            _walk_first(ps, q, elements, attributes, text, seen)
    elif kind == INTERLEAVE:
        _walk_first(ps, a, elements, attributes, text, seen)
        _walk_first(ps, b, elements, attributes, text, seen)
    elif kind == GROUP:
        _walk_first(ps, a, elements, attributes, text, seen)
        if ps.nullable[a] or ps.kind[a] == ATTRIBUTE or _only_attributes(ps, a):
            _walk_first(ps, b, elements, attributes, text, seen)
    elif kind in (ONE_OR_MORE, AFTER):
        _walk_first(ps, a, elements, attributes, text, seen)


def _only_attributes(ps: Patterns, p: int) -> bool:
    kind = ps.kind[p]
    if kind == ATTRIBUTE:
        return True
    if kind == CHOICE:
        return all(_only_attributes(ps, q) for q in ps.a[p])
    if kind in (GROUP, INTERLEAVE):
        return _only_attributes(ps, ps.a[p]) and _only_attributes(ps, ps.b[p])
    if kind == ONE_OR_MORE:
        return _only_attributes(ps, ps.a[p])
    return False


def definitions(ps: Patterns, name: str) -> int:
    """The contents of every element definition that allows `name`, as one choice."""
    key = ("def", name)
    found = ps.described.get(key)
    if found is None:
        contents = [ps.b[e] for e in ps.elements if contains(ps.a[e], name)]
        found = ps.described[key] = (ps.choices([ps.after(c, EMPTY) for c in contents]),)
    return found[0]


def skip_one(ps: Patterns, p: int) -> list[tuple[str, int]]:
    """The states after one more element of those `p` expects, each (name, state): where a required
    element is missing, what follows it is checked as if it were there."""
    names = [name for name in expected(ps, p)[0] if not name.endswith("*")]  # a name class is no element to add
    return [(name, ps.end_tag_leniently(ps.close_leniently(ps.start_tag_open(p, name)))) for name in names]


def describe_value(ps: Patterns, p: int) -> str:
    """What an attribute's or an element's value may be: its values, else its datatypes."""
    values, types = _values(ps, p)
    if values and not types:
        return (
            "one of " + ", ".join(f'"{v}"' for v in sorted(set(values))[:12]) + (" …" if len(set(values)) > 12 else "")
        )
    shown = sorted(set(types)) + ([f"{len(set(values))} listed values"] if values else [])
    return " or ".join(shown)


def _values(ps: Patterns, p: int) -> tuple[list[str], list[str]]:
    """The values and the datatypes (described) that `p` allows."""
    values: list[str] = []
    types: list[str] = []
    for q in ps._reachable(p):
        kind, a, b = ps.kind[q], ps.a[q], ps.b[q]
        if kind == VALUE:
            values.append(str(b))
        elif kind in (DATA, DATA_EXCEPT):
            types.append(ps.datatypes[a].describe())
        elif kind == LIST:
            inner_values, inner_types = _values(ps, a)
            values.extend(inner_values)
            types.extend(f"a list of {t}" for t in inner_types)
        elif kind == TEXT:
            types.append("text")
    return values, types


def required_attributes(ps: Patterns, p: int) -> list[str]:
    """The attributes of which one must be given for the start tag to close (each alone suffices)."""
    names = expected(ps, p)[2]
    alone = [n for n in names if not n.endswith("*") and ps.start_tag_close(ps.attribute_given(p, n)) != NOT_ALLOWED]
    return alone or names
