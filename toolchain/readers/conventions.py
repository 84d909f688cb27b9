"""Transcript conventions as data: what labels, brackets, markers and note wordings mean.

Defaults fit the archive exports the sample edition comes from; an edition overrides any of them in
`edition.toml` (table `[conventions]`) or with `--conventions FILE`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import EditionError


def _words(name: str) -> frozenset[str]:
    text = resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in [line.split("#")[0].strip()] if w)


@cache
def given_names() -> frozenset[str]:
    return _words("given_names.txt")


@cache
def not_names() -> frozenset[str]:
    return _words("not_names.txt")


@dataclass(frozen=True)
class Conventions:
    # Header fields: label as written (without colon) -> role in the TEI header.
    header_fields: dict[str, str] = field(
        default_factory=lambda: {
            "Citation": "citation",
            "Summary": "summary",
            "Abstract": "summary",
            "Credits": "credits",
            "Original Language": "original_language",
            "Contents": "contents",
            "Author": "author",
            "Authors": "author",
            "Keywords": "keywords",
            "Source": "source",
        }
    )
    # Lines that open the participants list.
    participants_prefixes: tuple[str, ...] = (
        "Those who took part",
        "Those present",
        "Present",
        "Participants",
        "Attended",
        "Attending",
        "Присутствовали",
    )
    # Phrase in a participants segment -> role (first match wins; checked in this order).
    participant_roles: tuple[tuple[str, str], ...] = (
        ("chair", "chair"),
        ("председательств", "chair"),
        ("кандидат", "candidate"),
        ("секретар", "secretary"),
        ("член", "member"),
        ("presided", "chair"),
        ("candidate", "candidate"),
        ("secretar", "secretary"),
        ("member", "member"),
        ("and also", "other"),
        ("also", "other"),
        ("invited", "other"),
    )
    # Honorifics and offices that precede a surname. Plural forms introduce a list of surnames.
    titles: tuple[str, ...] = (
        "Cde.",
        "Comrade",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Prof.",
        "President",
        "Premier",
        "Prime Minister",
        "Chairman",
        "Ambassador",
        "General",
        "Marshal",
        "Admiral",
        "Colonel",
        "Col.",
        "Gen.",
        "Major",
        "Captain",
        "Commander",
        "Comandante",
        "Senator",
        "Chancellor",
        "Minister",
        "Foreign Minister",
        "Secretary",
        "Secretary-General",
        "Deputy",
        "Pope",
        "King",
        "Queen",
        "Prince",
        "Marshal",
        "Monsieur",
        "Herr",
        "Frau",
        "Señor",
        "Sr.",
        "Genosse",
        "Camarade",
        "Tovarishch",
        "Président",
        "Chancelier",
        "Ministre",
        "Maréchal",
        "Général",
        "Ambassadeur",
        "Bundeskanzler",
        "Botschafter",
        "Staatssekretär",
        "Presidente",
        "Embajador",
        "Comandante",
    )
    # Titles that look like an initial, by language of the text: they are never read as initials there.
    initial_like_titles: dict[str, tuple[str, ...]] = field(
        default_factory=lambda: {"fr": ("M.", "MM.", "Mme"), "de": ("Hr.",)}
    )
    plural_titles: tuple[str, ...] = ("Cdes.", "Comrades", "Messrs.", "Generals", "Genossen", "Camarades")
    # Verbs that introduce reported speech after a speaker's name.
    speech_verbs: tuple[str, ...] = (
        "says",
        "said",
        "goes on to say",
        "went on to say",
        "continues",
        "continued",
        "proposes",
        "proposed",
        "notes",
        "noted",
        "states",
        "stated",
        "asks",
        "asked",
        "replies",
        "replied",
        "answers",
        "answered",
        "remarks",
        "remarked",
        "objects",
        "objected",
        "adds",
        "added",
        "declares",
        "declared",
        "stresses",
        "stressed",
        "suggests",
        "suggested",
        "informs",
        "informed",
        "reports",
        "reported",
        "explains",
        "explained",
        "emphasises",
        "emphasizes",
        "emphasized",
        "points out",
        "pointed out",
        "responds",
        "responded",
        "recalls",
        "recalled",
        "insists",
        "insisted",
        "expressed",
        "expresses",
        "déclare",
        "dit",
        "répond",
        "propose",
        "ajoute",
        "souligne",
        "demande",
        "sagt",
        "erklärt",
        "antwortet",
        "fragt",
        "schlägt vor",
        "betont",
    )
    # First-person words: used nowhere to guess speakers, listed for documentation of the rule.
    # Note wordings that mean the passage before the marker was deleted in the original.
    deletion_phrases: tuple[str, ...] = (
        "crossed out",
        "struck out",
        "struck through",
        "strikethrough",
        "strike-through",
        "deleted",
        "scored out",
        "lined out",
        "rayé",
        "barré",
        "gestrichen",
        "durchgestrichen",
        "зачеркнут",
    )
    # Note labels -> note type.
    note_labels: dict[str, str] = field(
        default_factory=lambda: {
            "Translator's Note": "translator",
            "Translator’s Note": "translator",
            "Translator's note": "translator",
            "Translators' Note": "translator",
            "Editor's Note": "editorial",
            "Editor’s Note": "editorial",
            "Editorial Note": "editorial",
            "Note du traducteur": "translator",
            "Anmerkung des Übersetzers": "translator",
            "Transmission Note": "transmission",
            "Note": "general",
        }
    )
    default_note_type: str = "general"
    # Closing lines: a phrase that names who recorded the document.
    closer_phrases: tuple[str, ...] = (
        "Notes taken by",
        "Minutes taken by",
        "Recorded by",
        "Record made by",
        "Prepared by",
        "Written down by",
        "Transcribed by",
        "Compiled by",
        "Noted by",
        "Procès-verbal établi par",
        "Protokolliert von",
        "Aufgezeichnet von",
        "Записал",
        "Записала",
        "Записи вел",
    )
    # Agenda items that open a division.
    item_pattern: str = r"(?:Point|Item|Question|Paragraph|Point de l'ordre du jour|Punkt)\s+(\d+|[IVXLC]+)\.?\s"
    # Responsibility phrases in the citation -> TEI role code used on respStmt/@xml:id.
    resp_phrases: tuple[str, ...] = (
        "Translated and edited by",
        "Translated and annotated by",
        "Obtained and translated by",
        "Obtained and translated for CWIHP by",
        "Translated for CWIHP by",
        "Translated by",
        "Edited by",
        "Transcribed by",
        "Obtained by",
        "Contributed by",
        "with assistance from",
        "with the assistance of",
    )
    # Bracketed insertions of at most this many words are supplied words; longer ones editorial notes.
    supplied_max_words: int = 8
    # A bracketed code after a code is a gloss (R-12 [SS-4]).
    code_pattern: str = r"[A-Z]{1,5}(?:-?\d+[A-Za-z]?)(?:-\d+)?|[A-Z]{2,6}s?"
    # Language names (as the archive writes them) -> ISO 639 codes.
    languages: dict[str, str] = field(
        default_factory=lambda: {
            "English": "en",
            "Russian": "ru",
            "German": "de",
            "French": "fr",
            "Spanish": "es",
            "Italian": "it",
            "Chinese": "zh",
            "Polish": "pl",
            "Czech": "cs",
            "Hungarian": "hu",
            "Romanian": "ro",
            "Bulgarian": "bg",
            "Portuguese": "pt",
            "Japanese": "ja",
            "Korean": "ko",
            "Vietnamese": "vi",
            "Serbo-Croatian": "sh",
            "Ukrainian": "uk",
            "Mongolian": "mn",
            "Arabic": "ar",
            "Persian": "fa",
            "Hebrew": "he",
            "Albanian": "sq",
            "Georgian": "ka",
        }
    )
    default_language: str = "en"
    # Word that supplied brackets give as reason (TEI supplied/@reason).
    supplied_reason: str = "interpolation"

    def language_code(self, name: str) -> str | None:
        key = name.strip().split()[0].strip(",.;") if name.strip() else ""
        for lang, code in self.languages.items():
            if lang.lower() == key.lower():
                return code
        return None


DEFAULT = Conventions()


def load(path: Path | None) -> Conventions:
    """Defaults, overridden by the `[conventions]` table of a TOML file."""
    if path is None:
        return DEFAULT
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EditionError(f"{path}: cannot read conventions: {exc}") from exc
    table = data.get("conventions", data)
    known = {f.name: f for f in fields(Conventions)}
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise EditionError(f"{path}: unknown conventions {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    values = {}
    for key, value in table.items():
        current = getattr(DEFAULT, key)
        if isinstance(current, tuple):
            value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
        values[key] = value
    return replace(DEFAULT, **values)
