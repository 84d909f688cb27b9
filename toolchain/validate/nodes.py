"""The nodes of RELAX NG patterns, interned: a pattern is an int, the index of its node in `Nodes`, so
equal patterns are one int and anything computed of a pattern can be remembered by it. The constructors
simplify as they build (a choice with notAllowed is the other pattern, a group with empty the other
part; a choice's alternatives are a sorted set).
"""

from __future__ import annotations

from .datatypes import Datatype

# Node kinds
(
    EMPTY,
    NOT_ALLOWED,
    TEXT,
    CHOICE,
    INTERLEAVE,
    GROUP,
    ONE_OR_MORE,
    LIST,
    DATA,
    DATA_EXCEPT,
    VALUE,
    ATTRIBUTE,
    ELEMENT,
    AFTER,
) = range(14)
# The nodes a text or an attribute's value is checked against (what its derivative depends on)
VALUES = (DATA, DATA_EXCEPT, VALUE, LIST)
# Name classes are tuples: ("any",) ("any-except", nc) ("name", clark) ("ns", uri) ("ns-except", uri, nc)
# ("or", nc, nc); a name is Clark notation ("{uri}local", or "local" without a namespace).
NameClass = tuple


def contains(nc: NameClass, name: str) -> bool:
    kind = nc[0]
    if kind == "name":
        return nc[1] == name
    if kind == "any":
        return True
    if kind == "or":
        return contains(nc[1], name) or contains(nc[2], name)
    uri = name[1 : name.index("}")] if name.startswith("{") else ""
    if kind == "ns":
        return nc[1] == uri
    if kind == "ns-except":
        return nc[1] == uri and not contains(nc[2], name)
    return not contains(nc[1], name)  # any-except


def names_of(nc: NameClass) -> list[str]:
    """The names a name class allows, for a message: names as they are, others described."""
    kind = nc[0]
    if kind == "name":
        return [nc[1]]
    if kind == "or":
        return names_of(nc[1]) + names_of(nc[2])
    if kind in ("ns", "ns-except"):
        return [f"{{{nc[1]}}}*"]
    return ["*"]


class Nodes:
    """The interned nodes of one grammar and how they are built."""

    def __init__(self) -> None:
        self.kind: list[int] = []
        self.a: list[object] = []
        self.b: list[object] = []
        self.nullable: list[bool] = []
        self._intern: dict[tuple, int] = {}
        self.datatypes: list[Datatype] = []
        self._datatype_index: dict[tuple, int] = {}
        self.elements: list[int] = []  # every ELEMENT node, to find a stray element's own definition
        for k in (EMPTY, NOT_ALLOWED, TEXT):
            self._node(k, None, None, k != NOT_ALLOWED)
        self.start = NOT_ALLOWED

    # --- construction --------------------------------------------------------------

    def _node(self, kind: int, a: object, b: object, nullable: bool, key: tuple | None = None) -> int:
        key = key or (kind, a, b)
        found = self._intern.get(key)
        if found is not None:
            return found
        self.kind.append(kind)
        self.a.append(a)
        self.b.append(b)
        self.nullable.append(nullable)
        self._intern[key] = len(self.kind) - 1
        return len(self.kind) - 1

    def datatype(self, dt: Datatype) -> int:
        key = dt.key()
        if key not in self._datatype_index:
            self.datatypes.append(dt)
            self._datatype_index[key] = len(self.datatypes) - 1
        return self._datatype_index[key]

    def choice(self, p1: int, p2: int) -> int:
        if p1 == NOT_ALLOWED:
            return p2
        if p2 == NOT_ALLOWED or p1 == p2:
            return p1
        alts = set(self.a[p1] if self.kind[p1] == CHOICE else (p1,))
        alts.update(self.a[p2] if self.kind[p2] == CHOICE else (p2,))
        if len(alts) == 1:
            return alts.pop()
        ordered = tuple(sorted(alts))
        return self._node(CHOICE, ordered, None, any(self.nullable[p] for p in ordered))

    def choices(self, ps: list[int]) -> int:
        out = NOT_ALLOWED
        for p in ps:
            out = self.choice(out, p)
        return out

    def group(self, p1: int, p2: int) -> int:
        return self._pair(GROUP, p1, p2)

    def interleave(self, p1: int, p2: int) -> int:
        return self._pair(INTERLEAVE, min(p1, p2), max(p1, p2))  # in either order the same

    def _pair(self, kind: int, p1: int, p2: int) -> int:
        if p1 == NOT_ALLOWED or p2 == NOT_ALLOWED:
            return NOT_ALLOWED
        if p1 == EMPTY:
            return p2
        if p2 == EMPTY:
            return p1
        return self._node(kind, p1, p2, self.nullable[p1] and self.nullable[p2])

    def after(self, p1: int, p2: int) -> int:
        if p1 == NOT_ALLOWED or p2 == NOT_ALLOWED:
            return NOT_ALLOWED
        return self._node(AFTER, p1, p2, False)

    def one_or_more(self, p: int) -> int:
        if p in (NOT_ALLOWED, EMPTY):
            return p
        return self._node(ONE_OR_MORE, p, None, self.nullable[p])

    def optional(self, p: int) -> int:
        return self.choice(p, EMPTY)

    def list_of(self, p: int) -> int:
        return NOT_ALLOWED if p == NOT_ALLOWED else self._node(LIST, p, None, False)

    def data(self, dt: Datatype, except_: int = NOT_ALLOWED) -> int:
        index = self.datatype(dt)
        if except_ == NOT_ALLOWED:
            return self._node(DATA, index, None, False)
        return self._node(DATA_EXCEPT, index, except_, False)

    def value(self, dt: Datatype, value: str) -> int:
        index = self.datatype(dt)
        return self._node(VALUE, index, self.datatypes[index].normalise(value), False)

    def attribute(self, nc: NameClass, p: int) -> int:
        return NOT_ALLOWED if p == NOT_ALLOWED else self._node(ATTRIBUTE, nc, p, False)

    def element(self, nc: NameClass) -> int:
        """A new element node; its content is set once compiled (`set_content`): content may refer back."""
        index = self._node(ELEMENT, nc, NOT_ALLOWED, False, key=("element", len(self.kind)))
        self.elements.append(index)
        return index

    def set_content(self, element: int, content: int) -> None:
        self.b[element] = content

    def _reachable(self, p: int) -> list[int]:
        """The nodes other than choices, groups, interleaves, repetitions and afters that `p` is made of at
        its top (an element's content, an attribute's value are not entered), each once."""
        out: list[int] = []
        seen: set[int] = set()
        todo = [p]
        while todo:
            q = todo.pop()
            if q in seen:
                continue
            seen.add(q)
            kind = self.kind[q]
            if kind == CHOICE:
                todo.extend(reversed(self.a[q]))
            elif kind in (GROUP, INTERLEAVE):
                todo.extend((self.b[q], self.a[q]))
            elif kind in (ONE_OR_MORE, AFTER):
                todo.append(self.a[q])
            else:
                out.append(q)
        return out
