"""Text to blocks: runs of non-blank lines, each with the number of its first line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Block:
    """A run of non-blank lines; `line` is the 1-based number of its first line."""

    line: int
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def line_at(self, offset: int) -> int:
        """Source line of a character offset into `text`."""
        return self.line + self.text.count("\n", 0, offset)


def blocks(text: str) -> list[Block]:
    out: list[Block] = []
    current: Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if line.strip():
            if current is None:
                current = Block(number, [])
                out.append(current)
            current.lines.append(line)
        else:
            current = None
    return out
