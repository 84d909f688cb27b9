"""Who a speaker label stands for: the participants of one document (`Cast`), learnt from what it says of
them (its title line, headnote and participants list), and the edition's conventions (offices, interview
roles, aliases, role words); see `Cast.resolve`. The labels themselves are found in `labels.py`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..model import Person, Station
from ..source.names import CAP_WORD, INITIAL, INITIALS, LOWER, UPPER, initials_compatible, initials_key
from ..tei import Ids, slug, unique_id
from .conventions import Conventions, not_names, places, places_lower
from .labels import OFFICE_NAME, PAREN, PARTICLES, SUFFIX, Label, anonymous, joined_prefixes, lexicon, normal_case
from .participants import role_named
from .persons import Persons

_NEXT_CAP = re.compile(rf"[ \t]+({CAP_WORD})(?![\w.])")

Speaker = Person | Station
# The role whose turns ask -> the role that answers them (see `Cast.learn_addressee`)
ASKING = {"interviewer": "interviewee"}
# The participant roles that are parts in the conversation itself, said after a name ("Jane Doe, interviewer").
CONVERSATION_PARTS = frozenset({"interviewer", "interviewee", "interpreter", "notetaker"})


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
    letters: dict[str, str] = field(default_factory=dict)  # "d" -> "interviewer" in Italian (`learn_letters`)

    def __post_init__(self) -> None:
        self.lexicon = lexicon(self.conventions)
        self._folded: tuple[int, int, dict[str, list[Person]]] = (0, 0, {})  # persons indexed, renames, index

    def _surnamed(self, key: str) -> list[Person]:
        """The persons whose folded surname is `key`, in order of discovery: looked up, not a scan of all the
        persons for every label (a parliament's record has hundreds of speakers and a hundred thousand turns);
        the persons added since the last look are indexed, all of them again after a surname changed."""
        indexed, renamed, index = self._folded
        people = self.persons.people
        if renamed != self.persons.renamed:
            indexed, index = 0, {}
        for p in people[indexed:]:
            index.setdefault(_fold(p.surname), []).append(p)
        self._folded = (len(people), self.persons.renamed, index)
        return index.get(key, [])

    # --- learning ----------------------------------------------------------------

    def learn_participant(self, segment: str, role: str | None = None) -> Person | None:
        """One entry of a participants list: `Secretary of State Dean Rusk`, `Robert S. McNamara,
        Secretary of Defense`, `The President`, `President Lyndon B. Johnson (LBJ)`, `Jane Doe (interviewer)`."""
        text = " ".join(segment.split()).strip(" ;,")
        if not _ENDS_WITH_INITIAL.search(text):
            text = text.rstrip(" .")  # the period that ends the entry, not an initial's ("ПАРУБІЙ А.В.")
        alias = None
        paren = PAREN.search(text)
        if paren:
            inner = paren.group(1).strip()
            text = (text[: paren.start()] + text[paren.end() :]).strip(" ,")
            found_role = role_named(inner, self.conventions)
            if found_role:
                role = role if role not in (None, "other") else found_role
            elif len(inner.split()) == 1:
                alias = inner
        text = SUFFIX.sub("", text)
        head, comma, tail = text.partition(",")
        part = self._part_named(tail) if comma and self._name_like(head) else None
        if part is not None:  # "Jane Doe, interviewer", "Jean Martin, intervieweur"
            text, role = head.strip(), role if role not in (None, "other") else part
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
            more = _NEXT_CAP.match(text, m.end())
            if more and more.group(1) not in not_names() and more.group(1) not in places():
                name = f"{name} {more.group(1)}"  # "Mr. Hector Hughes": the surname is the last of the words
            person = self._person(name, None)
            if person is not None:
                self._give_title(self._expand(m.group("office")), person)
        # an office with the name after it in parentheses: "the Soviet Ambassador (Dobrynin)"
        for m in OFFICE_NAME.finditer(text):
            person = self._person(m.group("name"), None)
            office = self.lexicon.office_re.search(m.group("before"))
            if person is not None and office is not None:
                self._give_title(self._expand(office.group("office")), person)

    def role_of(self, name: str) -> str | None:
        """The part of an interview a label's name stands for: `speaker_role`, or a letter `learn_letters` took."""
        return speaker_role(name, self.conventions) or self.letters.get(name.lower().removesuffix("."))

    def learn_letters(self, labels: list[str], lang: str) -> None:
        """The question and answer letters of the text's language (`answer_letters`: `D:`/`R:` in Italian, `F:`/`A:`
        in German) stand for the interviewer and the interviewee when the turns are labelled by both of them and
        by no other single letter."""
        pair = self.conventions.transcript.answer_letters.get(lang)
        letters = {name.removesuffix(".").strip() for name in labels}
        letters = {letter for letter in letters if len(letter) == 1}
        if pair is not None and letters == set(pair):
            question, answer = pair
            self.letters = {question.lower(): "interviewer", answer.lower(): "interviewee"}

    def learn_addressee(self, turns: Iterable[tuple[str, str]]) -> None:
        """The one person a questioner's turns address by name (`Q: Ms. Jones, how sure …`) answers them: an
        examination or interview whose list names no respondent learns it from the questions. `turns` are
        (label, words of the turn) pairs."""
        addressed = set()
        for label, words in turns:
            if self.role_of(label) not in ASKING:
                continue
            m = self.lexicon.titled_name.match(words.lstrip(" .…"))
            if m and words.lstrip(" .…")[m.end() : m.end() + 1] == ",":
                addressed.add(m.group(0))
        for asking, answering in ASKING.items():
            if len(addressed) == 1 and not self.roles.get(answering) and asking in _roles(self.conventions).values():
                self.learn_participant(addressed.pop(), role=answering)
                return

    def learn_subject(self, title: str) -> None:
        """The person a title says is interviewed or examined (`Deposition of John Park, 4 June 2003`)
        answers, when no one else is listed as answering."""
        if self.roles.get(ASKING["interviewer"]):
            return
        for phrase in self.conventions.transcript.interviewee_phrases:
            at = title.lower().find(phrase.lower() + " ")
            if at < 0:
                continue
            words = []
            for word in title[at + len(phrase) :].split("\n")[0].split():  # the name ends with its line
                if not _NAME_WORD.fullmatch(word.rstrip(",;:")):
                    break
                words.append(word.rstrip(",;:"))
                if word[-1] in ",;:":
                    break
            if words:
                self.learn_participant(" ".join(words), role=ASKING["interviewer"])
            return

    def names_someone(self, text: str) -> bool:
        """Whether a piece of a participants line is a person (`Secretary Rusk`, `The President`) rather
        than an apposition (`Secretary of Defense`, `Special Assistant to the President`)."""
        text = PAREN.sub("", text).strip()
        if self._part_named(text) is not None:  # "Eva Roth, Interviewerin": her part, not another person
            return False
        m = self.lexicon.office_re.match(text)
        if m:
            rest = text[m.end() :].strip()
            return (bool(rest) and self._name_like(rest)) or (not rest and text.lower().startswith("the "))
        return self._name_like(text)

    def _part_named(self, text: str) -> str | None:
        """The part in a conversation two words or fewer name after a participant's name (`interviewer`,
        `interprète`): a participant role (`participant_roles`) that is not an office or a rank."""
        text = text.strip(" .;")
        found = role_named(text, self.conventions) if 0 < len(text.split()) <= 2 else None
        return found if found in CONVERSATION_PARTS else None

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
        """Capitalised words and initials, after titles ("Dr. Anna Schmidt", "Asst. Sec. Vaughn")."""
        words = text.split()
        if words and not _INITIAL.fullmatch(words[-1]):
            words[-1] = words[-1].rstrip(".")  # the stop that ends a list
        words = self._untitled(words)
        return bool(words) and all(_NAME_WORD.fullmatch(w) for w in words)

    def _untitled(self, words: list[str]) -> list[str]:
        """A name's words without the titles, offices and abbreviations before it ("Dr.", "Deputy Under Secy.",
        "Präsidentin"); the last word stays."""
        while (
            len(words) > 1
            and words[0][:1].isupper()
            and (
                words[0].rstrip(".").lower() in self.lexicon.name_prefixes
                or words[0].lower() in self.lexicon.office_words
                or _ABBREVIATION.fullmatch(words[0])
            )
        ):
            words = words[1:]
        return words

    def _holds(self, role: str, person: Person) -> None:
        """`role` (an office, `The Prime Minister`, or the chair, `The Chair`) is held by `person`: a later label
        of the role alone is theirs."""
        role = " ".join(role.split()).strip(" :")
        office = self._office_of(role)
        if office is not None:
            self._give_title(office, person)
        unprefixed = " ".join(w for w in role.split() if w.rstrip(".").lower() not in self.lexicon.title_words)
        if unprefixed.lower() in self.lexicon.chairs and person not in self.roles.setdefault("chair", []):
            self.roles["chair"].append(person)

    def _give_title(self, office: str, person: Person) -> None:
        # "secretary of state" is also "secretary"; "under secretary of state" is "under secretary"
        for key in {office, office.split(" of ")[0]}:
            bearers = self.titles.setdefault(key, [])
            if person not in bearers:
                bearers.append(person)

    def _person(self, name: str, role: str | None) -> Person | None:
        """The person a written name stands for, added when new: `Dean Rusk`, `A.I. MIKOYAN`, `Davis`."""
        words = joined_prefixes([normal_case(w) for w in SUFFIX.sub("", name).replace(".", ". ").split()])
        words = [w for w in words if w]
        if len(words) > 1 and not _INITIAL.fullmatch(words[0]) and all(_INITIAL.fullmatch(w) for w in words[1:]):
            words = [*words[1:], words[0]]  # "ПЕТРЕНКО О.М.": the surname before the initials
        while words and words[0].rstrip(".").lower() in self.lexicon.title_words:
            words = words[1:]
        words = self._untitled(words)
        if len(words) > 2 and words[0] in self.lexicon.initial_like and not _INITIAL.fullmatch(words[1]):
            words = words[1:]  # "M. François-Noël Buffet": Monsieur before a given name, not an initial
        if not words or any(w[:1].islower() and w not in PARTICLES for w in words):
            return None  # a description ("Special Counsel to the President"), not a name
        if any(w.endswith(",") for w in words[:-1]):
            return None  # "Karl Weber, Dr. Anna Schmidt": a list of names, not one
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
        # "Präsidentin Dr. Rita Süssmuth": the office and the titles before the name are none of its forenames
        before = [w for w in words[:-1] if w.rstrip(".").lower() not in self.lexicon.name_prefixes]
        known = self._find(surname, before)
        if known is not None:
            if role and not known.role:
                known.role = role
            return known
        if all(_INITIAL.fullmatch(w) for w in before):
            return self.persons.add(surname, " ".join(before), role=role, form=" ".join(words) if before else None)
        return self.persons.add(surname, forenames=tuple(before), role=role, form=" ".join(words))

    def _find(self, surname: str, before: list[str]) -> Person | None:
        key = _fold(surname)
        same = self._surnamed(key)
        if not same:
            return None
        initials = "".join(w[0] for w in before if w[:1].isupper())
        fitting = [p for p in same if initials_compatible(p.key, initials)]
        return fitting[0] if len(fitting) == 1 else None

    # --- resolving ---------------------------------------------------------------

    def resolve(self, label: Label) -> tuple[Speaker | None, str]:
        """The speaker a label stands for, and how it was resolved (or why it was not)."""
        return _resolve(self, label)

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


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isalnum())


def assign_station_ids(stations: list[Station], taken: set[str] | Ids) -> None:
    for station in stations:
        sid = unique_id(slug(station.name), taken, "-station")
        taken.add(sid)
        station.id = sid


def speaker_role(name: str, conventions: Conventions) -> str | None:
    """The part of an interview or examination a label's name stands for (`Q`, `Q.`, `Interviewer`), or None."""
    roles, low = _roles(conventions), name.lower()
    return roles.get(low) or roles.get(low.removesuffix("."))


@cache
def _roles(conventions: Conventions) -> dict[str, str]:
    return {part.lower(): role for part, role in conventions.transcript.speaker_roles.items()}


def _resolve(cast: Cast, label: Label) -> tuple[Speaker | None, str]:
    """The speaker a label stands for, and how it was resolved (or why it was not)."""
    conv = cast.conventions
    name = " ".join(label.name.split())
    state = _OF_STATE.search(name)  # "Mr. SMITH of Ohio": the member, not his state (unless an office)
    if state and name.split()[0].rstrip(".").lower() in cast.lexicon.title_words and cast._office_of(name) is None:
        name = name[: state.start()]
    low = name.lower()
    for alias, target in conv.transcript.speaker_aliases.items():
        if alias.lower().rstrip(":") == low:
            person = cast._find_or_add(target)
            return (person, "alias table") if person else (None, f"the alias table's '{target}' is no name")
    if low in cast.aliases:
        return cast.aliases[low], "participants list"
    if anonymous(name, conv):
        return None, "the label names no one"
    if label.office:  # "M. le président.": an office, not a name
        bearers = cast.roles.get("chair", []) if label.office.lower() in cast.lexicon.chairs else []
        if len(bearers) == 1:
            return bearers[0], "the chair"
        return None, "the label names a role, not a person, and the text does not say who holds it"
    held = re.search(r"\(([^()]+)\)\s*:?$", label.text)  # "The Chair (Ms Rowe):": who holds the role
    holder = held.group(1).strip() if held else ""
    # "The Chair (Ms Rowe):", "The Minister of Health (Mr. Derek Walker-Smith):" (a forename the lists do not know)
    if (
        holder
        and not holder.isupper()
        and (cast.lexicon.titled_name.fullmatch(holder) or cast.lexicon.titled_label.fullmatch(holder + "."))
    ):
        person = cast._find_or_add(holder)
        if person is not None:
            cast._holds(label.text[: held.start()], person)
            return person, "the name after the role"
    role = cast.role_of(name)
    if role is not None:
        bearers = cast.roles.get(role, [])
        if len(bearers) == 1:
            return bearers[0], f"the {role}"
        return None, f"no single {role} is listed"
    if low in places_lower():
        return cast._station(normal_place(name)), "a place"
    words = joined_prefixes([normal_case(w) for w in name.split()])
    person = cast._named(words)
    if person is not None:
        return person, "name"
    acronym = re.sub(r"\W", "", name)
    if acronym.isupper() and 2 <= len(acronym) <= 4:
        matches = [p for p in cast.persons.people if _acronym(p) == acronym]
        if len(matches) == 1:
            return matches[0], "initials"
        known = conv.transcript.known_initials.get(acronym)
        if known is not None and not matches:
            person = cast._find_or_add(known)
            if person is not None:
                return person, "initials known to stand for one person"
    office = cast._office_of(name)
    if office is not None:
        bearers = cast.titles.get(office, [])
        if len(bearers) == 1:
            return bearers[0], f"the only {office}"
        if bearers:
            return None, f"'{office}' may be any of {', '.join(p.full_name() for p in bearers)}"
        return None, f"no participant is named as {office}"
    if len(acronym) == 1 and acronym.isupper():  # "K:" for the one participant whose surname is Kissinger
        matches = [p for p in cast.persons.people if p.surname[:1].upper() == acronym]
        if len(matches) == 1:
            return matches[0], "the initial of a participant's surname"
        if matches:
            return None, f"'{acronym}' may be any of {', '.join(p.full_name() for p in matches)}"
    if acronym.isupper() and len(acronym) <= 4 and not _WORD_LIKE.search(acronym):
        return None, "no participant has these initials"  # "LBJ", "MGB"; "MORO", "DOE" are read as names
    unprefixed = [w for w in name.split() if w.rstrip(".").lower() not in cast.lexicon.title_words]
    if unprefixed and all(w.rstrip(".:").lower() in cast.lexicon.roles for w in unprefixed):
        chair = " ".join(unprefixed).rstrip(".:").lower() in cast.lexicon.chairs
        bearers = cast.roles.get("chair", []) if chair else []
        if len(bearers) == 1:  # "ГОЛОВУЮЧИЙ.", "Vorsitzender:": the front matter says who chairs
            return bearers[0], "the chair"
        return None, "the label names a role, not a person, and the text does not say who holds it"
    person = cast._person(name, None)
    if person is not None:
        return person, "name"
    if _HAN_NAME.fullmatch(name):  # "李明": a name in Han characters, the surname first, kept whole
        person = cast.persons.add(name, form=name)
        if person is not None:
            return person, "name"
    return None, "the label is no name, office or place"


# A word of a name: initials, a capitalised word; the initial that may end an entry ("ПАРУБІЙ А.В.")
_NAME_WORD = re.compile(rf"{INITIALS}|{CAP_WORD}|[{UPPER}][\w'’-]+")
_INITIAL = re.compile(INITIAL)
_ENDS_WITH_INITIAL = re.compile(rf"(?:^|[\s.]){INITIAL}$")
# A title or office abbreviated with a full stop ("Asst.", "Sec.", "Secy."), before a name
_ABBREVIATION = re.compile(rf"[{UPPER}][{LOWER}]{{1,4}}\.")
# A vowel after the first letter: capitals that read as a word ("MORO", "DOE"), not initials ("LBJ")
_WORD_LIKE = re.compile(r"(?<=.)[AEIOUYÀ-ÖØ-ÝАЕЁИОУЫЭЮЯІЇЄ]", re.IGNORECASE)
# The state or constituency after a member's name: "of Ohio", "of New York"
_OF_STATE = re.compile(r" of [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?$")
_HAN_NAME = re.compile(r"[\u3400-\u9fff]{2,4}")


__all__ = ["Cast", "Speaker", "Station", "assign_station_ids", "normal_case"]
