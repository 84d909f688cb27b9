"""The editorial declarations: what an encoding means, said once each, named, in the section it belongs to.

A reader names the declarations that apply to the document it read; `statements` gives their text (some
say what the conventions are: the deletion wordings, the longest supplied insertion) for `Meta.declarations`,
from which the encoder composes the editorialDecl, section by section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .conventions import Conventions


@dataclass(frozen=True)
class Declaration:
    section: str
    text: Callable[[Conventions], str]


def _deletions(conv: Conventions) -> str:
    phrases = ", ".join(f"“{p}”" for p in conv.common.deletion_phrases[:6])
    return (
        "Square brackets of the transcript are editorial signs and are not kept as text. A passage in "
        f"brackets that its note says was deleted (wordings such as {phrases}) is encoded as del "
        'rend="strikethrough" with the hand of the person the note names, or of the note-taker. '
        "A code in brackets after a code (R-12 [SS-4]) is a gloss of the preceding term. Other "
        f"bracketed words (up to {conv.common.supplied_max_words}) are supplied by the translator "
        f'(reason "{conv.common.supplied_reason}"); longer bracketed passages are inline editorial notes.'
    )


def _transcript_brackets(conv: Conventions) -> str:
    omissions = ", ".join(f"“{phrase}” ({reason})" for phrase, reason in conv.transcript.omission_phrases[:6])
    return (
        "Square brackets are editorial signs and are not kept as text. A bracket naming an "
        f"omission ({omissions}) is a gap with that @reason and the bracket's words in desc; "
        "[sic] marks the word before it as sic; a bracketed word with a question mark is unclear "
        "(reason uncertain); a whole bracketed paragraph, or a short bracket of stage words "
        "(laughter, pause), is a stage, its @type entrance, exit, business or delivery from its "
        "words, else summary; other brackets are supplied words or editorial notes as in "
        "documents. A parenthesis right after a label is a stage of type delivery. A turn "
        "ending in a dash or an ellipsis ends in seg type='interruption'; a turn opening with "
        "one, in seg type='resumption'. Times of day in parentheses are time with @when."
    )


def _fixed(text: str) -> Callable[[Conventions], str]:
    return lambda _conv: text


DECLARATIONS: dict[str, Declaration] = {
    "not-corrected": Declaration(
        "correction", _fixed("The transcript is not corrected: its spelling and wording are kept.")
    ),
    "line-breaks": Declaration(
        "normalization",
        _fixed(
            "Line breaks within paragraphs and the bold markers of titles are not kept; "
            "dates are normalised to ISO 8601 in @when."
        ),
    ),
    "line-breaks-transcript": Declaration(
        "normalization",
        _fixed("Line breaks within paragraphs are not kept; dates and times are normalised in @when."),
    ),
    "ocr": Declaration(
        "normalization",
        _fixed(
            "The original is OCR output and is not corrected. A run of words that the OCR repeated three times "
            "or more is kept and flagged as unclear (reason ocr-repetition); OCR pipeline artefacts (bold "
            "markers, TeX commands) are kept as choice/orig with their normal form in reg."
        ),
    ),
    "page-furniture": Declaration(
        "normalization",
        _fixed(
            "Paragraphs that recur word for word are page furniture: each occurrence is a page break (pb) with "
            "the footer (fw). A paragraph that a page break cut in the middle of a sentence is joined again, "
            'the pb inside it; a break without a footer is pb type="inferred".'
        ),
    ),
    "listing-normalization": Declaration(
        "normalization",
        _fixed(
            "Dates are normalised to ISO 8601 in @when; line breaks within titles and summaries are not kept. "
            "The lines of the web page around the records (navigation, pagination) are not kept."
        ),
    ),
    "quotations": Declaration(
        "quotation",
        _fixed(
            "Quotation marks are kept as text; direct speech inside them is encoded with "
            'said direct="true" when a speaker is named in the same sentence, otherwise q.'
        ),
    ),
    "quoted-turns": Declaration(
        "quotation",
        _fixed(
            "Notes that quote a meeting turn by turn open each turn with a quotation mark and close "
            "the last: these marks are recorded in @rend (pre(“), post(”)) of the sp or p they "
            "belong to."
        ),
    ),
    "brackets": Declaration("interpretation", _deletions),
    "persons": Declaration(
        "interpretation",
        _fixed(
            "Persons are recognised by initials and surname, title and surname, given name and surname, "
            "and then by surname, possessive or unique initials; each mention is a persName pointing to "
            "the person in particDesc. A person followed by a speech verb opens reported speech (said); "
            "in minutes, a paragraph that opens with a speaker is that speaker's statement, and the "
            "paragraphs after it continue the statement until a paragraph names the speaker in the third "
            "person, opens with another speaker, or a new item or the closing line begins."
        ),
    ),
    "notes": Declaration(
        "interpretation",
        _fixed(
            "Notes keep their number (@n) and their label; their type comes from the label. A note "
            "stands where its marker stood."
        ),
    ),
    "cross-script": Declaration(
        "interpretation",
        _fixed(
            "Persons are found in the translation and matched in the original across scripts, Russian case "
            "endings and OCR errors (fuzzy matches are reported for review). Each paragraph of the translation "
            "points with @corresp to the paragraph(s) of the original it translates, aligned by numbers, "
            "names, quotations and length."
        ),
    ),
    "turns": Declaration(
        "interpretation",
        _fixed(
            "Each turn is an sp whose speaker holds the label as written (with its colon or period) "
            "and whose @who points to the participant the label stands for: by surname, by an office "
            "or title that one participant alone bears in the title line or the participants list, "
            "by the initials of a participant's name, by an alias the list gives in parentheses, by "
            "the interview role (Q, A), or by the edition's alias table; a place (Washington:) is "
            "the group of people there (personGrp). A label that resolves to no one has no @who. "
            "A paragraph without a label continues the turn before it."
        ),
    ),
    "transcript-brackets": Declaration("interpretation", _transcript_brackets),
    "catalogue": Declaration(
        "interpretation",
        _fixed(
            "Each record of the page is a bibl in the order of the results, @n its position among all results; "
            "its date line is the date, the line after it the title, the paragraphs after that the summary. "
            'When the catalogue is linked to the edition, a record whose document is edited has status="edited" '
            'and a ptr type="edition" to the document\'s TEI file; any other has status="unedited".'
        ),
    ),
}


def statements(ids: list[str], conv: Conventions) -> list[tuple[str, str]]:
    """(section, text) of the declarations of `ids`, in that order."""
    return [(DECLARATIONS[i].section, DECLARATIONS[i].text(conv)) for i in ids]
