"""Speaker labels: the label that opens a turn of a transcript, and the participant it stands for.

A label is found by its shape at the start of a paragraph, never by a document's wording:

- a short name-like phrase and a colon: `President:`, `Bundy:`, `Mr. Richard H. Davis:`, `SecState:`,
  `Santo Domingo:`, `THE PRESIDENT:`, `Q:`;
- a name in capitals, bare or with a period: `A.I. MIKOYAN expressed …`, `O. DORTICOS. We have …`;
- either may follow an opening quotation mark (`“LBJ: …`), as in notes that quote a meeting turn by turn.

A label resolves to a participant through what the document says of its participants (its title
line, headnote and participants list) and the edition's conventions; see `Cast.resolve`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache

from ..model import Person, Station
from ..source.marks import OPENING_QUOTES
from ..source.names import CAP_WORD, INITIAL, INITIALS, UPPER, initials_compatible, initials_key
from ..tei import slug, unique_id
from .conventions import Conventions, given_names, not_names, places
from .persons import Persons

_CONNECTORS = {"of", "the", "de", "del", "da", "di", "la", "le", "von", "van", "y", "and", "for", "to", "on"}
_TOKEN = rf"(?:{INITIAL}|[{UPPER}][\w'’.-]*|{'|'.join(sorted(_CONNECTORS))})"
_COLON = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+{_TOKEN}){{0,6}}?):(?=[ \t]|$)"
)
_LOOSE_COLON = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’-]*(?:[ \t]+[\w'’-]+){{0,2}}):(?=[ \t]|$)"
)
_CAPS_WORD = rf"(?:Mc|Mac)?[{UPPER}]{{2,}}(?:['’-][{UPPER}]+)*"
_CAPS = re.compile(
    rf"(?P<quote>[{OPENING_QUOTES}])?"
    rf"(?P<name>(?:{INITIALS}[ \t]?|(?:[{UPPER}]{{2,4}}\.[ \t]+))?{_CAPS_WORD}(?:[ \t]+(?:{_CAPS_WORD}|OF|DE))*"
    rf"(?:[ \t]+{INITIALS})?)"  # Russian and Ukrainian order: "ІВАНЧУК А.В."
    r"(?P<punct>[.:])?(?=[ \t]+\S)"
)
_PAREN = re.compile(r"\s*\(([^()]{1,40})\)")
_OFFICE_NAME = re.compile(rf"(?P<before>[^()]{{0,80}}?)\((?P<name>{CAP_WORD})\)")
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|Jnr|Snr)\.?(?=,|\s|$)|,?\s+(?:II|III|IV)(?=,|\s|$)")
_PARTICLES = {"de", "del", "da", "di", "la", "le", "von", "van", "y", "dos", "das", "du"}
_LEADING_TIME = re.compile(r"\((\d{1,2})[.:](\d{2})\)[ \t]+")


@dataclass(frozen=True)
class Label:
    """A speaker label at the start of a paragraph."""

    start: int  # where the label starts (after an opening quotation mark)
    end: int  # after the label, its colon or period included
    rest: int  # where the words of the turn begin
    text: str  # as written: "President:", "A.I. MIKOYAN", "O. DORTICOS."
    name: str  # without its punctuation: "President", "A.I. MIKOYAN"
    style: str  # colon | capitals
    quote: str  # the opening quotation mark before it, or ""
    bare: bool = False  # capitals without punctuation, followed by the (reported) speech
    lead: int = 0  # end of a time of day before the label ("(18:31) Santo Domingo: …"), or 0
    alias: str = ""  # the short label it announces: "McGeorge Bundy [hereafter McGB]:" -> "McGB"


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


def find_label(line: str, conventions: Conventions) -> Label | None:
    """The speaker label that opens `line`, if it has the shape of one."""
    time = _LEADING_TIME.match(line)
    lead = time.end() if time else 0
    announced = _lexicon(conventions).announced.match(line, lead)
    if announced and _colon_label_ok(announced.group("name"), conventions):
        label = _label(line, announced, "colon", lead=lead)
        return replace(label, alias=announced.group("alias").strip())
    m = _COLON.match(line, lead)
    if m and _colon_label_ok(m.group("name"), conventions):
        return _label(line, m, "colon", lead=lead)
    m = _LOOSE_COLON.match(line, lead)  # "Unidentified speaker:", "Several voices:"
    if m and _anonymous(m.group("name"), conventions):
        return _label(line, m, "colon", lead=lead)
    m = _CAPS.match(line, lead)
    if m:
        name = m.group("name")
        words = [w for w in re.split(r"[ \t]+", name) if w and not re.fullmatch(INITIALS, w)]
        surname = words[-1] if words else ""
        if not _is_caps(surname) or surname in ("OF", "DE"):
            return None
        punct = m.group("punct") or ("." if name.endswith(".") else None)
        after = line[m.end() :].lstrip()
        if punct is None and not (after[:1].islower()):
            return None  # "NATO is …" aside, bare capitals are followed by reported speech in lower case
        return _label(line, m, "capitals", bare=punct is None, lead=lead)
    m = _lexicon(conventions).titled_label.match(line, lead)
    if m:
        return _label(line, m, "titled", lead=lead)
    return None


def alone(line: str, conventions: Conventions) -> Label | None:
    """A label on a line of its own (Hansard: `Mr. Hector Hughes`, then the speech): a title and a name, or
    a title or office alone (`Mr. Speaker`, `The Chairman`), and nothing else."""
    text = line.strip()
    lexicon = _lexicon(conventions)
    m = (
        lexicon.titled_name.fullmatch(text)
        or lexicon.office_re.fullmatch(text)
        or lexicon.titled_label.fullmatch(text + ".")
    )
    if m is None or len(text.split()) > 6 or text.lower() in lexicon.fields:
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
    office_re: re.Pattern[str]  # an office or its abbreviation ("the Secretary of State", "SecState")
    titled_name: re.Pattern[str]  # an office, then a name ("President Johnson")
    # a title and a name in ordinary case, then a period: "M. François-Noël Buffet.", "Senator Doe."
    titled_label: re.Pattern[str]
    roles: frozenset[str]  # words that name a role, lower case ("speaker", "court")
    announced: re.Pattern[str]  # a label that announces its short form: "McGeorge Bundy [hereafter McGB]:"
    initial_like: frozenset[str]  # titles that look like an initial ("M.")


def _title_alt(conv: Conventions) -> str:
    """The titles that open a titled label ("Mr.", "M.", "Senator"), as a regex alternation."""
    titles = {*conv.common.titles, *(t for ts in conv.common.initial_like_titles.values() for t in ts)}
    forms = {t if t.endswith(".") else t + r"\.?" for t in titles if t[:1].isupper() and len(t) > 1}
    return "|".join(re.escape(t).replace(r"\\\.\?", r"\.?") for t in sorted(forms, key=len, reverse=True))


@cache
def _lexicon(conv: Conventions) -> _Lexicon:
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
    lexicon = _Lexicon(
        fields=frozenset(fields),
        label_titles=frozenset(label_titles | abbreviations | {"the"}),
        title_words=frozenset({t.lower().rstrip(".") for t in conv.common.titles} | abbreviations | {"the"}),
        not_names=frozenset(w.lower() for w in not_names()),
        anonymous=frozenset(w.lower() for w in conv.transcript.anonymous_speakers),
        offices=ordered,
        office_re=re.compile(rf"(?:the[ \t]+)?(?P<office>{office_alt}|{abbreviation_alt})\.?(?![\w-])", re.I),
        titled_name=re.compile(
            rf"(?<![\w])(?P<office>(?i:{office_alt}|{abbreviation_alt}))\.?[ \t]+(?P<name>{name})(?![\w])"
        ),
        titled_label=re.compile(
            rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>(?:{_title_alt(conv)})[ \t]+(?:{INITIALS}[ \t]?)?"
            rf"{CAP_WORD}(?:[ \t]+(?:{CAP_WORD}|de|du|von|van|der|la|le)){{0,3}})(?P<punct>\.)(?=[ \t]+\S|$)"
        ),
        roles=frozenset(r.lower() for r in conv.common.role_words),
        announced=re.compile(
            rf"(?P<quote>[{OPENING_QUOTES}])?(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+{_TOKEN}){{0,6}}?)[ \t]*"
            rf"\[(?i:{'|'.join(map(re.escape, conv.transcript.alias_phrases))})[ \t]+"
            r"(?P<alias>[^\]]{1,20})\]:(?=[ \t]|$)"
        ),
        initial_like=frozenset(t for ts in conv.common.initial_like_titles.values() for t in ts),
    )
    return lexicon


def _colon_label_ok(name: str, conventions: Conventions) -> bool:
    lexicon = _lexicon(conventions)
    if len(name) > 50 or any(ch.isdigit() for ch in name) or name.lower() in lexicon.fields:
        return False
    words = name.split()
    if any(w.lower() in _CONNECTORS for w in (words[0], words[-1])):
        return False
    # "In Moscow:", "But:": a function word opens no label; a title does ("President:", "The Secretary:")
    first = words[0].lower().rstrip(".")
    return not (
        first in lexicon.not_names
        and first not in lexicon.label_titles
        and name not in conventions.transcript.speaker_roles
    )


def _anonymous(name: str, conventions: Conventions) -> bool:
    return name.split()[0].lower() in _lexicon(conventions).anonymous


# --- the participants ------------------------------------------------------------------


Speaker = Person | Station


@dataclass
class Cast:
    """Who may speak in one document: persons with the titles and offices the document gives them."""

    conventions: Conventions
    persons: Persons
    titles: dict[str, list[Person]] = field(default_factory=dict)  # "secretary of state" -> [rusk]
    aliases: dict[str, Person] = field(default_factory=dict)  # "lbj" -> johnson (from "(LBJ)")
    roles: dict[str, list[Person]] = field(default_factory=dict)  # "interviewer" -> [...]
    stations: dict[str, Station] = field(default_factory=dict)
    vacant: set[str] = field(default_factory=set)  # titles listed without a name ("The President")

    def __post_init__(self) -> None:
        self.lexicon = _lexicon(self.conventions)

    # --- learning ----------------------------------------------------------------

    def learn_participant(self, segment: str, role: str | None = None) -> Person | None:
        """One entry of a participants list: `Secretary of State Dean Rusk`, `Robert S. McNamara,
        Secretary of Defense`, `The President`, `President Lyndon B. Johnson (LBJ)`, `Jane Doe (interviewer)`."""
        text = " ".join(segment.split()).strip(" .;,")
        alias = None
        paren = _PAREN.search(text)
        if paren:
            inner = paren.group(1).strip()
            text = (text[: paren.start()] + text[paren.end() :]).strip(" ,")
            roles = dict(self.conventions.common.participant_roles)
            found_role = next((r for phrase, r in roles.items() if phrase in inner.lower()), None)
            if found_role:
                role = role if role not in (None, "other") else found_role
            elif len(inner.split()) == 1:
                alias = inner
        text = _SUFFIX.sub("", text)
        office, name = self._split_office(text)
        person = self._person(name, role) if name else None
        if office:
            if person is not None:
                self._give_title(office, person)
            else:
                self.vacant.add(office)
        if person is not None and alias:
            self.aliases[alias.lower()] = person
        if person is not None and role:
            self.roles.setdefault(role, [])
            if person not in self.roles[role]:
                self.roles[role].append(person)
        return person

    def learn_text(self, text: str) -> None:
        """Office + name pairs in running text: the title line, a headnote (`President Johnson`)."""
        for m in self.lexicon.titled_name.finditer(text):
            name = m.group("name")
            if name.split()[0] in not_names() and len(name.split()) == 1:
                continue
            person = self._person(name, None)
            if person is not None:
                self._give_title(self._expand(m.group("office")), person)
        # an office with the name after it in parentheses: "the Soviet Ambassador (Dobrynin)"
        for m in _OFFICE_NAME.finditer(text):
            person = self._person(m.group("name"), None)
            office = self.lexicon.office_re.search(m.group("before"))
            if person is not None and office is not None:
                self._give_title(self._expand(office.group("office")), person)

    def names_someone(self, text: str) -> bool:
        """Whether a piece of a participants line is a person (`Secretary Rusk`, `The President`) rather
        than an apposition (`Secretary of Defense`, `Special Assistant to the President`)."""
        text = _PAREN.sub("", text).strip()
        m = self.lexicon.office_re.match(text)
        if m:
            rest = text[m.end() :].strip()
            return (bool(rest) and self._name_like(rest)) or (not rest and text.lower().startswith("the "))
        return self._name_like(text)

    def _split_office(self, text: str) -> tuple[str | None, str]:
        """(office, name) of a participant entry, the office before or after the name."""
        head, _, tail = text.partition(",")
        if tail.strip() and self._name_like(head):
            m = self.lexicon.office_re.match(tail.strip())
            return (self._expand(m.group("office")) if m else None), head.strip()
        m = self.lexicon.office_re.match(text)
        if m:
            rest = text[m.end() :].strip(" ,")
            return self._expand(m.group("office")), rest
        return None, text

    def _expand(self, office: str) -> str:
        abbreviations = {a.lower().rstrip("."): v for a, v in self.conventions.transcript.office_abbreviations.items()}
        key = office.lower().rstrip(".")
        return abbreviations.get(key, office).lower()

    def _name_like(self, text: str) -> bool:
        words = text.split()
        return bool(words) and all(re.fullmatch(rf"{INITIALS}|{CAP_WORD}|[{UPPER}][\w'’-]+", w) for w in words)

    def _give_title(self, office: str, person: Person) -> None:
        # "secretary of state" is also "secretary"; "under secretary of state" is "under secretary"
        for key in {office, office.split(" of ")[0]}:
            bearers = self.titles.setdefault(key, [])
            if person not in bearers:
                bearers.append(person)

    def _person(self, name: str, role: str | None) -> Person | None:
        """The person a written name stands for, added when new: `Dean Rusk`, `A.I. MIKOYAN`, `Davis`."""
        words = [normal_case(w) for w in _SUFFIX.sub("", name).replace(".", ". ").split()]
        words = [w for w in words if w]
        if len(words) > 1 and not re.fullmatch(INITIAL, words[0]) and all(re.fullmatch(INITIAL, w) for w in words[1:]):
            words = [*words[1:], words[0]]  # "ПЕТРЕНКО О.М.": the surname before the initials
        while words and words[0].rstrip(".").lower() in self.lexicon.title_words:
            words = words[1:]
        if len(words) > 2 and words[0] in self.lexicon.initial_like and not re.fullmatch(INITIAL, words[1]):
            words = words[1:]  # "M. François-Noël Buffet": Monsieur before a given name, not an initial
        if not words or any(w[:1].islower() and w not in _PARTICLES for w in words):
            return None  # a description ("Special Counsel to the President"), not a name
        surname = words[-1].rstrip(".,")
        if (
            not re.fullmatch(CAP_WORD, surname)
            or surname in not_names()
            or surname in places()
            or surname.lower() in self.lexicon.title_words
            or surname.lower() in self.lexicon.offices
            or surname.lower() in self.lexicon.roles
        ):
            return None
        before = words[:-1]
        known = self._find(surname, before)
        if known is not None:
            if role and not known.role:
                known.role = role
            return known
        if all(re.fullmatch(INITIAL, w) for w in before):
            return self.persons.add(surname, " ".join(before), role=role, form=" ".join(words) if before else None)
        return self.persons.add(surname, forenames=tuple(before), role=role, form=" ".join(words))

    def _find(self, surname: str, before: list[str]) -> Person | None:
        key = _fold(surname)
        same = [p for p in self.persons.people if _fold(p.surname) == key]
        if not same:
            return None
        initials = "".join(w[0] for w in before if w[:1].isupper())
        fitting = [p for p in same if initials_compatible(p.key, initials)]
        return fitting[0] if len(fitting) == 1 else None

    # --- resolving ---------------------------------------------------------------

    def resolve(self, label: Label) -> tuple[Speaker | None, str]:
        """The speaker a label stands for, and how it was resolved (or why it was not)."""
        conv = self.conventions
        name = " ".join(label.name.split())
        low = name.lower()
        for alias, target in conv.transcript.speaker_aliases.items():
            if alias.lower().rstrip(":") == low:
                person = self._find_or_add(target)
                return (person, "alias table") if person else (None, f"the alias table's '{target}' is no name")
        if low in self.aliases:
            return self.aliases[low], "participants list"
        if _anonymous(name, conv):
            return None, "the label names no one"
        for part, role in conv.transcript.speaker_roles.items():
            if part.lower() == low:
                bearers = self.roles.get(role, [])
                if len(bearers) == 1:
                    return bearers[0], f"the {role}"
                return None, f"no single {role} is listed"
        if low in {p.lower() for p in places()}:
            return self._station(normal_place(name)), "a place"
        words = [normal_case(w) for w in name.split()]
        person = self._named(words)
        if person is not None:
            return person, "name"
        acronym = re.sub(r"\W", "", name)
        if acronym.isupper() and 2 <= len(acronym) <= 4:
            matches = [p for p in self.persons.people if _acronym(p) == acronym]
            if len(matches) == 1:
                return matches[0], "initials"
        office = self._office_of(name)
        if office is not None:
            bearers = self.titles.get(office, [])
            if len(bearers) == 1:
                return bearers[0], f"the only {office}"
            if bearers:
                return None, f"'{office}' may be any of {', '.join(p.full_name() for p in bearers)}"
            return None, f"no participant is named as {office}"
        if len(acronym) == 1 and acronym.isupper():  # "K:" for the one participant whose surname is Kissinger
            matches = [p for p in self.persons.people if p.surname[:1].upper() == acronym]
            if len(matches) == 1:
                return matches[0], "the initial of a participant's surname"
            if matches:
                return None, f"'{acronym}' may be any of {', '.join(p.full_name() for p in matches)}"
        if acronym.isupper() and len(acronym) <= 4:
            return None, "no participant has these initials"
        unprefixed = [w for w in name.split() if w.rstrip(".").lower() not in self.lexicon.title_words]
        if unprefixed and all(w.rstrip(".:").lower() in self.lexicon.roles for w in unprefixed):
            return None, "the label names a role, not a person, and the text does not say who holds it"
        person = self._person(name, None)
        if person is not None:
            return person, "name"
        return None, "the label is no name, office or place"

    def _named(self, words: list[str]) -> Person | None:
        """A known person whose surname the label contains (with compatible initials or forenames)."""
        for i in range(len(words) - 1, -1, -1):
            word = words[i].rstrip(".,")
            if not re.fullmatch(CAP_WORD, word):
                continue
            person = self._find(word, [w for w in words[:i] if w.rstrip(".").lower() not in self.lexicon.title_words])
            if person is not None:
                return person
        return None

    def _office_of(self, name: str) -> str | None:
        m = self.lexicon.office_re.fullmatch(name.strip())
        return self._expand(m.group("office")) if m else None

    def _find_or_add(self, target: str) -> Person | None:
        words = target.split()
        return self._named(words) or self._person(target, None)

    def _station(self, name: str) -> Station:
        key = name.lower()
        if key not in self.stations:
            self.stations[key] = Station(name)
        return self.stations[key]


def normal_place(name: str) -> str:
    return " ".join(normal_case(w) for w in name.split())


def _acronym(person: Person) -> str:
    first = "".join(f[0] for f in person.forenames if f[:1].isupper()) or initials_key(person.initials)
    return (first + person.surname[:1]).upper()


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isalnum())


def assign_station_ids(stations: list[Station], taken: set[str]) -> None:
    for station in stations:
        sid = unique_id(slug(station.name), taken, "-station")
        taken.add(sid)
        station.id = sid


__all__ = ["Cast", "Label", "Speaker", "Station", "assign_station_ids", "find_label", "normal_case"]
