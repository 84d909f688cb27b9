"""The editorial declarations: what an encoding means, said once each, named, in the section it belongs to.

A declaration is a lead sentence and parts, each part said only when the recogniser it speaks of fired in
the document (`Context.fired`: the ids of the bracket rules that took a bracket, `note`, `person`, `said`,
`q`, `statement`, `time`, `page-break`, …). A declaration whose parts all stayed silent is not made, so a
document's editorialDecl says what applies to it; each statement is a paragraph of its own, so an edition of
many documents states each once. Some parts say what the conventions are (the deletion
wordings, the longest supplied insertion). `statements` gives (section, text) for `Meta.declarations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .conventions import Conventions

Text = str | Callable[[Conventions], str]


@dataclass(frozen=True)
class Part:
    when: frozenset[str]  # said when any of these fired (empty: always)
    text: Text


@dataclass(frozen=True)
class Declaration:
    section: str
    lead: Text | None
    parts: tuple[Part, ...] = ()
    always: bool = False  # made even when none of its parts is said

    def compose(self, conv: Conventions, fired: set[str]) -> list[str]:
        """Its statements, a paragraph each (so that an edition states each once over its documents)."""
        said = [_text(p.text, conv) for p in self.parts if not p.when or p.when & fired]
        conditional = [p for p in self.parts if p.when]
        if conditional and not self.always and not any(p.when & fired for p in conditional):
            return []
        lead = [_text(self.lead, conv)] if self.lead is not None else []
        return lead + said


def _text(text: Text, conv: Conventions) -> str:
    return text if isinstance(text, str) else text(conv)


def _when(*ids: str) -> frozenset[str]:
    return frozenset(ids)


def _deletion(conv: Conventions) -> str:
    phrases = ", ".join(f"“{p}”" for p in conv.common.deletion_phrases[:6])
    return (
        f"A passage in brackets that its note says was deleted (wordings such as {phrases}) is encoded as del "
        'rend="strikethrough" with the hand of the person the note names, or of the note-taker.'
    )


def _supplied(conv: Conventions) -> str:
    common = conv.common
    return (
        f"Bracketed words (up to {common.supplied_max_words}) are supplied by the translator "
        f'(reason "{common.supplied_reason}").'
    )


def _omission(conv: Conventions) -> str:
    omissions = ", ".join(f"“{phrase}” ({reason})" for phrase, reason in conv.transcript.omission_phrases[:6])
    return f"A bracket naming an omission ({omissions}) is a gap with that @reason and the bracket's words in desc."


BRACKETS = "Square brackets of the transcript are editorial signs and are not kept as text."


def _struck(conv: Conventions) -> str:
    return (
        "A bracket that opens with a deletion wording and a colon ([deleted: …]) is a del of its words, the "
        "wording kept as its label; the wording alone ([struck out]), or with what was struck out ([word crossed "
        "out]), is a gap (reason deleted)."
    )


def _ellipsis(conv: Conventions) -> str:
    return "An ellipsis in brackets ([…]) is a gap (reason omitted)."


# Said by documents and transcripts alike.
_UNCERTAIN = Part(
    _when("uncertain"),
    "A bracketed word with a question mark ([Kalamata?]), or the word before a bracketed question mark "
    "(Piraeus [?]), is unclear (reason uncertain).",
)
_MARGIN = Part(
    _when("margin"),
    "A bracket that says a note was written on the margin ([Marginal note in pencil: …]) is a note "
    "type='marginal' place='margin', the wording that says so its label.",
)
_HAND = Part(
    _when("hand"),
    "A bracket that says words were added by hand ([handwritten: …]) is an add type='handwritten', the wording "
    "that says so its label; the wording alone ([handwritten signature]) is a gap (reason untranscribed).",
)
_ROOM_PAREN = Part(
    _when("room-paren"),
    "A parenthesis within a paragraph that opens with words of what happened in the room ((Laughter.), "
    "(Applaudissements …)) is a stage of type business, its parentheses the recorder's signs.",
)
_ELAPSED = Part(
    _when("elapsed"),
    "A time in square brackets ([00:14:50]) is where the recording has got to: time type='elapsed' with @dur.",
)
_PAGE = Part(
    _when("page"),
    "A bracket that says where a page begins ([Page 634], [p. 2], [Л. 171 об.]) is a pb, the page's number in @n.",
)


DECLARATIONS: dict[str, Declaration] = {
    "not-corrected": Declaration("correction", "The transcript is not corrected: its spelling and wording are kept."),
    "line-breaks": Declaration(
        "normalization",
        "Line breaks within paragraphs and the bold markers of titles are not kept; "
        "dates are normalised to ISO 8601 in @when.",
    ),
    "line-breaks-transcript": Declaration(
        "normalization", "Line breaks within paragraphs are not kept; dates and times are normalised in @when."
    ),
    "ocr": Declaration(
        "normalization",
        "The original is OCR output and is not corrected.",
        (
            Part(
                _when("ocr-repetition"),
                "A run of words that the OCR repeated three times or more is kept and flagged as unclear "
                "(reason ocr-repetition).",
            ),
            Part(
                _when("ocr-artefact"),
                "OCR pipeline artefacts (bold markers, TeX commands) are kept as choice/orig with their normal "
                "form in reg.",
            ),
        ),
        always=True,
    ),
    "page-furniture": Declaration(
        "normalization",
        None,
        (
            Part(
                _when("page-break"),
                "Paragraphs that recur word for word are page furniture: each occurrence is a page break (pb) "
                "with the footer (fw). A paragraph that a page break cut in the middle of a sentence is joined "
                'again, the pb inside it; a break without a footer is pb type="inferred".',
            ),
        ),
    ),
    "listing-normalization": Declaration(
        "normalization",
        "Dates are normalised to ISO 8601 in @when; line breaks within titles and summaries are not kept. "
        "The lines of the web page around the records (navigation, pagination) are not kept.",
    ),
    "quotations": Declaration(
        "quotation",
        None,
        (
            Part(
                _when("said", "q"),
                "Quotation marks are kept as text; direct speech inside them is encoded with "
                'said direct="true" when a speaker is named in the same sentence, otherwise q.',
            ),
        ),
    ),
    "quoted-turns": Declaration(
        "quotation",
        None,
        (
            Part(
                _when("quoted-turn"),
                "Notes that quote a meeting turn by turn open each turn with a quotation mark and close the "
                "last: these marks are recorded in @rend (pre(“), post(”)) of the sp or p they belong to.",
            ),
        ),
    ),
    "brackets": Declaration(
        "interpretation",
        BRACKETS,
        (
            Part(_when("deletion"), _deletion),
            Part(_when("struck"), _struck),
            Part(_when("omission"), _omission),
            Part(_when("ellipsis"), _ellipsis),
            Part(_when("sic"), "[sic] marks the word before it as sic."),
            _MARGIN,
            _HAND,
            _ROOM_PAREN,
            _ELAPSED,
            _PAGE,
            _UNCERTAIN,
            Part(
                _when("room"),
                "A few bracketed words of what happened in the room ([laughter], [pause]) are a stage of type "
                "business.",
            ),
            Part(_when("gloss"), "A code in brackets after a code (R-12 [SS-4]) is a gloss of the preceding term."),
            Part(_when("supplied"), _supplied),
            Part(_when("editorial-note"), "Longer bracketed passages are inline editorial notes."),
        ),
    ),
    "persons": Declaration(
        "interpretation",
        None,
        (
            Part(
                _when("person"),
                "Persons are recognised by initials and surname, title and surname, given name and surname, "
                "and then by surname, possessive or unique initials; each mention is a persName pointing to "
                "the person in particDesc.",
            ),
            Part(_when("said"), "A person followed by a speech verb opens reported speech (said)."),
            Part(
                _when("statement"),
                "In minutes, a paragraph that opens with a speaker is that speaker's statement, and the "
                "paragraphs after it continue the statement (said with @prev) until a paragraph names the "
                "speaker in the third person, opens with another speaker, or a new item or the closing line "
                "begins.",
            ),
        ),
    ),
    "notes": Declaration(
        "interpretation",
        None,
        (
            Part(
                _when("note"),
                "Notes keep their number (@n) and their label; their type comes from the label. A note "
                "stands where its marker stood.",
            ),
            Part(
                _when("note-glued"),
                "The notes are numbered 1., 2. … at the end of the text, and their markers are those numbers "
                "glued to the word before them (Friday2): rend='glued' on the note.",
            ),
        ),
    ),
    "cross-script": Declaration(
        "interpretation",
        "Persons are found in the translation and matched in the original across scripts, Russian case "
        "endings and OCR errors (fuzzy matches are reported for review). Each paragraph of the translation "
        "points with @corresp to the paragraph(s) of the original it translates, aligned by numbers, "
        "names, quotations and length.",
    ),
    "turns": Declaration(
        "interpretation",
        "Each turn is an sp whose speaker holds the label as written (with its colon or period) "
        "and whose @who points to the participant the label stands for: by surname, by an office "
        "or title that one participant alone bears in the title line or the participants list, "
        "by the initials of a participant's name, by an alias the list gives in parentheses, by "
        "the interview role (Q, A), or by the edition's alias table; a place (Washington:) is "
        "the group of people there (personGrp). A label that resolves to no one has no @who. "
        "A paragraph without a label continues the turn before it.",
    ),
    "transcript-brackets": Declaration(
        "interpretation",
        None,
        (
            Part(
                _when(
                    *("omission", "sic", "uncertain", "stage", "remark", "deletion", "gloss", "supplied"),
                    *("editorial-note", "struck", "ellipsis", "hand", "page"),
                ),
                BRACKETS,
            ),
            Part(_when("omission"), _omission),
            Part(_when("struck"), _struck),
            Part(_when("ellipsis"), _ellipsis),
            Part(_when("sic"), "[sic] marks the word before it as sic."),
            _UNCERTAIN,
            Part(
                _when("stage", "remark"),
                "A whole bracketed paragraph, or a short bracket of stage words (laughter, pause), is a stage, "
                "its @type entrance, exit, business or delivery from its words, else summary.",
            ),
            Part(
                _when("deletion", "gloss", "supplied", "editorial-note"),
                "Other brackets are deletions, glosses, supplied words or editorial notes as in documents.",
            ),
            Part(_when("delivery"), "A parenthesis right after a label is a stage of type delivery."),
            Part(
                _when("interruption"),
                "A turn ending in a dash or an ellipsis ends in seg type='interruption'; a turn opening with "
                "one, in seg type='resumption'.",
            ),
            Part(_when("time"), "Times of day are time with @when."),
            _MARGIN,
            _HAND,
            _ROOM_PAREN,
            _ELAPSED,
            _PAGE,
        ),
    ),
    "catalogue": Declaration(
        "interpretation",
        "Each record of the page is a bibl in the order of the results, @n its position among all results; "
        "its date line is the date, the line after it the title, the paragraphs after that the summary. "
        'When the catalogue is linked to the edition, a record whose document is edited has status="edited" '
        'and a ptr type="edition" to the document\'s TEI file; any other has status="unedited".',
    ),
    "catalogue-titles-first": Declaration(
        "interpretation",
        "Each record of the page is a bibl in the order of the results, @n its position among all results; "
        "the line above its date line is the title, and the date line (its value the date's @when) and the "
        "paragraphs after it are the summary, so that the words keep the page's order. "
        'When the catalogue is linked to the edition, a record whose document is edited has status="edited" '
        'and a ptr type="edition" to the document\'s TEI file; any other has status="unedited".',
    ),
}


def statements(ids: list[str], conv: Conventions, fired: set[str] | None = None) -> list[tuple[str, str]]:
    """(section, text) of the declarations of `ids` that apply, given what `fired` in the document."""
    return [(DECLARATIONS[i].section, text) for i in ids for text in DECLARATIONS[i].compose(conv, fired or set())]
