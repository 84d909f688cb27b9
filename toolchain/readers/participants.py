"""Participants lists: who took part, as a line (`Present: A, B and C.`) or a list under a heading
(`PARTICIPANTS`, then a line a person), with groups (`U.S. Side:`), offices and roles.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..source.blocks import Block
from ..source.names import LOWER, UPPER
from .conventions import Conventions

# A group within a participants list: "U.S. Side:", "Soviet delegation -", "In Washington—"
_GROUP_HEADING = re.compile(
    r"^[^:]{1,40}:\s*$|^[^:]{1,30}(?:side|delegation|Side|Delegation)\s*[:\-–—]\s*|^(?:In|At)\s+[^—–:]{1,30}[—–:]\s*"
)
_SEPARATOR = r",\s*(?:and\s+)?|\s+and\s+"
_ROLE_LINE = re.compile(r"\s*([^\W\d][\w' -]{0,30}?)\s*:\s+(\S.*)$")


def prefix(text: str, conv: Conventions) -> str | None:
    """The prefix of a participants line (`Present:`, `Those who took part:`), if the text opens with one."""
    for prefix in conv.common.participants_prefixes:
        if text.lower().startswith(prefix.lower()) and ":" in text[: len(prefix) + 3]:
            return prefix
    return None


def role_named(text: str, conv: Conventions) -> str | None:
    """The participant role a piece of a participants list names (`participant_roles`: the first phrase it
    holds, `Members of the CC Presidium` -> member, `interviewer`), or None."""
    low = text.lower()
    return next((role for phrase, role in conv.common.participant_roles if phrase in low), None)


def line_segments(text: str, conv: Conventions) -> list[tuple[str, str]]:
    """(role, segment) of a participants line; a segment ends at a semicolon or a sentence end."""
    body = text.split(":", 1)[1]
    pieces = re.split(rf";|(?<=[{LOWER}]{{3}})\.\s+(?=[{UPPER}][{LOWER}])", body)
    out = []
    role = "other"
    for piece in pieces:
        role = role_named(piece, conv) or role
        out.append((role, piece))
    return out


def heading(b: Block, conv: Conventions) -> bool:
    """A participants heading alone on its line: `PARTICIPANTS`, `Present:`."""
    line = b.lines[0].strip().rstrip(":").lower()
    return any(line == p.lower() for p in conv.common.participants_prefixes)


def opens(b: Block, conv: Conventions) -> bool:
    """Whether the block opens a participants list (a `Present: …` line or a heading)."""
    return bool(prefix(b.text.strip(), conv)) or heading(b, conv)


def list_like(b: Block) -> bool:
    """Lines of names, not sentences; or one line of short entries between commas or semicolons
    (`Deputy Under Secy. Mann, Ambassador Bunker, Asst. Sec. Vaughn.`)."""
    if all(len(line) < 90 and not line.rstrip().endswith((".", "?", "!")) for line in b.lines):
        return True
    entries = re.split(r"[,;]", b.text.strip().rstrip("."))
    return len(b.lines) == 1 and len(entries) > 1 and all(0 < len(e.split()) <= 6 for e in entries)


def lines(group: list[Block], conv: Conventions) -> list[Block]:
    """Each line of a participants list as a block, the heading (`Participants:`) left out."""
    out: list[Block] = []
    numbered: list[tuple[int, str]] = []
    for b in group:
        numbered.extend((b.line + k, line) for k, line in enumerate(b.lines))
    for k, (number, line) in enumerate(numbered):
        text = line
        if k == 0 and (prefix(line.strip(), conv) is not None or heading(Block(number, [line]), conv)):
            text = line.split(":", 1)[1] if ":" in line else ""
            if not text.strip():
                continue
        out.append(Block(number, [text.strip()]))
    return out


def segments(text: str, names_someone: Callable[[str], bool]) -> list[str]:
    """The persons of one participants line: `A; B`, `A, B and C`, but `Name, Office` stays one."""
    text = _GROUP_HEADING.sub("", text).strip()
    if not text:
        return []
    out = []
    for piece in re.split(r";", text):
        piece = re.sub(r",\s*(Jr|Sr)\.?(?=,|\s|$)", r" \1.", piece.strip())
        parts = [p.strip() for p in re.split(_SEPARATOR, piece) if p.strip()]
        if len(parts) > 1 and all(names_someone(p) for p in parts):
            out.extend(parts)
        elif piece:
            out.append(piece)
    return out


def items(b: Block, names_someone: Callable[[str], bool]) -> list[Block]:
    """A participants line as list items: one per person (`A; B`, `A, B and C`), separators kept."""
    text = b.text
    cuts = [m.end() for m in re.finditer(r";\s*", text)]
    if not cuts:
        parts = [p.strip() for p in re.split(_SEPARATOR, text) if p.strip()]
        if len(parts) > 1 and all(names_someone(p) for p in parts):
            cuts = [m.end() for m in re.finditer(_SEPARATOR, text)]
    starts = [0, *cuts]
    ends = [*cuts, len(text)]
    return [Block(b.line, [text[s:e].rstrip()]) for s, e in zip(starts, ends, strict=True) if text[s:e].strip()]


def role_lines(b: Block, conv: Conventions) -> list[tuple[str, str]]:
    """Lines of the front matter that name a participant by role: `Interviewer: Paige E. Mulhollan`."""
    out = []
    for line in b.lines:
        m = _ROLE_LINE.match(line)
        if m:
            role = role_named(m.group(1), conv)
            if role is not None and role != "other":
                out.append((role, m.group(2)))
    return out


def chair(bs: list[Block], conv: Conventions) -> str | None:
    """The name of who chairs the sitting, from a chair line of the front matter: the words after its
    phrase when they are a short name (`Presiding: Jane Doe`), else the next block when it is one short
    line (`Веде засідання Перший заступник Голови …` / `ПАРУБІЙ А.В.`)."""
    phrases = sorted(conv.common.chair_phrases, key=len, reverse=True)
    for k, b in enumerate(bs):
        text = " ".join(b.text.split())
        phrase = next((p for p in phrases if text.lower().startswith(p.lower())), None)
        if phrase is None:
            continue
        rest = text[len(phrase) :].strip(" :,.")
        if rest and len(rest.split()) <= 4 and all(w[:1].isupper() for w in rest.split()):
            return rest
        nxt = bs[k + 1] if k + 1 < len(bs) else None
        if nxt is not None and len(nxt.lines) == 1 and len(nxt.text.split()) <= 4:
            return nxt.text.strip()
    return None
