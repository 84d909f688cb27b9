"""One error root, structured diagnostics and a report that sets the exit code."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    OK = 0
    INVALID = 1
    USAGE = 2


class EditionError(Exception):
    """Root of every error the toolchain raises on purpose."""

    exit_code = ExitCode.USAGE


@dataclass(frozen=True)
class Diagnostic:
    severity: str  # "error" | "warning" | "info" (for review: a fuzzy name match, a linked record)
    rule: str
    path: str
    line: int
    col: int
    message: str

    def text(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.col else f"{self.path}:{self.line}"
        return f"{where}: {self.severity}: {self.message} [{self.rule}]"


class ConfigError(EditionError):
    """A bad edition.toml or conventions file; the message is one line, `path:LINE: error: …`."""


class InputError(EditionError):
    """Bad input: carries a diagnostic with file and line."""

    def __init__(self, path: Path | str, line: int, message: str, rule: str = "input") -> None:
        super().__init__(f"{path}:{line}: error: {message}")
        self.diagnostic = Diagnostic("error", rule, str(path), line, 0, message)


@dataclass
class Report:
    """Diagnostics collected over a run; decides the exit code."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)
    io_error: bool = False
    fail_on: str = "error"  # error | warning | never: which diagnostics fail the run

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    def failed_paths(self) -> set[str]:
        return {d.path for d in self.errors}

    def return_code(self) -> int:
        if self.io_error:
            return ExitCode.USAGE
        if self.fail_on == "never":
            return ExitCode.OK
        failing = self.diagnostics if self.fail_on == "warning" else self.errors
        return ExitCode.INVALID if any(d.severity in ("error", "warning") for d in failing) else ExitCode.OK


# --- formatters: one per output style -------------------------------------------------


def format_text(report: Report) -> str:
    return "".join(d.text() + "\n" for d in report.diagnostics)


def format_json(report: Report) -> str:
    data = {
        "checked": report.checked,
        "valid": sorted(set(report.checked) - report.failed_paths()),
        "diagnostics": [asdict(d) for d in report.diagnostics],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def escape(text: str) -> str:
    """Text as XML character data (xml.sax.saxutils would import urllib and http: 45 ms a process)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """Text as a quoted XML attribute value; line ends and tabs kept as character references."""
    quoted = escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return f'"{quoted}"'


def format_junit(report: Report) -> str:
    by_path: dict[str, list[Diagnostic]] = {p: [] for p in report.checked}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    failures = sum(1 for ds in by_path.values() if any(d.severity == "error" for d in ds))
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="edition validate" tests="{len(by_path)}" failures="{failures}">',
        f'<testsuite name="edition validate" tests="{len(by_path)}" failures="{failures}">',
    ]
    for path, ds in by_path.items():
        out.append(f'<testcase classname="tei" name={quoteattr(path)}>')
        errors = [d for d in ds if d.severity == "error"]
        if errors:
            body = escape("\n".join(d.text() for d in errors))
            out.append(f'<failure message={quoteattr(errors[0].message)} type="{errors[0].rule}">{body}</failure>')
        warnings = [d for d in ds if d.severity == "warning"]
        if warnings:
            out.append(f"<system-out>{escape(chr(10).join(d.text() for d in warnings))}</system-out>")
        out.append("</testcase>")
    out += ["</testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


def _gh_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(report: Report) -> str:
    """GitHub Actions workflow commands: each diagnostic becomes an annotation."""
    lines = []
    for d in report.diagnostics:
        props = f"file={_gh_escape(d.path, prop=True)},line={d.line}"
        if d.col:
            props += f",col={d.col}"
        props += f",title={_gh_escape(d.rule, prop=True)}"
        level = "notice" if d.severity == "info" else d.severity
        lines.append(f"::{level} {props}::{_gh_escape(d.message)}")
    return "".join(line + "\n" for line in lines)


def format_sarif(report: Report) -> str:
    """SARIF 2.1.0, the format GitHub code scanning reads: one rule per rule id, one result per diagnostic."""
    rules = sorted({d.rule for d in report.diagnostics})
    level = {"error": "error", "warning": "warning", "info": "note"}
    results = []
    for d in report.diagnostics:
        region = {"startLine": max(1, d.line)} | ({"startColumn": d.col} if d.col else {})
        location = {"physicalLocation": {"artifactLocation": {"uri": Path(d.path).as_posix()}, "region": region}}
        results.append(
            {
                "ruleId": d.rule,
                "ruleIndex": rules.index(d.rule),
                "level": level.get(d.severity, "note"),
                "message": {"text": d.message},
                "locations": [location],
            }
        )
    run = {
        "tool": {
            "driver": {
                "name": "edition validate",
                "informationUri": "https://tei-c.org/guidelines/p5/",
                "rules": [{"id": r, "shortDescription": {"text": r}} for r in rules],
            }
        },
        "results": results,
    }
    sarif = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def summary(report: Report, top: int = 5) -> str:
    """One line for the end of a run: files, errors, warnings; then the most frequent messages, each with
    its count (a message up to its first semicolon: what it says is allowed instead is left out)."""
    invalid = len(report.failed_paths())
    errors = len(report.errors)
    warnings = sum(1 for d in report.diagnostics if d.severity == "warning")
    line = f"{len(report.checked)} checked, {len(report.checked) - invalid} valid, {invalid} invalid"
    if errors or warnings:
        line += f" ({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})"
    kinds = Counter(d.message.split(";")[0][:100] for d in report.diagnostics if d.severity != "info")
    if len(report.checked) > 1 and kinds:
        line += "\nmost frequent: " + "; ".join(f"{n}× {kind}" for kind, n in kinds.most_common(top))
    return line


FORMATTERS = {
    "text": format_text,
    "json": format_json,
    "junit": format_junit,
    "github": format_github,
    "sarif": format_sarif,
}
