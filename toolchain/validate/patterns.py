"""RELAX NG patterns and their derivatives (James Clark, "An algorithm for RELAX NG validation").

A pattern is an int: the index of an interned node in `Patterns`, so equal patterns are one int and
every derivative can be remembered in a dict. The memo tables grow as documents are validated into
an automaton of the states the documents reach; the schema's later files are mostly dict lookups, and
the automaton is kept with the compiled grammar (`schemas.Schema.keep_warm`).

A derivative's dependence on a text or an attribute value is only through the verdicts of the data
patterns the text meets (`_leaves`): the memo is keyed by those verdicts, never by the text itself.
"""

from __future__ import annotations

from collections.abc import Callable

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


class Patterns:
    """The interned nodes of one grammar, their derivatives, and the memo of each derivative."""

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
        self.reset()

    def reset(self) -> None:
        self._open: dict[tuple[int, str], int] = {}
        self._close: dict[int, int] = {}
        self._end: dict[int, int] = {}
        self._att: dict[tuple, int] = {}
        self._text: dict[tuple, int] = {}
        self._leaf_memo: dict[tuple, tuple] = {}
        self._text_leaf: dict[int, tuple[int, ...]] = {}
        self._text_any: dict[int, int] = {}
        self._first: dict[int, tuple] = {}

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
        if p1 == NOT_ALLOWED or p2 == NOT_ALLOWED:
            return NOT_ALLOWED
        if p1 == EMPTY:
            return p2
        if p2 == EMPTY:
            return p1
        return self._node(GROUP, p1, p2, self.nullable[p1] and self.nullable[p2])

    def interleave(self, p1: int, p2: int) -> int:
        if p1 == NOT_ALLOWED or p2 == NOT_ALLOWED:
            return NOT_ALLOWED
        if p1 == EMPTY:
            return p2
        if p2 == EMPTY:
            return p1
        p1, p2 = min(p1, p2), max(p1, p2)
        return self._node(INTERLEAVE, p1, p2, self.nullable[p1] and self.nullable[p2])

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

    # --- derivatives ----------------------------------------------------------------

    def _apply_after(self, f: Callable[[int], int], p: int) -> int:
        kind = self.kind[p]
        if kind == AFTER:
            return self.after(self.a[p], f(self.b[p]))
        if kind == CHOICE:
            return self.choices([self._apply_after(f, q) for q in self.a[p]])
        return NOT_ALLOWED

    def start_tag_open(self, p: int, name: str) -> int:
        key = (p, name)
        found = self._open.get(key)
        if found is None:
            found = self._open[key] = self._start_tag_open(p, name)
        return found

    def _start_tag_open(self, p: int, name: str) -> int:
        kind, a, b = self.kind[p], self.a[p], self.b[p]
        if kind == CHOICE:
            return self.choices([self.start_tag_open(q, name) for q in a])
        if kind == ELEMENT:
            return self.after(b, EMPTY) if contains(a, name) else NOT_ALLOWED
        if kind == INTERLEAVE:
            left = self._apply_after(lambda q: self.interleave(q, b), self.start_tag_open(a, name))
            right = self._apply_after(lambda q: self.interleave(a, q), self.start_tag_open(b, name))
            return self.choice(left, right)
        if kind == ONE_OR_MORE:
            rest = self.optional(p)
            return self._apply_after(lambda q: self.group(q, rest), self.start_tag_open(a, name))
        if kind == GROUP:
            found = self._apply_after(lambda q: self.group(q, b), self.start_tag_open(a, name))
            return self.choice(found, self.start_tag_open(b, name)) if self.nullable[a] else found
        if kind == AFTER:
            return self._apply_after(lambda q: self.after(q, b), self.start_tag_open(a, name))
        return NOT_ALLOWED

    def attribute_deriv(self, p: int, name: str, value: str) -> int:
        leaves = self._leaves(p, name)
        verdicts = tuple(self.value_match(q, value) for q in leaves)
        key = (p, name, verdicts)
        found = self._att.get(key)
        if found is None:
            found = self._att[key] = self._attribute_deriv(p, name, dict(zip(leaves, verdicts, strict=True)))
        return found

    def _attribute_deriv(self, p: int, name: str, verdicts: dict[int, bool]) -> int:
        kind, a, b = self.kind[p], self.a[p], self.b[p]
        if kind == AFTER:
            return self.after(self._attribute_deriv(a, name, verdicts), b)
        if kind == CHOICE:
            return self.choices([self._attribute_deriv(q, name, verdicts) for q in a])
        if kind == GROUP:
            left = self.group(self._attribute_deriv(a, name, verdicts), b)
            return self.choice(left, self.group(a, self._attribute_deriv(b, name, verdicts)))
        if kind == INTERLEAVE:
            left = self.interleave(self._attribute_deriv(a, name, verdicts), b)
            return self.choice(left, self.interleave(a, self._attribute_deriv(b, name, verdicts)))
        if kind == ONE_OR_MORE:
            return self.group(self._attribute_deriv(a, name, verdicts), self.optional(p))
        if kind == ATTRIBUTE:
            return EMPTY if contains(a, name) and verdicts[b] else NOT_ALLOWED
        return NOT_ALLOWED

    def _leaves(self, p: int, name: str) -> tuple[int, ...]:
        """The contents of the attribute patterns of `p` (before its children) that allow `name`."""
        key = ("att", p, name)
        found = self._leaf_memo.get(key)
        if found is None:
            kind, a, b = self.kind, self.a, self.b
            found = tuple(
                dict.fromkeys(b[q] for q in self._reachable(p) if kind[q] == ATTRIBUTE and contains(a[q], name))
            )
            self._leaf_memo[key] = found
        return found

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

    def attribute_contents(self, p: int, name: str) -> tuple[int, ...]:
        return self._leaves(p, name)

    def required_attributes(self, p: int) -> list[str]:
        """The attributes of which one must be given for the start tag to close (each alone suffices)."""
        _, _, names = self.expected(p)
        out = []
        for name in names:
            if name.endswith("*"):
                continue
            given = self._attribute_deriv(p, name, dict.fromkeys(self._leaves(p, name), True))
            if self.start_tag_close(given) != NOT_ALLOWED:
                out.append(name)
        return out or names

    def allows_attribute(self, p: int, name: str) -> bool:
        """Whether `p` has an attribute of this name at all (whatever its value)."""
        return bool(self._leaves(p, name))

    def start_tag_close(self, p: int) -> int:
        found = self._close.get(p)
        if found is None:
            found = self._close[p] = self._start_tag_close(p, lenient=False)
        return found

    def _start_tag_close(self, p: int, lenient: bool) -> int:
        kind, a, b = self.kind[p], self.a[p], self.b[p]
        if kind == AFTER:
            return self.after(self._start_tag_close(a, lenient), b)
        if kind == CHOICE:
            return self.choices([self._start_tag_close(q, lenient) for q in a])
        if kind == GROUP:
            return self.group(self._start_tag_close(a, lenient), self._start_tag_close(b, lenient))
        if kind == INTERLEAVE:
            return self.interleave(self._start_tag_close(a, lenient), self._start_tag_close(b, lenient))
        if kind == ONE_OR_MORE:
            return self.one_or_more(self._start_tag_close(a, lenient))
        if kind == ATTRIBUTE:
            return EMPTY if lenient else NOT_ALLOWED
        return p

    def close_leniently(self, p: int) -> int:
        """The start tag closed as if the attributes still required were there (after reporting them)."""
        return self._start_tag_close(p, lenient=True)

    def text_deriv(self, p: int, text: str) -> int:
        leaves = self._text_leaves(p)
        if not leaves:  # text (or nothing) whatever it says: one derivative for every text
            found = self._text_any.get(p)
            if found is None:
                found = self._text_any[p] = self._text_deriv(p, {})
            return found
        verdicts = tuple(self._leaf_allows(q, text) for q in leaves)
        key = (p, verdicts)
        found = self._text.get(key)
        if found is None:
            found = self._text[key] = self._text_deriv(p, dict(zip(leaves, verdicts, strict=True)))
        return found

    def _text_deriv(self, p: int, verdicts: dict[int, bool]) -> int:
        kind, a, b = self.kind[p], self.a[p], self.b[p]
        if kind == CHOICE:
            return self.choices([self._text_deriv(q, verdicts) for q in a])
        if kind == INTERLEAVE:
            left = self.interleave(self._text_deriv(a, verdicts), b)
            return self.choice(left, self.interleave(a, self._text_deriv(b, verdicts)))
        if kind == GROUP:
            found = self.group(self._text_deriv(a, verdicts), b)
            return self.choice(found, self._text_deriv(b, verdicts)) if self.nullable[a] else found
        if kind == AFTER:
            return self.after(self._text_deriv(a, verdicts), b)
        if kind == ONE_OR_MORE:
            return self.group(self._text_deriv(a, verdicts), self.optional(p))
        if kind == TEXT:
            return TEXT
        if kind in (DATA, DATA_EXCEPT, VALUE, LIST):
            return EMPTY if verdicts[p] else NOT_ALLOWED
        return NOT_ALLOWED

    def _text_leaves(self, p: int) -> tuple[int, ...]:
        """The data, value and list patterns a text meets in `p`: what its derivative depends on."""
        found = self._text_leaf.get(p)
        if found is None:
            kind = self.kind
            found = self._text_leaf[p] = tuple(
                q for q in self._reachable(p) if kind[q] in (DATA, DATA_EXCEPT, VALUE, LIST)
            )
        return found

    def _leaf_allows(self, p: int, text: str) -> bool:
        kind, a, b = self.kind[p], self.a[p], self.b[p]
        if kind == DATA:
            return self.datatypes[a].allows(text)
        if kind == DATA_EXCEPT:
            return self.datatypes[a].allows(text) and not self.nullable[self.text_deriv(b, text)]
        if kind == VALUE:
            return self.datatypes[a].normalise(text) == b
        # a list: its words, one by one
        q = a
        for word in text.split():
            q = self.text_deriv(q, word)
            if q == NOT_ALLOWED:
                return False
        return self.nullable[q]

    def value_match(self, p: int, text: str) -> bool:
        """Whether `text` is a value `p` allows (an attribute's value): a choice of values and datatypes is
        tried in turn until one allows it; other patterns by their derivative."""
        kind = self.kind[p]
        if kind == CHOICE:
            return any(self.value_match(q, text) for q in self.a[p])
        if kind in (DATA, DATA_EXCEPT, VALUE, LIST):
            return self._leaf_allows(p, text)
        if kind == TEXT:
            return True
        if kind == EMPTY:
            return not text.strip()
        return (self.nullable[p] and not text.strip()) or self.nullable[self.text_deriv(p, text)]

    def size(self) -> int:
        """How much the grammar has learnt: its nodes and remembered derivatives."""
        return (
            len(self.kind) + len(self._open) + len(self._att) + len(self._text) + len(self._text_any) + len(self._close)
        )

    def end_tag(self, p: int) -> int:
        found = self._end.get(p)
        if found is None:
            kind = self.kind[p]
            if kind == CHOICE:
                found = self.choices([self.end_tag(q) for q in self.a[p]])
            elif kind == AFTER:
                found = self.b[p] if self.nullable[self.a[p]] else NOT_ALLOWED
            else:
                found = NOT_ALLOWED
            self._end[p] = found
        return found

    def end_tag_leniently(self, p: int) -> int:
        """The element ended as if its content were complete (after reporting what it lacks)."""
        kind = self.kind[p]
        if kind == CHOICE:
            return self.choices([self.end_tag_leniently(q) for q in self.a[p]])
        return self.b[p] if kind == AFTER else NOT_ALLOWED

    # --- what a pattern expects, for messages ----------------------------------------------

    def expected(self, p: int) -> tuple[list[str], bool, list[str]]:
        """(element names, whether text, attribute names) that `p` could take next."""
        found = self._first.get(p)
        if found is None:
            elements: list[str] = []
            attributes: list[str] = []
            text = [False]
            self._walk_first(p, elements, attributes, text, set())
            found = self._first[p] = (list(dict.fromkeys(elements)), text[0], list(dict.fromkeys(attributes)))
        return found

    def _walk_first(self, p: int, elements: list[str], attributes: list[str], text: list[bool], seen: set) -> None:
        if p in seen:
            return
        seen.add(p)
        kind, a, b = self.kind[p], self.a[p], self.b[p]
        if kind == ELEMENT:
            elements.extend(names_of(a))
        elif kind == ATTRIBUTE:
            attributes.extend(names_of(a))
        elif kind in (TEXT, DATA, DATA_EXCEPT, VALUE, LIST):
            text[0] = True
        elif kind == CHOICE:
            for q in a:
                self._walk_first(q, elements, attributes, text, seen)
        elif kind == INTERLEAVE:
            self._walk_first(a, elements, attributes, text, seen)
            self._walk_first(b, elements, attributes, text, seen)
        elif kind == GROUP:
            self._walk_first(a, elements, attributes, text, seen)
            if self.nullable[a] or self.kind[a] == ATTRIBUTE or self._only_attributes(a):
                self._walk_first(b, elements, attributes, text, seen)
        elif kind in (ONE_OR_MORE, AFTER):
            self._walk_first(a, elements, attributes, text, seen)

    def _only_attributes(self, p: int) -> bool:
        kind = self.kind[p]
        if kind == ATTRIBUTE:
            return True
        if kind == CHOICE:
            return all(self._only_attributes(q) for q in self.a[p])
        if kind in (GROUP, INTERLEAVE):
            return self._only_attributes(self.a[p]) and self._only_attributes(self.b[p])
        if kind == ONE_OR_MORE:
            return self._only_attributes(self.a[p])
        return False

    def definitions(self, name: str) -> int:
        """The contents of every element definition that allows `name`, as one choice."""
        key = ("def", name)
        found = self._leaf_memo.get(key)
        if found is None:
            contents = [self.b[e] for e in self.elements if contains(self.a[e], name)]
            found = self._leaf_memo[key] = (self.choices([self.after(c, EMPTY) for c in contents]),)
        return found[0]

    def skip_one(self, p: int) -> list[tuple[str, int]]:
        """The states after one more element of those `p` expects, each (name, state): where a required
        element is missing, what follows it is checked as if it were there."""
        names, _, _ = self.expected(p)
        out = []
        for name in names:
            if name.endswith("*"):
                continue
            opened = self.start_tag_open(p, name)
            out.append((name, self.end_tag_leniently(self.close_leniently(opened))))
        return out

    def describe_value(self, p: int) -> str:
        """What an attribute's or an element's value may be: its values, else its datatypes."""
        values, types = self._values(p)
        if values and not types:
            return (
                "one of "
                + ", ".join(f'"{v}"' for v in sorted(set(values))[:12])
                + (" …" if len(set(values)) > 12 else "")
            )
        shown = sorted(set(types)) + ([f"{len(set(values))} listed values"] if values else [])
        return " or ".join(shown)

    def _values(self, p: int) -> tuple[list[str], list[str]]:
        """The values and the datatypes (described) that `p` allows."""
        values: list[str] = []
        types: list[str] = []
        for q in self._reachable(p):
            kind, a, b = self.kind[q], self.a[q], self.b[q]
            if kind == VALUE:
                values.append(str(b))
            elif kind in (DATA, DATA_EXCEPT):
                types.append(self.datatypes[a].describe())
            elif kind == LIST:
                inner_values, inner_types = self._values(a)
                values.extend(inner_values)
                types.extend(f"a list of {t}" for t in inner_types)
            elif kind == TEXT:
                types.append("text")
        return values, types
