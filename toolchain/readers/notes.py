"""Notes: the section of numbered notes at the end of a text, their markers in the text, their TEI.

A notes section starts at the last paragraph that opens with note 1 (`[1]`, `(1)`, `^1` or `*1`: STYLES)
and its text, or at an earlier note 1 of the notes standing together with it (notes numbered `1.` only where
their numbers are glued to words of the text before, in order: `GLUED`); each note opens with its
number, may carry a label (`Translator's Note:`, typed by `Conventions.common.note_labels`) and may run
over several paragraphs. A marker in the text is the note's number written the same way, glued to a word
or not; a note stands where its first marker stood, later markers point to it. A number given to several
notes (numbering that starts again on each page of the original, or a slip) is read in order, with a
warning: its first marker calls the first of them, a later marker the next one no marker has called yet,
and points back once all are called.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from ..encode.inline import content
from ..errors import InputError
from ..model import Div, Head, Inline
from ..model import Note as NoteBlock
from ..source.blocks import Block
from ..tei import append, el, unique_id
from .context import Context
from .conventions import Conventions


@dataclass(frozen=True)
class Style:
    """How a text marks its notes: the marker in the text, the number opening a note at the end."""

    name: str  # the marker of note 1 as written: "[1]"
    head: str  # a note's number at the start of its paragraph (group 1 the number)
    marker: str  # a marker in the text (group 1 the number)

    def written(self, n: str) -> str:
        return self.name.replace("1", n)


_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# The marker styles, in the order they are tried; a style is a row of this table.
STYLES = (
    Style("[1]", r"\s*\[(\d{1,3})\]\s*", r"\[(\d{1,3})\]"),
    Style("(1)", r"\s*\((\d{1,3})\)\s*", r"\((\d{1,3})\)"),
    Style("^1", r"\s*\^(\d{1,3})\s*", r"\^(\d{1,3})"),
    Style("*1", r"\s*\*(\d{1,3})\s+", r"(?<!\*)\*(\d{1,3})(?![\d*])"),
    Style("¹", rf"\s*([{_SUPERSCRIPTS}]{{1,3}})\s*", rf"(?<=\S)([{_SUPERSCRIPTS}]{{1,3}})"),
    # letters glued to the word they are about ("im Hafen.(a)"): a list's "(a) …" is no marker
    Style("(a)", r"\s*\(([a-z])\)\s*", r"(?<=[^\s(])\(([a-z])\)"),
    # notes numbered "1." at the end, called by their number glued to a word ("on Friday2", "(Dobrynin)1"), as
    # the Foreign Relations series prints them: taken only where the text shows the whole of it (`_glued`)
    # (or to the stop after a word of two small letters or more: "the note.2", not "No.2" or "Op.16")
    Style(
        "1.",
        r"\s*(\d{1,3})\.[ \t]+",
        r"(?:(?<=[^\W\d_])|(?<=[^\W\d_][)\]’”\"])|(?<=[a-zß-ÿа-яё]{2}[.,;:]))(\d{1,3})(?![\d\w])",
    ),
)
GLUED = STYLES[-1]
# note 1 and its text, in any style (a bare "[1]" is a page number)
_FIRST_NOTE = re.compile(r"\s*(?:(?:\[1\]|\(1\)|\^1|\*1|¹|\(a\))[ \t]*|1\.[ \t]+)[^\s*]")
_DIGITS = str.maketrans(_SUPERSCRIPTS, "0123456789")


def number(marker: str) -> str:
    """A note's number as the text writes it, in digits: "¹²" is 12."""
    return marker.translate(_DIGITS)


# Note markers in brackets that end a line (a title's note: "…談話[1]"); "(1)" may number a title's part
_TRAILING_MARKERS = re.compile(r"(?:\s*(?:\[\d{1,3}\]|\^\d{1,3}|\*\d{1,3}))+$")


def marker_free(line: str) -> str:
    """A line without the note markers at its end."""
    return _TRAILING_MARKERS.sub("", line).strip()


@dataclass
class Note:
    n: str
    type: str
    label: str  # as written, with its colon ("Translator's Note:"), or ""
    text: str  # the note text after the label
    block: Block
    offset: int  # where `text` starts in block.text
    id: str = ""  # given where its first marker stands


@dataclass
class Notes:
    """The notes of a document by number, and the bracket their markers use (`[` or `(`)."""

    by_n: dict[str, Note] = field(default_factory=dict)  # the first note of each number
    style: Style = STYLES[0]
    heading: Block | None = None  # "Notes:" before the notes
    again: dict[str, list[Note]] = field(default_factory=dict)  # the later notes of a number given twice

    def every(self) -> list[Note]:
        """Every note, the later ones of a number given twice after the first."""
        return [x for n, first in self.by_n.items() for x in (first, *self.again.get(n, ()))]

    def called(self, n: str) -> Note:
        """The note a marker of number `n` calls here, reading the text in order: the first of that number no
        marker has called yet, else the last of them (the marker points back to it)."""
        same = (self.by_n[n], *self.again.get(n, ()))
        return next((x for x in same if not x.id), same[-1])

    def marker_re(self) -> re.Pattern[str]:
        return re.compile(self.style.marker)

    def unplaced_after(self, ctx: Context, inline: Callable[[Block], Inline]) -> Iterator[Div]:
        """`unplaced`, asked once the text before it is made (the blocks of a `model.Stream`)."""
        unplaced = self.unplaced(ctx, inline)
        if unplaced is not None:
            yield unplaced

    def unplaced(self, ctx: Context, inline: Callable[[Block], Inline]) -> Div | None:
        """The notes no marker in the text calls (reported): kept, in a division of notes after the text,
        under the heading of the notes if the text has one."""
        blocks: list[NoteBlock | Head] = []
        for note in self.every():
            if note.id:
                continue
            message = f"note {self.style.written(note.n)} has no marker in the text; kept after the text"
            ctx.warn(note.block.line, message, "note-unplaced")
            note.id = unique_id(f"note-{note.n}", ctx.ids)
            ctx.ids.add(note.id)
            nb = Block(note.block.line + note.block.text.count("\n", 0, note.offset), note.text.split("\n"))
            label = note.label or None
            blocks.append(NoteBlock(inline(nb), note.type, note.id, note.n, "foot", label))
        if self.heading is not None:  # the heading stays in the text, where it stood
            blocks.insert(0, Head(Inline(self.heading.text.strip())))
        return Div("notes", list(blocks)) if blocks else None

    def marker(
        self, note: Note, target: str | None, ctx: Context, inline: Callable[[Block], Inline]
    ) -> Callable[[], etree._Element]:
        """What stands where a marker of `note` stands: the note itself at its first marker (its content read
        now, with `inline`), a pointer to it at a later one; `target` is the id of the passage it is about."""
        if note.id:
            return lambda: el("ptr", target=f"#{note.id}", type="noteref")
        note.id = unique_id(f"note-{note.n}", ctx.ids)
        ctx.ids.add(note.id)
        nb = Block(note.block.line + note.block.text.count("\n", 0, note.offset), note.text.split("\n"))
        # a note of several paragraphs keeps them as p; one paragraph stays inline
        paragraphs = note.text.split("\n\n")
        single = inline(nb) if len(paragraphs) == 1 else None
        several = [inline(Block(nb.line, p.split("\n"))) for p in paragraphs] if single is None else []

        glued = "glued" if self.style is GLUED else None  # how its marker is written: "Friday2"

        def make() -> etree._Element:
            node = el("note", type=note.type, n=note.n, place="foot", xml_id=note.id, rend=glued)
            if target is not None:
                node.set("target", f"#{target}")
            if note.label:
                node.append(el("label", note.label))
                node[-1].tail = " "
            if single is not None:
                append(node, *content(single))
            for paragraph in several:
                node.append(el("p", *content(paragraph)))
            return node

        return make


def section_start(bs: list[Block], conv: Conventions) -> int:
    """The index of the block that opens the notes section (the last one opening with note 1, or the
    notes heading just before it), or len(bs)."""
    for i in range(len(bs) - 1, -1, -1):
        if _FIRST_NOTE.match(bs[i].text):
            i = _first_of_run(bs, i)
            if i and is_heading(bs[i - 1], conv):
                return i - 1
            if _style_of(bs[i].text) is GLUED:
                if _glued(bs, i):
                    return i
                continue  # a numbered list at the end ("1. The budget"), not notes
            if _called(bs[i].text, bs[:i]) or _labelled(bs[i].text, conv):
                return i
            # "(1) …" that no marker calls, under no notes heading and with no note label: numbered
            # paragraphs (a list, a protocol's points), not notes
    return len(bs)


def _first_of_run(bs: list[Block], i: int) -> int:
    """The first note 1 of the notes standing together before block `i` (a note 1): the section of a
    source that numbers its notes again on each page holds several."""
    head = re.compile(_style_of(bs[i].text).head)
    first, k = i, i - 1
    while k >= 0 and head.match(bs[k].text):
        if _FIRST_NOTE.match(bs[k].text):
            first = k
        k -= 1
    return first


def _glued(bs: list[Block], i: int) -> bool:
    """Whether the paragraphs from block `i` on, numbered `1.`, `2.` …, are notes whose numbers are glued to words
    of the text before (`GLUED`): they number 1, 2, 3 … to the end of the text, and the text calls note 1
    first, the others in order, half of them or more."""
    head = re.compile(GLUED.head)
    numbers = [int(m.group(1)) for b in bs[i:] for line in b.lines if (m := head.match(line))]
    if numbers != list(range(1, len(numbers) + 1)):
        return False
    marker = re.compile(GLUED.marker)
    called = [int(m.group(1)) for b in bs[:i] for m in marker.finditer(b.text)]
    firsts = list(dict.fromkeys(n for n in called if n <= len(numbers)))
    return bool(firsts) and firsts[0] == 1 and firsts == sorted(firsts) and 2 * len(firsts) >= len(numbers)


def _style_of(first: str) -> Style:
    """The style of markers the first note of a notes section is numbered in (the first style when none)."""
    return next((s for s in STYLES if re.match(s.head, first)), STYLES[0])


@cache
def _labels(conv: Conventions) -> tuple[str, ...]:
    return tuple(sorted(conv.common.note_labels, key=len, reverse=True))


def _label(rest: str, conv: Conventions) -> tuple[str, str | None]:
    """The note label `rest` opens with, as written with its colon (`Translator's Note:`), and the type of
    note it says; ("", None) when it opens with none."""
    low = rest.lower()
    for label in _labels(conv):
        if low.startswith(label.lower() + ":"):
            return rest[: len(label) + 1], conv.common.note_labels[label]
    return "", None


def _called(first: str, before: list[Block]) -> bool:
    """Whether a marker of the style note 1 is written in calls a note in the text before it (a number that
    opens a paragraph numbers it: it calls no note)."""
    style = _style_of(first)
    marker = _LETTER_MARKER if style.name == "(a)" else re.compile(style.marker)
    head = re.compile(style.head)
    for b in before:
        opening = head.match(b.text)
        if marker.search(b.text, opening.end() if opening else 0):
            return True
    return False


def _labelled(first: str, conv: Conventions) -> bool:
    """Whether note 1 opens with a note label (`Translator's Note:`)."""
    opening = re.match(_style_of(first).head, first)
    return bool(_label(first[opening.end() :] if opening else first, conv)[0])


_LETTER_MARKER = re.compile(r"(?<=[^\s(])\(a\)")


def is_heading(b: Block, conv: Conventions) -> bool:
    """A notes heading alone on its line: `Notes:`, `Примечания`."""
    text = b.text.strip().rstrip(":").strip().casefold()
    return len(b.lines) == 1 and text in {h.casefold() for h in conv.common.notes_headings}


def parse(note_blocks: list[Block], ctx: Context) -> Notes:
    """The notes of a notes section (its heading kept apart)."""
    notes = Notes()
    if note_blocks and is_heading(note_blocks[0], ctx.conv):
        notes.heading, note_blocks = note_blocks[0], note_blocks[1:]
    if not note_blocks:
        return notes
    first = note_blocks[0].text
    notes.style = _style_of(first)
    head = re.compile(notes.style.head)
    one_a_line: list[Block] = []  # notes written one a line, no blank line between them
    for b in note_blocks:
        if len(b.lines) > 1 and all(head.match(line) for line in b.lines):
            one_a_line.extend(Block(b.line + k, [line]) for k, line in enumerate(b.lines))
        else:
            one_a_line.append(b)
    note_blocks = one_a_line
    current: Note | None = None
    more: dict[int, list[str]] = {}  # the paragraphs after a note's first (joined once, not one by one)
    read: list[Note] = []
    for b in note_blocks:
        m = head.match(b.text)
        if m is None:
            if current is None:
                raise InputError(ctx.source, b.line, "text in the notes section before the first note", "input-note")
            more.setdefault(len(read) - 1, []).append(b.text)  # a note of several paragraphs
            continue
        n = number(m.group(1))
        label, ntype = _label(b.text[m.end() :], ctx.conv)
        ntype = ntype or ctx.conv.common.default_note_type
        offset = m.end() + len(label)
        body = b.text[offset:]
        offset += len(body) - len(body.lstrip())
        current = Note(n, ntype, label, b.text[offset:], b, offset)
        read.append(current)
        if n in notes.by_n:
            notes.again.setdefault(n, []).append(current)
            written = notes.style.written(n)
            message = (
                f"note {written} is given again (a numbering that starts again, or a slip): both are kept, and "
                f"the markers {written} are read in order, each calling the next note {written}"
            )
            ctx.warn(b.line, message, "note-twice")
        else:
            notes.by_n[n] = current
    for k, paragraphs in more.items():
        read[k].text = "\n\n".join([read[k].text, *paragraphs])
    return notes
