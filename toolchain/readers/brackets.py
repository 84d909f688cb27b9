"""What a square bracket in a transcript means: one ordered table of rules.

Each rule has an id, a priority and a test-and-apply step: given a bracket where it stands (`Site`), it
returns the spans that encode it, or None to leave it to the next rule. A reader chooses which rules apply
to its genre (`rules(*ids)`); they are tried in the order of their priorities, highest first. What each rule
recognises is a convention (deletion wordings of notes, omission phrases, stage words, the longest
supplied insertion).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..model import PageBreak, Span
from ..source.blocks import Block
from ..source.marks import Bracket, ending_at
from ..tei import content_id, el
from .context import Context
from .conventions import Conventions
from .notes import Note


@dataclass
class Site:
    """A bracket of a paragraph, with what the rules may ask of the document around it."""

    text: str
    bracket: Bracket
    block: Block
    ctx: Context
    deletion: tuple[Note, str] | None  # the note that says the passage was deleted, and the del's id
    resp: str | None  # who supplies words: the translator, when the document names one
    hand: Callable[[Note], str | None]  # the hand (handNote pointer) a deletion's note names

    @property
    def inner(self) -> str:
        lo, hi = self.bracket.inner
        return self.text[lo:hi]

    def whole(self, make: Callable[[], object], *, leaf: bool = False, end: int | None = None) -> Span:
        """A span over the whole bracket whose element holds the bracket's words (or ends at `end`)."""
        lo, hi = self.bracket.inner
        if leaf:
            return Span(self.bracket.start, self.bracket.end, "bracket", make, leaf=True)
        return Span(self.bracket.start, self.bracket.end, "bracket", make, lo, hi if end is None else end)


def _alternation(phrases: tuple[str, ...]) -> str:
    """A regex alternation of a conventions table's wordings, the longest first."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class Rule:
    id: str
    priority: int
    apply: Callable[[Site], list[Span] | None]


def _deletion(site: Site) -> list[Span] | None:
    if site.deletion is None:
        return None
    note, del_id = site.deletion
    hand = site.hand(note)
    return [site.whole(lambda: el("del", rend="strikethrough", hand=hand, xml_id=del_id))]


def _struck(site: Site) -> list[Span] | None:
    """`[deleted: words]`, `[crossed out: words]`: the words were deleted, the wording is kept as a label;
    `[struck out]` alone, or what was struck out (`[word crossed out]`, `[two lines deleted]`): a deletion
    whose words the transcript does not give (a gap)."""
    inner = site.inner
    if _described_re(site.ctx.conv).fullmatch(inner):
        return [site.whole(lambda: el("gap", el("desc", inner.strip()), reason="deleted"), leaf=True)]
    m = _struck_re(site.ctx.conv).match(inner)
    if m is not None:
        lo, _hi = site.bracket.inner
        if m.end() == len(inner) or not inner[m.end() :].strip():
            return [site.whole(lambda: el("gap", el("desc", inner.strip()), reason="deleted"), leaf=True)]
        label_end = lo + m.end()
        while label_end > lo and site.text[label_end - 1].isspace():
            label_end -= 1
        return [
            site.whole(lambda: el("del", rend="strikethrough")),
            Span(lo + m.start(1), label_end, "label", lambda: el("label")),
        ]
    return None


@cache
def _struck_re(conv: Conventions) -> re.Pattern[str]:
    phrases = _alternation(conv.common.deletion_phrases)
    return re.compile(rf"\s*({phrases})\s*(?:([:—–-])\s*(?=\S)|\s*$)", re.IGNORECASE)


@cache
def _described_re(conv: Conventions) -> re.Pattern[str]:
    """A few words, then a deletion wording: what was deleted, described (`word crossed out`)."""
    phrases = _alternation(conv.common.deletion_phrases)
    return re.compile(rf"\s*(?:[^\W\d_]+\s+){{1,3}}(?:{phrases})\.?\s*", re.IGNORECASE)


def _hand(site: Site) -> list[Span] | None:
    """`[handwritten: approved]`: words added by hand to the original (add), the wording that says so kept as
    its label; `[handwritten]` alone, or `[handwritten signature]`: what the transcript does not give (a
    gap)."""
    inner = site.inner
    m = _hand_re(site.ctx.conv).match(inner)
    if m is None:
        return None
    if m.group(1) is None:
        return [site.whole(lambda: el("gap", el("desc", inner.strip()), reason="untranscribed"), leaf=True)]
    lo, _hi = site.bracket.inner
    return [
        site.whole(lambda: el("add", type="handwritten")),
        Span(lo + m.start(1), lo + m.end(1), "label", lambda: el("label")),
    ]


@cache
def _hand_re(conv: Conventions) -> re.Pattern[str]:
    phrases = _alternation(conv.common.hand_phrases)
    return re.compile(
        rf"\s*(?:((?:{phrases})[^:\]]{{0,40}}:)\s*(?=\S)|(?:{phrases})(?:\s+[^\W\d_]+){{0,3}}\s*$)", re.IGNORECASE
    )


def _margin(site: Site) -> list[Span] | None:
    """`[Marginal note in pencil: "Agreed"]`: a note written on the margin of the original (note
    place="margin"), the wording that says so kept as its label."""
    inner = site.inner
    m = _margin_re(site.ctx.conv).match(inner)
    if m is None:
        return None
    lo, _hi = site.bracket.inner
    return [
        site.whole(lambda: el("note", type="marginal", place="margin")),
        Span(lo + m.start(1), lo + m.end(1), "label", lambda: el("label")),
    ]


@cache
def _margin_re(conv: Conventions) -> re.Pattern[str]:
    phrases = _alternation(conv.common.margin_phrases)
    return re.compile(rf"\s*((?:{phrases})[^:\]]{{0,40}}:)\s*(?=\S)", re.IGNORECASE)


def _ellipsis(site: Site) -> list[Span] | None:
    """`[…]`, `[...]`: words the transcript leaves out."""
    if site.inner.strip() not in ("…", "...", ". . ."):
        return None
    return [site.whole(lambda: el("gap", el("desc", site.inner.strip()), reason="omitted"), leaf=True)]


_SIC_BEFORE = re.compile(r"\[\s*sic!?\s*\]\s*$", re.IGNORECASE)


def _sic(site: Site) -> list[Span] | None:
    """`word [sic]`: the word as the source has it. A second `[sic]` right after one marks no word of its
    own (its word would be the first marker's): it stays as written, with a warning."""
    if site.inner.strip().lower().rstrip("!") != "sic":
        return None
    if _SIC_BEFORE.search(site.text, 0, site.bracket.start):
        line = site.block.line_at(site.bracket.start)
        site.ctx.warn(
            line, f"'{site.text[site.bracket.start : site.bracket.end]}' again after [sic]: kept as written", "sic"
        )
        return []
    word = re.search(r"([\w'’-]+)[^\w\s]*(\s*)$", site.text[: site.bracket.start])
    if not word:
        return None
    gap_start = site.bracket.start - len(word.group(2))
    return [
        Span(word.start(1), word.end(1), "sic", lambda: el("sic")),
        Span(gap_start, site.bracket.end, "marker", None, leaf=True),
    ]


def omission(inner: str, ctx: Context) -> str | None:
    """The gap/@reason of an omission's wording (`[Omitted here …]`, `[illegible]`), or None."""
    low = inner.lower()
    return next((reason for phrase, reason in ctx.conv.transcript.omission_phrases if phrase in low), None)


def stage_type(inner: str, ctx: Context) -> str:
    """The stage/@type of a remark's words (entrance, exit, business, delivery), else summary."""
    low = inner.lower()
    return next((kind for phrase, kind in ctx.conv.transcript.stage_words if phrase in low), "summary")


def _omission(site: Site) -> list[Span] | None:
    inner = site.inner.strip()
    reason = omission(inner, site.ctx)
    if reason is None:
        return None
    return [site.whole(lambda: el("gap", el("desc", inner), reason=reason), leaf=True)]


def _uncertain(site: Site) -> list[Span] | None:
    """`[word?]`: the reading is uncertain (unclear); `word [?]`: the word before is."""
    inner = site.inner.strip()
    if inner == "?":
        word = re.search(r"([\w'’-]+)[^\w\s]*(\s*)$", site.text[: site.bracket.start])
        if not word:
            return None
        return [
            Span(word.start(1), word.end(1), "unclear", lambda: el("unclear", reason="uncertain")),
            Span(site.bracket.start - len(word.group(2)), site.bracket.end, "marker", None, leaf=True),
        ]
    if not (inner.endswith("?") and len(inner.split()) <= 4):
        return None
    lo, hi = site.bracket.inner
    return [site.whole(lambda: el("unclear", reason="uncertain"), end=site.text.rindex("?", lo, hi))]


def _stage(site: Site) -> list[Span] | None:
    inner = site.inner.strip()
    words = site.ctx.conv.transcript.stage_words
    if len(inner.split()) > 4 or not any(phrase in inner.lower() for phrase, _ in words):
        return None
    return [site.whole(lambda: el("stage", type=stage_type(inner, site.ctx)))]


@cache
def _page_marker(conventions: Conventions) -> re.Pattern[str]:
    return re.compile(conventions.common.page_marker)


def page_number(inner: str, conventions: Conventions) -> str | None:
    """The number of the page a bracket's words say begins here (`Page 634`, `Л. 171 об.`), or None."""
    m = _page_marker(conventions).fullmatch(inner.strip())
    return " ".join(m.group("n").split()) if m else None


def whole_bracket(text: str) -> bool:
    """A paragraph that is one bracket, `[At this point the President left.]`."""
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


def page_break(text: str, ctx: Context) -> PageBreak | None:
    """The page break a paragraph that is a page marker alone stands for (`[Page 634]`), or None."""
    n = page_number(text.strip()[1:-1], ctx.conv) if whole_bracket(text) else None
    if n is None:
        return None
    ctx.fired.add("page")
    return PageBreak([], n)


def _page(site: Site) -> list[Span] | None:
    """`[Page 634]`, `[p. 2]`, `[Л. 171]` within a paragraph: where a page begins (pb with its number)."""
    n = page_number(site.inner, site.ctx.conv)
    if n is None:
        return None
    return [site.whole(lambda: el("pb", n=n), leaf=True)]


def _elapsed(site: Site) -> list[Span] | None:
    """`[00:14:50]`, `[14:50]`: where the recording has got to (time type elapsed, @dur)."""
    m = re.fullmatch(r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})", site.inner.strip())
    if m is None or int(m.group(3)) > 59 or (m.group(1) is not None and int(m.group(2)) > 59):
        return None
    h, mi, sec = (int(g or 0) for g in m.groups())
    start = site.bracket.inner[0] + (len(site.inner) - len(site.inner.lstrip()))
    dur = f"PT{h}H{mi}M{sec}S"
    return [Span(start, start + len(site.inner.strip()), "date", lambda: el("time", type="elapsed", dur=dur))]


@cache
def _business(conventions: Conventions) -> tuple[str, ...]:
    """The stage words of what happens in the room (laughter, applause, a cough)."""
    return tuple(phrase for phrase, kind in conventions.transcript.stage_words if kind == "business")


def _room(site: Site) -> list[Span] | None:
    """`[laughter]`, `[applause]`, `[pause]` in a document: what happened in the room (a stage of type
    business); no entrances, exits or ways of speaking, which in minutes are the editor's words
    (`[to the press]`)."""
    inner = site.inner.strip()
    low = inner.lower()
    if len(inner.split()) > 4 or not any(phrase in low for phrase in _business(site.ctx.conv)):
        return None
    return [site.whole(lambda: el("stage", type="business"))]


def _gloss(site: Site) -> list[Span] | None:
    code = re.compile(rf"(?:{site.ctx.conv.common.code_pattern})")
    if not code.fullmatch(site.inner.strip()):
        return None
    before = ending_at(_TOKEN_BEFORE, site.text, site.bracket.start)
    if not (before and code.fullmatch(before.group(1))):
        return None
    term_id = content_id("term", before.group(1), site.ctx.ids)
    return [
        Span(before.start(1), before.end(1), "term", lambda: el("term", xml_id=term_id)),
        site.whole(lambda: el("gloss", target=f"#{term_id}", resp=site.resp)),
    ]


# The word before one blank at the end of a text.
_TOKEN_BEFORE = re.compile(r"(\S+)\s$")


def _empty(site: Site) -> list[Span] | None:
    """`[]`, `[ ]`: what the transcriber meant is not said (a blank of the original, a word left to fill in);
    the brackets are kept as they are written, with a warning."""
    if site.inner.strip():
        return None
    site.ctx.warn(site.block.line_at(site.bracket.start), "empty brackets kept as they are written", "bracket-empty")
    return []


def _supplied(site: Site) -> list[Span] | None:
    common = site.ctx.conv.common
    if len(site.inner.split()) > common.supplied_max_words:
        return None
    return [site.whole(lambda: el("supplied", reason=common.supplied_reason, resp=site.resp))]


def _editorial_note(site: Site) -> list[Span] | None:
    return [site.whole(lambda: el("note", type="editorial", place="inline", resp=site.resp))]


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("deletion", 100, _deletion),  # its note says the passage was deleted: del
        Rule("struck", 95, _struck),  # [deleted: words], [crossed out: words]: del; [struck out]: gap
        Rule("margin", 92, _margin),  # [Marginal note in pencil: "…"]: note place="margin"
        Rule("hand", 91, _hand),  # [handwritten: words]: add type="handwritten"; [handwritten signature]: gap
        Rule("ellipsis", 85, _ellipsis),  # […]: gap
        Rule("elapsed", 88, _elapsed),  # [00:14:50]: time type elapsed
        Rule("page", 87, _page),  # [Page 634], [p. 2], [Л. 171]: pb with @n
        Rule("sic", 90, _sic),  # word [sic]: sic
        Rule("omission", 80, _omission),  # [illegible], [Omitted here …]: gap with @reason
        Rule("uncertain", 70, _uncertain),  # [word?]: unclear
        Rule("stage", 60, _stage),  # [laughter], [pause], [to the President]: stage
        Rule("room", 60, _room),  # [laughter], [pause] in a document: stage
        Rule("gloss", 50, _gloss),  # R-12 [SS-4]: term and gloss
        Rule("empty", 40, _empty),  # []: kept as written, with a warning
        Rule("supplied", 20, _supplied),  # a few words: supplied
        Rule("editorial-note", 0, _editorial_note),  # anything longer: an inline editorial note
    )
}


def rules(*ids: str) -> tuple[Rule, ...]:
    """The rules of these ids, highest priority first."""
    return tuple(sorted((RULES[i] for i in ids), key=lambda r: -r.priority))


def spans(site: Site, table: tuple[Rule, ...]) -> list[Span]:
    """The spans of the first rule of `table` that takes the bracket (the last rule takes any)."""
    for rule in table:
        found = rule.apply(site)
        if found is not None:
            site.ctx.fired.add(rule.id)
            return found
    return []
