"""The datatypes of RELAX NG patterns: the built-in library (`string`, `token`) and W3C XML Schema's
(`http://www.w3.org/2001/XMLSchema-datatypes`), with the facets schemas give as parameters.

XML Schema's lexical spaces (version 1.0, which RELAX NG names) are read by elementpath's datatypes, the
ones xmlschema builds its built-in types from, without the cost of building xmlschema's meta-schema at
each start; a `pattern` is XML Schema's regex dialect, translated by elementpath. Answers are
remembered per value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
        if not _lexical(self.name, value):
            return False
        if self._patterns is None:
            self._patterns = [re.compile(r) for r in self.regexes]
        if not all(p.fullmatch(value) for p in self._patterns):
            return False
        for facet, limit in self.params:
            if facet in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
                number, bound = float(value), float(limit)
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


def _xsd_type(name: str) -> Callable[[str], object]:
    """The reader of an XML Schema datatype's lexical space: it raises ValueError (or TypeError) for a
    string outside it."""
    readers = _readers()
    if name not in readers:
        raise DatatypeError(f"XML Schema has no datatype '{name}'")
    return readers[name]


@cache
def _readers() -> dict[str, Callable[[str], object]]:
    from elementpath import datatypes as xs

    def listed(item: Callable[[str], object]) -> Callable[[str], object]:
        def read(value: str) -> object:
            if not value.split():
                raise ValueError("an empty list")
            return [item(v) for v in value.split()]

        return read

    def lexical(kind: type) -> Callable[[str], object]:
        def read(value: str) -> object:
            if not kind.pattern.match(value):
                raise ValueError(value)
            return value

        return read

    names: dict[str, Callable[[str], object]] = {
        "anyURI": xs.AnyURI,
        "base64Binary": xs.Base64Binary,
        "boolean": xs.BooleanProxy,
        "byte": xs.Byte,
        "date": xs.Date10.fromstring,
        "dateTime": xs.DateTime10.fromstring,
        "decimal": xs.DecimalProxy,
        "double": xs.DoubleProxy10,
        "duration": xs.Duration.fromstring,
        "ENTITY": xs.Entity,
        "float": xs.Float10,
        "gDay": xs.GregorianDay.fromstring,
        "gMonth": xs.GregorianMonth.fromstring,
        "gMonthDay": xs.GregorianMonthDay.fromstring,
        "gYear": xs.GregorianYear10.fromstring,
        "gYearMonth": xs.GregorianYearMonth10.fromstring,
        "hexBinary": xs.HexBinary,
        "ID": xs.Id,
        "IDREF": xs.Idref,
        "int": xs.Int,
        "integer": xs.Integer,
        "language": xs.Language,
        "long": xs.Long,
        "Name": xs.Name,
        "NCName": xs.NCName,
        "negativeInteger": xs.NegativeInteger,
        "NMTOKEN": xs.NMToken,
        "nonNegativeInteger": xs.NonNegativeInteger,
        "nonPositiveInteger": xs.NonPositiveInteger,
        "normalizedString": xs.NormalizedString,
        "NOTATION": lexical(xs.Notation),
        "positiveInteger": xs.PositiveInteger,
        "QName": lexical(xs.QName),
        "short": xs.Short,
        "string": str,
        "time": xs.Time.fromstring,
        "token": xs.XsdToken,
        "unsignedByte": xs.UnsignedByte,
        "unsignedInt": xs.UnsignedInt,
        "unsignedLong": xs.UnsignedLong,
        "unsignedShort": xs.UnsignedShort,
    }
    return names | {"ENTITIES": listed(xs.Entity), "IDREFS": listed(xs.Idref), "NMTOKENS": listed(xs.NMToken)}


def _lexical(name: str, value: str) -> bool:
    try:
        _xsd_type(name)(value)
    except OverflowError:  # a year past what Python's dates hold is still in the lexical space
        return True
    except (ValueError, TypeError, ArithmeticError):
        return False
    return True


@cache
def _translate(pattern: str) -> str:
    from elementpath.regex import translate_pattern

    return translate_pattern(pattern, anchors=False)
