"""Reader for speaker-labelled transcripts: meetings, telephone calls, teleconferences, interviews.

Layout, from the top: front matter (a title, a place-and-date line, a participants list, a source
line, a headnote), then the turns, each opening with a speaker label (see `speakers.py`), then the
footnotes. A paragraph without a label continues the turn before it (see `turns.py`). Each turn becomes
`sp` with the label as written in `speaker` and `@who` pointing to the participant the label resolves
to; a label that resolves to no one is encoded without `@who` and reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from .. import model as m
from ..encode.inline import plain
from ..errors import Diagnostic, InputError
from ..model import Span
from ..source.blocks import Block, Blocks, blocks
from ..source.dates import DateMatch, complete_yearless, find_date
from ..source.text import Text
from ..tei import content_id, el
from . import brackets, frontmatter, languages, participants, turns
from . import notes as notes_mod
from .content import Content
from .context import Context
from .conventions import Conventions, places_lower
from .declarations import statements
from .frontmatter import Header
from .labels import Label
from .persons import Persons
from .speakers import Cast, Speaker, assign_station_ids
from .turns import Turn, TurnLabels, turn_labels

NAME = "transcript"
DESCRIPTION = "speaker-labelled transcript: meetings, telephone calls, teleconferences, interviews"
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
    "stage",
    "gloss",
    "empty",
    "supplied",
    "editorial-note",
)
DECLARATIONS = ["not-corrected", "line-breaks-transcript", "quoted-turns", "turns", "transcript-brackets"]
NO_TURNS = "no speaker labels found (a turn opens with 'Name:', 'NAME.' or 'A.B. NAME')"


class NoTurns(InputError):
    """The text has no speaker labels: it is no transcript (the registry may read it as a document)."""


def sniff(text: str, conventions: Conventions) -> float:
    """How much `text` looks like a speaker-labelled transcript (0..1)."""
    bs = _turn_blocks(text, conventions)
    found = [(i, lab) for i, lab in enumerate(turn_labels(bs, conventions)) if lab is not None]
    if len(found) < 2:
        return 0.0
    names = [lab.name.lower().split()[-1] for _, lab in found]  # "Ambassador Dobrynin" is "Dobrynin"
    share = len(found) / max(1, len(bs) - found[0][0])
    if len(found) == 2:  # an excerpt of two turns: two speakers, and the turns are most of what follows
        return 0.6 if len(set(names)) == 2 and share >= 0.5 else 0.0
    if len(set(names)) < 2:
        return 0.0
    if share < 0.3:  # long speeches (a parliament's record): labels that alternate, speakers who speak again
        alternations = sum(1 for a, b in pairwise(names) if a != b)
        return 0.55 if alternations >= 3 and len(set(names)) < len(names) else 0.0
    if all(names.count(n) == 1 for n in names):  # no speaker speaks twice: labels must dominate
        return 0.5 if len(found) >= 4 and share >= 0.6 else 0.0
    return min(1.0, 0.5 + share)


@lru_cache(maxsize=2)
def _turn_blocks(text: str, conventions: Conventions) -> Blocks:
    """The blocks of a text, cut where turns run together: made once for sniffing and reading (blocks
    are not changed once made)."""
    return Blocks(turns.split_at_labels(blocks(text), conventions))


def forget() -> None:
    """Forget the blocks made for the texts last sniffed and read (once the text is read)."""
    _turn_blocks.cache_clear()


def read(text: str | Text, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> m.Document:
    bs = _turn_blocks(text, conventions)
    if not bs:
        raise InputError(source, 1, "the file has no text", "input-empty")
    dropped: list[Diagnostic] = []  # the chrome is reported once the text is read as a transcript
    reader = _Reader(
        Context(source, conventions, diagnostics),
        frontmatter.drop_chrome(bs, Context(source, conventions, dropped)),
        languages.waiting(text),
    )
    if not reader.has_turns():
        raise NoTurns(source, 1, NO_TURNS, "transcript-no-speakers")
    diagnostics.extend(dropped)
    return reader.tree()


@dataclass
class Front:
    title: Block | None = None
    date: tuple[Block, DateMatch] | None = None
    participants: dict[int, list[Block]] = field(default_factory=dict)  # first block's line -> the list
    order: list[tuple[str, Block]] = field(default_factory=list)  # (kind, block) in the order of the source
    heading: str | None = None  # the title run on with its dateline just before the turns
    header: Header = field(default_factory=Header)


def _front(bs: list[Block], conv: Conventions) -> Front:
    """The front matter before the first turn: title, date line, participants, fields, headnote, in order."""
    out = Front()
    i = 0
    while i < len(bs):
        b = bs[i]
        stripped = b.text.strip()
        label = frontmatter.field_label(b, conv)
        if label is not None:
            role, text, inline_value = label
            if role != "source":
                values = [Block(b.line, [inline_value])] if inline_value else bs[i + 1 : i + 2]
                out.header.fields[role] = (text, values)
                out.order.append(("field", b))
                i += 1 if inline_value else 2
                continue
        if participants.opens(b, conv):
            group = [b]
            nxt = bs[i + 1] if i + 1 < len(bs) else None
            if participants.heading(b, conv) and len(b.lines) == 1 and nxt and participants.list_like(nxt):
                group.append(nxt)
                i += 1
            out.participants[b.line] = group
            out.order.append(("participants", b))
            i += 1
            continue
        date = find_date(stripped)
        before = [kind for kind, x in out.order if not frontmatter.is_chrome(x.text, conv)]  # chrome aside
        # a date line opens the front matter; after a headnote, a short block with a date on a line of its own
        # ("Independence, Missouri / March 18, 1976 / by …")
        opening = all(kind in ("title", "field") for kind in before) or (
            len(b.lines) <= 3 and any(_dateline_like(line) for line in b.lines)
        )
        chrome = frontmatter.is_chrome(stripped, conv) or frontmatter.is_chrome(b.lines[0], conv)
        if out.date is None and date and len(stripped) < 120 and not stripped.startswith("**") and opening:
            out.date = (b, date)
            out.order.append(("date", b))
        elif (
            out.title is None
            and not chrome
            and ((not before and len(stripped) < 300 and len(b.lines) <= 3) or stripped.startswith("**"))
        ):
            out.title = b
            out.order.append(("title", b))
        else:
            out.order.append(("source" if label is not None and label[0] == "source" else "p", b))
        i += 1
    if out.date is None and out.order and out.order[-1][0] == "p":
        _heading_dateline(out)
    return out


def _dateline_like(line: str) -> bool:
    """A full date alone on a line, or after a place (`Berlin, 30.10.1988`)."""
    found = find_date(line)
    return (
        found is not None
        and len(found.iso) == 10
        and not line[found.end :].strip(" .")
        and len(line[: found.start].split()) <= 3
    )


def _heading_dateline(out: Front) -> None:
    """The line just before the turns, a heading with its place and date run on (`Из беседы с Ярузельским и
    Раковским Берлин, 7 октября 1989 года`): the document's own title and its date."""
    b = out.order[-1][1]
    line = b.text.strip()
    date = find_date(line)
    if len(b.lines) != 1 or date is None or len(date.iso) != 10 or line[date.end :].strip(" .") not in _DATE_TAILS:
        return
    before = line[: date.start].rstrip()
    place = re.search(r"(?:^|\s)([^\W\d_][\w-]*),$", before)
    title = (before[: place.start()] if place else before).strip(" ,")
    if len(title.split()) < 3 or not title[:1].isupper() or title.endswith((".", ":", ";")):
        return
    out.order[-1] = ("heading-date", b)
    out.heading = title
    out.date = (b, date)


# What may follow a date at the end of a dateline: "г.", "года", "r."
_DATE_TAILS = {"", "г", "года", "г.", "року", "р", "roku", "r"}


# A line of a wrapped paragraph shorter than this share of its longest line ends the paragraph.
SHORT_LINE = 0.75


def _headline(b: Block, label: Label) -> bool:
    """A one-line block whose label never speaks again and whose words are a headline: most of them
    capitalised, no sentence end."""
    words = b.lines[0][label.rest :].split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return (
        len(b.lines) == 1
        and 3 <= len(words) <= frontmatter.TITLE_MAX_WORDS
        and capitalised >= 0.6 * len(words)
        and not words[-1].endswith((".", "?", "!", ":", ";", ","))
    )


class _Reader:
    def __init__(self, ctx: Context, bs: Blocks, token: str) -> None:
        self.ctx = ctx
        self.conv = ctx.conv
        self.blocks = bs
        self.token = token  # the language of a paragraph that waits (`languages.Marks`)
        self._body_start, self._notes_start, self._labels = self._split()
        self._start_hour: int | None = None  # the hour of the dateline's time of day
        self._creation: str | None = None  # the dateline's @when
        self._source_note: m.Note | None = None  # a `Source:` line of the front matter

    def _split(self) -> tuple[int, int, TurnLabels]:
        """(first turn, first note) as block indexes, and the labels of the blocks before the notes."""
        notes_start = notes_mod.section_start(self.blocks, self.conv)
        labels = turn_labels(self.blocks[:notes_start], self.conv)
        said = Counter(label.name for label in labels if label is not None)
        for i, label in enumerate(labels):
            if label is None or self._in_participants(i):
                continue
            if said[label.name] == 1 and _headline(self.blocks[i], label):
                continue  # "Trial Transcript: New Prosecutor Struggles …": the title, not a turn
            return i, notes_start, labels
        return notes_start, notes_start, labels

    def _in_participants(self, index: int) -> bool:
        """A label-like line inside the participants list (`U.S. Side:`) opens no turn."""
        if participants.opens(self.blocks[index], self.conv):
            return True
        previous = self.blocks[index - 1] if index > 0 else None
        return (
            previous is not None
            and participants.opens(previous, self.conv)
            and participants.list_like(self.blocks[index])
        )

    def has_turns(self) -> bool:
        return self._body_start < self._notes_start

    # --- the tree ----------------------------------------------------------------

    def tree(self) -> m.Document:
        ctx, conv = self.ctx, self.conv
        front = _front(list(self.blocks[: self._body_start]), conv)
        notes = notes_mod.parse(list(self.blocks[self._notes_start :]), ctx)
        body = self.blocks[self._body_start : self._notes_start]
        said, original = frontmatter.languages(front.header, ctx)  # "Original Language:", "Contents:" fields
        lang = said or languages.of_text(body, conv)
        persons = Persons(conv, lang)
        cast = Cast(conv, persons)
        citation, resp = frontmatter.citation(front.header, ctx)

        # who may speak: the participants list, then office + name pairs in the title and headnote
        entries = {line: participants.lines(group, conv) for line, group in front.participants.items()}
        for line_block in (b for group in entries.values() for b in group):
            for segment in participants.segments(line_block.text, cast.names_someone):
                cast.learn_participant(segment)
        for kind, b in front.order:
            if kind in ("title", "p", "date"):
                cast.learn_text(b.text)
            if kind in ("p", "date"):  # "Interviewer: John Smith / Date: 14 May 2001"
                for label, value in participants.role_lines(b, conv):
                    cast.learn_participant(value, role=label)
        presiding = participants.chair([b for _, b in front.order], conv)
        if presiding is not None:
            cast.learn_participant(presiding, role="chair")
        parts = turns.Parts(body, self._labels.after(self._body_start), conv)
        for kind, b in front.order[:3]:
            if kind in ("title", "date", "heading-date", "p"):
                cast.learn_subject(b.text)  # "Deposition of John Park": the witness
        cast.learn_letters((label.name for label, _ in parts.turns()), lang)
        cast.learn_addressee((label.name, body[start].text[label.rest :]) for label, start in parts.turns())

        def resolve(label: Label) -> tuple[Speaker | None, str]:
            speaker, why = cast.resolve(label)
            if label.alias and speaker is not None:
                cast.aliases[label.alias.lower()] = speaker  # "[hereafter McGB]": McGB: from now on
            return speaker, why

        turns.resolve(parts, resolve, ctx)
        for b in self.blocks[: self._body_start]:
            persons.discover(b.text)
        for part in parts:  # a turn's words after its label ("ІВАНЧУК А.В. Шановний …": no "А.В. Шановний")
            for k, b in enumerate(part.blocks if isinstance(part, Turn) else [part.block]):
                persons.discover(b.text[part.label.rest :] if k == 0 and isinstance(part, Turn) else b.text)
        for note in notes.every():
            persons.discover(note.text)
        persons.assign_ids()
        ctx.ids.update(p.id for p in persons.people)
        stations = list(cast.stations.values())
        assign_station_ids(stations, ctx.ids)
        closer = parts.close(lambda text: bool(frontmatter.closer_phrase(text, conv)))

        content = Content(ctx, notes, persons, BRACKETS, statements=False)
        content.translator = frontmatter.translator(resp)
        content.closer = closer
        marks = languages.Marks(lang, conv.common.default_language, self.token)
        div = m.Div("transcript", [m.Stream(marks.taken(self._blocks(content, cast, front, entries, parts, closer)))])
        kind = "translation" if original and original != lang else "original"
        doc = m.Document(
            m.Meta(""), m.Text([div, m.Stream(notes.unplaced_after(ctx, content.note_inline))], lang, kind)
        )

        def finish() -> list[str | None]:
            waiting = marks.finish()
            doc.meta = self._meta(front, notes, content, citation, resp, closer)
            doc.meta.languages = ctx.languages({"en", lang} | marks.found | ({original} if original else set()))
            doc.meta.persons = persons.people
            doc.meta.stations = stations
            doc.meta.declarations = statements(DECLARATIONS, conv, ctx.fired)
            doc.meta.manuscript = frontmatter.manuscript(front.header, citation, content.hands, original)
            return waiting

        doc.later = m.Later(marks.token, finish)
        self.blocks = Blocks(())  # the parts hold what is still to be written
        return doc

    def _blocks(
        self,
        content: Content,
        cast: Cast,
        front: Front,
        entries: dict[int, list[Block]],
        parts: turns.Parts,
        closer: Block | None,
    ) -> Iterator[m.Block]:
        """The blocks of the transcript's division, made one at a time: its front matter, then each turn
        (with the remarks at its end after it) or remark, then the closing lines."""
        yield from self._front_div(content, cast, front, entries)
        writer = turns.Writer(content, self.conv, self._start_hour)  # the hour of the dateline, read above
        for part in parts:  # each made as it is written, and forgotten
            yield from turns.hoist_remarks(writer.sp(part)) if isinstance(part, Turn) else [writer.remark(part.block)]
        if closer is not None:
            yield content.closing(closer)

    def _meta(
        self,
        front: Front,
        notes: notes_mod.Notes,
        content: Content,
        citation: m.Citation | None,
        resp: list[m.Resp],
        closer: Block | None,
    ) -> m.Meta:
        """What the header says that is known once the text is made (its dateline read, its notes placed)."""
        meta = frontmatter.meta(front.header, self._title(front), citation, resp)
        source = self._source(notes)
        if source is not None:
            meta.sources.append(source)
        closer_date = find_date(closer.text) if closer is not None else None
        dated = [
            (None, self._creation) if self._creation else None,
            (None, citation.date) if citation and citation.date else None,
            (None, closer_date.iso) if closer_date else None,
        ]
        meta.creation = frontmatter.creation(
            dated if any(dated) else [self._title_date(meta.title, self._headnote_date(front))],
            self.ctx,
            "transcript has no date (no date line, none in the citation or the headnote's first sentence)",
        )
        meta.abstract = [content.inline(b) for b in front.header.fields.get("summary", ("", []))[1]]
        return meta

    def _title_date(self, title: str, other: tuple[str | None, str] | None) -> tuple[str | None, str] | None:
        """The day the title names without its year (a cable's `SUBJECT: … THURSDAY, JULY 22`), in the year of
        the date found elsewhere (its date-time group, sent a day later), else that other date."""
        if other is None:
            return None
        found = complete_yearless(title, other[1])
        if found is None:
            return other
        message = f"the title's '{title[found.start : found.end]}' is dated {found.iso}, in the year of {other[1]}"
        self.ctx.info(1, message + "; please review", "date-yearless")
        return None, found.iso

    def _headnote_date(self, front: Front) -> tuple[str | None, str] | None:
        """The full date in the first sentence of the headnote, when nothing else dates the transcript."""
        return frontmatter.first_sentence_date(next((b for kind, b in front.order if kind == "p"), None), self.ctx)

    def _source(self, notes: notes_mod.Notes) -> m.Source | None:
        """The source statement (a `Source:` line, else a source note) as a bibl pointing to it."""
        note = self._source_note
        if note is None:
            found = next((n for n in notes.every() if n.type == "source"), None)
            target = f"#{found.id}" if found is not None else None
            text = found.text if found is not None else None
        else:
            target, text = f"#{note.id}", " ".join(plain(note.content).split())
            text = re.sub(r"^\s*\w+\s*:\s*", "", text)
        return m.Source(" ".join(text.split()), target) if text else None

    def _title(self, front: Front) -> str:
        if front.heading is not None:
            return front.heading
        if front.title is not None:
            title = " ".join(front.title.text.replace("**", "").split())
            title = re.sub(r"\s*[\[(]\d{1,3}[\])]", "", title)
            title = frontmatter.NUMBERED.sub("", title)  # "38. Minutes of …": the number is not the title
            title = frontmatter.GLUED_MARKER.sub("", title)  # "… (Dobrynin)1": a note's number, not the title
            if title:
                return title
        found = frontmatter.citation_title(front.header) or self._subject(front)
        if found:
            return found
        if front.date is not None:  # a dateline with more than a place around its date ("HC Deb 17 March 1959 …")
            block, date = front.date
            before = block.lines[: block.text.count("\n", 0, date.start)]  # the lines above the date's
            heading = " ".join(" ".join(before).split())
            if heading and len(heading.split()) <= frontmatter.TITLE_MAX_WORDS:  # "СТЕНОГРАММА / заседания …"
                self.ctx.warn(
                    block.line,
                    "the transcript has no title line; the lines over its date are taken for it",
                    "input-title",
                )
                return heading
            line = block.lines[0].strip()
            around = (line[: date.start] + line[date.end :]).split()
            record = _record_words(self.conv)
            capitalised = all(w[:1].isupper() and w.strip(",").lower() not in record for w in around)
            placed = capitalised or " ".join(around).strip(" ,").lower() in places_lower()
            if len(around) > 4 or (around and not placed):  # "Committee hearing, 12 June 2012": no place
                self.ctx.warn(
                    front.date[0].line, "the transcript has no title line; its dateline is taken for it", "input-title"
                )
                return line
        self.ctx.warn(1, "the transcript has no title line; the file name stands in for it", "input-title")
        return f"Transcript {self.ctx.source.stem}"

    # --- the front matter in the text -------------------------------------------

    def _subject(self, front: Front) -> str | None:
        """The value of a subject field (`SUBJECT: TRANSCRIPT OF …`), wrapped over lines up to the first line
        that stops short of the margin (what follows is another paragraph run on without a blank line)."""
        subjects = {f.lower() for f in self.conv.transcript.subject_fields}
        for kind, b in front.order:
            label, _, value = b.lines[0].partition(":")
            if kind != "p" or label.strip().lower() not in subjects or not value.strip():
                continue
            margin = max(len(line) for line in b.lines)
            lines = [value]
            for line in b.lines[1:]:
                if len(lines[-1]) + (len(label) + 1 if len(lines) == 1 else 0) < SHORT_LINE * margin:
                    break
                lines.append(line)
            self.ctx.warn(b.line, "the transcript has no title line; its subject is taken for it", "input-title")
            return " ".join(" ".join(lines).split())
        return None

    def _front_div(self, content: Content, cast: Cast, front: Front, entries: dict[int, list[Block]]) -> list[m.Block]:
        ids = self.ctx.ids
        out: list[m.Block] = []
        for kind, b in front.order:
            if kind == "title" and all(isinstance(x, m.Opener) for x in out):  # head and opener: either first
                unbold = Block(b.line, [line.replace("**", "") for line in b.lines])
                out.append(m.Head(content.inline(unbold), content_id("h", b.text.strip(), ids)))
            elif kind == "title":  # after page chrome: a head may only open the division
                out.append(m.Para(content.inline(b), content_id("p", b.text, ids)))
            elif kind == "date" and all(isinstance(x, m.Head | m.Opener) for x in out):
                out.append(m.Opener(self._dateline(content, *front.date)))
            elif kind == "date":  # after a headnote: an opener may only open the division
                out.append(m.Para(self._dateline(content, *front.date), content_id("p", b.text, ids)))
            elif kind == "participants":
                listed = self._participants_list(content, cast, front.participants[b.line], entries[b.line])
                # a heading whose names are in no block that reads as a list: a paragraph (a list has items)
                out.append(listed if listed.items else m.Para(content.inline(b), content_id("p", b.text, ids)))
            elif kind == "source":
                self._source_note = m.Note(content.inline(b), "source", content_id("note-source", b.text, ids))
                out.append(self._source_note)
            elif kind == "p":
                out.append(m.Para(content.inline(b), content_id("p", b.text, ids)))
            elif kind == "heading-date":  # the title and its dateline, after the page's lines: a paragraph
                dated = self._dateline(content, *front.date)
                out.append(m.Para(dated, content_id("p", b.text, ids)))
        return out

    def _dateline(self, content: Content, b: Block, date: DateMatch) -> m.Inline:
        text = b.text
        end, when = date.end, date.iso
        time = re.compile(self.conv.transcript.time_pattern).search(text, date.end)
        if time and len(date.iso) == 10 and not text[date.end : time.start()].strip(" ,at"):
            end, when = time.end(), f"{date.iso}T{turns.clock(time)}"
            self._start_hour = int(turns.clock(time)[:2])
        spans = [Span(date.start, end, "date", lambda: el("date", when=when))]
        place = text[: date.start].rstrip(" ,")
        one_to_three_words = re.fullmatch(r"(?:[A-Z][\w.'-]+\s?){1,3}", place)
        comma = text[: date.start].rstrip().endswith(",")  # "Washington, April 28": not "HC Deb 17 March"
        record = _record_words(self.conv)
        named = one_to_three_words and comma and not any(w.lower() in record for w in place.split())
        if place and (place.lower() in places_lower() or named):
            spans.append(Span(0, len(place), "date", lambda: el("placeName")))
        self._creation = when
        return content.inline(b, extra=spans)

    def _participants_list(self, content: Content, cast: Cast, group: list[Block], entries: list[Block]) -> m.ItemList:
        first = group[0].lines[0]
        label = first.split(":", 1)[0] + ":" if ":" in first else first.strip()
        items = [m.Item(content.inline(piece)) for b in entries for piece in participants.items(b, cast.names_someone)]
        return m.ItemList(items, type="participants", head=label.strip())


__all__ = ["DESCRIPTION", "NAME", "NoTurns", "read", "sniff"]


@cache
def _record_words(conv: Conventions) -> frozenset[str]:
    """The words that name a kind of record (lower case): before a dateline's date, no place."""
    return frozenset(w.lower() for w in conv.transcript.record_words)
