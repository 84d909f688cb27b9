"""The front matter of a document, for every reader: header fields, title, date line, citation,
responsibility, languages, participants line and closing line.

A header field is a line that is a label of `Conventions.common.header_fields` and a colon (`Citation:`),
its value on the same line or in the paragraphs up to the next label. Before the first label stand the date
line, a `**bold title**` and preamble lines. The citation gives a quoted title, a date, a publisher, an
archive and call number, a URL and statements of responsibility (`Translated by …`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from ..model import Citation, Manuscript, Meta, Person, Resp
from ..source.blocks import Block, Blocks, start_of
from ..source.dates import find_date
from ..source.marks import quoted_title
from ..tei import slug, unique_id
from . import notes as notes_mod
from .context import Context
from .conventions import Conventions, not_names

# Lines after an empty `Contents:` that still belong to it ("Translation - English")
_CONTENTS_LINE = re.compile(r"(?:Original|Translation|Transcript|Transcription|Scan)[\w ]*(?:\s+-\s+[\w-]+)?")
_FUNDER = re.compile(r"(?:support|funding|grant|assistance)\s+(?:from|of|by)\s+(?:the\s+)?(.+?)\.?$")
# A period that ends a sentence (not the period of an initial)
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])\.(?:\s|$)")


@dataclass
class Header:
    date_line: Block | None = None
    title_blocks: list[Block] = field(default_factory=list)
    preamble: list[Block] = field(default_factory=list)
    fields: dict[str, tuple[str, list[Block]]] = field(default_factory=dict)  # role -> (label, value blocks)
    # a summary and a citation given without labels, kept in the text where they stand (an `argument`)
    argument: list[Block] = field(default_factory=list)

    def text(self, role: str) -> str:
        """A field's value, its paragraphs joined by spaces ("" when the field is not given)."""
        return " ".join(b.text for b in self.fields[role][1]) if role in self.fields else ""


def field_label(block: Block, conv: Conventions) -> tuple[str, str, str] | None:
    """(role, label, inline value) when the block opens with a header field label."""
    first = block.lines[0].strip()
    label, colon, value = first.partition(":")
    role = _field_roles(conv).get(label.lower()) if colon else None
    if role is None:
        return None
    if not value:
        return role, first, ""
    if value.startswith(" ") and len(block.lines) == 1:
        return role, first[: len(label) + 1], value[1:]
    return None


@cache
def _field_roles(conv: Conventions) -> dict[str, str]:
    return {label.lower(): role for label, role in conv.common.header_fields.items()}


def layout(bs: list[Block], ctx: Context) -> tuple[Header, list[Block], list[Block]]:
    """Split a document page's blocks into header, body and notes."""
    header = Header()
    labels = [i for i, b in enumerate(bs) if field_label(b, ctx.conv)]
    first_label = labels[0] if labels else None
    # preamble: blocks before the first label (or the leading date/title when there is none)
    end_preamble = first_label if first_label is not None else 0
    if first_label is None:
        for b in bs[:3]:
            if find_date(b.text, whole=True) or b.text.lstrip().startswith("**"):
                end_preamble += 1
            else:
                break
        cited = unlabelled_citation(bs)
        if cited is not None and cited >= end_preamble:  # date, summary, "Title," date, …: the citation
            header.argument = bs[end_preamble : cited + 1]
            header.fields["citation"] = ("", [bs[cited]])
            said = "a paragraph that opens with a quoted title and a date is the citation"
            ctx.info(bs[cited].line, said, "citation")
    in_title = False
    for b in bs[:end_preamble]:
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
        role, label, inline_value = field_label(bs[i], ctx.conv)
        nxt = labels[k + 1] if k + 1 < len(labels) else None
        below = bs[i].lines[1:]  # "Summary:" with its text on the next line, no blank line between
        if inline_value or below:
            values = [Block(bs[i].line, [inline_value]) if inline_value else Block(bs[i].line + 1, below)]
            value_end = i + 1
            if nxt is not None:
                values += bs[i + 1 : nxt]
                value_end = nxt
        elif nxt is not None:
            values = bs[i + 1 : nxt]
            value_end = nxt
        else:
            values = bs[i + 1 : i + 2]
            value_end = i + 2
            if role == "contents":
                while value_end < len(bs) and _CONTENTS_LINE.fullmatch(bs[value_end].text.strip()):
                    values.append(bs[value_end])
                    value_end += 1
        if not values:  # "Citation:" and the next label at once: the field says nothing
            ctx.info(bs[i].line, f"field '{label}' is empty", "header-field")
            body_start = value_end
            continue
        if role in header.fields:
            ctx.warn(bs[i].line, f"field '{label}' given again; every copy is kept", "header-field")
            label, values = header.fields[role][0], header.fields[role][1] + values
        header.fields[role] = (label, values)
        body_start = value_end
    rest = bs[body_start:]
    notes_start = notes_mod.section_start(rest, ctx.conv)
    return header, rest[:notes_start], rest[notes_start:]


def title(header: Header) -> str | None:
    """The bold title, else the quoted title of the citation."""
    if header.title_blocks:
        raw = " ".join(" ".join(b.lines) for b in header.title_blocks)
        found = " ".join(raw.replace("**", "").split())
        if found:
            return found
    return citation_title(header)


# A title line: at most this many words, not a sentence of running text.
TITLE_MAX_WORDS = 40
# A note's number glued to the end of a title, after closing punctuation: "… 10:45 a.m.1", "… (Dobrynin)1"
GLUED_MARKER = re.compile(r"(?<=[.)\]”’\"])\d{1,2}$")
NUMBERED = re.compile(r"^\d{1,4}\.\s+(?=\S)")  # "121. Memorandum of a Conversation"


@dataclass
class Heading:
    """A title found in the first lines of a text that marks none: where it is and what it says."""

    block: Block
    line: int  # index of the line in the block
    title: str
    n: str | None = None  # the number before it ("121.")
    date: tuple[str | None, str] | None = None  # (as written, @when) of a date on the title line or the line before
    summary: list[Block] = field(default_factory=list)  # a summary before the date line ("…", date, title)
    date_line: Block | None = None  # the date alone on the line before

    @property
    def whole_block(self) -> bool:
        return len(self.block.lines) == 1


def heading(bs: list[Block], conv: Conventions) -> Heading | None:
    """The first line of the text that looks like a title: a short line that is not a date alone, page chrome
    or a classification, and does not run on as prose; a date before it (on its line or a line before) is
    its date, not its words. When that line is the page's title wrapping the document's (`《毛澤東文集》第七卷
    同蘇聯駐華大使尤金的談話`), the document's own below, over its date (`同蘇聯駐華大使尤金的談話[1]` /
    `(一九五八年七月二十二日)`)."""
    first, dated = _first_heading(bs, conv), _dated_heading(bs, conv)
    if dated is not None and (first is None or (dated.title in first.title and dated.title != first.title)):
        return dated
    return first


def _dated_heading(bs: list[Block], conv: Conventions) -> Heading | None:
    for at, b in enumerate(bs[:DATED_HEADING_WITHIN]):
        if len(b.lines) != 1 or at + 1 >= len(bs) or len(bs[at + 1].lines) != 1:
            continue
        below = bs[at + 1].text.strip().strip("()[]")
        date = find_date(below, whole=True)
        line = b.text.strip()
        title = notes_mod.marker_free(line)  # "…談話[1]": the note is on the title, not of it
        if date is None or len(date.iso) != 10 or is_chrome(line, conv) or find_date(line, whole=True):
            continue
        if len(title) < 6 or len(title.split()) > TITLE_MAX_WORDS or title.endswith((".", ",", ";", ":")):
            continue
        return Heading(b, 0, title, None, (None, date.iso))  # the date line stays in the text
    return None


# A title over its date is looked for in this many first blocks.
DATED_HEADING_WITHIN = 8


def _first_heading(bs: list[Block], conv: Conventions) -> Heading | None:
    date = None
    summary: list[Block] = []
    date_line = None
    for at, b in enumerate(bs[:6]):
        for k, raw in enumerate(b.lines[:3]):
            line = raw.strip().lstrip("•*·- ").strip()
            if not line or is_chrome(line, conv):
                continue
            whole = find_date(line, whole=True)
            if whole:
                date = (line, whole.iso)
                date_line = b if len(b.lines) == 1 else None
                continue
            sentence = len(line.split()) >= 8 and line.endswith((".", "!", "?"))
            if date is None and not summary and sentence and len(b.lines) == 1 and _dated_next(bs, at):
                summary = [b]  # an archive's page: its summary, the date line, then the title
                continue
            lead = find_date(line)
            if lead and lead.start == 0 and len(line[: lead.end].split()) <= 4:
                date = (line[: lead.end], lead.iso)
                line = line[lead.end :].strip(" ,.-–—:")
            number = NUMBERED.match(line)
            n = number.group(0).strip(" .") if number else None
            title = line[number.end() :] if number else line
            words = title.split()
            prose = (title.endswith((".", ",", ";", ":")) and len(words) > 25) or len(words) > TITLE_MAX_WORDS
            if not words or prose or (not title[:1].isupper() and not title[:1].isdigit()):
                return None
            if date is None:
                inner = find_date(title)
                date = (title[inner.start : inner.end], inner.iso) if inner and len(inner.iso) == 10 else None
            found = Heading(b, k, GLUED_MARKER.sub("", " ".join(words)), n, date or _date_after(bs, b, k))
            found.summary, found.date_line = (summary, date_line) if summary else ([], None)
            return found
    return None


def _dated_next(bs: list[Block], at: int) -> bool:
    """Whether the block after `at` is a date alone on its line."""
    return at + 1 < len(bs) and len(bs[at + 1].lines) == 1 and find_date(bs[at + 1].text, whole=True) is not None


def _date_after(bs: list[Block], b: Block, k: int) -> tuple[str, str] | None:
    """A full date on one of the short lines after a title ("Стенограма засідання 26 січня 2016")."""
    at = bs.index(b)
    following = b.lines[k + 1 :] + [x.lines[0] for x in bs[at + 1 : at + 3]]
    for line in following[:3]:
        found = find_date(line)
        if found and len(found.iso) == 10 and len(line.split()) <= 12:
            return line[found.start : found.end], found.iso
    return None


def is_chrome(line: str, conv: Conventions) -> bool:
    """A line of page chrome or a classification mark: never a title."""
    low = " ".join(line.casefold().split()).strip(" :•*·-")
    if any(low == m.casefold() for m in conv.common.markings):
        return True
    return _chrome(low, conv) is not None


def _chrome(low: str, conv: Conventions) -> str | None:
    """'whole' when the (folded) line is a chrome phrase, 'opens' when it opens with one, else None."""
    phrases, openers = _chrome_table(conv)
    if low in phrases:
        return "whole"
    return "opens" if low.startswith(openers) else None


@cache
def _chrome_table(conv: Conventions) -> tuple[frozenset[str], tuple[str, ...]]:
    phrases = [p.casefold().rstrip(" :") for p in conv.common.page_chrome]
    return frozenset(phrases), tuple(x for c in phrases for x in (c + " ", c + ":"))


# How like a known title the words must be (rapidfuzz's partial ratio, 0..100), in the first characters.
KNOWN_TITLE_SCORE = 90
KNOWN_TITLE_WITHIN = 400


def known_title(bs: list[Block], conv: Conventions) -> tuple[str, str, int] | None:
    """(title, as written, line) of the known document title (`Conventions.document_titles`) that the first
    characters of a text without a title line spell, however damaged (`Memorandum of Conversa on`)."""
    start = start_of(bs, KNOWN_TITLE_WITHIN)
    best = None
    for title in conv.common.document_titles:
        found = fuzz.partial_ratio_alignment(title.casefold(), start.casefold(), score_cutoff=KNOWN_TITLE_SCORE)
        if found is not None and (best is None or found.score > best[1].score):
            best = (title, found)
    if best is None:
        return None
    title, found = best
    written = start[found.dest_start : found.dest_end].strip()
    return title, written, bs[0].line_at(min(found.dest_start, len(bs[0].text)))


# A breadcrumb trail: three parts or more between > » › | (`Material > Dokumente > 1988 > …`).
_BREADCRUMB = re.compile(r"[^>»›|]+(?:\s[>»›|]\s[^>»›|]+){2,}")
# Chrome is looked for in the first and last blocks of a page only.
CHROME_TOP = 15
CHROME_BOTTOM = 5
# A line that opens with a chrome phrase is chrome when it is this short ("Download "…"").
CHROME_OPENS_WORDS = 6


# The number or bullet before a list's item.
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[•*·-])\s*")


def _breadcrumb(line: str) -> bool:
    """Whether a line is a breadcrumb trail: three items or more between separators (it has two of them)."""
    return sum(line.count(sign) for sign in ">»›|") >= 2 and _BREADCRUMB.fullmatch(line.strip()) is not None


def drop_chrome(bs: Blocks, ctx: Context) -> Blocks:
    """A page's blocks without its chrome (`Conventions.page_chrome`, breadcrumb trails, a breadcrumb list
    that opens with `Home`), in its first and last blocks; each line dropped is reported."""
    conv = ctx.conv
    homes = {h.casefold() for h in conv.common.breadcrumb_home}
    dropped = []
    for k in sorted({*range(min(CHROME_TOP, len(bs))), *range(max(0, len(bs) - CHROME_BOTTOM), len(bs))}):
        b = bs[k]
        if field_label(b, conv) is not None:
            continue  # a field label ("Citation:") is no chrome, though a title never is one either
        low = " ".join(b.text.casefold().split()).strip(" :•*·-")
        kind = _chrome(low, conv) if len(b.lines) == 1 else None
        items = [_LIST_MARK.sub("", line).strip() for line in b.lines] if len(b.lines) > 1 else []
        chrome = (
            kind == "whole"
            or (kind == "opens" and len(low.split()) <= CHROME_OPENS_WORDS)
            or (len(b.lines) == 1 and _breadcrumb(b.text))
            or (items and items[0].casefold() in homes and all(len(i.split()) <= 12 for i in items))
        )
        if not chrome:
            continue
        dropped.append(k)
        for i, line in enumerate(b.lines):
            ctx.warn(b.line + i, f"page chrome dropped: '{line.strip()}'", "page-chrome")
    return bs.without(dropped)


def split_run_fields(bs: list[Block], conv: Conventions) -> list[Block]:
    """Header fields run together in one block (a PDF export: `… Citation: … Summary: … Original Language:
    …`): a block holding two labels or more inside it is cut before each."""
    labels = sorted(conv.common.header_fields, key=len, reverse=True)
    inside = re.compile(rf"(?<=\S)\s+(?=(?:{'|'.join(re.escape(x) for x in labels)}):\s)")
    out: list[Block] = []
    for b in bs:
        text = " ".join(b.lines)
        cuts = [m.end() for m in inside.finditer(text)] if text.count(":") >= 2 else []
        if len(cuts) < 2:
            out.append(b)
            continue
        pieces = [text[i:j].strip() for i, j in zip([0, *cuts], [*cuts, len(text)], strict=True)]
        label, _, value = pieces[-1].partition(":")
        if conv.common.header_fields.get(label) == "contents":  # "Contents: English Translation Working Notes …"
            listed = _RUN_CONTENTS.match(value)
            if listed and value[listed.end() :].strip():
                pieces[-1:] = [f"{label}:{value[: listed.end()]}", value[listed.end() :].strip()]
        out.extend(Block(b.line, [piece]) for piece in pieces if piece)
    return out


# What a run-together `Contents:` field lists before the text goes on: "English Translation", "Scan of
# Original Document", "Original Transcription - Russian".
_RUN_CONTENTS = re.compile(
    r"(?:\s*(?:[A-Z][a-z]+\s+)?(?:Translation|Transcription|Transcript|Scan of Original Document|Original"
    r"(?:\s+Document)?|Scan)(?:\s+-\s+[A-Z][a-z]+)?)+"
)


def unlabelled_citation(bs: list[Block]) -> int | None:
    """The index of a citation given without its label among the first blocks: a paragraph that opens with
    a quoted title and goes on with a date (`"Soviet Record of …," November 01, 1962, History and …`)."""
    for k, b in enumerate(bs[:8]):
        text = b.text.strip()
        found = quoted_title(text)
        if found is None or found.start() > 1:
            continue
        date = find_date(text[found.end() :])
        if date is not None and date.start <= 3:
            return k
    return None


def citation_title(header: Header) -> str | None:
    """The title that opens the citation: in quotation marks, or (unquoted) the words before its date
    (`Letter from … to Fidel Castro, October 28, 1962, Wilson Center …`)."""
    if "citation" not in header.fields:
        return None
    text = " ".join(b.text for b in header.fields["citation"][1])
    m = quoted_title(text)
    if m:
        return m.group(1).rstrip(" ,;:")  # '"Soviet Record of …," November 01, 1962': the comma is the citation's
    return _unquoted_title(text)


def _unquoted_title(text: str) -> str | None:
    """The words before the first date of a citation, when they end with a comma and are few enough."""
    date = find_date(text)
    before = text[: date.start].rstrip() if date else ""
    if before.endswith(",") and 1 < len(before.split()) <= TITLE_MAX_WORDS:
        return " ".join(before.rstrip(",").split())
    return None


def languages(header: Header, ctx: Context) -> tuple[str | None, str | None]:
    """(the language of the text, the language of the original), as far as the page names them."""
    original = None
    if "original_language" in header.fields:
        name = header.text("original_language")
        original = ctx.conv.common.language_code(name)
        values = header.fields["original_language"][1]
        if original is None and name.strip() and values:  # an empty field says nothing
            message = f"unknown language '{name.strip()}': kept as written, without a language code"
            ctx.warn(values[0].line, message, "language")
    lang = None
    for b in header.fields.get("contents", ("", []))[1]:
        m = re.search(r"(?:Translation|Transcript|Transcription)\s+-\s+([\w-]+)", b.text)
        if m:
            lang = ctx.conv.common.language_code(m.group(1))
            break
    return lang, original


def funder(header: Header) -> str | None:
    m = _FUNDER.search(header.text("credits"))
    return m.group(1) if m else None


def field_notes(header: Header) -> list[tuple[str, str]]:
    """The notesStmt of a page: its preamble lines and the fields that are notes about it."""
    out = [("preamble", b.text) for b in header.preamble]
    for role in ("credits", "contents", "author", "keywords", "source"):
        if role in header.fields:
            out += [(role, b.text) for b in header.fields[role][1]]
    return out


# --- the citation and responsibility ---------------------------------------------------


def citation(header: Header, ctx: Context) -> tuple[Citation | None, list[Resp]]:
    """The citation with its parts (title, date, publisher, repository, call number, url), and the
    statements of responsibility it makes."""
    if "citation" not in header.fields:
        return None, []
    values = header.fields["citation"][1]
    text = " ".join(" ".join(b.lines) for b in values)
    out = Citation(text, values[0].line)
    rest = text
    m = re.search(r"<?(https?://[^\s>]+)>?\s*$", rest)
    if m:
        out.url = m.group(1)
        rest = rest[: m.start()]
    quoted = quoted_title(rest)
    rest = rest[quoted.end() :].lstrip(", ") if quoted else rest
    date = find_date(rest)
    unquoted = _unquoted_title(rest) if not quoted else None
    if unquoted is not None and date is not None:  # "Letter from … to Fidel Castro, October 28, 1962, …"
        rest = rest[date.start :]
        date = find_date(rest)
    if date and date.start < 3:
        out.date = date.iso
        rest = rest[date.end :].lstrip(", ")
    resp_re = _resp_pattern(ctx.conv)
    rm = resp_re.search(rest)
    biblio, resp = (rest[: rm.start()], rest[rm.start() :]) if rm else (rest, "")
    at = 0  # a full date is no publisher, archive or call number (a year may be a number of the call number)
    while (other := find_date(biblio[at:])) is not None:
        start, end = at + other.start, at + other.end
        biblio, at = (biblio[:start] + "," + biblio[end:], start + 1) if len(other.iso) == 10 else (biblio, end)
    parts = [p.strip() for p in biblio.strip().rstrip(".").split(",") if p.strip()]
    if parts:
        out.publisher = parts[0]
    if len(parts) > 1:
        out.repository = parts[1]
        out.idno = ", ".join(parts[2:]) or None
    out.marks = _marks(out, text)
    return out, responsibility(resp, ctx)


def _marks(cit: Citation, text: str) -> list[tuple[int, int, str]]:
    marks: list[tuple[int, int, str]] = []

    def mark(value: str | None, kind: str, start_at: int = 0) -> None:
        if value:
            i = text.find(value, start_at)
            if i >= 0 and not any(i < end and start < i + len(value) for start, end, _ in marks):  # disjoint
                marks.append((i, i + len(value), kind))

    m = quoted_title(text)
    if m:
        marks.append((m.start(1), m.end(1), "title"))
    off = m.end() if m else 0
    date = find_date(text[off:])
    if date and cit.date:
        marks.append((off + date.start, off + date.end, "date"))
    mark(cit.publisher, "publisher", off)
    if cit.repository:
        mark(cit.repository + (", " + cit.idno if cit.idno else ""), "archive")
    mark(cit.url, "url")
    return marks


def _resp_pattern(conv: Conventions) -> re.Pattern[str]:
    phrases = sorted(conv.common.resp_phrases, key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in phrases), re.IGNORECASE)


# A name or an organisation in a statement of responsibility: capitalised words, particles and initials between
# them, an organisation's parenthesised note after ("Vladislav M. Zubok (National Security Archive)").
_NAMED = re.compile(
    r"(?:[A-ZÀ-ÝА-Я][\w'’.-]*|de|du|von|van|der|la|le|of|the|for|and|y|da|di)"
    r"(?:\s+(?:[A-ZÀ-ÝА-Я][\w'’.-]*|de|du|von|van|der|la|le|of|the|for|and|y|da|di)){0,7}(?:\s*\([^()]*\))?"
)


def responsibility(text: str, ctx: Context) -> list[Resp]:
    """The statements of responsibility in `text` (`Translated by Jane Doe, The Archive, with assistance
    from John Roe`): each phrase, the persons it names (ids given here) and an organisation after them."""
    out: list[Resp] = []
    organisations = set(ctx.conv.common.organisation_words)
    matches = list(_resp_pattern(ctx.conv).finditer(text))
    for k, pm in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(text)
        scope = _SENTENCE_END.split(text[pm.end() : end], maxsplit=1)[0].strip(" ,.;")
        pieces = []
        for piece in (p.strip(" .") for p in re.split(r",\s*|\s+and\s+", scope) if p.strip(" .")):
            if not _NAMED.fullmatch(piece):
                break  # "obtained by NHK, provided to CWIHP, …": the statement ends where the names do
            pieces.append(piece)
        noted = [re.search(r"\s*\(([^()]*)\)$", p) for p in pieces]  # "Vladislav M. Zubok (National …)"
        pieces = [p[: m.start()] if m else p for p, m in zip(pieces, noted, strict=True)]
        orgs = [p for p in pieces if set(p.split()) & organisations or p.split()[0] in not_names() or p.isupper()]
        orgs += [m.group(1) for m in noted if m]
        for name in (p for p in pieces if p not in orgs):
            pid = unique_id(slug(name.split()[-1]), ctx.ids, "-resp")
            ctx.ids.add(pid)
            out.append(Resp(pm.group(0), name, pid, orgs[0] if orgs else None))
    return out


def translator(resp: list[Resp]) -> str | None:
    """The id of the first person named as a translator."""
    return next((r.id for r in resp if "translat" in r.phrase.lower()), None)


def meta(header: Header, title: str, citation: Citation | None, resp: list[Resp]) -> Meta:
    """What the front matter says of a document: title, responsibility, publication, notes, citation."""
    return Meta(
        title,
        resp=resp,
        funder=funder(header),
        publisher=citation.publisher if citation else None,
        url=citation.url if citation else None,
        notes=field_notes(header),
        citation=citation,
    )


def manuscript(
    header: Header, citation: Citation | None, hands: dict[str, Person], original: str | None
) -> Manuscript | None:
    """msDesc, when there is something to say of the original: its archive, its hands, its language (as
    the page writes it, with its code when it is a language known)."""
    named = " ".join(header.text("original_language").split())
    if not ((citation and citation.repository) or hands or original or named):
        return None
    repository = citation.repository if citation else None
    return Manuscript(
        repository=repository,
        idnos=[("callNumber", citation.idno)] if citation and repository and citation.idno else [],
        text_lang=named or None,
        main_lang=original,
        hands=hands,
    )


# --- closing lines ----------------------------------------------------


def closer_phrase(text: str, conv: Conventions) -> str | None:
    """The phrase that makes a line the closing line (`Notes taken by …`), if it opens with one."""
    for phrase in conv.common.closer_phrases:
        if text.strip().lower().startswith(phrase.lower()):
            return phrase
    return None


_DATE_FIELD = re.compile(r"\s*(?:Date|Dated|Datum|Дата|Fecha|Data)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)


def date_field(bs: list[Block]) -> tuple[str | None, str] | None:
    """The date of a memorandum's header line `DATE: 4 April 1968` (in its first blocks)."""
    for b in bs[:8]:
        for line in b.lines:
            m = _DATE_FIELD.match(line)
            found = find_date(m.group("value")) if m else None
            if found is not None and len(found.iso) == 10:
                return None, found.iso
    return None


# A place before a dateline's date: a few capitalised words and a comma ("Гавана,", "Berlin, den")
_DATELINE_PLACE = re.compile(r"[^\W\d_][\w.'’ -]{0,40}?,[ \t]+(?:den[ \t]+|le[ \t]+)?")


def dateline(bs: list[Block]) -> tuple[str | None, str] | None:
    """The full date of a dateline among a text's first blocks, on a line of its own, a place before it or
    not ("Гавана, 27 октября 1962 г." under "ШИФРТЕЛЕГРАММА"): the text's date when nothing before it
    says one."""
    for b in bs[:8]:
        for line in b.lines:
            line = line.strip()
            if len(line.split()) > DATELINE_MAX_WORDS:
                continue
            place = _DATELINE_PLACE.match(line)
            date = line[place.end() :] if place and not any(ch.isdigit() for ch in place.group(0)) else line
            found = find_date(date, whole=True)
            if found is not None and len(found.iso) == 10:
                return date, found.iso
    return None


# A dateline is a short line
DATELINE_MAX_WORDS = 8


def first_sentence_date(b: Block | None, ctx: Context) -> tuple[str | None, str] | None:
    """The full date in the first sentence of a paragraph ("On April 30, 1965, a meeting took place"), when
    nothing else dates the text; reported for review."""
    if b is None:
        return None
    sentence = re.split(r"(?<=[a-z)])\.\s", b.text, maxsplit=1)[0]
    found = find_date(sentence)
    if found is None or len(found.iso) != 10:
        return None
    message = f"the date is taken from the first sentence of the text ({found.iso}); please review"
    ctx.info(b.line, message, "date-headnote")
    return None, found.iso


def creation(
    candidates: list[tuple[str | None, str] | None], ctx: Context, looked: str
) -> tuple[str | None, str] | None:
    """The document's date: the first of `candidates` ((as written, @when), in the order a reader trusts
    them). A document without one has none, and the report says where the reader `looked`."""
    for found in candidates:
        if found is not None:
            return found
    ctx.warn(1, f"the {looked}; it is encoded without one", "input-date")
    return None
