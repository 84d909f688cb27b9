"""Conventions as data: what labels, brackets, markers and note wordings mean, typed and in sections.

The values are in `data/conventions.toml` (each documented there); this module declares their types. An
edition overrides any of them in its edition.toml, table `[conventions]` (a name at its top is found in
whichever section holds it; `[conventions.transcript]` names the section), or in a file given with
`--conventions`. Every value is checked against its type on load, and every pattern is compiled: a wrong
name or type is one line, `edition.toml:LINE: error: …`, never a traceback from a worker.

A `Conventions` object is hashed by identity, so that what is derived from it (compiled patterns, word
sets) is cached per object with `functools.cache`.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import typing
from dataclasses import dataclass, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from ..errors import ConfigError

# A regular expression (Python syntax): compiled when the conventions are loaded, so that a bad one is reported there.
Pattern = Annotated[str, "pattern"]
Pairs = tuple[tuple[str, str], ...]


def _words(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in [line.split("#")[0].strip()] if w)


@cache
def given_names() -> frozenset[str]:
    return _words("given_names.txt")


@cache
def not_names() -> frozenset[str]:
    return _words("not_names.txt")


@cache
def places() -> frozenset[str]:
    return _words("places.txt")


@cache
def places_lower() -> frozenset[str]:
    """The places, in lower case (a label or a line written in capitals)."""
    return frozenset(p.lower() for p in places())


@dataclass(frozen=True, eq=False)
class Common:
    """What every reader uses: languages, front-matter fields, titles, persons, notes, brackets."""

    default_language: str
    text_language: str
    languages: dict[str, str]
    script_languages: dict[str, str]
    header_fields: dict[str, str]
    titles: tuple[str, ...]
    speaker_prefix_words: tuple[str, ...]
    plural_titles: tuple[str, ...]
    initial_like_titles: dict[str, tuple[str, ...]]
    abbreviations: tuple[str, ...]
    participants_prefixes: tuple[str, ...]
    chair_phrases: tuple[str, ...]
    chair_labels: tuple[str, ...]
    participant_roles: Pairs
    speech_verbs: tuple[str, ...]
    narrator_pronouns: dict[str, str]
    deletion_phrases: tuple[str, ...]
    margin_phrases: tuple[str, ...]
    hand_phrases: tuple[str, ...]
    note_labels: dict[str, str]
    default_note_type: str
    closer_phrases: tuple[str, ...]
    resp_phrases: tuple[str, ...]
    organisation_words: tuple[str, ...]
    source_labels: tuple[str, ...]
    supplied_max_words: int
    supplied_reason: str
    code_pattern: Pattern
    page_marker: Pattern
    name_tolerance: float
    page_chrome: tuple[str, ...]
    document_titles: tuple[str, ...]
    breadcrumb_home: tuple[str, ...]
    markings: tuple[str, ...]
    role_words: tuple[str, ...]
    notes_headings: tuple[str, ...]

    def language_code(self, name: str) -> str | None:
        """The ISO 639 code of a language name as an archive writes it (`Russian` -> `ru`)."""
        key = name.strip().split()[0].strip(",.;") if name.strip() else ""
        for lang, code in self.languages.items():
            if lang.lower() == key.lower():
                return code
        return None

    def language_name(self, code: str) -> str:
        """The name of a language code, as the conventions write it (`ru` -> `Russian`), else the code."""
        return next((name for name, c in self.languages.items() if c == code), code)


@dataclass(frozen=True, eq=False)
class Document:
    """Archive document pages."""

    item_pattern: Pattern


@dataclass(frozen=True, eq=False)
class Transcript:
    """Speaker-labelled transcripts."""

    front_fields: tuple[str, ...]
    subject_fields: tuple[str, ...]
    offices: tuple[str, ...]
    office_abbreviations: dict[str, str]
    speaker_roles: dict[str, str]
    answer_letters: dict[str, tuple[str, str]]
    interviewee_phrases: tuple[str, ...]
    anonymous_speakers: tuple[str, ...]
    collective_speakers: tuple[str, ...]
    role_articles: tuple[str, ...]
    record_words: tuple[str, ...]
    speaker_aliases: dict[str, str]
    known_initials: dict[str, str]
    alias_phrases: tuple[str, ...]
    omission_phrases: Pairs
    stage_words: Pairs
    time_pattern: Pattern


@dataclass(frozen=True, eq=False)
class Bilingual:
    """An original with its translation in another script (often OCR output)."""

    footer_patterns: tuple[Pattern, ...]
    note_block_labels: dict[str, str]
    note_block_patterns: tuple[tuple[Pattern, str], ...]
    note_type_words: dict[str, str]
    ocr_artefacts: tuple[tuple[Pattern, str, str], ...]
    document_numbers: dict[str, Pattern]
    ocr_min_copies: int


@dataclass(frozen=True, eq=False)
class Listing:
    """Archive listings (search-result pages)."""

    listing_chrome: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Conventions:
    common: Common
    document: Document
    transcript: Transcript
    bilingual: Bilingual
    listing: Listing

    def override(self, **values: Any) -> Conventions:
        """These conventions with some values changed, each named by its field (in whichever section)."""
        return _apply(self, {name: (value, 0) for name, value in values.items()}, _Where(None, ""))


SECTIONS: dict[str, type] = {f.name: typing.get_type_hints(Conventions)[f.name] for f in fields(Conventions)}
# field name -> its section (names are unique across sections)
FIELDS: dict[str, str] = {f.name: section for section, cls in SECTIONS.items() for f in fields(cls)}


# --- checking values against their types ----------------------------------------------


@dataclass(frozen=True)
class _Where:
    """Where a table was read from, to name the line of a bad value."""

    path: Path | None
    text: str

    def error(self, line: int, message: str) -> ConfigError:
        where = f"{self.path}:{line}" if self.path and line else (str(self.path) if self.path else "conventions")
        return ConfigError(f"{where}: error: {message}")


def _describe(hint: Any) -> str:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        return "a regular expression" if args[1] == "pattern" else _describe(args[0])
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a list of {_describe(args[0]).removeprefix('a ').removeprefix('an ')}s"
        return f"a list of {len(args)} ({', '.join(_describe(a) for a in args)})"
    if origin is dict:
        return f"a table of {_describe(args[1]).removeprefix('a ').removeprefix('an ')}s"
    return {str: "a string", int: "an integer", float: "a number"}.get(hint, str(hint))


def _shown(value: Any) -> str:
    kind = {str: "the string", int: "the integer", float: "the number", bool: "the boolean"}.get(type(value))
    return f"{kind} {value!r}" if kind else {list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


class _Mismatch(Exception):
    def __init__(self, value: Any, hint: Any, message: str = "") -> None:
        super().__init__(message)
        self.value, self.hint, self.message = value, hint, message


def _coerce(value: Any, hint: Any) -> Any:
    """`value` as read from TOML, checked against `hint` (lists become tuples); raises _Mismatch."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        out = _coerce(value, args[0])
        if args[1] == "pattern":
            try:
                re.compile(out)
            except re.error as exc:
                raise _Mismatch(value, hint, f"{out!r} is not a valid regular expression: {exc}") from None
        return out
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise _Mismatch(value, hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(v, args[0]) for v in value)
        if len(value) != len(args):
            raise _Mismatch(value, hint)
        return tuple(_coerce(v, a) for v, a in zip(value, args, strict=True))
    if origin is dict:
        if not isinstance(value, dict):
            raise _Mismatch(value, hint)
        return {str(k): _coerce(v, args[1]) for k, v in value.items()}
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, hint) and not isinstance(value, bool):
        return value
    raise _Mismatch(value, hint)


def _checked(name: str, value: Any, hint: Any, fail: typing.Callable[[str], ConfigError]) -> Any:
    try:
        return _coerce(value, hint)
    except _Mismatch as bad:
        if bad.message:
            raise fail(f"conventions: '{name}': {bad.message}") from None
        found = f"not {_shown(value)}" if bad.value is value else f"but holds {_shown(bad.value)}"
        raise fail(f"conventions: '{name}' must be {_describe(hint)}, {found}") from None


def line_of(text: str, table: str, key: str) -> int:
    """The line of `key` in `[table]` of a TOML text (0 when not found): for error messages only."""
    current = ""
    header = re.compile(r"^\s*\[\s*([^\]]+?)\s*\]")
    assignment = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    fallback = 0
    for number, line in enumerate(text.splitlines(), start=1):
        m = header.match(line)
        if m:
            current = ".".join(part.strip().strip("\"'") for part in m.group(1).split("."))
            if current == f"{table}.{key}".strip("."):
                return number
            continue
        if assignment.match(line):
            if current == table:
                return number
            fallback = fallback or number
    return fallback


def _apply(base: Conventions, values: dict[str, tuple[Any, int]], where: _Where) -> Conventions:
    """`base` with `values` (field name -> (value, line)) checked and applied."""
    changes: dict[str, dict[str, Any]] = {}
    for name, (value, line) in values.items():
        if name not in FIELDS:
            close = difflib.get_close_matches(name, FIELDS, n=3)
            hint = (
                f"did you mean {' or '.join(repr(c) for c in close)}?"
                if close
                else f"known: {', '.join(sorted(FIELDS))}"
            )
            raise where.error(line, f"conventions: unknown name '{name}'; {hint}")
        section = FIELDS[name]
        hint = typing.get_type_hints(SECTIONS[section], include_extras=True)[name]
        changes.setdefault(section, {})[name] = _checked(name, value, hint, lambda m, line=line: where.error(line, m))
    return replace(base, **{s: replace(getattr(base, s), **c) for s, c in changes.items()})


def from_table(
    table: dict[str, Any],
    *,
    base: Conventions | None = None,
    path: Path | None = None,
    text: str = "",
    prefix: str = "conventions",
) -> Conventions:
    """Conventions from a TOML table (flat names, or sections as sub-tables), over `base` (the defaults)."""
    where = _Where(path, text)
    values: dict[str, tuple[Any, int]] = {}
    for name, value in table.items():
        if name in SECTIONS and name not in FIELDS:
            if not isinstance(value, dict):
                raise where.error(line_of(text, prefix, name), f"conventions: [{prefix}.{name}] must be a table")
            for inner, v in value.items():
                if inner in FIELDS and FIELDS[inner] != name:
                    line = line_of(text, f"{prefix}.{name}", inner)
                    raise where.error(line, f"conventions: '{inner}' belongs to [{prefix}.{FIELDS[inner]}], not {name}")
                values[inner] = (v, line_of(text, f"{prefix}.{name}", inner))
        else:
            values[name] = (value, line_of(text, prefix, name))
    return _apply(base if base is not None else DEFAULT, values, where)


def _defaults() -> Conventions:
    text = resources.files(__package__).joinpath("data", "conventions.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    sections = {}
    for section, cls in SECTIONS.items():
        table = data.get(section, {})
        hints = typing.get_type_hints(cls, include_extras=True)
        missing = sorted(set(hints) - set(table))
        if missing:
            raise ConfigError(f"data/conventions.toml: [{section}] lacks {', '.join(missing)}")
        sections[section] = cls(**{k: _checked(k, v, hints[k], ConfigError) for k, v in table.items()})
    return Conventions(**sections)


DEFAULT = _defaults()


def read_toml(path: Path) -> tuple[str, dict[str, Any]]:
    """A TOML file's text and tables; a file that cannot be read or parsed is one line of error."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, tomllib.loads(text)
    except OSError as exc:
        raise ConfigError(f"{path}: error: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: error: not valid TOML: {exc}") from exc


def load(path: Path | None) -> Conventions:
    """Defaults, overridden by the `[conventions]` table of a TOML file (or, in a file of conventions alone,
    by its top level)."""
    if path is None:
        return DEFAULT
    text, data = read_toml(path)
    if "conventions" in data:
        return from_table(data["conventions"], path=path, text=text)
    table = {k: v for k, v in data.items() if k not in ("render", "validate", "sources")}
    return from_table(table, path=path, text=text, prefix="")
