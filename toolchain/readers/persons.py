"""Finding persons in transcripts and matching every later mention to one of them.

Discovery is driven by name shapes, never by a document's wording: initials + surname
(`A. K. Serov`), a title + surname (`President Kennedy`, `Cdes. Gromyko, Ponomarev, and Ilichev`),
a known given name + surname (`Vladimir Malin`). Once known, a person is matched by surname alone,
with possessives, and by bare initials where they are unique (`N. S. says`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tei import slug
from .conventions import Conventions, given_names, not_names

UPPER = "A-ZА-ЯЁ"
LOWER = "a-zа-яёß-ÿ"
CAP_WORD = rf"[{UPPER}][{LOWER}]+(?:['’][{UPPER}][{LOWER}]+)?(?:-[{UPPER}][{LOWER}]+)?"
INITIALS = rf"(?:[{UPPER}]\.[ \t]?){{1,3}}"
_INITIALS_SURNAME = re.compile(rf"(?<![\w.])({INITIALS})[ \t]?({CAP_WORD})(?![\w])")
_LIFE = re.compile(r"\s*\((\d{4})\s*[-–]\s*(\d{4})\)")


def initials_key(initials: str) -> str:
    return "".join(ch for ch in initials if ch.isupper())


def norm_initials(initials: str) -> str:
    return " ".join(f"{ch}." for ch in initials_key(initials))


@dataclass
class Person:
    surname: str
    initials: str = ""  # normalised "N. S."
    forenames: tuple[str, ...] = ()
    role: str | None = None
    birth: str | None = None
    death: str | None = None
    forms: set[str] = field(default_factory=set)
    id: str = ""

    @property
    def key(self) -> str:
        return initials_key(self.initials)

    def full_name(self) -> str:
        first = " ".join(self.forenames) if self.forenames else self.initials
        return f"{first} {self.surname}".strip()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    person: Person


class Persons:
    """The persons of one document, in order of discovery, with a matcher for their mentions."""

    def __init__(self, conventions: Conventions) -> None:
        self.conventions = conventions
        self.people: list[Person] = []
        self._matcher: re.Pattern[str] | None = None
        self.ambiguous: list[str] = []
        titles = sorted(conventions.titles, key=len, reverse=True)
        plural = sorted(conventions.plural_titles, key=len, reverse=True)
        self._title = re.compile(
            rf"(?<![\w])(?:{'|'.join(map(re.escape, titles))})[ \t]+({INITIALS})?[ \t]?({CAP_WORD})(?!\w)"
        )
        self._plural = re.compile(
            rf"(?<![\w])(?:{'|'.join(map(re.escape, plural))})[ \t]+"
            rf"((?:(?:{INITIALS})?[ \t]?{CAP_WORD}(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))*(?:{INITIALS})?[ \t]?{CAP_WORD})"
        )
        given = sorted(given_names(), key=len, reverse=True)
        self._given = re.compile(
            rf"(?<![\w.])((?:{'|'.join(map(re.escape, given))})(?:[ \t]+(?:{CAP_WORD}|[{UPPER}]\.))?)[ \t]+({CAP_WORD})(?!\w)"
        )

    # --- discovery ---------------------------------------------------------------

    def add(self, surname: str, initials: str = "", forenames: tuple[str, ...] = (), role: str | None = None,
            form: str | None = None) -> Person | None:
        surname = surname.removesuffix("'s").removesuffix("’s")
        if surname in not_names() or len(surname) < 2:
            return None
        initials = norm_initials(initials) if initials else ""
        if forenames and not initials:
            initials = norm_initials("".join(f[0] for f in forenames if f[:1].isupper()))
        person = self._find(surname, initials)
        if person is None:
            person = Person(surname, initials, forenames, role)
            self.people.append(person)
            self._matcher = None
        else:
            if initials and not person.initials:
                person.initials = initials
            if len(forenames) > len(person.forenames):
                person.forenames = forenames
            if role and not person.role:
                person.role = role
        if form:
            person.forms.add(" ".join(form.split()))
        return person

    def _find(self, surname: str, initials: str) -> Person | None:
        same = [p for p in self.people if p.surname == surname]
        if not initials:
            return same[0] if len(same) == 1 else None
        key = initials_key(initials)
        for p in same:
            if p.key == key or (p.key and (p.key.startswith(key) or key.startswith(p.key))) or not p.key:
                return p
        return None

    def discover(self, text: str, role: str | None = None) -> list[Person]:
        """Find name shapes in `text`; `role` is given to every person found (participants lines)."""
        found: list[Person] = []
        for m in _INITIALS_SURNAME.finditer(text):
            p = self.add(m.group(2), m.group(1), role=role, form=m.group(0))
            self._life(p, text, m.end())
            found.append(p)
        for m in self._title.finditer(text):
            found.append(self.add(m.group(2), m.group(1) or "", role=role))
        for m in self._plural.finditer(text):
            for name in re.split(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+", m.group(1)):
                nm = re.fullmatch(rf"({INITIALS})?[ \t]?({CAP_WORD})", name.strip())
                if nm:
                    found.append(self.add(nm.group(2), nm.group(1) or "", role=role))
        for m in self._given.finditer(text):
            forenames = tuple(m.group(1).split())
            if any(w in not_names() for w in forenames):
                continue
            p = self.add(m.group(2), forenames=forenames, role=role, form=m.group(0))
            self._life(p, text, m.end())
            found.append(p)
        return [p for p in found if p is not None]

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
                pid = base if len(group) == 1 else f"{base}-{p.key.lower() or 'x'}"
                while pid in taken:
                    pid += "-2"
                taken.add(pid)
                p.id = pid

    # --- matching ----------------------------------------------------------------

    def _pattern(self) -> re.Pattern[str]:
        if self._matcher is None:
            surnames = sorted({p.surname for p in self.people}, key=len, reverse=True)
            keys = sorted({p.key for p in self.people if len(p.key) >= 2}, key=len, reverse=True)
            alts = [rf"(?P<sur>{'|'.join(map(re.escape, surnames))})"] if surnames else []
            if keys:
                init = "|".join(r"[ \t]?".join(rf"{k}\." for k in key) for key in keys)
                alts.append(rf"(?P<ini>{init})(?![ \t]?[{UPPER}][{LOWER}]*\b)(?![ \t]?[{UPPER}]\.)")
            body = "|".join(alts) or r"(?!x)x"
            self._matcher = re.compile(rf"(?<![\w.])(?:{body})(?![\w])")
        return self._matcher

    def mentions(self, text: str) -> list[Mention]:
        """Every mention of a known person in `text`, as spans including initials or given names."""
        out: list[Mention] = []
        for m in self._pattern().finditer(text):
            if m.group("sur") if "sur" in m.re.groupindex else None:
                surname = m.group("sur")
                start = m.start()
                initials = ""
                before = text[:start]
                im = re.search(rf"(?<![\w.])({INITIALS})[ \t]?$", before)
                gm = re.search(rf"(?<![\w.])((?:{CAP_WORD}[ \t]+){{1,2}})$", before)
                if im:
                    initials, start = im.group(1), im.start(1)
                candidates = [p for p in self.people if p.surname == surname]
                if gm and not im:
                    words = gm.group(1).split()
                    # keep only the trailing words that are this person's given names or patronymic
                    known = {w for p in candidates for w in p.forenames}
                    keep = 0
                    for w in reversed(words):
                        if w in known:
                            keep += 1
                        else:
                            break
                    if keep:
                        start = before.rstrip().rfind(words[-keep]) if keep == 1 else before.rfind(" ".join(words[-keep:]))
                        initials = "".join(w[0] for w in words[-keep:])
                person = self._pick(candidates, initials)
                if person is None:
                    self.ambiguous.append(text[start:m.end()])
                    continue
                out.append(Mention(start, m.end(), person))
            else:
                key = initials_key(m.group("ini"))
                matches = [p for p in self.people if p.key == key]
                if len(matches) == 1:
                    out.append(Mention(m.start(), m.end(), matches[0]))
        return out

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
