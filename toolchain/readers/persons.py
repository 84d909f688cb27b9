"""Finding persons in transcripts and matching every later mention to one of them.

Discovery is driven by name shapes, never by a document's wording: initials + surname
(`A. K. Serov`), a title + surname (`President Kennedy`, `Cdes. Gromyko, Ponomarev, and Ilichev`),
a known given name + surname (`Vladimir Malin`). Once known, a person is matched by surname alone,
with possessives, and by bare initials where they are unique (`N. S. says`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from ..model import Mention, Person
from ..source.names import (
    CAP_WORD,
    INITIAL,
    INITIALS,
    LOWER,
    UPPER,
    allowed_edits,
    distance,
    initial_tokens,
    initials_key,
    key,
    norm_initials,
    same_surname,
    stems,
    surname_forms,
)
from ..source.scripts import is_cyrillic_char
from ..tei import slug, unique_id
from .conventions import Conventions, given_names, not_names, places

_INITIALS_SURNAME = re.compile(rf"(?<![\w.])({INITIALS})[ \t]?({CAP_WORD})(?![\w])")
_PATRONYMIC = re.compile(
    rf"(?<![\w.])({CAP_WORD})[ \t]+({CAP_WORD}(?:ovich|evich|ich|ovna|evna|ichna|itch|vitch))[ \t]+({CAP_WORD})(?!\w)"
)
_WORD_BEFORE = re.compile(rf"({CAP_WORD})[ \t]+$")
# The capitalised word after a name's first words: at a sentence's end too ("calls Mrs. Edith Vance."), not
# an abbreviation ("Sen.", "U.S.": a title part, or letters on after its full stop)
# A line that opens a field of its own ("Beginn: 10.00 Uhr"); the entries of a list, between commas
_FIELD_LINE = re.compile(r"\s*[^\W\d_][\w .-]{0,30}:")
_ENTRY_SEPARATOR = re.compile(r",|\s(?:and|und|et|и|y|i)\s")
_NAME_WORD = re.compile(rf"{CAP_WORD}|{INITIAL}")
_NEXT_WORD = re.compile(rf"[ \t]+({CAP_WORD})(?!\w)(?!\.\w)")
_INITIAL_AFTER = re.compile(rf"[ \t]+{INITIAL}[ \t]?(?:{INITIAL}[ \t]?)*{CAP_WORD}")
_WORD_AFTER = re.compile(rf"[ \t]+(?:{INITIAL}[ \t]?)*{CAP_WORD}")
_NAME = re.compile(rf"({INITIALS})?[ \t]?({CAP_WORD})")
_TOKEN_BEFORE = re.compile(rf"(?:(?<!\w)({INITIAL})|(?<![\w.])({CAP_WORD}))[ \t]?$")
_CYRILLIC_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")
_SURNAME_INITIALS = re.compile(r"(?<![\w.])([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \t]+((?:[А-ЯЁ]\.[ \t]?){1,3})(?!\w)")
_CYRILLIC_CAPITAL = re.compile(r"[А-ЯЁ]")
# Every ending `_PATRONYMIC` knows contains one of these: a text without them has no patronymic.
_PATRONYMIC_PARTS = ("ich", "vna", "tch")
_LIFE = re.compile(r"\s*\((\d{4})\s*[-–]\s*(\d{4})\)")
# What may not follow a forename or initials taken alone: a capitalised word or another initial.
_WORD = re.compile(r"\w")
_UPPER_AFTER = re.compile(rf"[ \t]+[{UPPER}]")
_NAME_AFTER = re.compile(rf"[ \t]?[{UPPER}][{LOWER}]*\b|[ \t]?[{UPPER}]\.")


@lru_cache(maxsize=1024)
def _initials_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _first_letters(words: list[str]) -> str:
    """A lookahead for the letters `words` begin with, put before their alternation: a position where no
    word can begin fails at once instead of trying every alternative (the matches are the same)."""
    if not words or not all(words):
        return ""
    return f"(?=[{''.join(sorted({re.escape(w[0]) for w in words}))}])"


@cache
def _discovery_patterns(conventions: Conventions, extra_titles: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The title, plural-title and given-name patterns, compiled once per conventions and language."""
    titles = sorted(conventions.common.titles + extra_titles, key=len, reverse=True)
    plural = sorted(conventions.common.plural_titles, key=len, reverse=True)
    any_title = rf"{_first_letters(titles)}(?:{'|'.join(map(re.escape, titles))})"
    # titles one after another ("Prof. Dr. Anna Berg", "Secretary Cde. Ponomarev"), then the name
    title = re.compile(rf"(?<![\w])(?:{any_title}[ \t]+)+({INITIALS})?[ \t]?({CAP_WORD})(?!\w)")
    name = rf"(?:{INITIALS})?[ \t]?{CAP_WORD}"
    separator = r"(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)"
    plural_re = re.compile(
        rf"(?<![\w]){_first_letters(plural)}(?:{'|'.join(map(re.escape, plural))})[ \t]+((?:{name}{separator})*{name})"
    )
    given = sorted(given_names(), key=len, reverse=True)
    middle = rf"(?:[ \t]+(?:{CAP_WORD}|[{UPPER}]\.))?"
    given_re = re.compile(
        rf"(?<![\w.]){_first_letters(given)}((?:{'|'.join(map(re.escape, given))}){middle})[ \t]+({CAP_WORD})(?!\w)"
    )
    return title, plural_re, given_re


# Runs of letters: a text's words, for the prefilters of discovery.
_LETTERS = re.compile(r"[^\W\d_]+")


def _head(phrase: str) -> str:
    """The first run of letters of a title or a name: a word of any text a pattern of it can match."""
    found = _LETTERS.search(phrase)
    return found.group(0) if found else ""


@cache
def _discovery_heads(
    conventions: Conventions, extra_titles: tuple[str, ...]
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The first words of the titles, plural titles and given names: a text with none of one set cannot
    match that set's pattern, which is then not run (each pattern begins with one of them)."""
    return (
        frozenset(map(_head, conventions.common.titles + extra_titles)),
        frozenset(map(_head, conventions.common.plural_titles)),
        frozenset(map(_head, given_names())),
    )


@cache
def _title_words(conventions: Conventions) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The words of the titles (`Dr`, `President`); those and the abbreviations (`Jr`, `Sen`); the titles and
    abbreviations written with a full stop (`Dr.`, `Prof.`: before a stop such a word is never a surname); the
    role words (`Speaker`, `Court`). Made once per conventions, not for every document."""
    words = [w for title in conventions.common.titles for w in title.split()]
    parts = frozenset(w.rstrip(".") for w in words)
    abbreviations = (*conventions.common.abbreviations, *conventions.transcript.office_abbreviations)
    abbreviated = parts | {a.rstrip(".") for a in abbreviations}
    dotted = frozenset(w.rstrip(".") for w in (*words, *conventions.common.abbreviations) if w.endswith("."))
    return parts, abbreviated, dotted, frozenset(conventions.common.role_words)


@dataclass(frozen=True)
class _Index:
    """The written forms of the surnames of a document's persons, with their lengths (longest first) by their
    first two characters; the forenames and initials, each by first character; and where a name can begin: a
    character that begins one, no letter or full stop before it."""

    starts: re.Pattern[str]
    forms: frozenset[str]
    lengths: dict[str, list[int]]
    forenames: dict[str, list[str]]  # the forenames one person alone bears, longest first
    initials: dict[str, list[re.Pattern[str]]]  # the persons' initials, most letters first


@lru_cache(maxsize=1024)
def _starts(firsts: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w.])[{re.escape(firsts)}]" if firsts else r"(?!x)x")


# Honorifics that are part of how a person is named and written (Burmese "U Thant", "Daw Khin Kyi"): kept.
HONORIFIC_NAMES = frozenset({"U", "Daw"})


class Persons:
    """The persons of one document, in order of discovery, with a matcher for their mentions."""

    def __init__(self, conventions: Conventions, lang: str = "en") -> None:
        self.conventions = conventions
        self.people: list[Person] = []
        self._by_start: dict[str, list[Person]] = {}  # the people by their surname's first two letters
        self._names: _Index | None = None
        self.renamed = 0  # how often a person's surname was changed (persons are otherwise only added)
        self.ambiguous: list[str] = []
        # titles that look like an initial in this language (French "M." for Monsieur)
        self.initial_titles = tuple(conventions.common.initial_like_titles.get(lang, ()))
        self._title, self._plural, self._given = _discovery_patterns(conventions, self.initial_titles)
        self._heads = _discovery_heads(conventions, self.initial_titles)
        self._title_parts, self._abbreviated, self._dotted, self._roles = _title_words(conventions)

    # --- discovery ---------------------------------------------------------------

    def add(
        self,
        surname: str,
        initials: str = "",
        forenames: tuple[str, ...] = (),
        role: str | None = None,
        form: str | None = None,
    ) -> Person | None:
        surname = surname.removesuffix("'s").removesuffix("’s")
        if surname in not_names() or len(surname) < 2:
            return None
        initials = norm_initials(initials) if initials else ""
        if forenames and not initials:
            initials = norm_initials("".join(f[0] for f in forenames if f[:1].isupper()))
        person = self._find(surname, initials)
        second = self._two_surnames(surname, forenames) if person is None else None
        if second is not None:
            person, surname, forenames = second, second.surname, second.forenames  # known by the first surname
        if person is None:
            person = self.append(Person(surname, initials, forenames, role))
            self._names = None
        else:
            if surname != person.surname and same_surname(surname, person.surname):
                person.surname = surname  # "Микоян" after "Микояна": the nominative is the name
                self.renamed += 1
                self._names = None
            if initials and not person.initials:
                person.initials = initials
            if len(forenames) > len(person.forenames):
                person.forenames = forenames
                self._names = None
            if role and not person.role:
                person.role = role
        if form:
            person.forms.add(" ".join(form.split()))
        return person

    def append(self, person: Person) -> Person:
        """Add a person found elsewhere (in the other text of a bilingual page)."""
        self.people.append(person)
        self._by_start.setdefault(person.surname[:2], []).append(person)
        self._names = None
        return person

    def _two_surnames(self, surname: str, forenames: tuple[str, ...]) -> Person | None:
        """The person a name with a second surname is (`Fidel Castro Ruz` is Fidel Castro, in either order of
        mention): the given name and the first surname agree; the person is known by the first surname."""
        if len(forenames) == 2:  # "Fidel Castro Ruz" after "Fidel Castro"
            given, paternal = forenames
            return next((p for p in self.same(paternal) if p.forenames[:1] == (given,)), None)
        if len(forenames) == 1:  # "Fidel Castro" after "Fidel Castro Ruz": known by the first surname from now
            for p in self.people:
                if len(p.forenames) == 2 and p.forenames == (forenames[0], surname):
                    p.forms.add(f"{p.forenames[0]} {p.forenames[1]} {p.surname}")
                    p.surname, p.forenames = surname, forenames
                    self._by_start.setdefault(surname[:2], []).append(p)
                    self.renamed += 1
                    self._names = None
                    return p
        return None

    def same(self, surname: str) -> list[Person]:
        """The people whose surname `surname` is, in order of discovery (two letters in common first); a name
        in another script than the Cyrillic is only ever its own surname (`same_surname`), told at once."""
        bucket = self._by_start.get(surname[:2], ())
        if not is_cyrillic_char(surname[:1]):
            return [p for p in bucket if p.surname == surname]
        return [p for p in bucket if same_surname(p.surname, surname)]

    def _find(self, surname: str, initials: str) -> Person | None:
        same = self.same(surname)
        if not initials:
            return same[0] if len(same) == 1 else None
        key = initials_key(initials)
        for p in same:
            if p.key == key or not p.key:
                return p
        for p in same:  # "E. Thompson" is "Llewellyn E. Thompson"; "N." is "N. S."
            if p.key.startswith(key) or key.startswith(p.key) or p.key.endswith(key) or key.endswith(p.key):
                return p
        return None

    def discover(self, text: str, role: str | None = None) -> list[Person]:
        """Find name shapes in `text`; `role` is given to every person found (participants lines)."""
        return _discover(self, text, role)

    def listed(self, segment: str, role: str) -> list[Person]:
        """The persons of a segment of a participants list: the name shapes found in it, and each entry
        between commas that is a name of two to four capitalised words whose given name is not known
        ("Egon Krenz", "Günter Mittag"), up to a line that opens another field ("Beginn: 10.00 Uhr")."""
        found = self.discover(segment, role=role)
        lines = []
        for line in segment.split("\n"):
            if lines and _FIELD_LINE.match(line):
                break
            lines.append(line)
        surnames = {p.surname for p in found}
        for entry in _ENTRY_SEPARATOR.split(" ".join(lines)):
            words = entry.strip(" .").split()
            while words and words[0].rstrip(".") in self._title_parts:
                words = words[1:]
            if not 2 <= len(words) <= 4 or words[-1] in surnames or not all(_NAME_WORD.fullmatch(w) for w in words):
                continue
            if any(w in not_names() or w in places() for w in words):
                continue
            person = self.add(words[-1], forenames=tuple(words[:-1]), role=role, form=" ".join(words))
            if person is not None:
                found.append(person)
        return found

    def _forename(self, word: str) -> bool:
        """A capitalised word that may be a forename: no function word, place or title, not Cyrillic."""
        return not (
            _CYRILLIC_WORD.fullmatch(word) or word in not_names() or word in places() or word in self._title_parts
        )

    def _surname_after(self, text: str, end: int) -> re.Match[str] | None:
        """The capitalised word after `end` that may end a name: no place, no title ("Sen."), no word that is
        never a name ("the Harry S. Truman Library.")."""
        after = _NEXT_WORD.match(text, end)
        if after is None or after.group(1) in places() or after.group(1) in self._title_parts:
            return None
        if after.group(1) in not_names():
            return None
        if text.startswith(".", after.end()) and after.group(1) in self._abbreviated:
            return None  # "President Kennedy Sen. Russell"
        return after

    def _after_title(self, before: str) -> bool:
        return bool(before.split()) and before.split()[-1].rstrip(".") in self._title_parts

    @staticmethod
    def _life(person: Person | None, text: str, end: int) -> None:
        m = _LIFE.match(text, end)
        if person is not None and m:
            person.birth, person.death = m.group(1), m.group(2)

    def assign_ids(self) -> None:
        """Ids from names: the surname, with initials where two persons share it."""
        by_surname: dict[str, list[Person]] = {}
        for p in self.people:
            by_surname.setdefault(slug(p.surname), []).append(p)
        taken: set[str] = set()
        for base, group in sorted(by_surname.items()):
            for p in sorted(group, key=lambda p: p.key):
                pid = unique_id(base if len(group) == 1 else f"{base}-{p.key.lower() or 'x'}", taken)
                taken.add(pid)
                p.id = pid

    # --- matching ----------------------------------------------------------------

    def _index(self) -> _Index:
        """Where the names of the persons known can be found in a text: every written form of their surnames,
        the forenames one person alone bears, their initials; built again when a person is added or renamed
        (a dictionary, not a pattern of the names, which would be compiled anew for every document)."""
        if self._names is None:
            forms = {form for p in self.people for form in surname_forms(p.surname)}
            lengths: dict[str, set[int]] = {}
            for form in forms:
                lengths.setdefault(form[:2], set()).add(len(form))
            forenames: dict[str, list[str]] = {}
            for forename in sorted(self._unique_forenames(), key=len, reverse=True):
                forenames.setdefault(forename[0], []).append(forename)
            initials: dict[str, list[re.Pattern[str]]] = {}
            for k in sorted({p.key for p in self.people if len(p.key) >= 2}, key=len, reverse=True):
                initials.setdefault(k[0], []).append(_initials_pattern(r"[ \t]?".join(rf"{i}\." for i in k)))
            self._names = _Index(
                _starts("".join(sorted({*(two[0] for two in lengths), *forenames, *initials}))),
                frozenset(forms),
                {first: sorted(found, reverse=True) for first, found in lengths.items()},
                forenames,
                initials,
            )
        return self._names

    def _mentions(self, text: str) -> Iterator[tuple[str, int, int]]:
        """(group, start, end) of each name of a known person in `text`, left to right: at a place no letter or
        full stop precedes, the longest form of a surname that ends a word ("sur"); else a forename no
        capitalised word follows ("fore"), else initials no name or initial follows ("ini")."""
        index = self._index()
        pos = 0
        for m in index.starts.finditer(text):
            start = m.start()
            if start < pos:
                continue
            first = text[start]
            for n in index.lengths.get(text[start : start + 2], ()):
                if (
                    start + n <= len(text)
                    and text[start : start + n] in index.forms
                    and not _WORD.match(text, start + n)
                ):
                    yield "sur", start, start + n
                    pos = start + n
                    break
            else:
                found = self._guarded(text, start, index.forenames.get(first, ()), index.initials.get(first, ()))
                if found is not None:
                    yield found[0], start, found[1]
                    pos = found[1]

    @staticmethod
    def _guarded(
        text: str, start: int, forenames: list[str], initials: list[re.Pattern[str]]
    ) -> tuple[str, int] | None:
        """The forename or initials at `start` that no name or initial follows: (group, end)."""
        for forename in forenames:
            end = start + len(forename)
            if text.startswith(forename, start) and not _WORD.match(text, end) and not _UPPER_AFTER.match(text, end):
                return "fore", end
        for pattern in initials:
            m = pattern.match(text, start)
            if m is not None and not _WORD.match(text, m.end()) and not _NAME_AFTER.match(text, m.end()):
                return "ini", m.end()
        return None

    def _unique_forenames(self) -> list[str]:
        """Given names (of four letters or more) that one person alone bears and no one has as surname."""
        count: dict[str, int] = {}
        for p in self.people:
            for f in set(p.forenames):
                count[f] = count.get(f, 0) + 1
        surnames = {p.surname for p in self.people}
        return [f for f, n in count.items() if n == 1 and len(f) >= 4 and f not in surnames and not f.endswith(".")]

    def mentions(self, text: str) -> list[Mention]:
        """Every mention of a known person in `text`, as spans including initials or given names."""
        out: list[Mention] = []
        for group, begin, end in self._mentions(text):
            if out and begin < out[-1].end:
                continue  # the initials after a surname, taken in with it ("Брежнев Л.И.")
            if group == "fore":
                out.append(Mention(begin, end, next(p for p in self.people if text[begin:end] in p.forenames)))
            elif group == "sur":
                candidates = self.same(text[begin:end])
                start, initials = self._extend_left(text, begin, candidates)
                after = _INITIALS_AFTER.match(text, end) if not initials else None
                if after is not None:  # "Брежнев Л.И.", the Russian order: the initials after the surname
                    key = initials_key(after.group(1))
                    if any(p.key == key for p in candidates):
                        candidates, initials, end = (
                            [p for p in candidates if p.key == key],
                            after.group(1),
                            after.end(1),
                        )
                person = self._pick(candidates, initials)
                if person is None:
                    self.ambiguous.append(text[start:end])
                    continue
                out.append(Mention(start, end, person))
            else:
                key = initials_key(text[begin:end])
                matches = [p for p in self.people if p.key == key]
                if len(matches) == 1:
                    out.append(Mention(begin, end, matches[0]))
        return out

    @staticmethod
    def _extend_left(text: str, start: int, candidates: list[Person]) -> tuple[int, str]:
        """Take in the initials and given names written before a surname; returns (start, initials)."""
        forenames = {w for p in candidates for w in p.forenames}
        initials: list[str] = []
        while True:
            # the token holds no blank: it begins after the last one before it (or its one blank after it)
            end = start - 1 if text[start - 1 : start] in (" ", "\t") else start
            low = _after_blank(text, max(0, start - 60), end)
            m = _TOKEN_BEFORE.search(text, low, start)
            if m is None:
                break
            if m.group(1):
                initials.insert(0, m.group(1)[:-1])
                start = m.start(1)
            elif m.group(2) in forenames:
                initials.insert(0, m.group(2)[0])
                start = m.start(2)
            else:
                break
        return start, "".join(f"{i}." for i in initials)

    @staticmethod
    def _pick(candidates: list[Person], initials: str) -> Person | None:
        if len(candidates) == 1:
            return candidates[0]
        if initials:
            key = initials_key(initials)
            exact = [p for p in candidates if p.key == key]
            if len(exact) == 1:
                return exact[0]
        return None


# Initials right after a surname ("Хрущев Н.С.", "Брежнев Л. И."), the last without a letter after it
_INITIALS_AFTER = re.compile(rf"[ \t]((?:[{UPPER}]\.[ \t]?){{0,2}}[{UPPER}]\.)(?!\w)")
_ANY_WORD = re.compile(rf"[{UPPER}{LOWER}]+(?:-[{UPPER}{LOWER}]+)?")
_INITIALS_BEFORE = re.compile(rf"(?:[{UPPER}]\.[ \t]?){{1,3}}$")


@dataclass(frozen=True)
class FuzzyMatch:
    form: str
    person: Person
    edits: int
    offset: int


class ScriptMatcher:
    """Mentions of known persons in a text of another script, inflected or damaged by OCR.

    A word matches a person when one of its stems (the word less a Russian case ending) has the key of
    the person's surname, or of a given name that person alone bears; failing that, when it is within
    `tolerance` edits per letter of one (OCR damage: "бидель" for "Фидель"). Lower-case words count only
    from five letters on (OCR loses capitals). Inexact matches are kept in `fuzzy` for review.
    """

    def __init__(self, people: list[Person], tolerance: float) -> None:
        self.people = people
        self.tolerance = tolerance
        self.fuzzy: list[FuzzyMatch] = []
        self.ambiguous: list[str] = []
        index: dict[str, set[int]] = {}
        forenames: dict[str, list[int]] = {}
        for i, p in enumerate(people):
            for form in {p.surname, *(f.split()[-1] for f in p.forms)}:
                for stem in stems(form):
                    index.setdefault(key(stem), set()).add(i)
            for f in p.forenames:
                if len(f) >= 4 and not f.endswith("."):
                    forenames.setdefault(key(f), []).append(i)
        for k, owners in forenames.items():
            if len(owners) == 1:
                index.setdefault(k, set()).add(owners[0])
        self.index = {k: v for k, v in index.items() if len(k) >= 3}

    def match(self, word: str) -> tuple[Person | None, int]:
        """The person a word names and the edits it took (0: exact), or (None, 0)."""
        if len(word) < 3 or (word[0].islower() and len(word) < 5):
            return None, 0
        keys = [key(s) for s in stems(word)]
        exact = {i for k in keys if k in self.index for i in self.index[k]}
        if len(exact) == 1:
            return self.people[exact.pop()], 0
        if exact:
            self.ambiguous.append(word)
            return None, 0
        if len(word) < 5:
            return None, 0
        best: tuple[int, set[int]] = (99, set())
        for k in keys:
            limit = allowed_edits(k, self.tolerance)
            for candidate, owners in self.index.items():
                if len(candidate) < 5:
                    continue
                d = distance(k, candidate, limit)
                if d <= limit and d < best[0]:
                    best = (d, set(owners))
                elif d <= limit and d == best[0]:
                    best[1].update(owners)
        if len(best[1]) == 1:
            return self.people[best[1].pop()], best[0]
        return None, 0

    def mentions(self, text: str) -> list[Mention]:
        out: list[Mention] = []
        for m in _ANY_WORD.finditer(text):
            word = m.group(0)
            if m.start() and (text[m.start() - 1].isalnum()):
                continue
            person, edits = self.match(word)
            if person is None:
                continue
            start = m.start()
            before = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
            if before:
                start = before.start()
            if edits:
                self.fuzzy.append(FuzzyMatch(word, person, edits, m.start()))
            if out and out[-1].person is person and not text[out[-1].end : start].strip():
                start = out.pop().start  # "Фидель Кастро": given name and surname are one mention
            person.forms.add(text[start : m.end()])
            out.append(Mention(start, m.end(), person))
        return out


def _initials_surnames(text: str) -> Iterator[re.Match[str]]:
    """`_INITIALS_SURNAME.finditer(text)`, tried only where initials can begin: one or two characters before
    a full stop ("A.", "Sh."), not at every character."""
    pos = 0
    stop = text.find(".")
    while stop != -1:
        for start in (stop - 2, stop - 1):
            if start >= pos and (m := _INITIALS_SURNAME.match(text, start)) is not None:
                yield m
                pos = m.end()
                break
        stop = text.find(".", max(stop + 1, pos))


def _after_blank(text: str, low: int, end: int) -> int:
    """Where the blank-free run that ends at `end` begins, from `low` on: after the last blank before `end`."""
    return max(low, text.rfind(" ", low, end) + 1, text.rfind("\t", low, end) + 1, text.rfind("\n", low, end) + 1)


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """`_WORD_BEFORE.search(text, max(0, end - 60), end)`, tried only from the blank before the last word:
    a capitalised word holds none."""
    low = max(0, end - 60)
    blanks_end = end - 1 if text.endswith("\n", low, end) else end  # `$` matches before a final newline too
    word_end = len(text[low:blanks_end].rstrip(" \t")) + low
    if word_end == blanks_end:
        return None
    low = _after_blank(text, low, word_end)
    return _WORD_BEFORE.search(text, low, end)


def _discover(persons: Persons, text: str, role: str | None) -> list[Person]:
    """Discovery by name shape: initials and surname, Russian order, patronymics, titles, plural titles,
    given names; each shape found becomes (or completes) a person of `persons`."""
    found: list[Person] = []
    given = given_names()
    words = set(_LETTERS.findall(text))
    title_heads, plural_heads, given_heads = persons._heads
    for m in _initials_surnames(text):
        initials = m.group(1)
        if text.startswith(".", m.end()) and m.group(2) in persons._dotted:
            continue  # "Präsident D. Dr. Gerstenmaier": a title after an initial, not a surname
        before = _word_before(text, m.start())
        if before and before.group(1) in given:
            continue  # "Richard H. Davies": a given name with a middle initial, found below
        if before and _CYRILLIC_WORD.fullmatch(before.group(1)) and before.group(1) not in not_names():
            continue  # "Малиновский Р.Я. Председательствовал": the initials belong to the word before
        if persons.initial_titles and initials.split()[0] in persons.initial_titles:
            initials = " ".join(initials.split()[1:])
            if not initials:
                continue  # "M. Gromyko" in French: Monsieur, found as a title below
        after = persons._surname_after(text, m.end())
        if after and persons._forename(m.group(2)):
            # "W. Tapley Bennett": the word after the initials is a forename, the surname follows
            forenames = (*(f"{t}." for t in initial_tokens(initials)), m.group(2))
            found.append(
                persons.add(after.group(1), forenames=forenames, role=role, form=text[m.start() : after.end()])
            )
            continue
        if before and persons._after_title(text[: before.start(1)]) and persons._forename(before.group(1)):
            # "General Earle G. Wheeler": after a title, a capitalised word that is no title, place or
            # function word is a forename
            forenames = (before.group(1), *(f"{t}." for t in initial_tokens(initials)))
            p = persons.add(m.group(2), forenames=forenames, role=role, form=text[before.start(1) : m.end()])
            persons._life(p, text, m.end())
            found.append(p)
            continue
        p = persons.add(m.group(2), initials, role=role, form=m.group(0)[m.group(0).find(initials) :])
        persons._life(p, text, m.end())
        found.append(p)
    # Russian order: "Хрущев Н.С." (only in a text with a Cyrillic capital)
    for m in _SURNAME_INITIALS.finditer(text) if _CYRILLIC_CAPITAL.search(text) else ():
        if m.group(1) not in not_names():
            p = persons.add(m.group(1), m.group(2), role=role, form=m.group(0).strip())
            found.append(p)
    for m in _PATRONYMIC.finditer(text) if any(part in text for part in _PATRONYMIC_PARTS) else ():
        if m.group(1) in not_names() or m.group(3) in not_names():
            continue
        p = persons.add(m.group(3), forenames=(m.group(1), m.group(2)), role=role, form=m.group(0))
        persons._life(p, text, m.end())
        found.append(p)
    for m in persons._title.finditer(text) if not words.isdisjoint(title_heads) else ():
        if not m.group(1) and (m.group(2) in persons._title_parts or m.group(2) in persons._roles):
            continue  # "Secretary Cde. Ponomarev", "Prof. Dr. Weber", "Mr. Speaker": a title or a role, no surname
        if m.group(2) in given and _WORD_AFTER.match(text, m.end()):
            continue  # "Minister Vasily Kuznetsov": a full name, found below
        if not m.group(1) and _INITIAL_AFTER.match(text, m.end()):
            continue  # "General Earle G. Wheeler": a forename, the name is found above
        after = _NEXT_WORD.match(text, m.end())
        if after and after.group(1) in not_names():
            continue  # "Deputy Press Secretary": an office, not a name
        after = persons._surname_after(text, m.end())
        if after and persons._forename(m.group(2)):
            # "Mr. Malcolm Toon", "Ambassador W. Tapley Bennett": the word after the title is a forename
            forenames = (*(f"{t}." for t in initial_tokens(m.group(1) or "")), m.group(2))
            form = text[m.start(1) if m.group(1) else m.start(2) : after.end()]
            found.append(persons.add(after.group(1), forenames=forenames, role=role, form=form))
            continue
        if m.group(0).split()[0] in HONORIFIC_NAMES and not m.group(1):  # "U Thant": the honorific is his name's
            found.append(persons.add(m.group(2), forenames=(m.group(0).split()[0],), role=role, form=m.group(0)))
            continue
        found.append(persons.add(m.group(2), m.group(1) or "", role=role))
    for m in persons._plural.finditer(text) if not words.isdisjoint(plural_heads) else ():
        for name in re.split(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+", m.group(1)):
            nm = _NAME.fullmatch(name.strip())
            if nm:
                found.append(persons.add(nm.group(2), nm.group(1) or "", role=role))
    for m in persons._given.finditer(text) if not words.isdisjoint(given_heads) else ():
        forenames, surname, form = tuple(m.group(1).split()), m.group(2), m.group(0)
        abbreviated = text.startswith(".", m.end()) and surname in persons._abbreviated  # "John Smith Jr.": Smith
        if abbreviated or (surname in not_names() and len(forenames) > 1):  # "Henry Kissinger Telephone …"
            forenames, surname, form = forenames[:-1], forenames[-1], form[: m.start(2) - m.start()].rstrip()
            if not forenames:
                continue
        if any(w in not_names() for w in forenames):
            continue
        p = persons.add(surname, forenames=forenames, role=role, form=form)
        persons._life(p, text, m.end())
        found.append(p)
    return [p for p in found if p is not None]
