"""An edition's configuration: its edition.toml, read once into one typed object.

    [conventions]   what the readers recognise (typed, in sections; see readers/conventions.py)
    [render]        stylesheet parameters for `build`, each given to the formats that have it
    [formats]       the reader of transcripts whose layout sniffing should not decide: a file name or a
                    pattern (`"catalogue-*.txt"`, `"001_*.txt"`) -> a reader (`listing`, `document` …)
    [validate]      `schema`: the project's own schema for `edition validate` (RELAX NG or XSD, a path
                    relative to edition.toml); `schematron`: a list of ISO Schematron files to add

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
TABLES = ("conventions", "render", "formats", "validate")
VALIDATE = ("schema", "schematron")


@dataclass(frozen=True)
class Config:
    path: Path | None  # the edition.toml read, if any
    conventions: Conventions
    render: dict[str, str] = field(default_factory=dict)  # stylesheet parameters, as --param gives them
    text: str = ""  # the file's text, to name lines in later errors
    formats: dict[str, str] = field(default_factory=dict)  # file name or pattern -> reader
    schema: Path | None = None  # [validate] schema, resolved against the edition's folder
    schematron: tuple[Path, ...] = ()  # [validate] schematron

    def format_of(self, source: Path, root: Path) -> str | None:
        """The reader [formats] gives `source` (its path under `root/transcripts`, or its name), if any."""
        try:
            relative = source.relative_to(root / "transcripts").as_posix()
        except ValueError:
            relative = source.name
        return next((r for p, r in self.formats.items() if fnmatch(relative, p) or fnmatch(source.name, p)), None)

    def check_render(self, known: set[str]) -> None:
        """Every [render] parameter is one that some format declares."""
        unknown = sorted(set(self.render) - known)
        if unknown:
            line = conventions_mod.line_of(self.text, "render", unknown[0])
            where = f"{self.path}:{line}" if line else str(self.path)
            raise ConfigError(
                f"{where}: error: [render]: unknown parameters {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )


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
    for table in TABLES:
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
    return Config(path, conventions, render, text, formats, schema, schematron)


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
