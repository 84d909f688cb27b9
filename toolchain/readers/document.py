"""Reader for archive document pages: a date line, a bold title, labelled header fields, the text of
the document (minutes, records, telegrams) and its notes.

Everything it recognises is a convention (see `conventions.py`): field labels, the participants
line, agenda items, speech verbs, bracket meanings, note markers and labels, closing lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lxml import etree

from ..errors import Diagnostic, InputError
from ..source.blocks import Block, blocks
from ..source.dates import find_date
from ..source.marks import OPENING_QUOTES, Bracket, brackets, quotations, quoted_title
from ..tei import XML_ID, append, content_id, el, slug, sub, unique_id
from .conventions import Conventions
from .inline import Span, build
from .persons import INITIALS, LOWER, UPPER, Mention, Person, Persons

NAME = "document"
DESCRIPTION = "archive document page: date, title, labelled header fields, text and notes"

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


def sniff(text: str, conventions: Conventions) -> float:
    """How much `text` looks like an archive document page (0..1)."""
    labels = {label.lower() for label in conventions.common.header_fields}
    hits = sum(
        1
        for line in text.splitlines()[:80]
        if line.strip().rstrip(":").lower() in labels and line.strip().endswith(":")
    )
    return min(1.0, hits / 3)


def read(text: str, *, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> etree._ElementTree:
    return _Reader(text, source, conventions, diagnostics).tree()


@dataclass
class Note:
    n: str
    type: str
    label: str  # as written, with its colon ("Translator's Note:"), or ""
    text: str  # the note text after the label
    block: Block
    offset: int  # where `text` starts in block.text
    used: bool = False
    id: str = ""


@dataclass(frozen=True)
class Turn:
    """What a paragraph does to a running statement: who opens one, and whether it ends one."""

    opening: Person | None = None
    ends_run: bool = False


@dataclass
class Header:
    date_line: Block | None = None
    title_blocks: list[Block] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    fields: dict[str, tuple[str, list[Block]]] = field(default_factory=dict)  # role -> (label, value blocks)


class _Reader:
    def __init__(self, text: str, source: Path, conventions: Conventions, diagnostics: list[Diagnostic]) -> None:
        self.source = source
        self.conv = conventions
        self.diagnostics = diagnostics
        self.blocks = blocks(text)
        if not self.blocks:
            raise InputError(source, 1, "the file has no text", "input-empty")
        self.ids: set[str] = set()
        self.translator: str | None = None
        self.hands: dict[str, Person] = {}
        self._run_id = ""
        # minutes: a paragraph that opens with a speaker is that speaker's statement, which may run on
        self.statements = True

    def warn(self, line: int, message: str, rule: str) -> None:
        self.diagnostics.append(Diagnostic("warning", rule, str(self.source), line, 0, message))

    # --- layout ------------------------------------------------------------------

    def _label(self, block: Block) -> tuple[str, str, str] | None:
        """(role, label, inline value) when the block opens with a header field label."""
        first = block.lines[0].strip()
        for label, role in self.conv.common.header_fields.items():
            if first.lower() == label.lower() + ":":
                return role, first, ""
            if first.lower().startswith(label.lower() + ": ") and len(block.lines) == 1:
                return role, first[: len(label) + 1], first[len(label) + 2 :]
        return None

    def layout(self) -> tuple[Header, list[Block], list[Block]]:
        """Split the blocks into header, body and notes."""
        header = Header()
        labels = [i for i, b in enumerate(self.blocks) if self._label(b)]
        first_label = labels[0] if labels else None
        # preamble: blocks before the first label (or the leading date/title when there is none)
        end_preamble = first_label if first_label is not None else 0
        if first_label is None:
            for b in self.blocks[:3]:
                if find_date(b.text, whole=True) or b.text.lstrip().startswith("**"):
                    end_preamble += 1
                else:
                    break
        in_title = False
        for b in self.blocks[:end_preamble]:
            stripped = b.text.strip()
            if in_title or stripped.startswith("**"):
                header.title_blocks.append(b)
                in_title = not stripped.endswith("**") or stripped == "**"
            elif header.date_line is None and find_date(stripped, whole=True):
                header.date_line = b
            else:
                header.preamble.append(b)
        body_start = end_preamble
        for k, i in enumerate(labels):
            role, label, inline_value = self._label(self.blocks[i])
            nxt = labels[k + 1] if k + 1 < len(labels) else None
            if inline_value:
                values = [Block(self.blocks[i].line, [inline_value])]
                value_end = i + 1
                if nxt is not None:
                    values += self.blocks[i + 1 : nxt]
                    value_end = nxt
            elif nxt is not None:
                values = self.blocks[i + 1 : nxt]
                value_end = nxt
            else:
                values = self.blocks[i + 1 : i + 2]
                value_end = i + 2
                if role == "contents":
                    while value_end < len(self.blocks) and re.fullmatch(
                        r"(?:Original|Translation|Transcript|Transcription|Scan)[\w ]*(?:\s+-\s+[\w-]+)?",
                        self.blocks[value_end].text.strip(),
                    ):
                        values.append(self.blocks[value_end])
                        value_end += 1
            if role in header.fields:
                self.warn(self.blocks[i].line, f"field '{label}' given twice; the second is kept", "header-field")
            header.fields[role] = (label, values)
            body_start = value_end
        rest = self.blocks[body_start:]
        notes_start = len(rest)
        for i in range(len(rest) - 1, -1, -1):
            if re.match(r"\s*[\[(]1[\])]", rest[i].text):
                notes_start = i
                break
        return header, rest[:notes_start], rest[notes_start:]

    def notes(self, note_blocks: list[Block]) -> tuple[dict[str, Note], str]:
        """Notes by number, and the marker style ('[' or '(')."""
        notes: dict[str, Note] = {}
        if not note_blocks:
            return notes, "["
        style = note_blocks[0].text.lstrip()[0]
        close = "]" if style == "[" else ")"
        head = re.compile(rf"\s*{re.escape(style)}(\d{{1,3}}){re.escape(close)}\s*")
        labels = sorted(self.conv.common.note_labels, key=len, reverse=True)
        current: Note | None = None
        for b in note_blocks:
            m = head.match(b.text)
            if m is None:
                if current is None:
                    raise InputError(
                        self.source, b.line, "text in the notes section before the first note", "input-note"
                    )
                current.text += "\n\n" + b.text  # a note of several paragraphs
                continue
            n = m.group(1)
            rest = b.text[m.end() :]
            label, ntype = "", self.conv.common.default_note_type
            for candidate in labels:
                if rest.lower().startswith(candidate.lower() + ":"):
                    label, ntype = rest[: len(candidate) + 1], self.conv.common.note_labels[candidate]
                    break
            offset = m.end() + len(label)
            body = b.text[offset:]
            offset += len(body) - len(body.lstrip())
            if n in notes:
                raise InputError(self.source, b.line, f"note {style}{n}{close} is given twice", "input-note")
            current = Note(n, ntype, label, b.text[offset:], b, offset)
            notes[n] = current
        return notes, style

    # --- the tree ----------------------------------------------------------------

    def tree(self) -> etree._ElementTree:
        header, body, note_blocks = self.layout()
        self.notes_by_n, self.style = self.notes(note_blocks)
        title = self.title(header)
        lang, original = self.languages(header)
        self.lang = lang
        self.persons = Persons(self.conv, lang)
        if not body:
            raise InputError(
                self.source, self.blocks[-1].line, "the document has no text after its header", "input-body"
            )

        # persons: participants line first (roles), then everything else that is prose
        self.participants = None
        for b in body:
            if self._participants_prefix(b.text):
                self.participants = b
                for role, segment in self._participant_segments(b.text):
                    self.persons.discover(segment, role=role)
                break
        self.closer = body[-1] if self._closer_phrase(body[-1].text) else None
        for b in body:
            self.persons.discover(b.text)
        for note in self.notes_by_n.values():
            self.persons.discover(note.text)
        if "summary" in header.fields:
            for b in header.fields["summary"][1]:
                self.persons.discover(b.text)
        if self.closer is not None:
            for p in self.persons.discover(self.closer.text):
                p.role = p.role or "notetaker"
        self.persons.assign_ids()
        for p in self.persons.people:
            self.ids.add(p.id)

        citation = self.citation(header)
        text_el = self.text(body, lang, original)
        self.check_notes_used()

        root = el("TEI", xml_lang="en")
        root.append(self.header(header, title, citation, lang, original))
        root.append(text_el)
        for ambiguous in sorted(set(self.persons.ambiguous)):
            self.warn(1, f"'{ambiguous}' may be any of several persons; not linked", "person-ambiguous")
        return etree.ElementTree(root)

    def check_notes_used(self) -> None:
        """Every note at the end has a marker in the text."""
        unused = [n for n in self.notes_by_n.values() if not n.used]
        if unused:
            n = unused[0]
            close = "]" if self.style == "[" else ")"
            raise InputError(
                self.source, n.block.line, f"note {self.style}{n.n}{close} has no marker in the text", "input-note"
            )

    def title(self, header: Header) -> str:
        if header.title_blocks:
            raw = " ".join(" ".join(b.lines) for b in header.title_blocks)
            title = " ".join(raw.replace("**", " ").split())
            if title:
                return title
        citation = header.fields.get("citation")
        if citation:
            m = quoted_title(" ".join(b.text for b in citation[1]))
            if m:
                return m.group(1)
        raise InputError(
            self.source,
            1,
            "the document has no title (no **bold title** line, no quoted title in the citation)",
            "input-title",
        )

    def languages(self, header: Header) -> tuple[str, str | None]:
        original = None
        if "original_language" in header.fields:
            name = " ".join(b.text for b in header.fields["original_language"][1])
            original = self.conv.common.language_code(name)
            if original is None:
                self.warn(
                    header.fields["original_language"][1][0].line, f"unknown language '{name.strip()}'", "language"
                )
        lang = None
        if "contents" in header.fields:
            for b in header.fields["contents"][1]:
                m = re.search(r"(?:Translation|Transcript|Transcription)\s+-\s+([\w-]+)", b.text)
                if m:
                    lang = self.conv.common.language_code(m.group(1))
                    break
        return lang or self.conv.common.default_language, original

    # --- header ------------------------------------------------------------------

    def citation(self, header: Header) -> dict:
        """Parts of the citation: title, date, publisher, repository, call number, resp, url."""
        out: dict = {"resp": []}
        if "citation" not in header.fields:
            return out
        _label, values = header.fields["citation"]
        text = " ".join(" ".join(b.lines) for b in values)
        out["text"] = text
        out["line"] = values[0].line
        m = re.search(r"<?(https?://[^\s>]+)>?\s*$", text)
        if m:
            out["url"] = m.group(1)
            text = text[: m.start()]
        m = quoted_title(text)
        rest = text[m.end() :].lstrip(", ") if m else text
        date = find_date(rest)
        if date and date.start < 3:
            out["date"] = date.iso
            rest = rest[date.end :].lstrip(", ")
        phrases = sorted(self.conv.common.resp_phrases, key=len, reverse=True)
        resp_re = re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)
        rm = resp_re.search(rest)
        biblio, resp = (rest[: rm.start()], rest[rm.start() :]) if rm else (rest, "")
        parts = [p.strip() for p in biblio.strip().rstrip(".").split(",") if p.strip()]
        if parts:
            out["publisher"] = parts[0]
        if len(parts) > 1:
            out["repository"] = parts[1]
            out["idno"] = ", ".join(parts[2:]) or None
        matches = list(resp_re.finditer(resp))
        for k, pm in enumerate(matches):
            end = matches[k + 1].start() if k + 1 < len(matches) else len(resp)
            names_text = resp[pm.end() : end].strip(" ,.;")
            names = [n.strip(" .") for n in re.split(r",\s*|\s+and\s+", names_text) if n.strip(" .")]
            out["resp"].append((pm.group(0), names))
        self.resp_ids: dict[str, str] = {}
        for phrase, names in out["resp"]:
            for name in names:
                pid = unique_id(slug(name.split()[-1]), self.ids, "-resp")
                self.ids.add(pid)
                self.resp_ids[name] = pid
                if self.translator is None and "translat" in phrase.lower():
                    self.translator = pid
        return out

    def header(self, header: Header, title: str, cit: dict, lang: str, original: str | None) -> etree._Element:
        th = el("teiHeader", self.file_desc(header, title, cit, original), self.encoding_desc())
        pd = sub(th, "profileDesc")
        if header.date_line is not None:
            d = find_date(header.date_line.text, whole=True)
            sub(pd, "creation", el("date", header.date_line.text.strip(), when=d.iso))
        elif cit.get("date"):
            sub(pd, "creation", el("date", when=cit["date"]))
        elif self.closer_date:
            sub(pd, "creation", el("date", when=self.closer_date))
        else:
            raise InputError(
                self.source, 1, "the document has no date (no date line, none in the citation or closer)", "input-date"
            )
        self.abstract(pd, header)
        self.languages_and_persons(pd, {"en", lang} | ({original} if original else set()), self.persons.people)
        return th

    def abstract(self, pd: etree._Element, header: Header) -> None:
        if "summary" in header.fields:
            ab = sub(pd, "abstract")
            for b in header.fields["summary"][1]:
                sub(ab, "p", *self.inline(b, speech=False))

    def file_desc(
        self, header: Header, title: str, cit: dict, original: str | None, source: etree._Element | None = None
    ) -> etree._Element:
        """fileDesc: title and responsibility, publication, notes from the header fields, the source."""
        fd = el("fileDesc")
        ts = sub(fd, "titleStmt", el("title", title, type="main"))
        if "credits" in header.fields:
            credits = " ".join(b.text for b in header.fields["credits"][1])
            m = re.search(r"(?:support|funding|grant|assistance)\s+(?:from|of|by)\s+(?:the\s+)?(.+?)\.?$", credits)
            if m:
                sub(ts, "funder", m.group(1))
        for phrase, names in cit.get("resp", []):
            for name in names:
                sub(ts, "respStmt", el("resp", phrase), el("persName", name, xml_id=self.resp_ids[name]))
        ps = sub(fd, "publicationStmt")
        if cit.get("publisher"):
            sub(ps, "publisher", cit["publisher"])
        else:
            sub(ps, "p", "Converted from a plain-text transcript; the source names no publisher.")
        if cit.get("url"):
            sub(ps, "idno", cit["url"], type="URI")
        notes_stmt = el("notesStmt")
        for block in header.preamble:
            sub(notes_stmt, "note", block.text, type="preamble")
        for role in ("credits", "contents", "author", "keywords", "source"):
            if role in header.fields:
                _label, values = header.fields[role]
                for b in values:
                    sub(notes_stmt, "note", b.text, type=role)
        if len(notes_stmt):
            fd.append(notes_stmt)
        sd = sub(fd, "sourceDesc")
        if cit.get("text"):
            sd.append(self.citation_bibl(cit))
        if source is not None:
            sd.append(source)
        if not len(sd):
            sub(sd, "p", "A plain-text transcript without a citation.")
        if cit.get("repository") or self.hands or original:
            ms = sub(sd, "msDesc")
            ident = sub(ms, "msIdentifier")
            if cit.get("repository"):
                sub(ident, "repository", cit["repository"])
                if cit.get("idno"):
                    sub(ident, "idno", cit["idno"], type="callNumber")
            else:
                sub(ident, "msName", title)
            if original:
                sub(
                    ms,
                    "msContents",
                    el("textLang", " ".join(b.text for b in header.fields["original_language"][1]), mainLang=original),
                )
            if self.hands:
                hd = el("handDesc")
                for hid, person in sorted(self.hands.items()):
                    sub(hd, "handNote", f"The hand of {person.full_name()}.", xml_id=hid, scribeRef=f"#{person.id}")
                ms.append(el("physDesc", hd))
        return fd

    def languages_and_persons(self, pd: etree._Element, langs: set[str], people: list[Person]) -> None:
        """profileDesc's langUsage and particDesc."""
        lu = sub(pd, "langUsage")
        for code in sorted(langs):
            sub(lu, "language", self.conv.common.language_name(code), ident=code)
        if people:
            lp = el("listPerson")
            for p in sorted(people, key=lambda p: p.id):
                lp.append(self.person_el(p))
            sub(pd, "particDesc", lp)

    def citation_bibl(self, cit: dict) -> etree._Element:
        """The citation verbatim, its recognisable parts marked."""
        text = cit["text"]
        spans: list[Span] = []

        def mark(value: str | None, make, start_at: int = 0) -> None:
            if value:
                i = text.find(value, start_at)
                if i >= 0:
                    spans.append(Span(i, i + len(value), "persName", make))

        m = quoted_title(text)
        if m:
            spans.append(Span(m.start(1), m.end(1), "persName", lambda: el("title", level="a")))
        date = find_date(text[m.end() if m else 0 :])
        if date and cit.get("date"):
            off = m.end() if m else 0
            spans.append(Span(off + date.start, off + date.end, "persName", lambda: el("date", when=cit["date"])))
        mark(cit.get("publisher"), lambda: el("publisher"), m.end() if m else 0)
        if cit.get("repository"):
            ref = cit["repository"] + (", " + cit["idno"] if cit.get("idno") else "")
            mark(ref, lambda: el("idno", type="archive"))
        if cit.get("url"):
            mark(cit["url"], lambda: el("ref", target=cit["url"]))
        return el("bibl", *build(text, spans), type="citation")

    def encoding_desc(self) -> etree._Element:
        conv = self.conv
        phrases = ", ".join(f"“{p}”" for p in conv.common.deletion_phrases[:6])
        ed = el(
            "editorialDecl",
            el("correction", el("p", "The transcript is not corrected: its spelling and wording are kept.")),
            el(
                "normalization",
                el(
                    "p",
                    "Line breaks within paragraphs and the bold markers of titles are not kept; "
                    "dates are normalised to ISO 8601 in @when.",
                ),
            ),
            el(
                "quotation",
                el(
                    "p",
                    "Quotation marks are kept as text; direct speech inside them is encoded with "
                    'said direct="true" when a speaker is named in the same sentence, otherwise q.',
                ),
            ),
            el(
                "interpretation",
                el(
                    "p",
                    "Square brackets of the transcript are editorial signs and are not kept as text. A passage in "
                    f"brackets that its note says was deleted (wordings such as {phrases}) is encoded as del "
                    'rend="strikethrough" with the hand of the person the note names, or of the note-taker. '
                    "A code in brackets after a code (R-12 [SS-4]) is a gloss of the preceding term. Other "
                    f"bracketed words (up to {conv.common.supplied_max_words}) are supplied by the translator "
                    f'(reason "{conv.common.supplied_reason}"); longer bracketed passages are inline editorial notes.',
                ),
                el(
                    "p",
                    "Persons are recognised by initials and surname, title and surname, given name and surname, "
                    "and then by surname, possessive or unique initials; each mention is a persName pointing to "
                    "the person in particDesc. A person followed by a speech verb opens reported speech (said); "
                    "in minutes, a paragraph that opens with a speaker is that speaker's statement, and the "
                    "paragraphs after it continue the statement until a paragraph names the speaker in the third "
                    "person, opens with another speaker, or a new item or the closing line begins.",
                ),
                el(
                    "p",
                    "Notes keep their number (@n) and their label; their type comes from the label. A note "
                    "stands where its marker stood.",
                ),
            ),
        )
        return el("encodingDesc", ed)

    def person_el(self, p: Person) -> etree._Element:
        name = el("persName")
        if p.forenames:
            for f in p.forenames:
                sub(name, "forename", f)
                name[-1].tail = " "
        elif p.initials:
            sub(name, "forename", p.initials)
            name[-1].tail = " "
        sub(name, "surname", p.surname)
        person = el("person", name, xml_id=p.id, role=p.role)
        for form in sorted(p.forms - {p.full_name()}):
            sub(person, "persName", form, type="variant")
        if p.birth:
            sub(person, "birth", when=p.birth)
        if p.death:
            sub(person, "death", when=p.death)
        return person

    # --- text --------------------------------------------------------------------

    def _participants_prefix(self, text: str) -> str | None:
        for prefix in self.conv.common.participants_prefixes:
            if text.lower().startswith(prefix.lower()) and ":" in text[: len(prefix) + 3]:
                return prefix
        return None

    def _participant_segments(self, text: str) -> list[tuple[str, str]]:
        body = text.split(":", 1)[1]
        # segments end at a semicolon or at a sentence end (a period after a word of three letters or more)
        pieces = re.split(rf";|(?<=[{LOWER}]{{3}})\.\s+(?=[{UPPER}][{LOWER}])", body)
        out = []
        role = "other"
        for piece in pieces:
            low = piece.lower()
            for phrase, r in self.conv.common.participant_roles:
                if phrase in low:
                    role = r
                    break
            out.append((role, piece))
        return out

    def _closer_phrase(self, text: str) -> str | None:
        for phrase in self.conv.common.closer_phrases:
            if text.strip().lower().startswith(phrase.lower()):
                return phrase
        return None

    @property
    def closer_date(self) -> str | None:
        if self.closer is None:
            return None
        d = find_date(self.closer.text)
        return d.iso if d else None

    def text(self, body: list[Block], lang: str, original: str | None) -> etree._Element:
        kind = "translation" if original and original != lang else "original"
        container = el("div", type=kind)
        item_re = re.compile(self.conv.document.item_pattern)
        current = container
        speaker: Person | None = None
        closer = self.closer
        for b in body:
            if b is closer:
                current.append(self.closer_el(b))
                continue
            m = item_re.match(b.text)
            if m:
                current = sub(container, "div", type="item", n=m.group(1))
                head = sub(current, "head", *self.inline(b, speech=False))
                head.set(XML_ID, content_id("h", b.text, self.ids))
                speaker = None
                continue
            if b is self.participants:
                sub(current, "p", *self.inline(b, speech=False), xml_id=content_id("p", b.text, self.ids))
                continue
            content, turn = self._content(b, speech=True, run=speaker)
            p = sub(current, "p", *content, xml_id=content_id("p", b.text, self.ids))
            if turn.opening is not None:
                speaker = turn.opening
            elif speaker is not None and turn.ends_run:
                # the speaker in the third person: a narrative paragraph, the statement is over
                self._unwrap_run(p)
                speaker = None
        return el("text", el("body", container), xml_lang=lang, type=kind)

    @staticmethod
    def _unwrap_run(p: etree._Element) -> None:
        """Remove the continuation `said` that wraps a whole paragraph."""
        if len(p) == 1 and p[0].get("prev") and not (p.text or "").strip():
            run = p[0]
            p.text = (p.text or "") + (run.text or "")
            for idx, child in enumerate(list(run)):
                p.insert(idx, child)
            p.remove(run)
            if len(p):
                p[-1].tail = (p[-1].tail or "") + (run.tail or "")
            else:
                p.text += run.tail or ""

    def closer_el(self, b: Block) -> etree._Element:
        text = b.text
        phrase = self._closer_phrase(text)
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
        return el("closer", *self.inline(b, speech=False, extra=extra))

    # --- inline ------------------------------------------------------------------

    def _marker_re(self) -> re.Pattern[str]:
        if self.style == "(":
            return re.compile(r"\((\d{1,3})\)")
        return re.compile(r"\[(\d{1,3})\]")

    def inline(self, b: Block, *, speech: bool, extra: list[Span] | None = None) -> list[object]:
        """Mixed content for a block: notes, brackets, mentions, quotations, reported speech."""
        return self._content(b, speech=speech, extra=extra)[0]

    def _content(
        self, b: Block, *, speech: bool, run: Person | None = None, extra: list[Span] | None = None
    ) -> tuple[list[object], Turn]:
        """Mixed content for a block and what it does to `run`, the statement running through it."""
        text = b.text
        spans: list[Span] = list(extra or [])
        markers = []
        for m in self._marker_re().finditer(text):
            n = m.group(1)
            if self.style == "(" and n not in self.notes_by_n and m.start() > 0 and text[m.start() - 1].isspace():
                continue  # a parenthesised number, not a marker
            if n not in self.notes_by_n:
                raise InputError(
                    self.source,
                    b.line_at(m.start()),
                    f"note marker {m.group(0)} has no note at the end of the text",
                    "input-note",
                )
            markers.append(m)
        skip = [(m.start(), m.end()) for m in markers] if self.style == "[" else []
        bracket_list = brackets(text, skip, b, self.source)
        deletions: dict[int, tuple[Note, str]] = {}  # bracket start -> (its note, the del's id)
        for m in markers:
            note = self.notes_by_n[m.group(1)]
            target = None
            before = next((br for br in bracket_list if br.end == m.start()), None)
            if before is not None and self._is_deletion(note):
                lo, hi = before.inner
                target = content_id("del", text[lo:hi], self.ids)
                deletions[before.start] = (note, target)
            spans.append(Span(m.start(), m.end(), "marker", self._note_maker(note, target), leaf=True))
        for bracket in bracket_list:
            spans.extend(self._bracket_spans(text, bracket, deletions.get(bracket.start), b))
        mentions = [
            mn
            for mn in self.persons.mentions(text)
            if not any(s.start <= mn.start < s.end for s in spans if s.kind == "marker")
        ]
        for mn in mentions:
            spans.append(Span(mn.start, mn.end, "persName", lambda p=mn.person: el("persName", ref=f"#{p.id}")))
        turn = Turn()
        if speech:
            speech_spans, turn = self._speech(text, mentions, bracket_list, run)
            spans.extend(speech_spans)
        return build(text, spans), turn

    def _is_deletion(self, note: Note) -> bool:
        low = note.text.lower()
        return any(phrase.lower() in low for phrase in self.conv.common.deletion_phrases)

    def _note_maker(self, note: Note, target: str | None):
        def make() -> etree._Element:
            if note.used:
                return el("ptr", target=f"#{note.id}", type="noteref")
            note.used = True
            note.id = f"note-{note.n}"
            self.ids.add(note.id)
            node = el("note", type=note.type, n=note.n, place="foot", xml_id=note.id)
            if target is not None:
                node.set("target", f"#{target}")
            if note.label:
                node.append(el("label", note.label))
                node[-1].tail = " "
            nb = Block(note.block.line + note.block.text.count("\n", 0, note.offset), note.text.split("\n"))
            # a note of several paragraphs keeps them as p; one paragraph stays inline
            paragraphs = note.text.split("\n\n")
            if len(paragraphs) == 1:
                append(node, *self._note_inline(nb))
            else:
                for para in paragraphs:
                    node.append(el("p", *self._note_inline(Block(nb.line, para.split("\n")))))
            return node

        return make

    def _note_inline(self, b: Block) -> list[object]:
        spans = [
            Span(mn.start, mn.end, "persName", lambda p=mn.person: el("persName", ref=f"#{p.id}"))
            for mn in self.persons.mentions(b.text)
        ]
        return build(b.text, spans)

    def _bracket_spans(self, text: str, bracket: Bracket, deletion: tuple[Note, str] | None, b: Block) -> list[Span]:
        lo, hi = bracket.inner
        inner = text[lo:hi]
        if deletion is not None:
            note, del_id = deletion
            hand = self._hand(note)
            return [
                Span(
                    bracket.start,
                    bracket.end,
                    "bracket",
                    lambda h=hand, i=del_id: el("del", rend="strikethrough", hand=h, xml_id=i),
                    lo,
                    hi,
                )
            ]
        code = re.compile(rf"(?:{self.conv.common.code_pattern})")
        before = re.search(r"(\S+)\s$", text[: bracket.start])
        if code.fullmatch(inner.strip()) and before and code.fullmatch(before.group(1)):
            term_id = content_id("term", before.group(1), self.ids)
            return [
                Span(before.start(1), before.end(1), "term", lambda t=term_id: el("term", xml_id=t)),
                Span(
                    bracket.start,
                    bracket.end,
                    "bracket",
                    lambda t=term_id: el("gloss", target=f"#{t}", resp=self._resp()),
                    lo,
                    hi,
                ),
            ]
        if not inner.strip():
            raise InputError(self.source, b.line_at(bracket.start), "empty brackets []", "input-bracket")
        if len(inner.split()) <= self.conv.common.supplied_max_words:
            return [
                Span(
                    bracket.start,
                    bracket.end,
                    "bracket",
                    lambda: el("supplied", reason=self.conv.common.supplied_reason, resp=self._resp()),
                    lo,
                    hi,
                )
            ]
        return [
            Span(
                bracket.start,
                bracket.end,
                "bracket",
                lambda: el("note", type="editorial", place="inline", resp=self._resp()),
                lo,
                hi,
            )
        ]

    def _resp(self) -> str | None:
        return f"#{self.translator}" if self.translator else None

    def _hand(self, note: Note) -> str | None:
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

    # --- speech ------------------------------------------------------------------

    def _verb_re(self) -> re.Pattern[str]:
        return _compile_verbs(self.conv)

    def _speech(
        self, text: str, mentions: list[Mention], bracket_list: list[Bracket], run: Person | None
    ) -> tuple[list[Span], Turn]:
        spans: list[Span] = []
        verb_re = self._verb_re()
        claimed: set[int] = set()  # quotation starts taken by an introduced direct speech
        quotes = quotations(text)
        opening = None
        for k, mn in enumerate(mentions):
            vm = verb_re.match(text, mn.end)
            if vm is None or text[mn.end : mn.end + 2] in ("'s", "’s"):
                continue
            lo, hi = _container(bracket_list, mn.start, len(text))
            start = vm.end()
            obj = _OBJECT_THAT.match(text, start)  # "informs the Presidium that …"
            if obj:
                start = obj.end()
            is_opening = self.statements and k == 0 and lo == 0 and self._only_titles(text[: mn.start])
            if start < len(text) and text[start] in OPENING_QUOTES:
                q = next((q for q in quotes if q[0] == start), None)
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
            if is_opening:
                opening = mn.person
        for qs, qe in quotes:
            if qs in claimed:
                continue
            lo, hi = _container(bracket_list, qs, len(text))
            sent = _sentence_start(text, qs, lo)
            before = [mn for mn in mentions if sent <= mn.start < qs]
            speaker = self._quote_speaker(text, before, verb_re)
            if speaker is not None:
                spans.append(Span(qs + 1, qe - 1, "said", lambda p=speaker: el("said", who=f"#{p.id}", direct="true")))
            else:
                spans.append(Span(qs + 1, qe - 1, "q", lambda: el("q")))
        # the speaker named outside brackets (an aside), or a paragraph that opens with a person, is
        # narrative: the statement is over
        opens_with_person = bool(mentions) and self._only_titles(text[: mentions[0].start])
        ends_run = run is not None and (
            opens_with_person
            or any(mn.person is run and _container(bracket_list, mn.start, len(text))[0] == 0 for mn in mentions)
        )
        if opening is None and run is not None and not ends_run:
            prev = self._run_id
            sid = self._run_part(text)
            spans.append(
                Span(
                    0,
                    len(text),
                    "speech-run",
                    lambda p=run, i=sid, v=prev: el("said", who=f"#{p.id}", direct="false", xml_id=i, prev=f"#{v}"),
                )
            )
        return spans, Turn(opening, ends_run)

    def _run_part(self, text: str) -> str:
        """Id of the next part of a speaker's statement; continuations point back with @prev."""
        self._run_id = content_id("said", text, self.ids)
        return self._run_id

    @staticmethod
    def _quote_speaker(text: str, before: list[Mention], verb_re: re.Pattern[str]) -> Person | None:
        for mn in reversed(before):
            if verb_re.match(text, mn.end) or text[mn.end : mn.end + 2] in ("'s", "’s"):
                return mn.person
        return before[-1].person if before else None

    def _only_titles(self, prefix: str) -> bool:
        words = prefix.split()
        titles = {t.lower() for t in self.conv.common.titles} | {"us", "u.s.", "soviet", "cuban", "the"}
        return all(w.lower() in titles or w.strip(",").lower() in titles for w in words) and len(words) <= 3


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


_OBJECT_THAT = re.compile(
    r"(?:(?:the|our|his|her|their|him|them|us|me|with|in)\b[^.;:!?\"“«]{0,30}?\s)?(?:that|que|dass)\s+"
)


def _container(bracket_list: list[Bracket], pos: int, length: int) -> tuple[int, int]:
    """The inner range of the innermost bracket around `pos`, or the whole paragraph."""
    best = (0, length)
    for b in bracket_list:
        lo, hi = b.inner
        if lo <= pos < hi and hi - lo <= best[1] - best[0]:
            best = (lo, hi)
    return best


def _is_terminator(text: str, i: int) -> bool:
    if text[i] not in ".!?":
        return False
    nxt = text[i + 1 : i + 2]
    if nxt and not (nxt.isspace() or nxt in "\"”»'’])["):
        return False
    if text[i] == ".":
        word = re.search(r"([\w.]+)$", text[:i])
        if word and ((len(word.group(1)) == 1 and word.group(1).isupper()) or word.group(1) in _ABBREVIATIONS):
            return False
    return True


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


__all__ = ["DESCRIPTION", "INITIALS", "NAME", "read", "sniff"]
