"""The layout of an original with its translation: two parts in two scripts, page furniture, paragraphs.

The parts are told apart by script (`script_split`). Blocks that recur word for word (a running footer), or
match `Conventions.bilingual.footer_patterns`, are page furniture; a paragraph that a page break cut in the
middle of a sentence is joined again around it (`units`), the break and its footers kept (`joined`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Span
from ..source.blocks import Block
from ..source.scripts import mixed_scripts, script
from ..tei import el
from .context import Context
from .conventions import Conventions

TERMINAL = tuple('.!?:;…"”»)')
BULLET = re.compile(r"^\s*[-•–]\s+")


def script_split(bs: list[Block]) -> tuple[int, int] | None:
    """(start, split): where the first part starts and the second begins; None if there is one script.
    The first split after which the paragraphs of some length are in one script and those before in
    another, each part a sixth of the letters or more; linear in the paragraphs."""
    if not mixed_scripts(" ".join(b.text for b in bs)):
        return None  # one script (or nearly): nothing to split
    scripts = [script(b.text) for b in bs]
    letters = [sum(ch.isalpha() for ch in b.text) for b in bs]
    total = sum(letters) or 1
    weighty = [s if s and n > 20 else None for s, n in zip(scripts, letters, strict=True)]
    # the scripts of the paragraphs of some length from each split to the end (at most two tracked)
    after: list[set[str]] = [set() for _ in range(len(bs) + 1)]
    for i in range(len(bs) - 1, -1, -1):
        after[i] = after[i + 1] | ({weighty[i]} if weighty[i] and len(after[i + 1]) < 2 else set())
    before: set[str] = set()
    seen = 0
    best = None
    for split in range(1, len(bs)):
        if weighty[split - 1]:
            before.add(weighty[split - 1])
        seen += letters[split - 1]
        if len(before) > 1:
            break
        if len(before) == 1 and len(after[split]) == 1 and before != after[split]:
            a = seen / total
            if min(a, 1 - a) > 0.15:
                best = split
                break
    if best is None:
        return None
    start = 0
    while start < best and letters[start] <= 20 and len(bs[start].text) < 40:
        start += 1
    return start, best


@dataclass
class Unit:
    """A paragraph of one part: its blocks (several when a page break cut it) and what stood between."""

    blocks: list[Block]
    breaks: list[list[Block]] = field(default_factory=list)  # footer blocks after blocks[i] (may be empty)
    kind: str = "p"  # p | head | list | note | closer
    note_type: str = ""
    id: str = ""

    @property
    def line(self) -> int:
        return self.blocks[0].line

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class Part:
    lang: str
    kind: str  # original | translation
    units: list[Unit]
    leading_footers: list[list[Block]] = field(default_factory=list)


def split(bs: list[Block], ctx: Context) -> tuple[list[Block], list[Block], list[Block], Block | None]:
    """(preamble, first part, second part, source statement)."""
    bs = list(bs)
    source_block = None
    last = bs[-1].text.strip()
    labels = "|".join(map(re.escape, ctx.conv.common.source_labels))
    if re.match(rf"\[\s*(?:{labels})\s*:", last) and last.endswith("]"):
        source_block = bs.pop()
    found = script_split(bs)
    if found is None:
        only = script(" ".join(b.text for b in bs)) or "unknown"
        raise InputError(
            ctx.source,
            bs[0].line,
            f"only one language ({only} script) found: a bilingual file has the original and then its "
            "translation in another script",
            "input-bilingual",
        )
    start, split = found
    return bs[:start], bs[start:split], bs[split:], source_block


# A block repeated word for word is a running footer up to this length; a longer one is a paragraph that
# stands twice (an OCR's page overlap, a copy), kept as a paragraph each time.
FOOTER_MAX = 160


def footers(bs: list[Block], ctx: Context) -> set[int]:
    """Lines of blocks that are page furniture: short and repeated word for word, or matching a footer
    pattern."""
    seen: dict[str, list[Block]] = {}
    for b in bs:
        norm = " ".join(b.text.split())
        if 20 <= len(norm) <= FOOTER_MAX and len(norm.split()) >= 3:
            seen.setdefault(norm, []).append(b)
    out = {b.line for group in seen.values() if len(group) >= 2 for b in group}
    for pattern in ctx.conv.bilingual.footer_patterns:
        matched = [b for b in bs if re.search(pattern, b.text)]
        if not matched:
            ctx.warn(1, f"footer pattern {pattern!r} matches no paragraph", "footer-pattern")
        out.update(b.line for b in matched)
    return out


def units(bs: list[Block], furniture: set[int], conv: Conventions) -> tuple[list[Unit], list[list[Block]]]:
    """Paragraphs of a part: page furniture taken out, paragraphs cut by a page break joined."""
    units: list[Unit] = []
    leading: list[list[Block]] = []
    pending: list[Block] = []
    for b in bs:
        if b.line in furniture:
            pending.append(b)
            continue
        prev = units[-1] if units else None
        cut = prev is not None and prev.kind == "p" and not prev.blocks[-1].text.rstrip().endswith(TERMINAL)
        starts_low = b.text.lstrip()[:1].islower()
        if prev is not None and cut and (pending or starts_low) and note_block(b, conv) is None:
            prev.breaks.append(pending)
            prev.blocks.append(b)
        else:
            if pending:
                if prev is None:
                    leading.append(pending)
                else:
                    prev.breaks.append(pending)
                    prev.breaks.append([])  # furniture after the paragraph, not inside it
            units.append(unit(b, conv))
        pending = []
    if pending and units:
        units[-1].breaks.append(pending)
        units[-1].breaks.append([])
    return units, leading


def note_block(b: Block, conv: Conventions) -> str | None:
    """The note type of a paragraph that is a note by its label or pattern (`Справка: …`), else None."""
    text = b.text.strip()
    for label, ntype in conv.bilingual.note_block_labels.items():
        if re.match(rf"{re.escape(label)}\s*:", text):
            return ntype
    for pattern, ntype in conv.bilingual.note_block_patterns:
        if re.search(pattern, text):
            return ntype
    return None


def unit(b: Block, conv: Conventions) -> Unit:
    ntype = note_block(b, conv)
    if ntype:
        return Unit([b], kind="note", note_type=ntype)
    if len(b.lines) > 1 and all(BULLET.match(line) for line in b.lines):
        return Unit([b], kind="list")
    return Unit([b])


def joined(u: Unit) -> tuple[Block, list[Span]]:
    """One block for a unit's text, with page breaks (and the footers) where its blocks met."""
    lines: list[str] = []
    spans: list[Span] = []
    offset = 0
    for i, b in enumerate(u.blocks):
        if i:
            lines.append("")
            offset += 1  # the empty line: breaks go between the two newlines
            group = u.breaks[i - 1] if i - 1 < len(u.breaks) else []
            spans.append(
                Span(offset, offset, "pb", lambda g=group: el("pb") if g else el("pb", type="inferred"), leaf=True)
            )
            for k, fb in enumerate(group):
                spans.append(
                    Span(offset, offset, f"fw{min(k, 3)}", lambda t=fb.text: el("fw", t, type="footer"), leaf=True)
                )
        lines.extend(b.lines)
        offset += len(b.text) + 1
    return Block(u.line, lines), spans
