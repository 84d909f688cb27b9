"""Reader for speaker-labelled transcripts: meetings, telephone calls, teleconferences, interviews.

Layout, from the top: front matter (a title, a place-and-date line, a participants list, a source
line, a headnote), then the turns, each opening with a speaker label (see `speakers.py`), then the
footnotes. A paragraph without a label continues the turn before it. Whole bracketed paragraphs are
remarks between or inside turns (`[At this point the President left the room.]`, `[Omitted here is
discussion of …]`); brackets inside a turn are omissions, uncertain readings, `[sic]`, stage remarks or
(as in the document reader) supplied words and editorial notes. Each turn becomes `sp` with the
label as written in `speaker` and `@who` pointing to the participant the label resolves to; a label
that resolves to no one is encoded without `@who` and reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, InputError
from ..source.blocks import Block, blocks
from ..source.dates import DateMatch, find_date
from ..source.marks import CLOSING_QUOTES, OPENING_QUOTES, closes_earlier_quote, quoted_title
from ..source.scripts import script
from ..tei import XML_ID, content_id, el, sub
from . import document
from .conventions import Conventions, places
from .inline import Span, build
from .persons import Persons
from .speakers import Cast, Label, Speaker, Station, assign_station_ids, find_label

NAME = "transcript"
DESCRIPTION = "speaker-labelled transcript: meetings, telephone calls, teleconferences, interviews"

_INTERRUPTION = re.compile(r"(?:—|–|--|\.\.\.|…)[\"”»]?\s*$")
_RESUMPTION = re.compile(r"^(?:—|–|--|\.\.\.|…)")
# A group within a participants list: "U.S. Side:", "Soviet delegation -", "In Washington—"
_GROUP_HEADING = re.compile(
    r"^[^:]{1,40}:\s*$|^[^:]{1,30}(?:side|delegation|Side|Delegation)\s*[:\-–—]\s*|^(?:In|At)\s+[^—–:]{1,30}[—–:]\s*"
)


def sniff(text: str, conventions: Conventions) -> float:
    """How much `text` looks like a speaker-labelled transcript (0..1)."""
    bs = blocks(text)
    found = [(i, lab) for i, lab in enumerate(turn_labels(bs, conventions)) if lab is not None]
    if len(found) < 3:
        return 0.0
    names = [lab.name.lower() for _, lab in found]
    share = len(found) / max(1, len(bs) - found[0][0])
    if len(set(names)) < 2 or share < 0.3:
        return 0.0
    if all(names.count(n) == 1 for n in names):  # no speaker speaks twice: labels must dominate
        return 0.5 if len(found) >= 4 and share >= 0.6 else 0.0
    return min(1.0, 0.5 + share)


def turn_labels(bs: list[Block], conventions: Conventions) -> list[Label | None]:
    """The speaker label opening each block, or None. A label shape that may be a word of prose
    (`NATO. …`: one word in capitals) counts only when the document repeats it."""
    labels = [find_label(b.lines[0], conventions) for b in bs]
    repeated = Counter(label.name for label in labels if label is not None)

    def plausible(label: Label) -> bool:
        prose_like = label.style != "colon" and not re.search(r"\.\s?\S", label.name) and len(label.name.split()) == 1
        return not prose_like or repeated[label.name] > 1

    return [label if label is not None and plausible(label) else None for label in labels]


def read(text: str, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> etree._ElementTree:
    reader = _Reader(text, source, conventions, diagnostics)
    if reader.has_turns():
        return reader.tree()
    # no speaker labels: the plain document reader takes the file, and the report says so
    missing = "no speaker labels found (a turn opens with 'Name:', 'NAME.' or 'A.B. NAME')"
    try:
        tree = document.read(text, source=source, conventions=conventions, diagnostics=diagnostics)
    except InputError as exc:
        bad = exc.diagnostic
        raise InputError(source, bad.line, f"{missing}; read as a document instead: {bad.message}", bad.rule) from exc
    diagnostics.append(
        Diagnostic("warning", "transcript-no-speakers", str(source), 1, 0, f"{missing}; read as a document")
    )
    return tree


@dataclass
class Turn:
    label: Label
    blocks: list[Block]  # the first block opens with the label
    speaker: Speaker | None = None
    why: str = ""  # how the label was resolved, or why it was not


@dataclass
class Remark:
    """A whole bracketed paragraph: an omission (gap) or a stage-like remark."""

    block: Block


@dataclass
class Front:
    title: Block | None = None
    date: tuple[Block, DateMatch] | None = None
    participants: list[Block] = field(default_factory=list)
    order: list[tuple[str, Block]] = field(default_factory=list)  # (kind, block) in the order of the source
    header: document.Header = field(default_factory=document.Header)


class _Reader(document._Reader):
    def __init__(self, text: str, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> None:
        super().__init__(text, source, conventions, diagnostics)
        self.statements = False
        self.closer = None
        self.participants = None
        self.notes_by_n = {}
        self.style = "["
        self._body_start, self._notes_start = self._split()
        self._start_hour: int | None = None  # the hour of the dateline's time of day
        self._creation: str | None = None  # the dateline's @when
        self._source_note: etree._Element | None = None  # a `Source:` line of the front matter

    # --- layout ------------------------------------------------------------------

    def _split(self) -> tuple[int, int]:
        """(first turn, first note) as block indexes."""
        notes_start = len(self.blocks)
        for i in range(len(self.blocks) - 1, -1, -1):
            if re.match(r"\s*[\[(]1[\])]", self.blocks[i].text):
                notes_start = i
                break
        for i, label in enumerate(turn_labels(self.blocks[:notes_start], self.conv)):
            if label is not None and not self._in_participants(i):
                return i, notes_start
        return notes_start, notes_start

    def _in_participants(self, index: int) -> bool:
        """A label-like line inside the participants list (`U.S. Side:`) opens no turn."""
        if self._opens_participants(self.blocks[index]):
            return True
        return index > 0 and self._opens_participants(self.blocks[index - 1]) and self._list_like(self.blocks[index])

    def _opens_participants(self, b: Block) -> bool:
        return bool(self._participants_prefix(b.text.strip())) or self._participants_heading(b)

    def has_turns(self) -> bool:
        return self._body_start < self._notes_start

    def _participants_heading(self, b: Block) -> bool:
        """A participants heading alone on its line: `PARTICIPANTS`, `Present:`."""
        line = b.lines[0].strip().rstrip(":").lower()
        return any(line == p.lower() for p in self.conv.common.participants_prefixes)

    @staticmethod
    def _list_like(b: Block) -> bool:
        return all(len(line) < 90 and not line.rstrip().endswith((".", "?", "!")) for line in b.lines)

    def front(self) -> Front:
        out = Front()
        bs = self.blocks[: self._body_start]
        i = 0
        while i < len(bs):
            b = bs[i]
            stripped = b.text.strip()
            label = self._label(b)
            if label is not None:
                role, text, inline_value = label
                if role != "source":
                    values = [Block(b.line, [inline_value])] if inline_value else bs[i + 1 : i + 2]
                    out.header.fields[role] = (text, values)
                    out.order.append(("field", b))
                    i += 1 if inline_value else 2
                    continue
            if self._opens_participants(b):
                group = [b]
                if (
                    self._participants_heading(b)
                    and len(b.lines) == 1
                    and i + 1 < len(bs)
                    and self._list_like(bs[i + 1])
                ):
                    group.append(bs[i + 1])
                    i += 1
                out.participants = group
                out.order.append(("participants", b))
                i += 1
                continue
            date = find_date(stripped)
            opening = all(kind in ("title", "field") for kind, _ in out.order)
            if out.date is None and date and len(stripped) < 120 and not stripped.startswith("**") and opening:
                out.date = (b, date)
                out.order.append(("date", b))
                i += 1
                continue
            if out.title is None and not out.order and len(stripped) < 300:
                out.title = b
                out.order.append(("title", b))
                i += 1
                continue
            if out.title is None and stripped.startswith("**"):
                out.title = b
                out.order.append(("title", b))
                i += 1
                continue
            kind = "source" if label is not None and label[0] == "source" else "p"
            out.order.append((kind, b))
            i += 1
        return out

    def _participant_lines(self, front: Front) -> list[Block]:
        """Each line of the participants list as a block, the heading (`Participants:`) left out."""
        out: list[Block] = []
        lines: list[tuple[int, str]] = []
        for b in front.participants:
            lines.extend((b.line + k, line) for k, line in enumerate(b.lines))
        for k, (number, line) in enumerate(lines):
            text = line
            if k == 0:
                prefix = self._participants_prefix(line.strip())
                if prefix is not None or self._participants_heading(Block(number, [line])):
                    text = line.split(":", 1)[1] if ":" in line else ""
                    if not text.strip():
                        continue
            out.append(Block(number, [text.strip()]))
        return out

    # --- the tree ----------------------------------------------------------------

    def tree(self) -> etree._ElementTree:
        front = self.front()
        self.notes_by_n, self.style = self.notes(self.blocks[self._notes_start :])
        body = self.blocks[self._body_start : self._notes_start]
        # the language of the text from its script (Conventions.script_languages), else the default
        written = script(" ".join(b.text for b in body)) or ""
        default_script = {v: k for k, v in self.conv.common.script_languages.items()}.get(
            self.conv.common.default_language, "Latin"
        )
        self.lang = self.conv.common.default_language
        if written != default_script and written in self.conv.common.script_languages:
            self.lang = self.conv.common.script_languages[written]
        self.persons = Persons(self.conv, self.lang)
        self.cast = Cast(self.conv, self.persons)
        self.translator = None
        cit = self.citation(front.header)

        # who may speak: the participants list, then office + name pairs in the title and headnote
        entries = self._participant_lines(front)
        for line_block in entries:
            for segment in self._segments(line_block.text):
                self.cast.learn_participant(segment)
        for kind, b in front.order:
            if kind in ("title", "p", "date"):
                self.cast.learn_text(b.text)
            if kind == "p":
                for label, value in self._role_lines(b):
                    self.cast.learn_participant(value, role=label)
        parts = self._parts(body)
        for part in parts:
            if isinstance(part, Turn):
                part.speaker, part.why = self.cast.resolve(part.label)
        self._report_unresolved([p for p in parts if isinstance(p, Turn)])
        for b in self.blocks[: self._notes_start]:
            self.persons.discover(b.text)
        for note in self.notes_by_n.values():
            self.persons.discover(note.text)
        self.persons.assign_ids()
        for p in self.persons.people:
            self.ids.add(p.id)
        stations = list(self.cast.stations.values())
        assign_station_ids(stations, self.ids)
        last = parts[-1] if parts else None
        if isinstance(last, Turn) and len(last.blocks) > 1 and self._closer_phrase(last.blocks[-1].text):
            self.closer = last.blocks.pop()

        div = el("div", type="transcript")
        self._front_div(div, front, entries)
        for part in parts:
            if isinstance(part, Turn):
                div.extend(self._sp(part))
            else:
                div.append(self._remark(part.block))
        self._hoist_remarks(div)
        if self.closer is not None:
            div.append(self.closer_el(self.closer))
        self.check_notes_used()
        root = el("TEI", xml_lang="en")
        root.append(self.transcript_header(front, cit, stations))
        root.append(el("text", el("body", div), xml_lang=self.lang, type="original"))
        return etree.ElementTree(root)

    def _role_lines(self, b: Block) -> list[tuple[str, str]]:
        """Lines of the front matter that name a participant by role: `Interviewer: Paige E. Mulhollan`."""
        out = []
        for line in b.lines:
            m = re.match(r"\s*([^\W\d][\w' -]{0,30}?)\s*:\s+(\S.*)$", line)
            if m:
                low = m.group(1).lower()
                role = next((r for phrase, r in self.conv.common.participant_roles if phrase in low), None)
                if role is not None and role != "other":
                    out.append((role, m.group(2)))
        return out

    def _segments(self, text: str) -> list[str]:
        """The persons of one participants line: `A; B`, `A, B and C`, but `Name, Office` stays one."""
        text = _GROUP_HEADING.sub("", text).strip()
        if not text:
            return []
        out = []
        for piece in re.split(r";", text):
            piece = re.sub(r",\s*(Jr|Sr)\.?(?=,|\s|$)", r" \1.", piece.strip())
            parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", piece) if p.strip()]
            if len(parts) > 1 and all(self.cast.names_someone(p) for p in parts):
                out.extend(parts)
            elif piece:
                out.append(piece)
        return out

    def _parts(self, body: list[Block]) -> list[Turn | Remark]:
        parts: list[Turn | Remark] = []
        for b, label in zip(body, turn_labels(body, self.conv), strict=True):
            if label is not None:
                parts.append(Turn(label, [b]))
            elif self._whole_bracket(b.text) or self._lone_time(b.text):
                parts.append(Remark(b))
            else:
                # the turn goes on, with the remarks that stood between its paragraphs
                remarks = []
                while parts and isinstance(parts[-1], Remark):
                    remarks.insert(0, parts.pop().block)
                turn = parts[-1]  # the body opens with a turn
                assert isinstance(turn, Turn)
                turn.blocks.extend([*remarks, b])
        return parts

    def _lone_time(self, text: str) -> bool:
        """A paragraph that is only a time of day in parentheses: `(11.40)`."""
        m = re.fullmatch(r"\s*\(([^()]+)\)\s*", text)
        return bool(m and re.fullmatch(self.conv.transcript.time_pattern, m.group(1).strip()))

    @staticmethod
    def _whole_bracket(text: str) -> bool:
        text = text.strip()
        if not (text.startswith("[") and text.endswith("]")):
            return False
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "["
            depth -= ch == "]"
            if depth == 0 and i < len(text) - 1:
                return False
        return True

    def _report_unresolved(self, turns: list[Turn]) -> None:
        seen: dict[str, list[Turn]] = {}
        for turn in turns:
            if turn.speaker is None:
                seen.setdefault(turn.label.text, []).append(turn)
        for text, group in seen.items():
            count = f"{len(group)} turns" if len(group) > 1 else "1 turn"
            self.warn(
                group[0].blocks[0].line,
                f"speaker label '{text}' ({count}) is encoded without @who: {group[0].why}",
                "speaker-unresolved",
            )

    # --- the text ----------------------------------------------------------------

    def _front_div(self, div: etree._Element, front: Front, entries: list[Block]) -> None:
        for kind, b in front.order:
            if kind == "title":
                text = b.text.strip()
                head = sub(div, "head", *self.inline(self._unbold(b), speech=False))
                head.set(XML_ID, content_id("h", text, self.ids))
            elif kind == "date":
                div.append(el("opener", self._dateline(*front.date)))
            elif kind == "participants":
                div.append(self._participants_list(front, entries))
            elif kind == "source":
                note = sub(div, "note", *self.inline(b, speech=False), type="source")
                note.set(XML_ID, content_id("note-source", b.text, self.ids))
                self._source_note = note
            elif kind == "p":
                sub(div, "p", *self.inline(b, speech=False), xml_id=content_id("p", b.text, self.ids))

    @staticmethod
    def _unbold(b: Block) -> Block:
        return Block(b.line, [line.replace("**", "") for line in b.lines])

    def _dateline(self, b: Block, date: DateMatch) -> etree._Element:
        text = b.text
        end, when = date.end, date.iso
        time = re.compile(self.conv.transcript.time_pattern).search(text, date.end)
        if time and len(date.iso) == 10 and not text[date.end : time.start()].strip(" ,at"):
            end, when = time.end(), f"{date.iso}T{_clock(time)}"
            self._start_hour = int(_clock(time)[:2])
        spans = [Span(date.start, end, "date", lambda: el("date", when=when))]
        place = text[: date.start].rstrip(" ,")
        if place and place.lower() in {p.lower() for p in places()} | set(self._place_words(place)):
            spans.append(Span(0, len(place), "date", lambda: el("placeName")))
        self._creation = when
        return el("dateline", *self.inline(b, speech=False, extra=spans))

    @staticmethod
    def _place_words(place: str) -> list[str]:
        """A place before a date: one to three capitalised words (`Santo Domingo`, `Camp David`)."""
        return [place.lower()] if re.fullmatch(r"(?:[A-Z][\w.'-]+\s?){1,3}", place) else []

    def _participants_list(self, front: Front, entries: list[Block]) -> etree._Element:
        heading = front.participants[0]
        first = heading.lines[0]
        label = first.split(":", 1)[0] + ":" if ":" in first else first.strip()
        lst = el("list", el("head", label.strip()), type="participants")
        for b in entries:
            for piece in self._items(b):
                sub(lst, "item", *self.inline(piece, speech=False))
        return lst

    def _items(self, b: Block) -> list[Block]:
        """A participants line as list items: one per person (`A; B`, `A, B and C`), separators kept."""
        text = b.text
        cuts = [m.end() for m in re.finditer(r";\s*", text)]
        if not cuts:
            parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", text) if p.strip()]
            if len(parts) > 1 and all(self.cast.names_someone(p) for p in parts):
                cuts = [m.end() for m in re.finditer(r",\s*(?:and\s+)?|\s+and\s+", text)]
        starts = [0, *cuts]
        ends = [*cuts, len(text)]
        return [Block(b.line, [text[s:e].rstrip()]) for s, e in zip(starts, ends, strict=True) if text[s:e].strip()]

    def _sp(self, turn: Turn) -> list[etree._Element]:
        """The turn's sp, after the stage of a time of day written before its label."""
        label = turn.label
        out = []
        if label.lead:
            first = turn.blocks[0]
            time = first.lines[0][: label.lead].rstrip()
            out.append(el("stage", *build(time, self._times(time)), type="time"))
        who = f"#{turn.speaker.id}" if turn.speaker is not None else None
        sp = el("sp", who=who)
        out.append(sp)
        if label.quote:
            sp.set("rend", f"pre({label.quote})")
        sub(sp, "speaker", label.text)
        for k, b in enumerate(turn.blocks):
            if k == 0:
                rest = b.lines[0][label.rest :]
                lines = ([rest] if rest else []) + b.lines[1:]
                if not lines:
                    continue
                b = Block(b.line + (0 if rest else 1), lines)
            if self._whole_bracket(b.text) or self._lone_time(b.text):
                sp.append(self._remark(b))
                continue
            sp.append(self._p(b, first=k == 0, last=k == len(turn.blocks) - 1))
        return out

    def _p(self, b: Block, *, first: bool, last: bool) -> etree._Element:
        text = b.text
        rend = []
        lead = 0
        if text[:1] in OPENING_QUOTES and not first:  # each paragraph of a quoted turn opens with a mark
            rend.append(f"pre({text[0]})")
            lead = 1
        trail = len(text)
        if text[-1:] in CLOSING_QUOTES and closes_earlier_quote(text[lead:]):
            rend.append(f"post({text[-1]})")
            trail -= 1
        extra = []
        if lead or trail < len(text):
            if lead:
                extra.append(Span(0, lead, "marker", None, leaf=True))
            if trail < len(text):
                extra.append(Span(trail, len(text), "marker", None, leaf=True))
        body = text[lead:trail]
        m = re.match(r"\(([^()]{1,80})\)", body)
        if first and m and not re.fullmatch(self.conv.transcript.time_pattern, m.group(1).strip()):
            extra.append(Span(lead, lead + m.end(), "stage", lambda: el("stage", type="delivery")))
        if first and _RESUMPTION.match(body):
            r = _RESUMPTION.match(body)
            extra.append(Span(lead, lead + r.end(), "seg", lambda: el("seg", type="resumption")))
        if last:
            it = _INTERRUPTION.search(body)
            if it:
                mark = it.group(0).rstrip().rstrip(CLOSING_QUOTES)
                s = lead + it.start()
                extra.append(Span(s, s + len(mark), "seg", lambda: el("seg", type="interruption")))
        extra.extend(self._times(text))
        p = el("p", *self.inline(b, speech=False, extra=extra), xml_id=content_id("p", text, self.ids))
        if rend:
            p.set("rend", " ".join(rend))
        return p

    def _times(self, text: str) -> list[Span]:
        """Times of day in parentheses, `(11.40)`, and with a.m./p.m."""
        spans = []
        for m in re.finditer(self.conv.transcript.time_pattern, text):
            parenthesised = m.start() > 0 and text[m.start() - 1] == "(" and text[m.end() : m.end() + 1] == ")"
            meridiem = m.group("ap") or m.group("ap2")
            valid = int(m.group("h")) < 24 and int(m.group("m") or 0) < 60
            if ((parenthesised and m.group("m")) or meridiem) and valid:
                when = _clock(m, self._start_hour)
                spans.append(Span(m.start(), m.end(), "date", lambda w=when: el("time", when=w)))
        return spans

    def _remark(self, b: Block) -> etree._Element:
        """A whole bracketed paragraph: gap (omission) or stage (remark); a time alone is a stage too."""
        text = b.text.strip()
        if self._lone_time(text):
            return el("stage", *build(text, self._times(text)), type="time")
        inner = text[1:-1].strip()
        reason = self._omission(inner)
        lead = len(b.text) - len(b.text.lstrip()) + 1
        inner_block = Block(b.line, b.text[lead : lead + len(inner)].split("\n"))
        if reason is not None:
            return el("gap", el("desc", *self._note_inline(inner_block)), reason=reason)
        return el("stage", *self._note_inline(inner_block), type=self._stage_type(inner))

    def _omission(self, inner: str) -> str | None:
        low = inner.lower()
        return next((reason for phrase, reason in self.conv.transcript.omission_phrases if phrase in low), None)

    def _stage_type(self, inner: str) -> str:
        low = inner.lower()
        return next((kind for phrase, kind in self.conv.transcript.stage_words if phrase in low), "summary")

    @staticmethod
    def _hoist_remarks(div: etree._Element) -> None:
        """Remarks at the end of a turn stand between turns, not inside the turn before."""
        for sp in div.findall("{*}sp"):
            trailing = []
            for child in reversed(sp):
                if etree.QName(child).localname in ("stage", "gap"):
                    trailing.append(child)
                else:
                    break
            index = div.index(sp)
            for k, child in enumerate(reversed(trailing)):
                sp.remove(child)
                div.insert(index + 1 + k, child)

    # --- brackets and standalone times -------------------------------------------

    def _bracket_spans(self, text, bracket, deletion, b):
        if deletion is not None:
            return super()._bracket_spans(text, bracket, deletion, b)
        lo, hi = bracket.inner
        inner = text[lo:hi].strip()
        if inner.lower().rstrip("!") == "sic":
            word = re.search(r"([\w'’-]+)[^\w\s]*(\s*)$", text[: bracket.start])
            if word:
                gap_start = bracket.start - len(word.group(2))
                return [
                    Span(word.start(1), word.end(1), "sic", lambda: el("sic")),
                    Span(gap_start, bracket.end, "marker", None, leaf=True),
                ]
        reason = self._omission(inner)
        if reason is not None:
            return [
                Span(
                    bracket.start,
                    bracket.end,
                    "bracket",
                    lambda r=reason, i=inner: el("gap", el("desc", i), reason=r),
                    leaf=True,
                )
            ]
        if inner.endswith("?") and len(inner.split()) <= 4:
            q = text.rindex("?", lo, hi)
            return [Span(bracket.start, bracket.end, "bracket", lambda: el("unclear", reason="uncertain"), lo, q)]
        if len(inner.split()) <= 4 and any(phrase in inner.lower() for phrase, _ in self.conv.transcript.stage_words):
            return [
                Span(
                    bracket.start, bracket.end, "bracket", lambda i=inner: el("stage", type=self._stage_type(i)), lo, hi
                )
            ]
        return super()._bracket_spans(text, bracket, deletion, b)

    # --- header ------------------------------------------------------------------

    def transcript_header(self, front: Front, cit: dict, stations: list[Station]) -> etree._Element:
        title = self._title(front)
        source = None
        note = self._source_note
        if note is None:
            note = next((n for n in self.notes_by_n.values() if n.type == "source"), None)
            target = f"#{note.id}" if note is not None else None
            text = note.text if note is not None else None
        else:
            target, text = f"#{note.get(XML_ID)}", " ".join("".join(note.itertext()).split())
            text = re.sub(r"^\s*\w+\s*:\s*", "", text)
        if text:
            source = el("bibl", " ".join(text.split()), type="source", corresp=target)
        th = el("teiHeader", self.file_desc(front.header, title, cit, None, source), self.transcript_encoding_desc())
        pd = sub(th, "profileDesc")
        when = self._creation or cit.get("date") or self.closer_date
        if when is None:
            raise InputError(
                self.source, 1, "the transcript has no date (no date line, none in the citation)", "input-date"
            )
        sub(pd, "creation", el("date", when=when))
        self.abstract(pd, front.header)
        self.languages_and_persons(pd, {"en", self.lang}, self.persons.people)
        if stations:
            particdesc = pd.find("{*}particDesc")
            if particdesc is None:
                particdesc = sub(pd, "particDesc", el("listPerson"))
            lp = particdesc.find("{*}listPerson")
            for station in sorted(stations, key=lambda s: s.id):
                sub(lp, "personGrp", el("name", station.name, type="place"), xml_id=station.id, role="station")
        return th

    def _title(self, front: Front) -> str:
        if front.title is not None:
            title = " ".join(front.title.text.replace("**", " ").split())
            title = re.sub(r"\s*[\[(]\d{1,3}[\])]", "", title)
            if title:
                return title
        citation = front.header.fields.get("citation")
        if citation:
            m = quoted_title(" ".join(b.text for b in citation[1]))
            if m:
                return m.group(1)
        self.warn(1, "the transcript has no title line; the file name stands in for it", "input-title")
        return f"Transcript {self.source.stem}"

    def transcript_encoding_desc(self) -> etree._Element:
        conv = self.conv
        omissions = ", ".join(f"“{phrase}” ({reason})" for phrase, reason in conv.transcript.omission_phrases[:6])
        return el(
            "encodingDesc",
            el(
                "editorialDecl",
                el("correction", el("p", "The transcript is not corrected: its spelling and wording are kept.")),
                el(
                    "normalization",
                    el("p", "Line breaks within paragraphs are not kept; dates and times are normalised in @when."),
                ),
                el(
                    "quotation",
                    el(
                        "p",
                        "Notes that quote a meeting turn by turn open each turn with a quotation mark and close "
                        "the last: these marks are recorded in @rend (pre(“), post(”)) of the sp or p they "
                        "belong to.",
                    ),
                ),
                el(
                    "interpretation",
                    el(
                        "p",
                        "Each turn is an sp whose speaker holds the label as written (with its colon or period) "
                        "and whose @who points to the participant the label stands for: by surname, by an office "
                        "or title that one participant alone bears in the title line or the participants list, "
                        "by the initials of a participant's name, by an alias the list gives in parentheses, by "
                        "the interview role (Q, A), or by the edition's alias table; a place (Washington:) is "
                        "the group of people there (personGrp). A label that resolves to no one has no @who. "
                        "A paragraph without a label continues the turn before it.",
                    ),
                    el(
                        "p",
                        "Square brackets are editorial signs and are not kept as text. A bracket naming an "
                        f"omission ({omissions}) is a gap with that @reason and the bracket's words in desc; "
                        "[sic] marks the word before it as sic; a bracketed word with a question mark is unclear "
                        "(reason uncertain); a whole bracketed paragraph, or a short bracket of stage words "
                        "(laughter, pause), is a stage, its @type entrance, exit, business or delivery from its "
                        "words, else summary; other brackets are supplied words or editorial notes as in "
                        "documents. A parenthesis right after a label is a stage of type delivery. A turn "
                        "ending in a dash or an ellipsis ends in seg type='interruption'; a turn opening with "
                        "one, in seg type='resumption'. Times of day in parentheses are time with @when.",
                    ),
                ),
            ),
        )


def _clock(m: re.Match[str], start: int | None = None) -> str:
    """hh:mm:ss of a time of day; without a.m./p.m., a time before `start` (the hour the document
    begins) that is after it on a 12-hour clock is read so: (2:20) in a meeting begun at 1:40 p.m. is 14:20."""
    hours, minutes = int(m.group("h")), int(m.group("m") or 0)
    meridiem = (m.group("ap") or m.group("ap2") or "").lower()
    if meridiem == "p" and hours < 12:
        hours += 12
    elif meridiem == "a" and hours == 12:
        hours = 0
    elif not meridiem and start is not None and hours < start <= hours + 12 < 24:
        hours += 12
    return f"{hours:02d}:{minutes:02d}:00"


__all__ = ["DESCRIPTION", "NAME", "read", "sniff"]
