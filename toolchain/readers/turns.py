"""The turns of a speaker-labelled transcript: each paragraph that opens with a label begins a turn (`sp`),
the paragraphs after it continue it; whole bracketed paragraphs are remarks (`stage`, `gap`) between or
inside turns; times of day become `time`; a dash that ends or opens a turn is an interruption.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from .. import model as m
from ..model import Span
from ..source.blocks import Block, Blocks
from ..source.dates import find_date
from ..source.marks import CLOSING_QUOTES, OPENING_QUOTES, closes_earlier_quote
from ..tei import content_id, el
from .brackets import omission, page_break, stage_type, whole_bracket
from .content import Content
from .context import Context
from .conventions import Conventions
from .labels import OMISSION, Label, alone, find_label
from .speakers import Speaker

_INTERRUPTION = re.compile(r"(?:—|–|--|\.\.\.|…)[\"”»]?\s*$")
_RESUMPTION = re.compile(r"^(?:—|–|--|\.\.\.|…)")
_DIGIT = re.compile(r"\d")


def split_at_labels(bs: Iterable[Block], conventions: Conventions) -> Iterator[Block]:
    """Blocks with turns run together (a cable or a transcript with no blank lines between its turns, lines
    wrapped at a margin, or one short turn a line): a block of which two or more lines open with a colon label,
    a titled label (`M. Jean-Luc Morel.`) or a front field
    (`SUBJECT:`), is split before each such line; a label alone on the last line of a dateline's block (`HC Deb
    17 March 1959 …`, then `Mr. Hector Hughes`, then the speech) is a block of its own."""
    fields = {f.lower() for f in conventions.transcript.front_fields}
    for b in bs:
        starts = [
            k
            for k, line in enumerate(b.lines)
            if (found := find_label(line, conventions)) is not None
            and (found.text.endswith(":") or found.style == "titled" or found.name.lower() in fields)
        ]
        if len(starts) < 2:
            # "HC Deb 17 March 1959 … / Mr. Hector Hughes": a label alone under a dateline (the label asked first)
            alone_last = len(b.lines) > 1 and alone(b.lines[-1], conventions) is not None
            if alone_last and find_date(" ".join(b.lines[:-1])) is not None:
                yield from (Block(b.line, b.lines[:-1]), Block(b.line + len(b.lines) - 1, b.lines[-1:]))
            else:
                yield b
            continue
        cuts = [0, *(k for k in starts if k > 0), len(b.lines)]
        yield from (Block(b.line + i, b.lines[i:j]) for i, j in pairwise(cuts))


def turn_labels(bs: Sequence[Block], conventions: Conventions) -> TurnLabels:
    """The speaker label opening each block, or None. A label shape that may be a word of prose
    (`NATO. …`: one word in capitals) counts only when the document repeats it."""
    return TurnLabels(*_found_labels(bs, conventions))


def _found_labels(bs: Sequence[Block], conventions: Conventions) -> tuple[list[Label], array]:
    """The label shape opening each block, as a number into a table of the shapes (-1: none): a long
    transcript's labels are a few shapes said again and again."""
    table: list[Label] = []
    number: dict[Label, int] = {}
    found = array("i")
    last = len(bs) - 1
    for k, b in enumerate(bs):
        label = find_label(b.lines[0], conventions) or (
            alone(b.lines[0], conventions) if len(b.lines) > 1 or k < last else None
        )
        if label is None:
            found.append(-1)
            continue
        n = number.get(label)
        if n is None:
            n = number[label] = len(table)
            table.append(label)
        found.append(n)
    return table, found


class TurnLabels(Sequence["Label | None"]):
    """The label of each block that `plausible` keeps, or None (what `turn_labels` gives)."""

    __slots__ = ("_found", "_kept", "_table")

    def __init__(self, table: list[Label], found: array) -> None:
        self._table, self._found = table, found
        repeated: Counter[str] = Counter()  # how often each name is said
        alone_caps: Counter[str] = Counter()  # and each in capitals on a line of its own
        for n, times in Counter(n for n in found if n >= 0).items():
            repeated[table[n].name] += times
            if table[n].style == "alone-caps":
                alone_caps[table[n].name] += times
        self._kept = _plausible(table, repeated, alone_caps)

    def __len__(self) -> int:
        return len(self._found)

    def __getitem__(self, k: int) -> Label | None:  # type: ignore[override]
        n = self.number(k)
        return self._table[n] if n >= 0 else None

    def number(self, k: int) -> int:
        """The number of the label of block `k` in the table of shapes, or -1."""
        n = self._found[k]
        return n if n >= 0 and self._kept[n] else -1

    def label(self, number: int) -> Label:
        return self._table[number]

    def after(self, start: int) -> TurnLabels:
        """The labels of the blocks from `start` on, decided on what those blocks repeat."""
        return TurnLabels(self._table, self._found[start:])


def _plausible(table: list[Label], repeated: Counter[str], alone_caps: Counter[str]) -> list[bool]:
    """Which label shapes of the table are labels, given how often the text says each name."""
    # once one such label speaks twice, the text labels its turns so: a name of five letters or more is one too
    in_use = any(n > 1 and _one_word(name) for name, n in repeated.items())
    caps_in_use = len(alone_caps) >= 2 and sum(alone_caps.values()) > len(alone_caps)
    named = sum(n for name, n in repeated.items() if name not in ("Q", "A"))

    def plausible(label: Label) -> bool:
        if label.style == "qa":  # "Q …" / "A …": only where questions come again and again, and answers too
            # (as "A" or under named labels: "Q - Mr. President, …" / "THE PRESIDENT: …")
            answered = repeated["A"] >= QA_MIN or named >= QA_MIN
            return repeated["Q"] >= QA_MIN and (label.name == "Q" or repeated["A"] >= QA_MIN) and answered
        if label.style == "alone-caps":  # "CONSUL" on its line: only where such labels alternate and recur
            return caps_in_use
        if label.style == "titled" and "," in label.text:  # "MORO, Presidente del Consiglio …": a name and office
            return True
        prose_like = label.style != "colon" and not re.search(r"\.\s?\S", label.name) and _one_word(label.name)
        return not prose_like or repeated[label.name] > 1 or (in_use and len(label.name) >= 5)

    return [plausible(label) for label in table]


# Questions and answers without colons are labels when each comes this often.
QA_MIN = 2


def _one_word(name: str) -> bool:
    return len(name.split()) == 1


@dataclass(slots=True)
class Turn:
    label: Label
    blocks: list[Block]  # the first block opens with the label
    speaker: Speaker | None = None


@dataclass(slots=True)
class Remark:
    """A whole bracketed paragraph: an omission (gap) or a stage-like remark."""

    block: Block


# What a part of `Parts` is when it is a remark, not a turn.
REMARK = -1


class Parts:
    """The turns and remarks of a transcript's body: a paragraph without a label continues the turn before
    it, with the remarks that stood between its paragraphs. Kept as where each part begins (a turn's
    blocks run to the next part's first), each made again from the blocks when it is read: the passes
    over a long transcript hold no more than a turn of it."""

    def __init__(self, body: Blocks, labels: TurnLabels, conv: Conventions) -> None:
        self.body, self.labels = body, labels
        self._starts, self._kinds = array("i"), array("i")  # the first block of each part; its label or REMARK
        starts, kinds = self._starts, self._kinds
        for k, b in enumerate(body):
            number = labels.number(k)
            if number >= 0 or is_remark(b.text, conv):
                starts.append(k)
                kinds.append(number if number >= 0 else REMARK)
                continue
            while kinds[-1] == REMARK:  # the body opens with a turn: the remarks before go into it
                starts.pop()
                kinds.pop()
        self._end = len(body)  # after the last part's blocks
        self.speakers: list[Speaker | None] = []  # each turn's speaker (`resolve`)

    def turns(self) -> Iterator[tuple[Label, int]]:
        """The label of each turn and its first block (a number into the body), the blocks not made."""
        table = self.labels
        for start, kind in zip(self._starts, self._kinds, strict=True):
            if kind != REMARK:
                yield table.label(kind), start

    def __iter__(self) -> Iterator[Turn | Remark]:
        body, table, speakers = self.body, self.labels, self.speakers
        ends = [*self._starts[1:], self._end]
        n = 0
        for start, end, kind in zip(self._starts, ends, self._kinds, strict=True):
            if kind == REMARK:
                yield Remark(body[start])
                continue
            speaker = speakers[n] if n < len(speakers) else None
            n += 1
            yield Turn(table.label(kind), list(body[start:end]), speaker)

    def close(self, closes: Callable[[str], bool]) -> Block | None:
        """The last block of the last turn when it closes the text (`closes`): taken out of the turn."""
        if not self._kinds or self._kinds[-1] == REMARK or self._end - self._starts[-1] < 2:
            return None
        last = self.body[self._end - 1]
        if not closes(last.text):
            return None
        self._end -= 1
        return last


def is_remark(text: str, conv: Conventions) -> bool:
    """A paragraph that is a remark between the words of the turns: one bracket, a time of day alone, or
    a stage direction in parentheses (`(Applause)`, `(Оплески)`)."""
    return whole_bracket(text) or lone_time(text, conv) is not None or stage_paren(text, conv)


_LONE = re.compile(r"\s*(\(|\[|)([^()\[\]]+?)(\)|\]|)\s*")


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def lone_time(text: str, conv: Conventions) -> re.Match[str] | None:
    """A paragraph that is only a time of day, bare or in brackets: `(11.40)`, `16:02:13`, `[00:14:50]`."""
    m = _LONE.fullmatch(text)
    if m is None or m.group(1) + m.group(3) not in ("", "()", "[]"):
        return None
    time = _pattern(conv.transcript.time_pattern).fullmatch(m.group(2).strip())
    if time is None or (not m.group(1) and not time.group("m")):  # a bare number is no time
        return None
    return time


def stage_paren(text: str, conv: Conventions) -> bool:
    """A paragraph that is a short stage direction in parentheses: `(Applause)`, `(APPLAUSE.)`."""
    m = re.fullmatch(r"\s*\(([^()]{1,60})\)\s*", text)
    if m is None or len(m.group(1).split()) > 4:
        return False
    low = m.group(1).lower()
    return any(phrase in low for phrase, _ in conv.transcript.stage_words)


def resolve(parts: Parts, resolve: Callable[[Label], tuple[Speaker | None, str]], ctx: Context) -> None:
    """Each turn's speaker, in order (`Parts.speakers`); one warning per label that resolves to no one, with
    its first line and its number of turns."""
    seen: dict[str, tuple[int, int, str]] = {}  # label -> its first line, its turns, why it resolves to no one
    for label, start in parts.turns():
        speaker, why = resolve(label)
        parts.speakers.append(speaker)
        if speaker is None:
            first = seen.get(label.text)
            seen[label.text] = (parts.body.line(start), 1, why) if first is None else (first[0], first[1] + 1, first[2])
    for text, (line, turns, why) in seen.items():
        count = f"{turns} turns" if turns > 1 else "1 turn"
        ctx.warn(line, f"speaker label '{text}' ({count}) is encoded without @who: {why}", "speaker-unresolved")


class Writer:
    """The model of turns and remarks; times without a.m./p.m. are read after `start_hour` (the dateline's)."""

    def __init__(self, content: Content, conv: Conventions, start_hour: int | None) -> None:
        self.content = content
        self.conv = conv
        self.start_hour = start_hour

    def sp(self, turn: Turn) -> list[m.Block]:
        """The turn, after the stage of a time of day written before its label."""
        label = turn.label
        out: list[m.Block] = []
        if label.lead:
            lead = turn.blocks[0].lines[0][: label.lead].rstrip()
            if OMISSION.fullmatch(lead):  # ". . . Q: …": words left out before the turn
                out.append(m.Gap(m.Inline(lead), "omitted"))
                self.content.ctx.fired.add("ellipsis")
            else:  # "(18:31)", "[00:14:50]": a time before the turn
                out.append(self.remark(Block(turn.blocks[0].line, [lead])))
        who = f"#{turn.speaker.id}" if turn.speaker is not None else None
        sp = m.Turn(label.text, who, rend=f"pre({label.quote})" if label.quote else None)
        if label.quote:
            self.content.ctx.fired.add("quoted-turn")
        out.append(sp)
        for k, b in enumerate(turn.blocks):
            if k == 0:
                rest = b.lines[0][label.rest :]
                lines = ([rest] if rest else []) + b.lines[1:]
                if not lines:
                    continue
                b = Block(b.line + (0 if rest else 1), lines)
            if is_remark(b.text, self.conv):
                sp.blocks.append(self.remark(b))
                continue
            sp.blocks.append(self.p(b, first=k == 0, last=k == len(turn.blocks) - 1))
        return out

    def p(self, b: Block, *, first: bool, last: bool) -> m.Para:
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
        paren = re.match(r"\(([^()]{1,80})\)", body)
        if first and paren and not _pattern(self.conv.transcript.time_pattern).fullmatch(paren.group(1).strip()):
            extra.append(Span(lead, lead + paren.end(), "stage", lambda: el("stage", type="delivery")))
            self.content.ctx.fired.add("delivery")
        if first and _RESUMPTION.match(body):
            r = _RESUMPTION.match(body)
            extra.append(Span(lead, lead + r.end(), "seg", lambda: el("seg", type="resumption")))
            self.content.ctx.fired.add("interruption")
        if last:
            it = _INTERRUPTION.search(body)
            if it:
                mark = it.group(0).rstrip().rstrip(CLOSING_QUOTES)
                s = lead + it.start()
                extra.append(Span(s, s + len(mark), "seg", lambda: el("seg", type="interruption")))
                self.content.ctx.fired.add("interruption")
        extra.extend(self.times(text))
        if rend:
            self.content.ctx.fired.add("quoted-turn")
        inline = self.content.inline(b, extra=extra)
        return m.Para(inline, content_id("p", text, self.content.ctx.ids), rend=" ".join(rend) or None)

    def times(self, text: str) -> list[Span]:
        """Times of day in parentheses, `(11.40)`, and with a.m./p.m."""
        spans: list[Span] = []
        if not _DIGIT.search(text):  # every time has a digit: most paragraphs have none
            return spans
        for t in _pattern(self.conv.transcript.time_pattern).finditer(text):
            parenthesised = t.start() > 0 and text[t.start() - 1] == "(" and text[t.end() : t.end() + 1] == ")"
            meridiem = t.group("ap") or t.group("ap2")
            valid = int(t.group("h")) < 24 and int(t.group("m") or 0) < 60
            if ((parenthesised and t.group("m")) or meridiem) and valid:
                when = clock(t, self.start_hour)
                spans.append(Span(t.start(), t.end(), "date", lambda w=when: el("time", when=w)))
                self.content.ctx.fired.add("time")
        return spans

    def remark(self, b: Block) -> m.Stage | m.Gap | m.PageBreak:
        """A whole bracketed paragraph: gap (omission) or stage (remark), or where a page begins (`[Page 634]`);
        a time alone is a stage too."""
        text = b.text.strip()
        page = page_break(text, self.content.ctx)
        if page is not None:
            return page
        time = lone_time(text, self.conv)
        if time is not None:
            spans = self.times(text)
            at = text.index(time.group(0))
            if text.startswith("["):  # "[00:14:50]": where in the recording, not a time of day
                h, mi, sec = (int(time.group(g) or 0) for g in ("h", "m", "s"))
                spans = [
                    Span(
                        at,
                        at + len(time.group(0)),
                        "date",
                        lambda: el("time", type="elapsed", dur=f"PT{h}H{mi}M{sec}S"),
                    )
                ]
                self.content.ctx.fired.add("elapsed")
            elif not spans:  # a bare "16:02:13"
                when = clock(time, self.start_hour)
                spans = [Span(at, at + len(time.group(0)), "date", lambda: el("time", when=when))]
                self.content.ctx.fired.add("time")
            return m.Stage(m.Inline(text, spans), "time")
        inner = text[1:-1].strip()
        reason = omission(inner, self.content.ctx)
        lead = len(b.text) - len(b.text.lstrip()) + 1
        inner_block = Block(b.line, b.text[lead : lead + len(inner)].split("\n"))
        self.content.ctx.fired.add("omission" if reason is not None else "remark")
        if reason is not None:
            return m.Gap(self.content.note_inline(inner_block), reason)
        return m.Stage(self.content.note_inline(inner_block), stage_type(inner, self.content.ctx))


def hoist_remarks(blocks: list[m.Block]) -> list[m.Block]:
    """Remarks and page breaks at the end of a turn stand between turns, not inside the turn before."""
    out: list[m.Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, m.Turn):
            k = len(block.blocks)
            while k and isinstance(block.blocks[k - 1], m.Stage | m.Gap | m.PageBreak):
                k -= 1
            out.extend(block.blocks[k:])
            del block.blocks[k:]
    return out


def clock(m: re.Match[str], start: int | None = None) -> str:
    """hh:mm:ss of a time of day; without a.m./p.m., a time before `start` (the hour the document
    begins) that is after it on a 12-hour clock is read so: (2:20) in a meeting begun at 1:40 p.m. is 14:20."""
    hours, minutes, seconds = int(m.group("h")), int(m.group("m") or 0), int(m.groupdict().get("s") or 0)
    meridiem = (m.group("ap") or m.group("ap2") or "").lower()
    if meridiem == "p" and hours < 12:
        hours += 12
    elif meridiem == "a" and hours == 12:
        hours = 0
    elif not meridiem and start is not None and hours < start <= hours + 12 < 24:
        hours += 12
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"
