"""What the parts of a reader share while one document is read: its source, conventions, report and ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Diagnostic
from ..tei import Ids
from .conventions import Conventions


@dataclass
class Context:
    source: Path
    conv: Conventions
    diagnostics: list[Diagnostic]
    ids: Ids = field(default_factory=Ids)  # every xml:id given in the document so far
    fired: set[str] = field(default_factory=set)  # the recognisers that took effect (for the declarations)

    def warn(self, line: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic("warning", rule, str(self.source), line, 0, message))

    def languages(self, codes: set[str]) -> dict[str, str]:
        """The names of language codes, as the conventions write them (`ru` -> `Russian`)."""
        return {code: self.conv.common.language_name(code) for code in codes}

    def info(self, line: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic("info", rule, str(self.source), line, 0, message))
