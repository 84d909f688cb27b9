"""RELAX NG patterns and their derivatives (James Clark, "An algorithm for RELAX NG validation").

A pattern is an int, the index of an interned node (`nodes`), so equal patterns are one int and every
derivative can be remembered in a dict. The memo tables grow as documents are validated into
an automaton of the states the documents reach; the schema's later files are mostly dict lookups, and
the automaton is kept with the compiled grammar (`schemas.Schema.keep_warm`).

A derivative's dependence on a text or an attribute value is only through the verdicts of the data
patterns the text meets (`_leaves`): the memo is keyed by those verdicts, never by the text itself.
"""

from __future__ import annotations

from collections.abc import Callable

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
    NOT_ALLOWED,
    ONE_OR_MORE,
    TEXT,
    VALUE,
    VALUES,
    Nodes,
    contains,
)

# The attribute derivatives remembered per value at most (then forgotten and learnt again)
BY_VALUE = 1 << 17


class Patterns(Nodes):
    """The derivatives of the nodes, each remembered."""

    def __init__(self) -> None:
        super().__init__()
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
        self.described: dict[object, tuple] = {}  # what `expected` said of a pattern
        self._by_value: dict[tuple[int, str, str], int] = {}

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_by_value"] = {}  # the values of one run's documents: not kept with the grammar
        return state

    def size(self) -> int:
        """How much the grammar has learnt: its nodes and remembered derivatives."""
        return (
            len(self.kind) + len(self._open) + len(self._att) + len(self._text) + len(self._text_any) + len(self._close)
        )

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
        """`p` after the attribute: remembered per value too, as most values recur (`@type`, `@rend`,
        `@who`), which spares trying the value against the attribute's datatypes and choices."""
        key = (p, name, value)
        found = self._by_value.get(key)
        if found is None:
            if len(self._by_value) >= BY_VALUE:
                self._by_value.clear()
            found = self._by_value[key] = self._attribute_deriv_of(p, name, value)
        return found

    def _attribute_deriv_of(self, p: int, name: str, value: str) -> int:
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
        if kind in VALUES:
            return EMPTY if verdicts[p] else NOT_ALLOWED
        return NOT_ALLOWED

    def _text_leaves(self, p: int) -> tuple[int, ...]:
        """The data, value and list patterns a text meets in `p`: what its derivative depends on."""
        found = self._text_leaf.get(p)
        if found is None:
            kind = self.kind
            found = self._text_leaf[p] = tuple(q for q in self._reachable(p) if kind[q] in VALUES)
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
        if kind in VALUES:
            return self._leaf_allows(p, text)
        if kind == TEXT:
            return True
        if kind == EMPTY:
            return not text.strip()
        return (self.nullable[p] and not text.strip()) or self.nullable[self.text_deriv(p, text)]

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

    def attribute_given(self, p: int, name: str) -> int:
        """`p` after an attribute of this name with a value it allows."""
        return self._attribute_deriv(p, name, dict.fromkeys(self._leaves(p, name), True))

    def attribute_contents(self, p: int, name: str) -> tuple[int, ...]:
        return self._leaves(p, name)

    def allows_attribute(self, p: int, name: str) -> bool:
        """Whether `p` has an attribute of this name at all (whatever its value)."""
        return bool(self._leaves(p, name))
