"""The registry of readers: one module per input genre, each with the same signature.

    read(text, *, source, conventions, diagnostics) -> model.Document (encoded to TEI by `encode`)
    sniff(text, conventions) -> float in 0..1

`--format NAME` picks a reader by name; without it, sniffing picks the best-scoring one. The readers sit
side by side: none imports another; what they share is in the modules beside them (front matter, notes,
brackets, content, speech, persons, speakers, participants).
"""

from __future__ import annotations

from typing import Any

# The registry imports every reader; it is loaded when first asked for, so that what needs only a module
# beside the readers (`readers.conventions`) does not pay for all of them.
_REGISTRY = ("READERS", "Reader", "get", "read", "sniff", "scores", "CLOSE")


def __getattr__(name: str) -> Any:
    if name in _REGISTRY:
        from . import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
