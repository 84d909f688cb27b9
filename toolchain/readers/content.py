"""The mixed content of a paragraph: note markers, brackets, persons named, speech.

One engine for every reader: it marks spans of a paragraph's text (a note where its marker stands, each
bracket as the bracket rules say, each mention of a known person, reported speech) and builds the TEI
content from them (`inline.build`). A reader configures it: which bracket rules apply, whether paragraphs
are statements that run on (minutes), who the persons are, and extra spans of its own (OCR flags).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cache, partial

from ..model import Closer, Inline, Person, Span
from ..source.blocks import Block
from ..source.dates import find_date
from ..source.marks import MAX_DEPTH, Bracket, brackets
from ..tei import content_id, el
from . import brackets as bracket_rules
from .context import Context
from .conventions import Conventions
from .frontmatter import closer_phrase
from .notes import GLUED, Note, Notes, number
from .speech import Speech, Turn

_SPEECH = {"said": "said", "q": "q", "speech-run": "statement"}
# A parenthesis of a few words within a paragraph
_PAREN = re.compile(r"\(([^()\[\]]{1,80})\)")


@cache
def _business(conv: Conventions) -> tuple[str, ...]:
    """The stage words of what happens in the room (laughter, applause), lower case."""
    return tuple(phrase.lower() for phrase, kind in conv.transcript.stage_words if kind == "business")


class Content:
    def __init__(
        self,
        ctx: Context,
        notes: Notes,
        persons,  # anything with .mentions(text) -> [Mention]: Persons, or a ScriptMatcher
        rules: tuple[bracket_rules.Rule, ...],
        *,
        statements: bool,
    ) -> None:
        self.ctx = ctx
        self.notes = notes
        self.persons = persons
        self.rules = rules
        self.speech = Speech(ctx, statements=statements)
        self.translator: str | None = None  # the id of the translator, who supplies bracketed words
        self.hands: dict[str, Person] = {}  # handNote id -> person, for the deletions made
        self.closer: Block | None = None  # the closing line, whose signer made a deletion no note assigns
        self.extra: Callable[[Block], list[Span]] | None = None  # a reader's own spans (OCR flags)

    def inline(self, b: Block, *, speech: bool = False, extra: list[Span] | None = None) -> Inline:
        """The content of a block: its text and the spans that mark it."""
        return self.content(b, speech=speech, extra=extra)[0]

    def _room(self, text: str, bracket_list: list[Bracket]) -> list[Span]:
        """What happened in the room, in parentheses within a paragraph (`(Laughter.)`, `(Applaudissements
        sur les bancs de la gauche.)`, `(Смех)`): a stage of type business; the parentheses are the
        recorder's signs, as a bracket's are. Only a parenthesis that opens with such words (conventions'
        stage words of that type) outside any bracket."""
        if "(" not in text:
            return []
        business = _business(self.ctx.conv)
        outer = [b for b in bracket_list if b.depth == 0]  # in order: one search finds the one around a place
        starts = [b.start for b in outer]
        found = []
        for m in _PAREN.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            if not m.group(1).strip().lower().startswith(business) or (k >= 0 and m.start() < outer[k].end):
                continue
            found.append(Span(m.start(), m.end(), "bracket", partial(el, "stage", type="business"), *m.span(1)))
            self.ctx.fired.add("room-paren")
        return found

    def content(
        self, b: Block, *, speech: bool, run: Person | None = None, extra: list[Span] | None = None
    ) -> tuple[Inline, Turn]:
        """The content of a block and what it does to `run`, the statement running through it."""
        text = b.text
        spans: list[Span] = list(extra or [])
        if self.extra is not None:
            spans += self.extra(b)
        markers = []
        orphans = []  # markers whose note the text does not have (a page cut off): kept as written
        by_n = self.notes.by_n
        for m in self.notes.marker_re().finditer(text):
            n = number(m.group(1))
            parenthesised = self.notes.style.name == "(1)"
            if parenthesised and n not in by_n and m.start() > 0 and text[m.start() - 1].isspace():
                continue  # a parenthesised number, not a marker
            if self.notes.style is GLUED and n not in by_n:
                continue  # a number glued to a word that calls no note ("B52"): the word's own
            if n not in by_n:
                message = f"note marker {m.group(0)} has no note at the end of the text; kept as written"
                self.ctx.warn(b.line_at(m.start()), message, "note-missing")
                orphans.append(m)
                continue
            markers.append(m)
        skip = [(m.start(), m.end()) for m in markers + orphans]
        bracket_list, unpaired, deep = brackets(text, skip)
        if deep:
            message = f"{len(deep) // 2} brackets nested more than {MAX_DEPTH} deep; kept as written"
            self.ctx.warn(b.line_at(deep[0]), message, "bracket-deep")
        for i in unpaired:
            which = "'[' is never closed" if text[i] == "[" else "']' has no opening '['"
            self.ctx.warn(b.line_at(i), f"unbalanced bracket: {which}; kept as written", "bracket-unbalanced")
        deletions: dict[int, tuple[Note, str]] = {}  # bracket start -> (its note, the del's id)
        closing_at = {br.end: br for br in bracket_list}
        for m in markers:
            note = self.notes.called(number(m.group(1)))
            target = None
            before = closing_at.get(m.start())
            if before is not None and self._is_deletion(note):
                lo, hi = before.inner
                target = content_id("del", text[lo:hi], self.ctx.ids)
                deletions[before.start] = (note, target)
            make = self.notes.marker(note, target, self.ctx, self.note_inline)
            spans.append(Span(m.start(), m.end(), "marker", make, leaf=True))
            self.ctx.fired.update(("note", "note-glued") if self.notes.style is GLUED else ("note",))
        resp = f"#{self.translator}" if self.translator else None
        for bracket in bracket_list:
            site = bracket_rules.Site(text, bracket, b, self.ctx, deletions.get(bracket.start), resp, self._hand)
            spans.extend(bracket_rules.spans(site, self.rules))
        spans.extend(self._room(text, bracket_list))
        in_marker = {i for s in spans if s.kind == "marker" for i in range(s.start, s.end)}
        mentions = [mn for mn in self.persons.mentions(text) if mn.start not in in_marker]
        for mn in mentions:
            spans.append(Span(mn.start, mn.end, "persName", lambda p=mn.person: el("persName", ref=f"#{p.id}")))
        if mentions:
            self.ctx.fired.add("person")
        turn = Turn()
        if speech:
            speech_spans, turn = self.speech.spans(text, mentions, bracket_list, run)
            spans.extend(speech_spans)
            self.ctx.fired.update(_SPEECH[s.kind] for s in speech_spans)
        return Inline(text, spans), turn

    def note_inline(self, b: Block) -> Inline:
        """The content of a note's text or a remark: persons named, nothing else."""
        spans = [
            Span(mn.start, mn.end, "persName", lambda p=mn.person: el("persName", ref=f"#{p.id}"))
            for mn in self.persons.mentions(b.text)
        ]
        if spans:
            self.ctx.fired.add("person")
        return Inline(b.text, spans)

    def _is_deletion(self, note: Note) -> bool:
        low = note.text.lower()
        return any(phrase.lower() in low for phrase in self.ctx.conv.common.deletion_phrases)

    def _hand(self, note: Note) -> str | None:
        """The hand of a deletion: the person its note names, else the signer of the closing line."""
        named = self.persons.mentions(note.text)
        person = named[0].person if named else None
        if person is None and self.closer is not None:
            closers = self.persons.mentions(self.closer.text)
            person = closers[0].person if closers else None
        if person is None:
            return None
        hid = f"hand-{person.id}"
        self.hands[hid] = person
        return f"#{hid}"

    def closing(self, b: Block) -> Closer:
        """A closing line: who signed it (`signed`) and where and when (`dateline` with its `date`)."""
        text = b.text
        phrase = closer_phrase(text, self.ctx.conv) or ""
        extra: list[Span] = []
        date = find_date(text[len(phrase) :])
        if date:
            ds, de = date.start + len(phrase), date.end + len(phrase)
            # the dateline starts at the preposition or comma before the date
            lead = re.search(r"(?:,\s*|\s+(?:on|in|am|le|den)\s+)$", text[:ds])
            dl_start = lead.start() + (len(lead.group(0)) - len(lead.group(0).lstrip(", "))) if lead else ds
            while dl_start < ds and text[dl_start] in " ,":
                dl_start += 1
            sig_end = dl_start
            while sig_end > 0 and text[sig_end - 1] in " ,":
                sig_end -= 1
            extra.append(Span(0, sig_end, "closer-part", lambda: el("signed")))
            extra.append(Span(dl_start, len(text), "closer-part", lambda: el("dateline")))
            extra.append(Span(ds, de, "date", lambda d=date: el("date", when=d.iso)))
        else:
            extra.append(Span(0, len(text), "closer-part", lambda: el("signed")))
        return Closer([self.inline(b, extra=extra)])

    def closing_line(self, b: Block) -> Inline:
        """One of the closing lines of a record (a telegram's): a dateline, or who signed it, with the
        place and date before the name."""
        text = b.text
        date = find_date(text)
        if date and date.start == 0 and date.end >= len(text.strip(" .")) - 1:
            dateline = Span(0, len(text), "closer-part", lambda: el("dateline"))
            return Inline(text, [dateline, Span(0, len(text), "date", lambda: el("date", when=date.iso))])
        mentions = self.persons.mentions(text)
        if not mentions:
            return self.inline(b, extra=[Span(0, len(text), "closer-part", lambda: el("dateline"))])
        extra = []
        if date is not None:
            extra.append(Span(date.start, date.end, "date", lambda: el("date", when=date.iso)))
        signed_from = mentions[0].start
        if signed_from > 0:
            extra.append(Span(0, signed_from, "closer-part", lambda: el("dateline")))
        extra.append(Span(signed_from, len(text), "closer-part", lambda: el("signed")))
        return self.inline(b, extra=extra)
