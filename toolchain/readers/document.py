"""Reader for archive document pages: a date line, a bold title, labelled header fields, the text of
the document (minutes, records, telegrams) and its notes.

Everything it recognises is a convention (see `conventions.py`): field labels, the participants
line, agenda items, speech verbs, bracket meanings, note markers and labels, closing lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from ..errors import Diagnostic, InputError
from ..model import Person, Span
from ..source.blocks import Block, blocks
from ..source.dates import find_date
from ..source.text import Text
from ..tei import content_id, el
from . import brackets, frontmatter, languages, participants
from . import notes as notes_mod
from .content import Content
from .context import Context
from .conventions import Conventions
from .declarations import statements
from .frontmatter import Header
from .persons import Persons

NAME = "document"
DESCRIPTION = "archive document page: date, title, labelled header fields, text and notes"
BRACKETS = brackets.rules(
    "deletion",
    "struck",
    "sic",
    "margin",
    "hand",
    "ellipsis",
    "elapsed",
    "page",
    "omission",
    "uncertain",
    "room",
    "gloss",
    "empty",
    "supplied",
    "editorial-note",
)
DECLARATIONS = ["not-corrected", "line-breaks", "quotations", "brackets", "persons", "notes"]


# What a text of prose with no labelled field scores: a document (a letter, a memorandum, minutes), less
# than any layout another reader recognises.
PROSE = 0.2


def sniff(text: str, conventions: Conventions) -> float:
    """How much `text` looks like an archive document page (0..1): by its labelled header fields; a text of
    prose without them (a paragraph of eight words or more) is a document too, at `PROSE`."""
    first = frontmatter.split_run_fields(blocks(text)[:80], conventions)
    hits = sum(1 for b in first if frontmatter.field_label(b, conventions) is not None)
    prose = any(len(b.text.split()) >= 8 for b in first)
    return max(min(1.0, hits / 3), PROSE if prose else 0.0)


def read(text: str | Text, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> m.Document:
    ctx = Context(source, conventions, diagnostics)
    bs = blocks(text)
    if not bs:
        raise InputError(source, 1, "the file has no text", "input-empty")
    bs = frontmatter.split_run_fields(frontmatter.drop_chrome(bs, ctx), conventions)
    if not bs:
        raise InputError(source, 1, "the file has nothing but page chrome", "input-empty")
    return _Reader(ctx, bs, languages.waiting(text)).tree()


class _Reader:
    def __init__(self, ctx: Context, bs: list[Block], token: str) -> None:
        self.ctx = ctx
        self.conv = ctx.conv
        self.blocks = bs
        self.token = token  # the language of a paragraph that waits (`languages.Marks`)

    def tree(self) -> m.Document:
        ctx = self.ctx
        header, body, note_blocks = frontmatter.layout(self.blocks, ctx)
        notes = notes_mod.parse(note_blocks, ctx)
        title = frontmatter.title(header)
        heading = None
        if title is None:
            heading = frontmatter.heading(header.preamble + body, self.conv)
            if heading is not None and heading.summary:  # "summary, date line, title": an argument, a dateline
                ctx.info(heading.summary[0].line, "the line before the date line is taken for the summary", "summary")
            known = frontmatter.known_title(body, self.conv) if heading is None else None
            title = heading.title if heading else known[0] if known else f"Document {ctx.source.stem}"
            where = heading.block.line + heading.line if heading else known[2] if known else 1
            taken = (
                "its first line is taken for it"
                if heading
                else f"'{known[1]}' is read as the known title '{known[0]}'"
                if known
                else "the file name stands in for it"
            )
            message = f"the document has no title line (no **bold title**, no quoted title in the citation); {taken}"
            ctx.warn(where, message, "input-title")
        said, original = frontmatter.languages(header, ctx)
        head = heading.block if heading and heading.whole_block else None
        top = (heading.summary, heading.date_line) if heading and heading.summary else (header.argument, None)
        own = [b for b in body if b not in (head, top[1], *top[0])]  # the document's words, not the page's
        lang = said or languages.of_text(own, self.conv)
        if not body:
            last = self.blocks[-1].line
            raise InputError(ctx.source, last, "the document has no text after its header", "input-body")
        persons = Persons(self.conv, lang)
        participants_line, closer = self._persons(persons, header, body, notes)
        persons.assign_ids()
        ctx.ids.update(p.id for p in persons.people)

        citation, resp = frontmatter.citation(header, ctx)
        content = Content(ctx, notes, persons, BRACKETS, statements=True)
        content.translator = frontmatter.translator(resp)
        content.closer = closer
        marks = languages.Marks(lang, self.conv.common.default_language, self.token)
        text = self.text(content, body, lang, original, participants_line, closer, head, top, citation, marks)
        text.blocks.append(m.Stream(marks.taken(notes.unplaced_after(ctx, content.note_inline))))
        doc = m.Document(m.Meta(title), text)

        date_line = header.date_line
        closer_date = find_date(closer.text) if closer is not None else None
        dated = [
            (date_line.text.strip(), find_date(date_line.text, whole=True).iso) if date_line else None,
            (None, citation.date) if citation and citation.date else None,
            frontmatter.date_field(body),
            (None, closer_date.iso) if closer_date else None,
            (None, heading.date[1]) if heading and heading.date and top[1] else heading.date if heading else None,
            frontmatter.dateline(body),
        ]
        first = next((b for b in own if b is not closer and len(b.text.split()) >= 8), None)
        self.blocks = []  # the text's groups hold what is still to be written

        def finish() -> list[str | None]:
            waiting = marks.finish()
            meta = doc.meta = frontmatter.meta(header, title, citation, resp)
            meta.creation = frontmatter.creation(
                dated if any(dated) else [frontmatter.first_sentence_date(first, ctx)],
                ctx,
                "document has no date (no date line, none in the citation, the closing line, the title or the "
                "first sentence of the text)",
            )
            meta.abstract = [content.inline(b) for b in header.fields.get("summary", ("", []))[1]]
            meta.languages = ctx.languages({"en", lang} | marks.found | ({original} if original else set()))
            meta.persons = persons.people
            meta.declarations = statements(DECLARATIONS, self.conv, ctx.fired)
            meta.manuscript = frontmatter.manuscript(header, citation, content.hands, original)
            for ambiguous in sorted(set(persons.ambiguous)):
                ctx.warn(1, f"'{ambiguous}' may be any of several persons; not linked", "person-ambiguous")
            return waiting

        doc.later = m.Later(marks.token, finish)
        return doc

    def _persons(
        self, persons: Persons, header: Header, body: list[Block], notes: notes_mod.Notes
    ) -> tuple[Block | None, Block | None]:
        """Find the persons: the participants line first (roles), then all other prose; returns the
        participants line and the closing line."""
        line = None
        for b in body:
            if participants.prefix(b.text, self.conv):
                line = b
                for role, segment in participants.line_segments(b.text, self.conv):
                    persons.listed(segment, role)
                break
        closer = body[-1] if frontmatter.closer_phrase(body[-1].text, self.conv) else None
        signed: list[Person] = []
        for b in body:
            # the participants line was searched segment by segment above
            found = persons.discover(b.text) if b is not line or b is closer else []
            if b is closer:
                signed = found
        for note in notes.every():
            persons.discover(note.text)
        for b in header.fields.get("summary", ("", []))[1]:
            persons.discover(b.text)
        for p in signed:
            p.role = p.role or "notetaker"
        return line, closer

    def text(
        self,
        content: Content,
        body: list[Block],
        lang: str,
        original: str | None,
        participants_line: Block | None,
        closer: Block | None,
        head: Block | None,
        top: tuple[list[Block], Block | None],
        citation: m.Citation | None,
        marks: languages.Marks,
    ) -> m.Text:
        """The text, its blocks made one at a time (`m.Stream`) as they are written; `top` is the summary and
        date line standing before the title (an `argument` and an `opener`)."""
        kind = "translation" if original and original != lang else "original"
        others = [b for b in body if b not in (head, closer, participants_line, top[1], *top[0])]
        if head is not None and not others:  # a division's head needs a block after it: the line is its text
            head = None
        if closer is not None and not others and head is None:  # nor is a closing line alone a division
            closer = None
        item_re = re.compile(self.conv.document.item_pattern)
        groups: list[tuple[re.Match[str] | None, list[Block]]] = [(None, [])]  # the text, then each item
        for b in body:
            found = item_re.match(b.text) if b is not closer else None
            if found:
                groups.append((found, []))
            groups[-1][1].append(b)
        roles = _Roles(participants_line, closer, head, top, citation)

        def container() -> Iterator[m.Block]:
            groups.reverse()  # each taken off the end as it is made: what is written is forgotten
            while groups:
                found, group = groups.pop()
                if found is None:
                    yield from self._blocks(content, group, roles, opened=False)
                else:
                    item = self._blocks(content, group, roles, opened=True)
                    yield m.Div("item", [m.Stream(marks.taken(item))], n=found.group(1))

        return m.Text([m.Div(kind, [m.Stream(marks.taken(container()))])], lang, kind)

    def _blocks(self, content: Content, group: list[Block], roles: _Roles, *, opened: bool) -> Iterator[m.Block]:
        """The blocks of the text before its first item, or of an item (`opened`: its first block is its
        head), each made as it is asked for."""
        argument: m.Argument | None = None  # the summary being made (its paragraphs are written with it)
        opening = True  # whether only a summary and a date line stand before (a title heading may follow)
        speaker: Person | None = None
        ids = self.ctx.ids
        group.reverse()  # each taken off the end as it is made
        k = -1
        while group:
            b, k = group.pop(), k + 1
            item_head = opened and k == 0
            if b in roles.top[0] and b is not roles.closer and not item_head:
                if argument is None:
                    argument = m.Argument()
                argument.blocks.append(m.Para(content.inline(b), content_id("p", b.text, ids)))
                if roles.citation is not None and b.line == roles.citation.line:
                    roles.citation.corresp = f"#{argument.blocks[-1].id}"
                continue
            if argument is not None:
                yield argument
                argument = None
            block: m.Block
            if b is roles.closer:
                block = content.closing(b)
            elif item_head:
                block = m.Head(content.inline(b), content_id("h", b.text, ids))
            elif b is roles.top[1]:
                dated = find_date(b.text)
                date = Span(dated.start, dated.end, "date", lambda when=dated.iso: el("date", when=when))
                block = m.Opener(content.inline(b, extra=[date]))
            elif b is roles.head and opening:
                block = m.Head(content.inline(b), content_id("h", b.text, ids))
            elif b is roles.participants:
                block = m.Para(content.inline(b), content_id("p", b.text, ids))
            elif (page := brackets.page_break(b.text, self.ctx)) is not None:  # "[Page 634]" alone: a page begins
                block = page
            else:
                inline, turn = content.content(b, speech=True, run=speaker)
                block = m.Para(inline, content_id("p", b.text, ids))
                if turn.opening is not None:
                    speaker = turn.opening
                elif speaker is not None and turn.ends_run:
                    speaker = None  # the speaker in the third person: a narrative paragraph, the statement is over
            opening = opening and isinstance(block, m.Opener)
            yield block
        if argument is not None:
            yield argument


@dataclass(frozen=True)
class _Roles:
    """The blocks of the text that are not its paragraphs: the participants line, the closing line, the
    title heading, the summary and the date line before the title, and the citation (a summary that is
    the citation's paragraph is what it corresponds to)."""

    participants: Block | None
    closer: Block | None
    head: Block | None
    top: tuple[list[Block], Block | None]
    citation: m.Citation | None


__all__ = ["DESCRIPTION", "NAME", "read", "sniff"]
