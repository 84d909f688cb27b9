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


@cache
def places() -> frozenset[str]:
    return _words("places.txt")


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
        ("interpreter", "interpreter"),
        ("interviewer", "interviewer"),
        ("interviewee", "interviewee"),
        ("notetaker", "notetaker"),
        ("note-taker", "notetaker"),
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
        "U",
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
        "told",
        "tells",
        "reminded",
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
        "сказал",
        "сказала",
        "ответил",
        "ответила",
        "заметил",
        "отметил",
        "добавил",
        "подчеркнул",
        "возразил",
        "заявил",
        "спросил",
        "продолжал",
        "напомнил",
        "предложил",
        "поддержал",
    )
    # The first-person pronoun by language: in a first-person record it is the narrator (the signer).
    narrator_pronouns: dict[str, str] = field(default_factory=lambda: {"en": "I", "ru": "Я", "fr": "Je", "de": "Ich"})
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
            "Source": "source",
            "Примечание переводчика": "translator",
            "Примечание редактора": "editorial",
            "Примечание": "general",
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

    # --- originals with translations (the bilingual reader) ---
    # Script of a text part -> its language.
    script_languages: dict[str, str] = field(default_factory=lambda: {"Cyrillic": "ru", "Latin": "en"})
    # Labels of a closing source statement in brackets: "[Source: ...]".
    source_labels: tuple[str, ...] = ("Source", "Sources", "Источник", "Quelle")
    # Words that make a name in a responsibility statement an organisation, not a person.
    organisation_words: tuple[str, ...] = (
        "Archive",
        "Archives",
        "Center",
        "Centre",
        "Institute",
        "University",
        "Foundation",
        "Library",
        "Museum",
        "Project",
        "Program",
        "Programme",
        "Studies",
        "Society",
        "Ministry",
        "Committee",
        "Office",
        "Agency",
    )
    # Running heads and footers given as patterns (they are also found by repetition).
    footer_patterns: tuple[str, ...] = ()
    # A paragraph that opens with one of these labels is a note of the given type ("Справка: ...").
    note_block_labels: dict[str, str] = field(
        default_factory=lambda: {"Справка": "reference", "Reference": "reference", "Примечание": "editorial"}
    )
    # A paragraph matching one of these patterns is a note of the given type (a cipher clerk's remark).
    note_block_patterns: tuple[tuple[str, str], ...] = ((r"\(\s*[ВB]\.\s?ч\.\s*\)\s*\.?\s*$", "transmission"),)
    # An asterisk after a word followed by a parenthesis is an inline note; words in it give its type.
    note_type_words: dict[str, str] = field(
        default_factory=lambda: {"transmission": "transmission", "передач": "transmission", "translat": "translator"}
    )
    # OCR pipeline artefacts: (pattern, normal form, kind); the original stays in choice/orig.
    ocr_artefacts: tuple[tuple[str, str, str], ...] = (
        (r"\*\*(.+?)\*\*", r"\1", "bold-marker"),
        (r"\\l?dots\b", "…", "tex-command"),
    )
    # Numbers of the document named in its text: kind -> pattern whose group 1 is the number.
    document_numbers: dict[str, str] = field(
        default_factory=lambda: {"special": r"(?:спец\.?\s*№|special\s+(?:number|no\.?))\s*(\d+)"}
    )
    # A unit of words repeated this many times in a row is an OCR repetition run.
    ocr_min_copies: int = 3
    # Fuzzy name matching: edits allowed per letter of a name
    # ("бидель" for "Фидель": 1 in 6; "Някоян" for "Микоян": 2 in 8).
    name_tolerance: float = 0.25
    # Listings (search-result pages): lines of the web page around the records, dropped and reported. A line is
    # chrome when it is one of these (case, spacing, a trailing colon and arrows aside), or is made of these, page
    # numbers and arrows only ("« Previous 1 2 3 … Next »").
    listing_chrome: tuple[str, ...] = (
        "Skip to content",
        "Skip to main content",
        "Menu",
        "Search",
        "Results:",
        "Documents",
        "Sort by",
        "Pagination",
        "Previous",
        "Next",
        "First",
        "Last",
        "Back to top",
    )

    # --- speaker-labelled transcripts (the transcript reader) ---
    # Labels of the front matter that open a field, never a turn ("Subject: …").
    front_fields: tuple[str, ...] = (
        "Subject",
        "Date",
        "Time",
        "Place",
        "Location",
        "To",
        "From",
        "Classification",
        "Distribution",
        "Copies",
        "Drafted by",
        "Approved by",
        "Tape",
        "Reel",
        "Interviewer",
        "Interviewee",
        "Interviewed by",
        "Transcribed by",
    )
    # Offices and titles a participant bears, longest first when matched ("Secretary of State Dean Rusk").
    offices: tuple[str, ...] = (
        "Secretary of State",
        "Secretary of Defense",
        "Secretary of the Treasury",
        "Deputy Secretary of Defense",
        "Under Secretary of State",
        "Assistant Secretary of State",
        "Attorney General",
        "Director of Central Intelligence",
        "Chairman of the Joint Chiefs of Staff",
        "Special Assistant to the President",
        "Special Assistant",
        "National Security Adviser",
        "Vice President",
        "Foreign Minister",
        "Minister of Foreign Affairs",
        "Defense Minister",
        "First Secretary",
        "First Deputy Chairman",
        "Deputy Chairman",
        "Prime Minister",
        "Deputy Prime Minister",
        "Chargé d'Affaires",
        "Under Secretary",
    )
    # Abbreviated offices and titles in labels -> the office or title they stand for.
    office_abbreviations: dict[str, str] = field(
        default_factory=lambda: {
            "SecState": "Secretary of State",
            "SecDef": "Secretary of Defense",
            "DepSecDef": "Deputy Secretary of Defense",
            "DCI": "Director of Central Intelligence",
            "CJCS": "Chairman of the Joint Chiefs of Staff",
            "AG": "Attorney General",
            "VP": "Vice President",
            "FM": "Foreign Minister",
            "Amb.": "Ambassador",
            "Pres.": "President",
            "Sec.": "Secretary",
            "Secy.": "Secretary",
            "Gen.": "General",
            "Adm.": "Admiral",
            "Sen.": "Senator",
        }
    )
    # Labels that stand for a part in an interview -> the role of the participant who plays it.
    speaker_roles: dict[str, str] = field(
        default_factory=lambda: {
            "Q": "interviewer",
            "Question": "interviewer",
            "Interviewer": "interviewer",
            "A": "interviewee",
            "Answer": "interviewee",
            "Interviewee": "interviewee",
        }
    )
    # First words of labels that name no one ("Unidentified speaker:", "Voice:"): encoded, reported, never resolved.
    anonymous_speakers: tuple[str, ...] = (
        "Unidentified",
        "Unknown",
        "Voice",
        "Voices",
        "Operator",
        "Several",
        "All",
        "Male",
        "Female",
        "Speaker",
        "Participant",
        "Somebody",
        "Someone",
    )
    # An edition's own table: a label as written (without its colon) -> the name of the person it stands for.
    speaker_aliases: dict[str, str] = field(default_factory=dict)
    # Words in a bracket that make it an omission -> gap/@reason (first match wins; checked in this order).
    omission_phrases: tuple[tuple[str, str], ...] = (
        ("not declassified", "classified"),
        ("redacted", "classified"),
        ("excised", "classified"),
        ("omitted", "editorial"),
        ("here follows", "editorial"),
        ("illegible", "illegible"),
        ("inaudible", "inaudible"),
        ("unintelligible", "inaudible"),
        ("garble", "garbled"),
        ("tape ends", "tape"),
        ("gap in tape", "tape"),
        ("не рассекреч", "classified"),
        ("опущен", "editorial"),
        ("неразборчиво", "illegible"),
        ("неразб.", "illegible"),
        ("не слышно", "inaudible"),
    )
    # Words in a bracketed remark that give its stage/@type (first match wins); other remarks are "summary".
    stage_words: tuple[tuple[str, str], ...] = (
        ("left the", "exit"),
        ("leaves the", "exit"),
        ("departed", "exit"),
        ("withdrew", "exit"),
        ("joined", "entrance"),
        ("entered", "entrance"),
        ("arrived", "entrance"),
        ("returned to the", "entrance"),
        ("laughter", "business"),
        ("laughs", "business"),
        ("laughing", "business"),
        ("pause", "business"),
        ("crosstalk", "business"),
        ("applause", "business"),
        ("telephone rings", "business"),
        ("aside", "delivery"),
        ("to the", "delivery"),
        ("вышел", "exit"),
        ("покинул", "exit"),
        ("вошел", "entrance"),
        ("вошёл", "entrance"),
        ("присоединился", "entrance"),
        ("смех", "business"),
        ("пауза", "business"),
    )
    # Time of day in a transcript: "(11.40)", "(11:40)", "10:25 a.m.", "10 a.m."; groups h, m, ap (a or p).
    time_pattern: str = (
        r"(?<![\d.:])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})(?:\s*(?P<ap>[aApP])\.?\s?[mM]\b\.?)?"
        r"|\s*(?P<ap2>[aApP])\.?\s?[mM]\b\.?)(?![\d.:]*\d)"
    )

    def language_code(self, name: str) -> str | None:
        key = name.strip().split()[0].strip(",.;") if name.strip() else ""
        for lang, code in self.languages.items():
            if lang.lower() == key.lower():
                return code
        return None


DEFAULT = Conventions()


def load(path: Path | None) -> Conventions:
    """Defaults, overridden by the `[conventions]` table of a TOML file (or by its top level)."""
    if path is None:
        return DEFAULT
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise EditionError(f"{path}: cannot read conventions: {exc}") from exc
    # a [conventions] table, or (a file of conventions alone) the top level; [render] belongs to `build`
    table = data["conventions"] if "conventions" in data else {k: v for k, v in data.items() if k != "render"}
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
