"""Reported and direct speech in running text: who says what.

A person followed by a speech verb (`Conventions.common.speech_verbs`) opens reported speech (`said`,
direct when a quotation follows); a quotation whose sentence names a speaker is that speaker's, else `q`.
In minutes (`statements`), a paragraph that opens with a speaker is that speaker's statement, and the
paragraphs after it continue it (`said` with `@prev`) until a paragraph names the speaker in the third
person or opens with another person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ..model import Span
from ..source.marks import OPENING_QUOTES, Bracket, ending_at, quotations
from ..tei import content_id, el
from .context import Context
from .conventions import Conventions
from .persons import Mention, Person

_ABBREVIATIONS = {
    "Cde",
    "Cdes",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
    "St",
    "No",
    "Op",
    "Gen",
    "Col",
    "Lt",
    "Sr",
    "Jr",
    "vs",
    "cf",
    "etc",
    "e.g",
    "i.e",
    "M",
    "Messrs",
    "Nr",
    "tel",
    "Tel",
    "p",
    "pp",
    "ed",
}


@dataclass(frozen=True)
class Turn:
    """What a paragraph does to a running statement: who opens one, and whether it ends one."""

    opening: Person | None = None
    ends_run: bool = False


class Speech:
    """The speech of one document's paragraphs, in order (a statement runs from one to the next)."""

    def __init__(self, ctx: Context, *, statements: bool) -> None:
        self.ctx = ctx
        self.conv = ctx.conv
        self.statements = statements
        self.narrator: Person | None = None  # the signer of a first-person record: "I" is this person
        self.pronoun = ""
        self._run_id = ""

    def spans(
        self, text: str, mentions: list[Mention], bracket_list: list[Bracket], run: Person | None
    ) -> tuple[list[Span], Turn]:
        """The `said`/`q` spans of a paragraph and what it does to `run`, the statement running through it."""
        if self.narrator is not None and self.pronoun:
            extra = [
                Mention(m.start(), m.end(), self.narrator)
                for m in re.finditer(rf"(?<!\w){re.escape(self.pronoun)}(?!\w)", text)
            ]
            mentions = sorted(mentions + extra, key=lambda mn: mn.start)
        return self._spans(text, mentions, bracket_list, run)

    def _spans(
        self, text: str, mentions: list[Mention], bracket_list: list[Bracket], run: Person | None
    ) -> tuple[list[Span], Turn]:
        spans: list[Span] = []
        verb_re = _compile_verbs(self.conv)
        claimed: set[int] = set()  # quotation starts taken by an introduced direct speech
        quotes = quotations(text)
        quote_at = {q[0]: q for q in quotes}
        inner = _Containers(bracket_list, len(text))
        starts = [mn.start for mn in mentions]  # mentions are in the order of the text
        opening = None
        for k, mn in enumerate(mentions):
            vm = verb_re.match(text, mn.end)
            if vm is None or text[mn.end : mn.end + 2] in ("'s", "’s"):
                continue
            lo, hi = inner(mn.start)
            start = vm.end()
            obj = _OBJECT_THAT.match(text, start)  # "informs the Presidium that …"
            if obj:
                start = obj.end()
            is_opening = self.statements and k == 0 and lo == 0 and self._only_titles(text[: mn.start])
            if start < len(text) and text[start] in OPENING_QUOTES:
                q = quote_at.get(start)
                if q:
                    claimed.add(q[0])
                    sid = self._run_part(text[q[0] : q[1]]) if is_opening else None
                    spans.append(
                        Span(
                            q[0] + 1,
                            q[1] - 1,
                            "said",
                            lambda p=mn.person, i=sid: el("said", who=f"#{p.id}", direct="true", xml_id=i),
                        )
                    )
                    if is_opening:
                        opening = mn.person
                    continue
            end = hi if is_opening else _sentence_end(text, start, hi)
            told = None if is_opening else _TOLD_TO.match(text, start, end)
            if told:  # "reported to the CC CPSU.": whom it was told; the words said only after "that" or a colon
                words = _TOLD_WORDS.search(text, told.end(), end)
                start = words.end() if words else end
            if end > start and re.search(r"\w", text[start:end]):
                sid = self._run_part(text[start:end]) if is_opening else None
                spans.append(
                    Span(
                        start,
                        end,
                        "said",
                        lambda p=mn.person, i=sid: el("said", who=f"#{p.id}", direct="false", xml_id=i),
                    )
                )
            elif is_opening:  # "Cde. Khrushchev says" and nothing after it: the statement opens in the next paragraph
                self._run_id = ""
            if is_opening:
                opening = mn.person
        for qs, qe in quotes:
            if qs in claimed:
                continue
            lo, hi = inner(qs)
            sent = _sentence_start(text, qs, lo)
            before = mentions[bisect_left(starts, sent) : bisect_left(starts, qs)]
            speaker = self._quote_speaker(text, before, verb_re)
            if speaker is not None:
                spans.append(Span(qs + 1, qe - 1, "said", lambda p=speaker: el("said", who=f"#{p.id}", direct="true")))
            else:
                spans.append(Span(qs + 1, qe - 1, "q", lambda: el("q")))
        # the speaker named outside brackets (an aside), or a paragraph that opens with a person, is
        # narrative: the statement is over
        opens_with_person = bool(mentions) and self._only_titles(text[: mentions[0].start])
        ends_run = run is not None and (
            opens_with_person or any(mn.person is run and inner(mn.start)[0] == 0 for mn in mentions)
        )
        if opening is None and run is not None and not ends_run:
            prev = self._run_id
            sid = self._run_part(text)
            spans.append(
                Span(
                    0,
                    len(text),
                    "speech-run",
                    lambda p=run, i=sid, v=prev: el(
                        "said", who=f"#{p.id}", direct="false", xml_id=i, prev=f"#{v}" if v else None
                    ),
                )
            )
        return spans, Turn(opening, ends_run)

    def _run_part(self, text: str) -> str:
        """Id of the next part of a speaker's statement; continuations point back with @prev."""
        self._run_id = content_id("said", text, self.ctx.ids)
        return self._run_id

    @staticmethod
    def _quote_speaker(text: str, before: list[Mention], verb_re: re.Pattern[str]) -> Person | None:
        for mn in reversed(before):
            if verb_re.match(text, mn.end) or text[mn.end : mn.end + 2] in ("'s", "’s"):
                return mn.person
        return before[-1].person if before else None

    def _only_titles(self, prefix: str) -> bool:
        words = prefix.split(maxsplit=3)
        titles = _titles_lower(self.conv)
        return len(words) <= 3 and all(w.lower() in titles or w.strip(",").lower() in titles for w in words)


@cache
def _titles_lower(conv: Conventions) -> frozenset[str]:
    return frozenset(t.lower() for t in (*conv.common.titles, *conv.common.speaker_prefix_words))


@cache
def _compile_verbs(conv: Conventions) -> re.Pattern[str]:
    """Person + speech verb: what may stand between them and after the verb, before the speech."""
    verbs = sorted(conv.common.speech_verbs, key=len, reverse=True)
    return re.compile(
        r"(?:['’]s)?(?:\s*\([^)]*\))?(?:\s*,\s*[\w\s()-]{1,30}?,)?(?:\s+\w+ly|\s+\w+ed\s+and)?\s+"
        rf"(?:{'|'.join(map(re.escape, verbs))})\b"
        r"(?:,\s*[\w-]+(?:\s[\w-]+)?,)?"
        r"(?:\s+(?:(?:to|à)\s+)?(?:us|him|them|me|her|nous|lui)\b|\s+(?:ему|ей|им|нам|мне)(?!\w))?"
        r"\s*[,:]?\s*(?:(?:that|que|qu'|dass|что)\s*)?"
    )


# A speech verb's addressee ("reported to the CC CPSU"), and what opens the words said after it.
# ("proposes to think about …" is no addressee: an infinitive, the words proposed)
_TOLD_TO = re.compile(r"(?:to|à)\s+(?=[A-ZА-ЯЁ]|(?:the|a|an|his|her|their|our|my|your|this|these|those)\s)")
_TOLD_WORDS = re.compile(r"\s(?:that|que|dass)\s+|:\s*")

_OBJECT_THAT = re.compile(
    r"(?:(?:the|our|his|her|their|him|them|us|me|with|in)\b[^.;:!?\"“«]{0,30}?\s)?(?:that|que|dass)\s+"
)


class _Containers:
    """The inner range of the innermost bracket around a position, or the whole paragraph: the last bracket
    opened before it, or the nearest of its enclosing brackets that is still open there (brackets nest, a
    few levels deep at most, so a position costs a search and a few steps, not a pass over all brackets)."""

    def __init__(self, bracket_list: list[Bracket], length: int) -> None:
        self.brackets = sorted(bracket_list, key=lambda b: b.start)
        self.starts = [b.start for b in self.brackets]
        self.length = length
        self.parent: list[int] = []
        open_: list[int] = []
        for k, b in enumerate(self.brackets):
            while open_ and self.brackets[open_[-1]].end <= b.start:
                open_.pop()
            self.parent.append(open_[-1] if open_ else -1)
            open_.append(k)

    def __call__(self, pos: int) -> tuple[int, int]:
        k = bisect_left(self.starts, pos) - 1  # the last bracket opened before pos (its inner range may hold it)
        while k >= 0:
            lo, hi = self.brackets[k].inner
            if lo <= pos < hi:
                return lo, hi
            k = self.parent[k]
        return 0, self.length


def _is_terminator(text: str, i: int) -> bool:
    if text[i] not in ".!?":
        return False
    nxt = text[i + 1 : i + 2]
    if nxt and not (nxt.isspace() or nxt in "\"”»'’])["):
        return False
    if text[i] == ".":
        word = _word_before(text, i)
        if word and ((len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS):
            return False
    return True


# The run of word characters and full stops at the end of a text.
_RUN_END = re.compile(r"[\w.]+$")


def _word_before(text: str, i: int) -> str:
    """The run of word characters and full stops that ends at `i` (before a line break there)."""
    m = ending_at(_RUN_END, text, i, width=8)
    return m.group(0) if m else ""


def _sentence_end(text: str, start: int, limit: int) -> int:
    i = start
    while i < limit:
        if _is_terminator(text, i):
            end = i + 1
            while end < limit and text[end] in "\"”»'’":
                end += 1
            return end
        i += 1
    return limit


def _sentence_start(text: str, pos: int, limit: int) -> int:
    i = pos - 1
    while i > limit:
        if _is_terminator(text, i) and i + 1 < pos:
            return i + 1
        i -= 1
    return limit
