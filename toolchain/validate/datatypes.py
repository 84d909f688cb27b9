"""The datatypes of RELAX NG patterns: the built-in library (`string`, `token`) and W3C XML Schema's
(`http://www.w3.org/2001/XMLSchema-datatypes`), with the facets schemas give as parameters.

XML Schema's lexical spaces are xmlschema's built-in types; a `pattern` is XML Schema's regex dialect,
translated by elementpath. Answers are remembered per value.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

XSD_LIBRARY = "http://www.w3.org/2001/XMLSchema-datatypes"
BUILTIN_LIBRARY = ""
# XML Schema types whose values keep their whitespace; all others are collapsed first.
_PRESERVED = {"string"}
_REPLACED = {"normalizedString"}


class DatatypeError(Exception):
    pass


class Datatype:
    """One datatype with its parameters (facets)."""

    def __init__(self, library: str, name: str, params: tuple[tuple[str, str], ...] = ()) -> None:
        if library not in (XSD_LIBRARY, BUILTIN_LIBRARY):
            raise DatatypeError(f"unknown datatype library '{library}'")
        if library == BUILTIN_LIBRARY and name not in ("string", "token"):
            raise DatatypeError(f"the built-in datatype library has no type '{name}'")
        if library == XSD_LIBRARY:
            _xsd_type(name)  # raises for an unknown name
        self.library, self.name, self.params = library, name, params
        # XML Schema's regexes in Python's dialect, translated once with the grammar (kept in its cache)
        self.regexes = tuple(_translate(v) for k, v in params if k == "pattern")
        self._patterns: list[re.Pattern[str]] | None = None

    def key(self) -> tuple:
        return (self.library, self.name, self.params)

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_patterns"] = None
        return state

    def describe(self) -> str:
        facets = ", ".join(f"{k} {v!r}" for k, v in self.params)
        return f"{self.name}" + (f" ({facets})" if facets else "")

    def normalise(self, text: str) -> str:
        if self.name in _PRESERVED:
            return text
        if self.name in _REPLACED:
            return re.sub(r"[\t\n\r]", " ", text)
        return " ".join(text.split())

    def allows(self, text: str) -> bool:
        if self.library == BUILTIN_LIBRARY or (self.name == "string" and not self.params):
            return True
        return _allows(self, text)

    def _check(self, text: str) -> bool:
        value = self.normalise(text)
        xsd = _xsd_type(self.name)
        if not xsd.is_valid(value):
            return False
        if self._patterns is None:
            self._patterns = [re.compile(r) for r in self.regexes]
        if not all(p.fullmatch(value) for p in self._patterns):
            return False
        for facet, limit in self.params:
            if facet in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                number, bound = float(xsd.decode(value)), float(limit)
                ok = {
                    "minInclusive": number >= bound,
                    "maxInclusive": number <= bound,
                    "minExclusive": number > bound,
                    "maxExclusive": number < bound,
                }[facet]
                if not ok:
                    return False
            elif facet in ("length", "minLength", "maxLength"):
                size, bound = len(value), int(limit)
                if (facet == "length" and size != bound) or (facet == "minLength" and size < bound):
                    return False
                if facet == "maxLength" and size > bound:
                    return False
        return True


@lru_cache(maxsize=1 << 16)
def _allows(dt: Datatype, text: str) -> bool:
    return dt._check(text)


@cache
def _xsd_type(name: str):
    import xmlschema

    types = xmlschema.XMLSchema.builtin_types()
    if name not in types:
        raise DatatypeError(f"XML Schema has no datatype '{name}'")
    return types[name]


@cache
def _translate(pattern: str) -> str:
    from elementpath.regex import translate_pattern

    return translate_pattern(pattern, anchors=False)
