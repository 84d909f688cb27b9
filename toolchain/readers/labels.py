"""Speaker labels: the label that opens a turn of a transcript, found by its shape, never by a document's
wording:

- a short name-like phrase and a colon: `President:`, `Bundy:`, `Mr. Richard H. Davis:`, `SecState:`,
  `Santo Domingo:`, `THE PRESIDENT:`, `Q:`; one that announces its short form, `Jane Doe [hereafter JD]:`;
- a name in capitals, bare or with a period: `A.I. MIKOYAN expressed …`, `O. DORTICOS. We have …`,
  `ПЕТРЕНКО О.М. …`; a title and a name with a period: `M. Jean-Paul Martin. …`, `Senator Doe. …`;
- a title and a name alone on their line, the speech after it (Hansard): `Mr. Hector Hughes`;
- any of them may follow an opening quotation mark (`“LBJ: …`), as in notes that quote a meeting turn
  by turn, or a time of day (`(18:31) Santo Domingo: …`).

What a label stands for is `speakers.Cast.resolve`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from ..source.marks import OPENING_QUOTES
from ..source.names import CAP_WORD, INITIAL, INITIALS, UPPER
from .conventions import Conventions, given_names, not_names, places

_CONNECTORS = {"of", "the", "de", "del", "da", "di", "la", "le", "von", "van", "y", "and", "for", "to", "on"}
_TOKEN = rf"(?:{INITIAL}|[{UPPER}][\w'’.-]*|{'|'.join(sorted(_CONNECTORS))})"
# A blank the French write before a colon ("Q. :", "M. Dupont :"), a no-break one or not
_BEFORE_COLON = r"[ \t\u00a0\u202f]?"
_COLON = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+{_TOKEN}){{0,6}}?)"
    # "Dr. Adenauer, Bundeskanzler:": the office after a comma, a capitalised word or three
    rf"(?:,[ \t]+(?P<office>[{UPPER}][\w'’.-]*(?:[ \t]+{_TOKEN}){{0,3}}?))?"
    # "Jane Morton (LAB):", "Mr. GARCIA (Cuba) (interpretation from Spanish):": the party, country or
    # language after
    rf"(?:[ \t]+\((?P<party>[^()]{{1,60}})\)){{0,2}}{_BEFORE_COLON}:(?=[ \t]|$)"
)
# The number of a turn in a verbatim record before its label ("01.01 Jane Morton (LAB): …")
_TURN_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3}){1,3}[ \t]+")
_LOOSE_COLON = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’-]*(?:[ \t]+[\w'’-]+){{0,2}}){_BEFORE_COLON}:(?=[ \t]|$)"
)
_LOOSE_PERIOD = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’-]*(?:[ \t]+[\w'’.-]+){{1,8}}?)\.(?=[ \t]+\S)"
)
# A label in Chinese or Japanese: a name of Han characters and a colon, full-width or not ("李明：")
_CJK_COLON = re.compile(r"(?P<quote>)(?P<name>[\u3400-\u9fff]{1,6})[：:][ \t\u3000]*(?=\S)")
# A name in capitals and its office or medium after a comma ("JANE DOE, BBC REPORTER:")
_CAPS_ROLE_COLON = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][{UPPER}'’.-]+(?:[ \t]+[{UPPER}][{UPPER}'’.-]*){{0,3}}),"
    rf"[ \t]+(?P<role>[{UPPER}][{UPPER}\d&'’. -]{{1,40}}):(?=[ \t]|$)"
)
# The parts of an examination or interview without a colon: "Q Please state your name." / "A John Park."
# "Q." / "A" before the words, a bracket ("A. [inaudible]"), a quotation mark, a dash or a number
_QA = re.compile(r"(?P<quote>)(?P<name>Q|A)(?:\.|[ \t]+[-–—](?=[ \t]))?(?=[ \t]+(?:[^\W_]|[\[(\"“‘'«„—–…-]))")
_CAPS_WORD = rf"(?:Mc|Mac)?[{UPPER}]{{2,}}(?:['’-][{UPPER}]+)*"
# An office in capitals after "The", then a period: "The CHAIRMAN.", "The PRESIDING OFFICER." (the style of
# the Congressional Record and of hearings)
_THE_OFFICE = re.compile(
    rf"(?P<quote>)(?P<name>The[ \t]+{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}})\.(?=[ \t]+[{UPPER}\"“«(])"
)
# A name in capitals, its office after a comma, then a period: "MORO, Presidente del Consiglio dei ministri."
_CAPS_OFFICE = re.compile(
    rf"(?P<quote>)(?P<name>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,2}}),[ \t]+"
    rf"(?P<office>[{UPPER}][\w'’-]*(?:[ \t]+[\w'’-]+){{0,7}}?)\.(?=[ \t]+[{UPPER}\"“«(])"
)
_CAPS = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?"
    rf"(?P<name>(?:{INITIALS}[ \t]?|(?:[{UPPER}]{{2,4}}\.[ \t]+))?{_CAPS_WORD}(?:[ \t]+(?:{_CAPS_WORD}|OF|DE))*"
    rf"(?:[ \t]+{INITIALS})?)"  # Russian and Ukrainian order: "ІВАНЧУК А.В."
    r"(?P<punct>[.:])?(?=[ \t]+\S)"
)
PAREN = re.compile(r"\s*\(([^()]{1,40})\)")
OFFICE_NAME = re.compile(rf"(?P<before>[^()]{{0,80}}?)\((?P<name>{CAP_WORD})\)")
SUFFIX = re.compile(r",?\s+(?:Jr|Sr|Jnr|Snr)\.?(?=,|\s|$)|,?\s+(?:II|III|IV)(?=,|\s|$)")
PARTICLES = {"de", "del", "da", "di", "la", "le", "von", "van", "y", "dos", "das", "du"}
OMISSION = re.compile(r"(?:\.[ \t]?){2}\.|…")
# Before a label: a time of day ("(18:31) Santo Domingo: …"), a recording time ("[00:14:50]") or an omission
# (". . . Q: …")
_LEADING_TIME = re.compile(
    rf"(?:\((\d{{1,2}})[.:](\d{{2}})(?::\d{{2}})?\)|\[\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]|{OMISSION.pattern})[ \t]+"
)


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker label at the start of a paragraph."""

    start: int  # where the label starts (after an opening quotation mark)
    end: int  # after the label, its colon or period included
    rest: int  # where the words of the turn begin
    text: str  # as written: "President:", "A.I. MIKOYAN", "O. DORTICOS."
    name: str  # without its punctuation: "President", "A.I. MIKOYAN"
    style: str  # colon | capitals | titled | alone | alone-caps | qa
    quote: str  # the opening quotation mark before it, or ""
    bare: bool = False  # capitals without punctuation, followed by the (reported) speech
    lead: int = 0  # end of a time of day or an omission before the label ("(18:31) Santo Domingo: …"), or 0
    alias: str = ""  # the short label it announces: "McGeorge Bundy [hereafter McGB]:" -> "McGB"
    office: str = ""  # the office a role label names: "M. le président." -> "président"


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def normal_case(word: str) -> str:
    """A word in capitals as a name is usually written: MIKOYAN → Mikoyan, McNAMARA → McNamara."""
    if not _is_caps(word.replace("Mc", "MC").replace("Mac", "MAC")):
        return word
    low = word.lower()
    for prefix in ("mc", "mac"):
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            return prefix.capitalize() + low[len(prefix) :].capitalize()
    return "-".join(part.capitalize() for part in low.split("-"))


def joined_prefixes(words: list[str]) -> list[str]:
    """A surname prefix written apart joined to the name it begins: `MC CALL` → McCall."""
    out: list[str] = []
    for w in words:
        if out and out[-1] in ("Mc", "Mac") and w[:1].isupper():
            out[-1] += w
        else:
            out.append(w)
    return out


# The labels found in the lines of the document being read: its readers' sniffing and the reader that
# takes it look at the same lines (`reading_one`).
_FOUND: dict[tuple[str, int], Label | None] | None = None
FOUND_KEPT = 10_000


@contextmanager
def reading_one() -> Iterator[None]:
    """While one text is sniffed and read, each line's label is found once."""
    global _FOUND
    outer, _FOUND = _FOUND, {}
    try:
        yield
    finally:
        _FOUND = outer


def find_label(line: str, conventions: Conventions) -> Label | None:
    """The speaker label that opens `line`, if it has the shape of one; a turn's number before it belongs to
    the label as written (`01.01 Jane Morton (LAB):`)."""
    if _FOUND is None:
        return _label_of(line, conventions)
    key = (line, id(conventions))
    if key not in _FOUND:
        if len(_FOUND) >= FOUND_KEPT:  # a long text: its lines are not all kept (the sniffed sample is less)
            _FOUND.clear()
        _FOUND[key] = _label_of(line, conventions)
    return _FOUND[key]


# A label in bold, as a web page copied as text writes it: "**Smith:** …", "**Smith**: …"
_BOLD_LABEL = re.compile(r"(\s*)\*\*([^*\n]{1,60}?)(?:(:)\*\*|\*\*(:))")


def _unbolded(line: str) -> str:
    """The line with the bold markers of a label at its start blanked out (the offsets stay those of the line):
    "**Smith:** We began" reads as "  Smith:   We began"."""
    m = _BOLD_LABEL.match(line)
    if m is None:
        return line
    return f"{m.group(1)}  {m.group(2)}:  " + line[m.end() :]


def _label_of(line: str, conventions: Conventions) -> Label | None:
    if line.lstrip().startswith("**"):  # the label's offsets in the line as written, its bold markers dropped
        masked = _unbolded(line)
        k = len(masked) - len(masked.lstrip(" "))
        found = _label_of(masked[k:], conventions) if masked != line else None
        if found is None:
            return None
        return replace(found, start=found.start + k, end=found.end + k, rest=found.rest + k)
    number = _TURN_NUMBER.match(line)
    if number:
        found = _find_label(line[number.end() :], conventions)
        if found is None or found.style != "colon":
            return None
        n = number.end()
        return replace(found, start=0, end=found.end + n, rest=found.rest + n, text=line[: found.end + n])
    return _find_label(line, conventions)


def _find_label(line: str, conventions: Conventions) -> Label | None:
    time = _LEADING_TIME.match(line)
    lead = time.end() if time else 0
    announced = lexicon(conventions).announced.match(line, lead)
    if announced and _colon_label_ok(announced.group("name"), conventions):
        label = _label(line, announced, "colon", lead=lead)
        return replace(label, alias=announced.group("alias").strip())
    m = _COLON.match(line, lead)
    if m and (_colon_label_ok(m.group("name"), conventions) or _role_speaking(line, m, conventions)):
        return _label(line, m, "colon", lead=lead)
    m = _LOOSE_COLON.match(line, lead)  # "Unidentified speaker:", "Several voices:"
    if m and anonymous(m.group("name"), conventions):
        return _label(line, m, "colon", lead=lead)
    for pattern in (_CAPS_ROLE_COLON, _CJK_COLON):  # "JANE DOE, BBC REPORTER:", "李明："
        m = pattern.match(line, lead)
        if m:
            return _label(line, m, "colon", lead=lead)
    m = _QA.match(line, lead)
    if m and m.group("name") in conventions.transcript.speaker_roles:
        return _label(line, m, "qa", lead=lead)
    m = _LOOSE_PERIOD.match(line, lead)  # "Un sénateur du groupe socialiste. C'est …"
    if m and collective(m.group("name"), conventions):
        return _label(line, m, "titled", lead=lead)
    m = _CAPS.match(line, lead)
    if m:
        name = m.group("name")
        words = [w for w in re.split(r"[ \t]+", name) if w and not re.fullmatch(INITIALS, w)]
        surname = words[-1] if words else ""
        if not _is_caps(surname) or surname in ("OF", "DE"):
            return None
        punct = m.group("punct") or ("." if name.endswith(".") else None)
        after = line[m.end() :].lstrip()
        remark = re.match(r"\((?=[^\W\d_])(?=\w)[^()]*\)", after)  # "ГОРБАЧЕВ (кратко информирует …)."
        if punct is None and remark and after[1:2].islower():
            return _label(line, m, "capitals", lead=lead)
        if punct is None and not (after[:1].islower()):
            return None  # "NATO is …" aside, bare capitals are followed by reported speech in lower case
        return _label(line, m, "capitals", bare=punct is None, lead=lead)
    lex = lexicon(conventions)
    for pattern, style in (
        (lex.titled_label, "titled"),  # "Senator DOE.", "M. Jean-Luc Morel."
        (lex.titled_role, "titled"),  # "M. le président."
        (_THE_OFFICE, "titled"),  # "The CHAIRMAN."
        (_CAPS_OFFICE, "titled"),  # "MORO, Presidente del Consiglio dei ministri."
        (lex.article_titled, "colon"),  # "El señor PRESIDENTE:"
    ):
        m = pattern.match(line, lead)
        if m:
            label = _label(line, m, style, lead=lead)
            groups = m.groupdict()
            if groups.get("role"):  # "M. le président.": an office, not a name
                label = replace(label, office=groups["role"])
            if groups.get("bare"):  # "El señor PRESIDENTE:": the name (or office) after the title
                label = replace(label, name=groups["bare"])
            return label
    return None


# A teleconference's heading: the station that sends, and the item it answers ("Washington Item 1.",
# "[Santo Domingo] Item 1.", "SecState Item 2"); the station is a place or one word in camel case.
_STATION_ITEM = re.compile(
    r"\[?(?P<name>[A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2}?)\]?[ \t]+(?:Item|Part|Message)[ \t]+\d+\]?\.?"
)
_CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+")
# A speaker's name or part in capitals on a line of its own, the speech below it ("CONSUL", "JANE DOE")
_CAPS_LINE = re.compile(rf"{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}}")


def alone(line: str, conventions: Conventions) -> Label | None:
    """A label on a line of its own (Hansard: `Mr. Hector Hughes`, then the speech): a title and a name, or
    a title or office alone (`Mr. Speaker`, `The Chairman`), or a station and its item (`Washington Item 1.`),
    and nothing else."""
    text = line.strip()
    if len(text.split(maxsplit=7)) > 6:  # no label of any of these shapes has more words
        return None
    if _CAPS_LINE.fullmatch(text) and text.lower() not in lexicon(conventions).markings:
        start = line.index(text)  # "CONSUL", the speech on the lines below (kept only where labels recur)
        return Label(start, start + len(text), start + len(text), text, text, "alone-caps", "")
    station = _STATION_ITEM.fullmatch(text)
    if station and (station.group("name") in places() or _CAMEL.fullmatch(station.group("name"))):
        start = line.index(text)
        return Label(start, start + len(text), start + len(text), text, station.group("name"), "alone", "")
    lex = lexicon(conventions)
    m = lex.titled_name.fullmatch(text) or lex.office_re.fullmatch(text) or lex.titled_label.fullmatch(text + ".")
    if m is None or text.lower() in lex.fields:
        return None
    start = line.index(text)
    end = start + len(text)
    return Label(start, end, end, text, text, "alone", "")


def _label(line: str, m: re.Match[str], style: str, bare: bool = False, lead: int = 0) -> Label:
    rest = m.end()
    while rest < len(line) and line[rest] in " \t":
        rest += 1
    quote = m.group("quote") or ""
    start = m.start("name")
    return Label(start, m.end(), rest, line[start : m.end()], m.group("name"), style, quote, bare, lead)


@dataclass(frozen=True)
class _Lexicon:
    """What the label rules need of one set of conventions, derived once."""

    fields: frozenset[str]  # labels of fields and notes: never a speaker ("Source", "Subject")
    label_titles: frozenset[str]  # words of titles and offices: they may open a label ("The Secretary:")
    title_words: frozenset[str]  # titles and abbreviations that stand before a name ("Mr", "Amb")
    not_names: frozenset[str]  # function words, lower case
    anonymous: frozenset[str]
    offices: tuple[str, ...]  # every office and title, longest first
    office_words: frozenset[str]  # the words of the offices, as written there ("under", "secretary")
    office_re: re.Pattern[str]  # an office or its abbreviation ("the Secretary of State", "SecState")
    titled_name: re.Pattern[str]  # an office, then a name ("President Johnson")
    # a title and a name in ordinary case, then a period: "M. François-Noël Buffet.", "Senator Doe."
    titled_label: re.Pattern[str]
    roles: frozenset[str]  # words that name a role, lower case ("speaker", "court")
    name_prefixes: frozenset[str]  # titles and role words: before a name, none of it ("dr", "präsidentin")
    announced: re.Pattern[str]  # a label that announces its short form: "McGeorge Bundy [hereafter McGB]:"
    initial_like: frozenset[str]  # titles that look like an initial ("M.")
    markings: frozenset[str]  # classification marks, lower case: never a label ("SECRET")
    collective: tuple[str, ...]  # voices from the floor, lower case ("un sénateur")
    chairs: frozenset[str]  # role labels that stand for whoever chairs, lower case ("головуючий")
    titled_role: re.Pattern[str]  # a title, an article and an office: "M. le président.", group "role"
    article_titled: re.Pattern[str]  # an article, a title, a name in capitals: "El señor PRESIDENTE:", group "bare"


def _title_alt(conv: Conventions) -> str:
    """The titles that open a titled label ("Mr.", "M.", "Senator"), as a regex alternation."""
    titles = {*conv.common.titles, *(t for ts in conv.common.initial_like_titles.values() for t in ts)}
    forms = {t if t.endswith(".") else t + r"\.?" for t in titles if t[:1].isupper() and len(t) > 1}
    return "|".join(re.escape(t).replace(r"\\\.\?", r"\.?") for t in sorted(forms, key=len, reverse=True))


@cache
def lexicon(conv: Conventions) -> _Lexicon:
    """What the label rules and the cast need of one set of conventions, derived once."""
    fields = {
        f.lower()
        for f in (*conv.transcript.front_fields, *conv.common.header_fields, *conv.common.participants_prefixes)
    }
    fields |= {
        f.lower()
        for f in (
            *conv.common.note_labels,
            *conv.bilingual.note_block_labels,
            *conv.common.source_labels,
            *conv.common.notes_headings,
        )
    }
    label_titles = {w.lower().rstrip(".") for t in (*conv.common.titles, *conv.transcript.offices) for w in t.split()}
    abbreviations = {a.lower().rstrip(".") for a in conv.transcript.office_abbreviations}
    offices = {o.lower() for o in conv.transcript.offices} | {t.lower().rstrip(".") for t in conv.common.titles}
    offices |= {v.lower() for v in conv.transcript.office_abbreviations.values()}
    ordered = tuple(sorted(offices, key=len, reverse=True))
    office_alt = "|".join(re.escape(o) for o in ordered)
    abbreviation_alt = "|".join(
        re.escape(a) for a in sorted(conv.transcript.office_abbreviations, key=len, reverse=True)
    )
    given = "|".join(re.escape(g) for g in sorted(given_names(), key=len, reverse=True))
    name = rf"(?:(?:{given}|{INITIAL})[ \t]?)*(?:{INITIAL}[ \t]?)*{CAP_WORD}"
    articles = "|".join(
        re.escape(a) + ("" if a[-1] in "'’" else r"(?=[ \t])") for a in sorted(conv.transcript.role_articles, key=len)
    )
    title_words = frozenset({t.lower().rstrip(".") for t in conv.common.titles} | abbreviations | {"the"})
    roles = frozenset(r.lower() for r in conv.common.role_words)
    out = _Lexicon(
        fields=frozenset(fields),
        label_titles=frozenset(label_titles | abbreviations | {"the"}),
        title_words=title_words,
        not_names=frozenset(w.lower() for w in not_names()),
        anonymous=frozenset(w.lower() for w in conv.transcript.anonymous_speakers),
        offices=ordered,
        office_words=frozenset(w for office in ordered for w in office.split()),
        office_re=re.compile(rf"(?:the[ \t]+)?(?P<office>{office_alt}|{abbreviation_alt})\.?(?![\w-])", re.I),
        titled_name=re.compile(
            rf"(?<![\w])(?P<office>(?i:{office_alt}|{abbreviation_alt}))\.?[ \t]+(?P<name>{name})(?![\w])"
        ),
        titled_label=re.compile(
            rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>(?:{_title_alt(conv)})[ \t]+(?:{INITIALS}[ \t]?)?"
            rf"(?:{CAP_WORD}|{_CAPS_WORD})(?:[ \t]+(?:{CAP_WORD}|{_CAPS_WORD}|de|du|von|van|der|la|le)){{0,3}}"
            rf"(?:[ \t]+of[ \t]+{CAP_WORD}(?:[ \t]+{CAP_WORD})?)?)"  # "Mr. SMITH of Ohio.": the member's state
            r"(?P<punct>\.)(?=[ \t]+\S|$)"
        ),
        roles=roles,
        name_prefixes=title_words | roles,
        announced=re.compile(
            rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+{_TOKEN}){{0,6}}?)[ \t]*"
            rf"\[(?i:{'|'.join(map(re.escape, conv.transcript.alias_phrases))})[ \t]+"
            r"(?P<alias>[^\]]{1,20})\]:(?=[ \t]|$)"
        ),
        initial_like=frozenset(t for ts in conv.common.initial_like_titles.values() for t in ts),
        markings=frozenset(m.lower() for m in conv.common.markings),
        collective=tuple(c.lower() for c in conv.transcript.collective_speakers),
        chairs=frozenset(c.lower() for c in conv.common.chair_labels),
        article_titled=re.compile(
            rf"(?P<quote>)(?P<name>(?i:{articles})[ \t]?(?i:{_title_alt(conv)})[ \t]+"
            rf"(?P<bare>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{0,3}})):(?=[ \t]|$)"
        ),
        titled_role=re.compile(
            rf"(?P<quote>)(?P<name>(?:{_title_alt(conv)})[ \t]+(?:{articles})[ \t]?"
            r"(?P<role>[^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){0,7}?))\.(?=[ \t]+[^\W\d_«\"(—–-]|[ \t]+[«\"(—–-]|$)"
        ),
    )
    return out


def _colon_label_ok(name: str, conventions: Conventions) -> bool:
    lex = lexicon(conventions)
    if len(name) > 50 or any(ch.isdigit() for ch in name) or name.lower() in lex.fields:
        return False
    words = name.split()
    second = words[1].lower().rstrip(".") if len(words) > 1 else ""
    titled = words[0].lower() == "the" and (second in lex.label_titles or second in lex.roles)
    if not titled and any(w.lower() in _CONNECTORS for w in (words[0], words[-1])):
        return False  # "In the House of:" no; "The President:", "The Chair:" yes
    # "In Moscow:", "But:": a function word opens no label; a title does ("President:", "The Secretary:")
    first = words[0].lower().rstrip(".")
    return not (
        first in lex.not_names and first not in lex.label_titles and name not in conventions.transcript.speaker_roles
    )


def _role_speaking(line: str, m: re.Match[str], conventions: Conventions) -> bool:
    """Whether a part in an interview that is also a field of the front matter (`Interviewer:`) speaks here:
    its words are not a name (`Interviewer: Jane Doe` is the field; `Interviewer: When did you arrive?` a
    turn)."""
    if m.group("name") not in conventions.transcript.speaker_roles:
        return False
    words = line[m.end() :].split()
    # a sentence: it ends as one and has words in lower case besides those of a name ("Jane Doe of the …")
    lower = [w for w in words if w[:1].islower() and w.lower() not in _CONNECTORS]
    return bool(words) and words[-1][-1:] in ".?!…" and bool(lower)


def anonymous(name: str, conventions: Conventions) -> bool:
    """A label that names no one: `Unidentified speaker`, `Un sénateur du groupe socialiste`."""
    return name.split()[0].lower() in lexicon(conventions).anonymous or collective(name, conventions)


@lru_cache(maxsize=4096)
def collective(name: str, conventions: Conventions) -> bool:
    """A label for several speakers or one unnamed among them (`Several voices`), as the lexicon lists them;
    asked once per label and conventions (a long transcript asks for every turn)."""
    low = name.lower()
    return any(low == c or low.startswith(c + " ") for c in lexicon(conventions).collective)


# --- the participants ------------------------------------------------------------------
