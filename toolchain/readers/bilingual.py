"""Reader for an original followed by its translation in another script: a Russian telegram as OCR
output, then its English translation, in one file.

Layout, from the top: a preamble of short lines (an archive number, a date line); the original; the
translation (it may open with a heading); a closing source statement in brackets (`[Source: …]`).
The two parts are told apart by script. Blocks that recur word for word (a running footer) are page
furniture: each occurrence becomes `pb` + `fw`, and a paragraph that a page break cut in the middle
of a sentence is joined again around it. OCR damage is flagged, never corrected: repetition runs
become `unclear`, pipeline artefacts (`**bold**`, `\\dots`) `choice/orig/reg`. Persons are found in
the translation and matched in the original across scripts, inflections and OCR errors; each
English paragraph points (`@corresp`) to the paragraph(s) of the original it translates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, InputError
from ..source.blocks import Block, blocks
from ..source.dates import find_date
from ..source.marks import quotations
from ..source.names import allowed_edits, distance, key, stems
from ..source.scripts import script
from ..tei import XML_ID, append, content_id, el, slug, sub, unique_id
from . import document
from .conventions import Conventions, given_names, not_names, places
from .inline import Span
from .ocr import artefacts, repetition_runs
from .persons import CAP_WORD, INITIALS, Mention, Person, Persons, ScriptMatcher

NAME = "bilingual"
DESCRIPTION = "an original (often OCR output) and its translation in another script, with page furniture"

_TERMINAL = tuple('.!?:;…"”»)')
_DEMONYM = ("ans", "ese", "ish")  # Americans, Chinese, British: peoples, not persons
_STAR_NOTE = re.compile(r"(?<=\w)\*\s*\(([^()]+)\)")
_BULLET = re.compile(r"^\s*[-•–]\s+")


def _parts(bs: list[Block]) -> tuple[int, int] | None:
    """(start, split): where the first part starts and the second begins; None if there is one script."""
    scripts = [script(b.text) for b in bs]
    letters = [sum(ch.isalpha() for ch in b.text) for b in bs]
    total = sum(letters) or 1
    best = None
    for split in range(1, len(bs)):
        before = {s for s, n in zip(scripts[:split], letters[:split], strict=True) if s and n > 20}
        after = {s for s, n in zip(scripts[split:], letters[split:], strict=True) if s and n > 20}
        if len(before) == 1 and len(after) == 1 and before != after:
            a = sum(letters[:split]) / total
            if min(a, 1 - a) > 0.15:
                best = split
                break
    if best is None:
        return None
    start = 0
    while start < best and letters[start] <= 20 and len(bs[start].text) < 40:
        start += 1
    return start, best


def sniff(text: str, conventions: Conventions) -> float:
    bs = blocks(text)
    found = _parts(bs) if len(bs) >= 4 else None
    if found is None:
        return 0.0
    start, _split = found
    langs = {script(b.text) for b in bs[start:]} & set(conventions.common.script_languages)
    return 0.9 if len(langs) == 2 else 0.5


def read(text: str, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> etree._ElementTree:
    return _Reader(text, source, conventions, diagnostics).tree()


@dataclass
class Unit:
    """A paragraph of one part: its blocks (several when a page break cut it) and what stood between."""

    blocks: list[Block]
    breaks: list[list[Block]] = field(default_factory=list)  # footer blocks after blocks[i] (may be empty)
    kind: str = "p"  # p | head | list | note | closer
    note_type: str = ""
    id: str = ""

    @property
    def line(self) -> int:
        return self.blocks[0].line

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks)


@dataclass
class Part:
    lang: str
    kind: str  # original | translation
    units: list[Unit]
    leading_footers: list[list[Block]] = field(default_factory=list)


class _Reader(document._Reader):
    def __init__(self, text: str, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> None:
        super().__init__(text, source, conventions, diagnostics)
        self.notes_by_n = {}
        self.style = "["
        self.narrator: Person | None = None
        self.closer = None
        self.participants = None
        self.statements = False  # a record of conversation: speech is found sentence by sentence

    def info(self, line: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic("info", rule, str(self.source), line, 0, message))

    # --- layout ------------------------------------------------------------------

    def split(self) -> tuple[list[Block], list[Block], list[Block], Block | None]:
        """(preamble, first part, second part, source statement)."""
        bs = list(self.blocks)
        source_block = None
        last = bs[-1].text.strip()
        labels = "|".join(map(re.escape, self.conv.common.source_labels))
        if re.match(rf"\[\s*(?:{labels})\s*:", last) and last.endswith("]"):
            source_block = bs.pop()
        found = _parts(bs)
        if found is None:
            only = script(" ".join(b.text for b in bs)) or "unknown"
            raise InputError(
                self.source,
                bs[0].line,
                f"only one language ({only} script) found: a bilingual file has the original and then its "
                "translation in another script",
                "input-bilingual",
            )
        start, split = found
        return bs[:start], bs[start:split], bs[split:], source_block

    def footers(self, bs: list[Block]) -> set[int]:
        """Lines of blocks that are page furniture: repeated word for word, or matching a footer pattern."""
        seen: dict[str, list[Block]] = {}
        for b in bs:
            norm = " ".join(b.text.split())
            if len(norm) >= 20 and len(norm.split()) >= 3:
                seen.setdefault(norm, []).append(b)
        out = {b.line for group in seen.values() if len(group) >= 2 for b in group}
        for pattern in self.conv.bilingual.footer_patterns:
            matched = [b for b in bs if re.search(pattern, b.text)]
            if not matched:
                self.warn(1, f"footer pattern {pattern!r} matches no paragraph", "footer-pattern")
            out.update(b.line for b in matched)
        return out

    def units(self, bs: list[Block], furniture: set[int]) -> tuple[list[Unit], list[list[Block]]]:
        """Paragraphs of a part: page furniture taken out, paragraphs cut by a page break joined."""
        units: list[Unit] = []
        leading: list[list[Block]] = []
        pending: list[Block] = []
        for b in bs:
            if b.line in furniture:
                pending.append(b)
                continue
            prev = units[-1] if units else None
            cut = prev is not None and prev.kind == "p" and not prev.blocks[-1].text.rstrip().endswith(_TERMINAL)
            starts_low = b.text.lstrip()[:1].islower()
            if prev is not None and cut and (pending or starts_low) and not self._special(b):
                prev.breaks.append(pending)
                prev.blocks.append(b)
            else:
                if pending:
                    if prev is None:
                        leading.append(pending)
                    else:
                        prev.breaks.append(pending)
                        prev.breaks.append([])  # furniture after the paragraph, not inside it
                units.append(self._unit(b))
            pending = []
        if pending and units:
            units[-1].breaks.append(pending)
            units[-1].breaks.append([])
        return units, leading

    def _special(self, b: Block) -> bool:
        return self._note_block(b) is not None

    def _note_block(self, b: Block) -> str | None:
        text = b.text.strip()
        for label, ntype in self.conv.bilingual.note_block_labels.items():
            if re.match(rf"{re.escape(label)}\s*:", text):
                return ntype
        for pattern, ntype in self.conv.bilingual.note_block_patterns:
            if re.search(pattern, text):
                return ntype
        return None

    def _unit(self, b: Block) -> Unit:
        ntype = self._note_block(b)
        if ntype:
            return Unit([b], kind="note", note_type=ntype)
        if len(b.lines) > 1 and all(_BULLET.match(line) for line in b.lines):
            return Unit([b], kind="list")
        return Unit([b])

    # --- the tree ----------------------------------------------------------------

    def tree(self) -> etree._ElementTree:
        preamble, first, second, source_block = self.split()
        furniture = self.footers(first + second)
        parts = []
        for bs in (first, second):
            units, leading = self.units(bs, furniture)
            lang = self.conv.common.script_languages.get(script(" ".join(b.text for b in bs)) or "", "und")
            parts.append(Part(lang, "", units, leading))
        english = self.conv.common.default_language
        translation = next((p for p in parts if p.lang == english), parts[1])
        original = parts[0] if translation is parts[1] else parts[1]
        translation.kind, original.kind = "translation", "original"
        for part in parts:
            if not part.units:
                raise InputError(self.source, 1, f"the {part.kind} has no paragraphs", "input-body")
            self._closer(part)
        title_unit = translation.units[0]
        if len(title_unit.blocks[0].lines) == 1 and not title_unit.text.rstrip().endswith(_TERMINAL):
            title_unit.kind = "head"
        title = " ".join(title_unit.text.split()) if title_unit.kind == "head" else None
        if title is None:
            raise InputError(
                self.source,
                translation.units[0].line,
                "the translation has no heading to take a title from",
                "input-title",
            )
        self.lang = translation.lang
        self.original_lang = original.lang
        self._persons(translation, original)
        self.source_block = source_block
        self.source_text = source_block.text.strip()[1:-1].strip() if source_block else ""
        self._responsibility()

        self.persons = self.en_persons
        self.persons_lang = translation.lang
        self.narrator = self._signer(translation)
        translation_div = self.div(translation)
        self.persons = self.ru_matcher
        self.persons_lang = original.lang
        original_div = self.div(original)
        self._align(original, translation, translation_div)
        for word in sorted(set(self.ru_matcher.ambiguous) | set(self.en_persons.ambiguous)):
            self.warn(1, f"'{word}' may be any of several persons; not linked", "person-ambiguous")

        root = el("TEI", xml_lang=translation.lang)
        root.append(self.bilingual_header(preamble, title, original, translation))
        body = el("body")
        for part in parts:
            body.append(original_div if part is original else translation_div)
        root.append(el("text", body))
        return etree.ElementTree(root)

    def _closer(self, part: Part) -> None:
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

    def _signer(self, part: Part) -> Person | None:
        for u in part.units:
            if u.kind == "closer":
                found = self.persons.mentions(u.text)
                if found:
                    return found[0].person
        return None

    # --- persons -----------------------------------------------------------------

    def _persons(self, translation: Part, original: Part) -> None:
        en = Persons(self.conv, translation.lang)
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
        titles = {t for title in self.conv.common.titles for t in title.split()}
        skip = set(not_names() | places() | given_names()) | known | titles
        for u in prose:
            quoted = [range(a, b) for a, b in quotations(u.text)]
            for m in re.finditer(rf"(?<=[\w,;)] )({CAP_WORD})(?=['’]s?\b|\W|$)", u.text):
                word = m.group(1)
                if word in skip or len(word) < 4 or word.endswith(_DEMONYM) or any(m.start() in q for q in quoted):
                    continue
                before = re.search(r"(\S+)\s+$", u.text[: m.start()])
                if before and before.group(1)[:1].isupper() and before.group(1) not in titles:
                    continue  # the second word of a longer proper name ("New York"): not a surname alone
                spelled = self._in_original(key(word), original_keys)
                if spelled is None:
                    continue
                if en.add(word, form=word):
                    skip.add(word)
                    self.info(
                        u.blocks[0].line_at(m.start(1)) if len(u.blocks) == 1 else u.line,
                        f"'{word}' taken for a person: a capitalised word inside a sentence that the original "
                        f"spells too{' (approximately)' if spelled else ''}",
                        "person-bare",
                    )
        en.assign_ids()
        # persons the original names that the translation does not (with initials, say)
        ru = Persons(self.conv, original.lang)
        matcher = ScriptMatcher(en.people, self.conv.common.name_tolerance)
        for u in original.units:
            for p in ru.discover(u.text):
                person, _ = matcher.match(p.surname)
                if person is None and not any(s for s in stems(p.surname) if key(s) in matcher.index):
                    en.people.append(Person(self._lemma(p.surname), p.initials, p.forenames, p.role))
                    matcher = ScriptMatcher(en.people, self.conv.common.name_tolerance)
        en.assign_ids()
        for p in en.people:
            self.ids.add(p.id)
        self.en_persons = en
        self.ru_matcher = ScriptMatcher(en.people, self.conv.common.name_tolerance)

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

    @staticmethod
    def _lemma(word: str) -> str:
        """The nominative guess of an inflected Russian surname: the shortest stem of three letters or more."""
        options = [s for s in stems(word) if len(s) >= 4]
        return min(options, key=len) if options else word

    def _responsibility(self) -> None:
        """The translator (and their institution) named in the source statement."""
        self.resp: list[tuple[str, str, str | None]] = []  # (phrase, name, organisation)
        self.resp_ids = {}
        phrases = sorted(self.conv.common.resp_phrases, key=len, reverse=True)
        resp_re = re.compile("|".join(re.escape(p) for p in phrases))
        for m in resp_re.finditer(self.source_text):
            rest = self.source_text[m.end() :].split(".")[0]
            pieces = [p.strip() for p in re.split(r",|\band\b", rest) if p.strip()]
            names = [
                p
                for p in pieces
                if re.fullmatch(rf"{CAP_WORD}(?:[ \t]+(?:{CAP_WORD}|\w\.))+", p)
                and not any(w in not_names() or w in self.conv.common.organisation_words for w in p.split())
            ]
            orgs = [p for p in pieces if p not in names]
            for name in names:
                pid = unique_id(slug(name.split()[-1]), self.ids, "-resp")
                self.ids.add(pid)
                self.resp_ids[name] = pid
                self.resp.append((m.group(0), name, orgs[0] if orgs else None))
                if self.translator is None and "translat" in m.group(0).lower():
                    self.translator = pid

    # --- text --------------------------------------------------------------------

    def div(self, part: Part) -> etree._Element:
        div = el("div", type=part.kind, xml_lang=part.lang)
        for group in part.leading_footers:
            self._furniture(div, group)
        speaker: Person | None = None
        closer: etree._Element | None = None
        for u in part.units:
            if u.kind == "closer":
                if closer is None:
                    closer = sub(div, "closer")
                if len(closer):
                    closer[-1].tail = (closer[-1].tail or "") + "\n"
                self._closer_content(closer, u)
                continue
            if u.kind == "head":
                u.id = content_id("h", u.text, self.ids)
                sub(div, "head", *self.inline(u.blocks[0], speech=False), xml_id=u.id)
                continue
            if u.kind == "note":
                u.id = content_id("note", u.text, self.ids)
                div.append(el("note", *self.inline(u.blocks[0], speech=False), type=u.note_type, xml_id=u.id))
                continue
            if u.kind == "list":
                u.id = content_id("list", u.text, self.ids)
                lst = sub(div, "list", xml_id=u.id)
                for i, line in enumerate(u.blocks[0].lines):
                    b = Block(u.line + i, [_BULLET.sub("", line, count=1)])
                    sub(lst, "item", *self.inline(b, speech=False), n=_BULLET.match(line).group(0).strip())
                speaker = None
                continue
            u.id = content_id("p", u.text, self.ids)
            block, extra = self._joined(u)
            content, turn = self._content(block, speech=True, run=speaker, extra=extra)
            p = sub(div, "p", *content, xml_id=u.id)
            if turn.opening is not None:
                speaker = turn.opening
            elif speaker is not None and turn.ends_run:
                self._unwrap_run(p)
                speaker = None
            for group in u.breaks[len(u.blocks) - 1 :]:
                if group:
                    self._furniture(div, group)
        return div

    def _joined(self, u: Unit) -> tuple[Block, list[Span]]:
        """One block for a unit's text, with page breaks (and the footers) where its blocks met."""
        lines: list[str] = []
        spans: list[Span] = []
        offset = 0
        for i, b in enumerate(u.blocks):
            if i:
                lines.append("")
                offset += 1  # the empty line: breaks go between the two newlines
                group = u.breaks[i - 1] if i - 1 < len(u.breaks) else []
                spans.append(
                    Span(offset, offset, "pb", lambda g=group: el("pb") if g else el("pb", type="inferred"), leaf=True)
                )
                for k, fb in enumerate(group):
                    spans.append(
                        Span(offset, offset, f"fw{min(k, 3)}", lambda t=fb.text: el("fw", t, type="footer"), leaf=True)
                    )
            lines.extend(b.lines)
            offset += len(b.text) + 1
        return Block(u.line, lines), spans

    def _furniture(self, div: etree._Element, group: list[Block]) -> None:
        div.append(el("pb"))
        for b in group:
            div.append(el("fw", b.text, type="footer"))

    def _closer_content(self, closer: etree._Element, u: Unit) -> None:
        text = u.text
        date = find_date(text)
        if date and date.start == 0 and date.end >= len(text.strip(" .")) - 1:
            closer.append(el("dateline", el("date", text, when=date.iso)))
            return
        mentions = self.persons.mentions(text)
        if mentions:
            extra = []
            if date is not None:
                extra.append(Span(date.start, date.end, "date", lambda d=date: el("date", when=d.iso)))
            signed_from = mentions[0].start
            if signed_from > 0:
                extra.append(Span(0, signed_from, "closer-part", lambda: el("dateline")))
            extra.append(Span(signed_from, len(text), "closer-part", lambda: el("signed")))
            append(closer, *self.inline(u.blocks[0], speech=False, extra=extra))
            return
        closer.append(el("dateline", *self.inline(u.blocks[0], speech=False)))

    # --- inline ------------------------------------------------------------------

    def _content(
        self, b: Block, *, speech: bool, run: Person | None = None, extra: list[Span] | None = None
    ) -> tuple[list[object], document.Turn]:
        spans = list(extra or [])
        text = b.text
        for r in repetition_runs(text, min_copies=self.conv.bilingual.ocr_min_copies):
            spans.append(Span(r.start, r.end, "ocr", lambda: el("unclear", reason="ocr-repetition")))
            self.info(
                b.line_at(r.start), f"OCR repetition run ({r.copies} copies) flagged as unclear", "ocr-repetition"
            )
        for a in artefacts(text, self.conv.bilingual.ocr_artefacts):
            spans.append(
                Span(
                    a.start,
                    a.end,
                    "ocr",
                    lambda a=a: el("choice", el("orig", text[a.start : a.end]), el("reg", a.regular, type=a.kind)),
                    leaf=True,
                )
            )
        for m in _STAR_NOTE.finditer(text):
            ntype = next(
                (t for w, t in self.conv.bilingual.note_type_words.items() if w in m.group(1).lower()), "editorial"
            )
            spans.append(
                Span(
                    m.start(),
                    m.end(),
                    "bracket",
                    lambda t=ntype: el("note", type=t, n="*", place="inline"),
                    m.start(1),
                    m.end(1),
                )
            )
        seen = len(self.ru_matcher.fuzzy)
        result = super()._content(b, speech=speech, run=run, extra=spans)
        for fm in self.ru_matcher.fuzzy[seen:]:
            edits = f"{fm.edits} edit{'s' if fm.edits > 1 else ''}"
            self.info(
                b.line_at(fm.offset),
                f"'{fm.form}' read as {fm.person.full_name()} ({edits}); please review",
                "person-fuzzy",
            )
        return result

    def _speech(self, text, mentions, bracket_list, run):
        pronoun = self.conv.common.narrator_pronouns.get(self.persons_lang, "")
        if self.narrator is not None and pronoun:
            extra = [
                Mention(m.start(), m.end(), self.narrator)
                for m in re.finditer(rf"(?<!\w){re.escape(pronoun)}(?!\w)", text)
            ]
            mentions = sorted(mentions + extra, key=lambda mn: mn.start)
        return super()._speech(text, mentions, bracket_list, run)

    # --- alignment -----------------------------------------------------------------

    def _align(self, original: Part, translation: Part, translation_div: etree._Element) -> None:
        """@corresp from each paragraph of the translation to the paragraph(s) of the original."""
        from ..align import align

        src = [u for u in original.units if u.kind != "note"]
        tgt = [u for u in translation.units if u.kind != "note"]
        by_id = {e.get(XML_ID): e for e in translation_div.iter() if e.get(XML_ID)}
        for link in align([u.text for u in src], [u.text for u in tgt]):
            u = tgt[link.translation]
            ids = [src[i].id for i in link.original if src[i].id]
            if ids and u.id in by_id:
                by_id[u.id].set("corresp", " ".join(f"#{i}" for i in ids))

    # --- header ------------------------------------------------------------------

    def bilingual_header(self, preamble: list[Block], title: str, original: Part, translation: Part) -> etree._Element:
        th = el("teiHeader")
        fd = sub(th, "fileDesc")
        ts = sub(fd, "titleStmt", el("title", title, type="main"))
        for phrase, name, org in self.resp:
            rs = sub(ts, "respStmt", el("resp", phrase), el("persName", name, xml_id=self.resp_ids[name]))
            if org:
                sub(rs, "orgName", org)
        sub(fd, "publicationStmt", el("p", "Converted from a plain-text transcript; the source names no publisher."))
        sd = sub(fd, "sourceDesc")
        if self.source_text:
            sd.append(el("bibl", self.source_text, type="source"))
        ms = sub(sd, "msDesc")
        ident = sub(ms, "msIdentifier")
        date_line = None
        numbers = []
        for b in preamble:
            text = b.text.strip()
            d = find_date(text, whole=True)
            if d and date_line is None:
                date_line = (text, d.iso)
            else:
                numbers.append(text)
        for n in numbers:
            sub(ident, "idno", n, type="archive")
        for kind, pattern in self.conv.bilingual.document_numbers.items():
            for u in original.units + translation.units:
                m = re.search(pattern, u.text)
                if m:
                    sub(ident, "idno", m.group(1), type=kind)
                    break
        if not len(ident):
            sub(ident, "msName", title)
        sub(ms, "msContents", el("textLang", mainLang=original.lang, otherLangs=translation.lang))
        enc = self.encoding_desc()
        ed = enc.find("{*}editorialDecl")
        ed.find("{*}normalization").append(
            el(
                "p",
                "The original is OCR output and is not corrected. A run of words that the OCR repeated three times "
                "or more is kept and flagged as unclear (reason ocr-repetition); OCR pipeline artefacts (bold "
                "markers, TeX commands) are kept as choice/orig with their normal form in reg.",
            )
        )
        ed.find("{*}normalization").append(
            el(
                "p",
                "Paragraphs that recur word for word are page furniture: each occurrence is a page break (pb) with "
                "the footer (fw). A paragraph that a page break cut in the middle of a sentence is joined again, "
                'the pb inside it; a break without a footer is pb type="inferred".',
            )
        )
        ed.find("{*}interpretation").append(
            el(
                "p",
                "Persons are found in the translation and matched in the original across scripts, Russian case "
                "endings and OCR errors (fuzzy matches are reported for review). Each paragraph of the translation "
                "points with @corresp to the paragraph(s) of the original it translates, aligned by numbers, "
                "names, quotations and length.",
            )
        )
        th.append(enc)
        pd = sub(th, "profileDesc")
        if date_line is not None:
            sub(pd, "creation", el("date", date_line[0], when=date_line[1]))
        else:
            closing = next((d for u in translation.units if u.kind == "closer" for d in [find_date(u.text)] if d), None)
            if closing is None:
                raise InputError(
                    self.source, 1, "the document has no date (no date line, none in the closing lines)", "input-date"
                )
            sub(pd, "creation", el("date", when=closing.iso))
        self.languages_and_persons(pd, {original.lang, translation.lang}, self.en_persons.people)
        return th
