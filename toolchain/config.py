"""An edition's configuration: its edition.toml, read once into one typed object.

    [conventions]   what the readers recognise (typed, in sections; see readers/conventions.py)
    [render]        stylesheet parameters for `build`, each given to the formats that have it
    [formats]       the reader of transcripts whose layout sniffing should not decide: a file name or a
                    pattern (`"catalogue-*.txt"`, `"001_*.txt"`) -> a reader (`listing`, `document` …)
    [validate]      `schema`: the project's own schema for `edition validate` (RELAX NG or XSD, a path
                    relative to edition.toml); `schematron`: a list of ISO Schematron files to add
    [[sources]]     transcripts configured by folder or pattern: `glob` (under transcripts/: "interviews/*.txt"),
                    and any of `format` (a reader), `conventions` (a table over the edition's, or a TOML
                    file of conventions), `language` (the default language of their text); the first
                    [[sources]] whose glob matches a transcript gives its settings, before [formats]

Every error is one line naming the file and the line: `edition.toml:LINE: error: …`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .readers import conventions as conventions_mod
from .readers.conventions import Conventions

NAME = "edition.toml"
TABLES = ("conventions", "render", "formats", "validate", "sources")
VALIDATE = ("schema", "schematron")
SOURCE_KEYS = ("glob", "format", "conventions", "language")


@dataclass(frozen=True)
class Sources:
    """One [[sources]] entry: the transcripts its glob matches, and how they are read."""

    glob: str
    format: str | None = None
    conventions: Conventions | None = None  # the edition's, with this entry's over them


@dataclass(frozen=True)
class Config:
    path: Path | None  # the edition.toml read, if any
    conventions: Conventions
    render: dict[str, str] = field(default_factory=dict)  # stylesheet parameters, as --param gives them
    text: str = ""  # the file's text, to name lines in later errors
    formats: dict[str, str] = field(default_factory=dict)  # file name or pattern -> reader
    schema: Path | None = None  # [validate] schema, resolved against the edition's folder
    schematron: tuple[Path, ...] = ()  # [validate] schematron
    sources: tuple[Sources, ...] = ()  # [[sources]], in order

    def sources_of(self, source: Path, root: Path) -> Sources | None:
        """The first [[sources]] entry whose glob matches `source` (its path under `root/transcripts`)."""
        relative = _relative(source, root)
        return next((s for s in self.sources if fnmatch(relative, s.glob)), None)

    def format_of(self, source: Path, root: Path) -> str | None:
        """The reader [[sources]] or [formats] gives `source` (its path under `root/transcripts`, or its
        name), if any."""
        entry = self.sources_of(source, root)
        if entry is not None and entry.format:
            return entry.format
        relative = _relative(source, root)
        return next((r for p, r in self.formats.items() if fnmatch(relative, p) or fnmatch(source.name, p)), None)

    def conventions_of(self, source: Path, root: Path) -> Conventions:
        """The conventions `source` is read with: its [[sources]] entry's, else the edition's."""
        entry = self.sources_of(source, root)
        return entry.conventions if entry is not None and entry.conventions is not None else self.conventions

    def check_render(self, known: set[str]) -> None:
        """Every [render] parameter is one that some format declares."""
        unknown = sorted(set(self.render) - known)
        if unknown:
            line = conventions_mod.line_of(self.text, "render", unknown[0])
            where = f"{self.path}:{line}" if line else str(self.path)
            raise ConfigError(
                f"{where}: error: [render]: unknown parameters {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )


def _relative(source: Path, root: Path) -> str:
    try:
        return source.relative_to(root / "transcripts").as_posix()
    except ValueError:
        return source.name


def _parameter(value: Any) -> str:
    """A [render] value as `--param` writes it: a list as comma-separated values, a boolean in lower case."""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def load(root: Path = Path("."), conventions_file: Path | None = None) -> Config:
    """The configuration of the edition in `root` (its edition.toml, if any); `conventions_file` (the
    `--conventions` option) replaces the edition's conventions."""
    path = root / NAME
    if not path.is_file():
        conventions = conventions_mod.load(conventions_file)
        return Config(None, conventions)
    text, data = conventions_mod.read_toml(path)
    unknown = sorted(set(data) - set(TABLES))
    if unknown:
        line = conventions_mod.line_of(text, "", unknown[0])
        raise ConfigError(
            f"{path}:{line}: error: unknown table or name '{unknown[0]}'; an edition.toml has {', '.join(TABLES)}"
        )
    for table in (t for t in TABLES if t != "sources"):
        if table in data and not isinstance(data[table], dict):
            raise ConfigError(f"{path}:{conventions_mod.line_of(text, '', table)}: error: '{table}' must be a table")
    if conventions_file is not None:
        conventions = conventions_mod.load(conventions_file)
    else:
        conventions = conventions_mod.from_table(data.get("conventions", {}), path=path, text=text)
    render = {name: _parameter(value) for name, value in data.get("render", {}).items()}
    formats = {str(pattern): reader for pattern, reader in data.get("formats", {}).items()}
    if formats:
        _check_formats(formats, path, text)
    schema, schematron = _validate_table(data.get("validate", {}), path, text)
    sources = _sources_table(data.get("sources", []), conventions, path, text)
    return Config(path, conventions, render, text, formats, schema, schematron, sources)


def _sources_table(entries: Any, base: Conventions, path: Path, text: str) -> tuple[Sources, ...]:
    """[[sources]]: each entry checked, its conventions read over the edition's."""
    line = text.count("\n", 0, max(text.find("[[sources]]"), 0)) + 1  # the first [[sources]]

    def fail(message: str) -> ConfigError:
        return ConfigError(f"{path}:{line}: error: [[sources]]: {message}")

    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise fail("write each entry as a [[sources]] table")
    out = []
    for entry in entries:
        unknown = sorted(set(entry) - set(SOURCE_KEYS))
        if unknown:
            raise fail(f"unknown name '{unknown[0]}'; known: {', '.join(SOURCE_KEYS)}")
        glob = entry.get("glob")
        if not isinstance(glob, str) or not glob:
            raise fail("each entry needs a 'glob' (a pattern under transcripts/, such as \"interviews/*.txt\")")
        reader = entry.get("format")
        if reader is not None:
            _check_formats({glob: reader}, path, text)
        conventions = None
        table = entry.get("conventions")
        if isinstance(table, str):
            _, file_data = conventions_mod.read_toml(path.parent / table)
            table = file_data.get("conventions", file_data)
        if table is not None and not isinstance(table, dict):
            raise fail(f"'{glob}': 'conventions' must be a table or the path of a TOML file")
        if table or entry.get("language"):
            merged = dict(table or {})
            if entry.get("language"):
                merged["text_language"] = str(entry["language"])
            conventions = conventions_mod.from_table(merged, base=base, path=path, text=text)
        out.append(Sources(glob, reader, conventions))
    return tuple(out)


def _validate_table(table: dict[str, Any], path: Path, text: str) -> tuple[Path | None, tuple[Path, ...]]:
    def fail(name: str, message: str) -> ConfigError:
        return ConfigError(f"{path}:{conventions_mod.line_of(text, 'validate', name)}: error: [validate]: {message}")

    for name in table:
        if name not in VALIDATE:
            raise fail(name, f"unknown name '{name}'; known: {', '.join(VALIDATE)}")
    schema = table.get("schema")
    if schema is not None and not isinstance(schema, str):
        raise fail("schema", "'schema' must be a path (a string)")
    extra = table.get("schematron", [])
    extra = [extra] if isinstance(extra, str) else extra
    if not isinstance(extra, list) or not all(isinstance(x, str) for x in extra):
        raise fail("schematron", "'schematron' must be a path or a list of paths")
    base = path.parent
    return (base / schema if schema else None), tuple(base / x for x in extra)


def _check_formats(formats: dict[str, str], path: Path, text: str) -> None:
    from .readers import READERS  # the registry imports every reader: only an edition with [formats] needs it

    for pattern, reader in formats.items():
        if reader not in READERS:
            line = conventions_mod.line_of(text, "formats", pattern)
            raise ConfigError(
                f"{path}:{line}: error: [formats]: '{pattern}' names no reader '{reader}'; readers: "
                f"{', '.join(sorted(READERS))}"
            )
