"""Reader for an original followed by its translation in another script: a Russian telegram as OCR
output, then its English translation, in one file.

Layout, from the top: a preamble of short lines (an archive number, a date line); the original; the
translation (it may open with a heading); a closing source statement in brackets (`[Source: …]`).
The two parts are told apart by script, page furniture is found by repetition (see `furniture.py`).
OCR damage is flagged, never corrected: repetition runs become `unclear`, pipeline artefacts (`**bold**`,
`\\dots`) `choice/orig/reg`. Persons are found in the translation and matched in the original across
scripts, inflections and OCR errors; each English paragraph points (`@corresp`) to the paragraph(s) of
the original it translates.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import model as m
from ..errors import Diagnostic, InputError
from ..model import Manuscript, Meta, Person, Span
from ..source.blocks import Block, blocks
from ..source.dates import find_date
from ..source.marks import quotations
from ..source.names import CAP_WORD, INITIALS, allowed_edits, distance, key, stems
from ..source.scripts import script
from ..source.text import Text
from ..tei import content_id, el
from . import brackets, frontmatter
from .content import Content
from .context import Context
from .conventions import Conventions, given_names, not_names, places
from .declarations import statements
from .furniture import BULLET, TERMINAL, Part, footers, joined, script_split, split, units
from .notes import Notes
from .ocr import artefacts, repetition_runs
from .persons import Persons, ScriptMatcher
from .speech import Turn

NAME = "bilingual"
DESCRIPTION = "an original (often OCR output) and its translation in another script, with page furniture"
BRACKETS = brackets.rules(
    "deletion",
    "struck",
    "hand",
    "sic",
    "ellipsis",
    "omission",
    "uncertain",
    "gloss",
    "empty",
    "supplied",
    "editorial-note",
)
DECLARATIONS = [
    *("not-corrected", "line-breaks", "ocr", "page-furniture", "quotations"),
    *("brackets", "persons", "notes", "cross-script"),
]
_DEMONYM = ("ans", "ese", "ish")  # Americans, Chinese, British: peoples, not persons
_STAR_NOTE = re.compile(r"(?<=\w)\*\s*\(([^()]+)\)")


def sniff(text: str, conventions: Conventions) -> float:
    bs = list(blocks(text))
    found = script_split(bs) if len(bs) >= 4 else None
    if found is None:
        return 0.0
    start, split_at = found
    first = conventions.common.script_languages.get(script(" ".join(b.text for b in bs[start:split_at])) or "")
    counts = split_at - start, len(bs) - split_at
    if first == conventions.common.default_language and abs(counts[0] - counts[1]) > 1:
        # a translation follows its original; the edition's language first is a translation only when the
        # two parts run paragraph for paragraph (a catalogue record and its translation), else a page's
        # header before a text in its own language
        return 0.0
    langs = {script(b.text) for b in bs[start:]} & set(conventions.common.script_languages)
    return 0.9 if len(langs) == 2 else 0.5


def read(text: str | Text, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> m.Document:
    bs = list(blocks(text))
    if not bs:
        raise InputError(source, 1, "the file has no text", "input-empty")
    return _Reader(Context(source, conventions, diagnostics), bs).tree()


class _Content(Content):
    """The content engine with OCR flags, inline star notes and the report of fuzzy name matches."""

    matcher: ScriptMatcher

    def ocr_spans(self, b: Block) -> list[Span]:
        conv, text = self.ctx.conv, b.text
        spans = []
        for r in repetition_runs(text, min_copies=conv.bilingual.ocr_min_copies):
            spans.append(Span(r.start, r.end, "ocr", lambda: el("unclear", reason="ocr-repetition")))
            self.ctx.fired.add("ocr-repetition")
            self.ctx.info(
                b.line_at(r.start), f"OCR repetition run ({r.copies} copies) flagged as unclear", "ocr-repetition"
            )
        for a in artefacts(text, conv.bilingual.ocr_artefacts):
            orig, reg = text[a.start : a.end], el("reg", a.regular, type=a.kind)
            spans.append(Span(a.start, a.end, "ocr", lambda o=orig, r=reg: el("choice", el("orig", o), r), leaf=True))
            self.ctx.fired.add("ocr-artefact")
        for star in _STAR_NOTE.finditer(text):
            words = conv.bilingual.note_type_words
            ntype = next((t for w, t in words.items() if w in star.group(1).lower()), "editorial")
            make = lambda t=ntype: el("note", type=t, n="*", place="inline")  # noqa: E731
            spans.append(Span(star.start(), star.end(), "bracket", make, star.start(1), star.end(1)))
        return spans

    def content(
        self, b: Block, *, speech: bool, run: Person | None = None, extra: list[Span] | None = None
    ) -> tuple[list[object], Turn]:
        seen = len(self.matcher.fuzzy)
        result = super().content(b, speech=speech, run=run, extra=extra)
        for fm in self.matcher.fuzzy[seen:]:
            edits = f"{fm.edits} edit{'s' if fm.edits > 1 else ''}"
            message = f"'{fm.form}' read as {fm.person.full_name()} ({edits}); please review"
            self.ctx.info(b.line_at(fm.offset), message, "person-fuzzy")
        return result


class _Reader:
    def __init__(self, ctx: Context, bs: list[Block]) -> None:
        self.ctx = ctx
        self.conv = ctx.conv
        self.blocks = bs

    def tree(self) -> m.Document:
        ctx, conv = self.ctx, self.conv
        preamble, first, second, source_block = split(self.blocks, ctx)
        furniture_lines = footers(first + second, ctx)
        parts = []
        for bs in (first, second):
            found, leading = units(bs, furniture_lines, conv)
            lang = conv.common.script_languages.get(script(" ".join(b.text for b in bs)) or "", "und")
            parts.append(Part(lang, "", found, leading))
        translation = next((p for p in parts if p.lang == conv.common.default_language), parts[1])
        original = parts[0] if translation is parts[1] else parts[1]
        translation.kind, original.kind = "translation", "original"
        for part in parts:
            if not part.units:
                raise InputError(ctx.source, 1, f"the {part.kind} has no paragraphs", "input-body")
            _closer(part)
        title_unit = translation.units[0]
        if len(title_unit.blocks[0].lines) == 1 and not title_unit.text.rstrip().endswith(TERMINAL):
            title_unit.kind = "head"
        heading = frontmatter.heading(title_unit.blocks[:1], conv) if title_unit.kind == "p" else None
        if title_unit.kind != "head" and heading is not None and heading.whole_block and len(translation.units) > 1:
            title_unit.kind = "head"  # a title line that ends in a quotation mark or a period ("… Union.”")
        if title_unit.kind == "head":
            title = " ".join(title_unit.text.split())
        else:
            title = f"Document {ctx.source.stem}"
            message = "the translation has no heading to take a title from; the file name stands in for it"
            ctx.warn(title_unit.line, message, "input-title")
        en, matcher = self._persons(translation, original)
        source_text = source_block.text.strip()[1:-1].strip() if source_block else ""
        resp = frontmatter.responsibility(source_text, ctx)

        content = _Content(ctx, Notes(), en, BRACKETS, statements=False)
        content.matcher = matcher
        content.extra = content.ocr_spans
        content.translator = frontmatter.translator(resp)
        content.speech.narrator = _signer(translation, en)
        content.speech.pronoun = conv.common.narrator_pronouns.get(translation.lang, "")
        translation_div = self.div(content, translation)
        content.persons = matcher
        content.speech.pronoun = conv.common.narrator_pronouns.get(original.lang, "")
        original_div = self.div(content, original)
        _align(original, translation, translation_div)
        for word in sorted(set(matcher.ambiguous) | set(en.ambiguous)):
            ctx.warn(1, f"'{word}' may be any of several persons; not linked", "person-ambiguous")

        meta = self.meta(preamble, title, resp, source_text, original, translation)
        meta.persons = en.people
        meta.lang = translation.lang
        return m.Document(meta, m.Text([original_div if part is original else translation_div for part in parts]))

    # --- persons -----------------------------------------------------------------

    def _persons(self, translation: Part, original: Part) -> tuple[Persons, ScriptMatcher]:
        """The persons the translation names (with bare surnames the original spells too) and those only the
        original names; and a matcher of their names in the original's script."""
        conv = self.conv
        en = Persons(conv, translation.lang)
        prose = [u for u in translation.units if u.kind != "head"]
        for u in prose:
            en.discover(u.text)
        # a capitalised word inside a sentence that the original spells too (in its script) is a name
        original_words = [w for u in original.units for w in re.findall(r"[^\W\d_]{4,}", u.text)]
        original_keys = (
            {key(s) for w in original_words if w[0].isupper() or len(w) >= 5 for s in stems(w)},
            {key(s) for w in original_words if w[0].isupper() for s in stems(w)},
        )
        known = {p.surname for p in en.people} | {f for p in en.people for f in p.forenames}
        titles = {t for title in conv.common.titles for t in title.split()}
        skip = set(not_names() | places() | given_names()) | known | titles
        for u in prose:
            quoted = [range(a, b) for a, b in quotations(u.text)]
            for cap in re.finditer(rf"(?<=[\w,;)] )({CAP_WORD})(?=['’]s?\b|\W|$)", u.text):
                word = cap.group(1)
                if word in skip or len(word) < 4 or word.endswith(_DEMONYM) or any(cap.start() in q for q in quoted):
                    continue
                before = re.search(r"(\S+)\s+$", u.text[: cap.start()])
                opens_sentence = before and not u.text[: before.start()].strip(" \n")[-1:].isalnum()
                if before and before.group(1)[:1].isupper() and before.group(1) not in titles and not opens_sentence:
                    continue  # the second word of a longer proper name ("New York"): not a surname alone
                spelled = self._in_original(key(word), original_keys)
                if spelled is None:
                    continue
                if en.add(word, form=word):
                    skip.add(word)
                    self.ctx.info(
                        u.blocks[0].line_at(cap.start(1)) if len(u.blocks) == 1 else u.line,
                        f"'{word}' taken for a person: a capitalised word inside a sentence that the original "
                        f"spells too{' (approximately)' if spelled else ''}",
                        "person-bare",
                    )
        en.assign_ids()
        # persons the original names that the translation does not (with initials, say)
        ru = Persons(conv, original.lang)
        matcher = ScriptMatcher(en.people, conv.common.name_tolerance)
        for u in original.units:
            for p in ru.discover(u.text):
                person, _ = matcher.match(p.surname)
                if person is None and not any(s for s in stems(p.surname) if key(s) in matcher.index):
                    en.append(Person(_lemma(p.surname), p.initials, p.forenames, p.role))
                    matcher = ScriptMatcher(en.people, conv.common.name_tolerance)
        en.assign_ids()
        self.ctx.ids.update(p.id for p in en.people)
        return en, ScriptMatcher(en.people, conv.common.name_tolerance)

    def _in_original(self, k: str, original_keys: tuple[set[str], set[str]]) -> int | None:
        """Edits needed to find key `k` among the original's word keys (None: not there). Inexact
        matches count only against capitalised words: a name keeps its capital through most OCR damage."""
        every, capitalised = original_keys
        if k in every:
            return 0
        limit = allowed_edits(k, self.conv.common.name_tolerance)
        if len(k) < 5 or limit == 0:
            return None
        return next((d for o in capitalised for d in [distance(k, o, limit)] if d <= limit), None)

    # --- text --------------------------------------------------------------------

    def div(self, content: _Content, part: Part) -> m.Div:
        ids = self.ctx.ids
        div = m.Div(part.kind, lang=part.lang)
        blocks = div.blocks
        blocks.extend(m.PageBreak([b.text for b in group]) for group in part.leading_footers)
        if part.leading_footers:
            self.ctx.fired.add("page-break")
        speaker: Person | None = None
        closer: m.Closer | None = None
        for u in part.units:
            if u.kind == "closer":
                if closer is None:
                    closer = m.Closer([])
                    blocks.append(closer)
                closer.lines.append(content.closing_line(u.blocks[0]))
                continue
            if u.kind == "head":
                u.id = content_id("h", u.text, ids)
                blocks.append(m.Head(content.inline(u.blocks[0]), u.id))
                continue
            if u.kind == "note":
                u.id = content_id("note", u.text, ids)
                blocks.append(m.Note(content.inline(u.blocks[0]), u.note_type, u.id))
                blocks.extend(m.PageBreak([b.text for b in group]) for group in u.breaks if group)
                continue
            if u.kind == "list":
                u.id = content_id("list", u.text, ids)
                items = []
                for i, line in enumerate(u.blocks[0].lines):
                    b = Block(u.line + i, [BULLET.sub("", line, count=1)])
                    items.append(m.Item(content.inline(b), BULLET.match(line).group(0).strip()))
                blocks.append(m.ItemList(items, u.id))
                blocks.extend(m.PageBreak([b.text for b in group]) for group in u.breaks if group)
                speaker = None
                continue
            u.id = content_id("p", u.text, ids)
            block, extra = joined(u)
            if len(u.blocks) > 1 or any(u.breaks):
                self.ctx.fired.add("page-break")
            inline, turn = content.content(block, speech=True, run=speaker, extra=extra)
            blocks.append(m.Para(inline, u.id))
            if turn.opening is not None:
                speaker = turn.opening
            elif speaker is not None and turn.ends_run:
                speaker = None
            blocks.extend(m.PageBreak([b.text for b in group]) for group in u.breaks[len(u.blocks) - 1 :] if group)
        return div

    # --- header ------------------------------------------------------------------

    def meta(
        self, preamble: list[Block], title: str, resp: list, source_text: str, original: Part, translation: Part
    ) -> Meta:
        meta = Meta(title, resp=resp, declarations=statements(DECLARATIONS, self.conv, self.ctx.fired))
        if source_text:
            meta.sources.append(m.Source(source_text))
        ms = Manuscript(main_lang=original.lang, other_langs=translation.lang)
        date_line = None
        for b in preamble:
            text = b.text.strip()
            d = find_date(text, whole=True)
            if d and date_line is None:
                date_line = (text, d.iso)
            else:
                ms.idnos.append(("archive", text))
        for kind, pattern in self.conv.bilingual.document_numbers.items():
            for u in original.units + translation.units:
                number = re.search(pattern, u.text)
                if number:
                    ms.idnos.append((kind, number.group(1)))
                    break
        meta.manuscript = ms
        closing = next((d for u in translation.units if u.kind == "closer" for d in [find_date(u.text)] if d), None)
        titled = find_date(title)  # "Record of a conversation …, 4 May 1971"
        meta.creation = frontmatter.creation(
            [
                date_line,
                (None, closing.iso) if closing else None,
                (None, titled.iso) if titled and len(titled.iso) == 10 else None,
            ],
            self.ctx,
            "document has no date (no date line, none in the closing lines or the title)",
        )
        meta.languages = self.ctx.languages({original.lang, translation.lang})
        return meta


def _closer(part: Part) -> None:
    """The closing date and signature lines of a part (last short blocks naming a person or a date)."""
    k = len(part.units)
    while k > 0 and part.units[k - 1].kind == "note":
        k -= 1
    start = k
    while start > 0 and start > k - 2:
        u = part.units[start - 1]
        words = u.text.split()
        if u.kind != "p" or len(words) > 8 or len(u.blocks) > 1:
            break
        if not (find_date(u.text) or re.search(rf"{INITIALS}[ \t]?\w", u.text)):
            break
        start -= 1
    for u in part.units[start:k]:
        u.kind = "closer"


def _signer(part: Part, persons: Persons) -> Person | None:
    for u in part.units:
        if u.kind == "closer":
            found = persons.mentions(u.text)
            if found:
                return found[0].person
    return None


def _lemma(word: str) -> str:
    """The nominative guess of an inflected Russian surname: the shortest stem of three letters or more."""
    options = [s for s in stems(word) if len(s) >= 4]
    return min(options, key=len) if options else word


def _align(original: Part, translation: Part, translation_div: m.Div) -> None:
    """@corresp from each paragraph of the translation to the paragraph(s) of the original."""
    from .align import align

    src = [u for u in original.units if u.kind != "note"]
    tgt = [u for u in translation.units if u.kind != "note"]
    paragraphs = {b.id: b for b in translation_div.blocks if isinstance(b, m.Para | m.Head | m.ItemList) and b.id}
    for link in align([u.text for u in src], [u.text for u in tgt]):
        u = tgt[link.translation]
        ids = [src[i].id for i in link.original if src[i].id]
        if ids and u.id in paragraphs:
            paragraphs[u.id].corresp = " ".join(f"#{i}" for i in ids)


__all__ = ["DESCRIPTION", "NAME", "read", "sniff"]
