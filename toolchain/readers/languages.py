"""The languages of a document's text: of the whole, unless the page says it, and of each paragraph written
in another script than the rest (an original quoted in its translation, an English title over a Ukrainian
letter). The detector is `source.language.identify`; when it is unsure the text keeps its language.
"""

from __future__ import annotations

import re

from .. import model as m
from ..encode.inline import plain
from ..source.blocks import Block
from ..source.language import identify, identify_between
from ..source.scripts import script
from .conventions import Conventions

# Paragraphs asked their language for that of the whole: the longest, the first and the last of some length.
SAMPLE_LETTERS = 80
# A paragraph of a text of two languages in one script is asked its own from this many letters on.
OWN_LETTERS = 60


def of_text(bs: list[Block], conv: Conventions) -> str:
    """The language of the longest paragraph the detector is sure of (of the three longest), in the script
    most of the text is in; else the language of that script (`Conventions.script_languages`), else the
    default language. The language the edition states for the texts (`text_language`) is not asked."""
    if conv.common.text_language:
        return conv.common.text_language
    main = script(" ".join(b.text for b in bs)[:5000])
    for b in sorted(bs, key=lambda b: len(b.text), reverse=True)[:3]:
        found = identify(b.text) if script(b.text) == main else None
        if found is not None:
            return found
    common = conv.common
    return common.script_languages.get(main or "", common.default_language)


def _votes(texts: list[str]) -> dict[str, int]:
    """The languages of the longest, the first and the last text of some length, each weighed by its length."""
    long = [t for t in texts if len(t) >= SAMPLE_LETTERS]
    samples = {id(t): t for t in [*long[:1], *long[-1:], *sorted(long, key=len)[-1:]]}.values()
    votes: dict[str, int] = {}
    for text in samples:
        found = identify(text)
        if found is not None:
            votes[found] = votes.get(found, 0) + len(text)
    return votes


def mark(blocks: list[m.Block], lang: str, site: str) -> set[str]:
    """Give each paragraph written in another script than the text's its own language when it is not the
    text's; and the title heading and the summary (the page's words over the document's) in the same script
    the language of the `site` (an English title over a German letter): on a short line in the text's script
    the detector mistakes names for a language ("Information of Cde. W. Gomułka" is no French). Returns the
    languages so given. When the sampled paragraphs of the text disagree (a German note and its English
    translation), every paragraph of some length is asked; names are left out of what is asked (a list of
    Bulgarian names is no Slovene)."""
    leaves = [(block, page, plain(block.content)) for block, page in _leaves(blocks)]
    main = script(" ".join(text for _, _, text in leaves)[:5000])
    # each paragraph: its script (the text's unless it holds a letter of another), its words without names
    read = [(block, page, text, main if _in_script(text, main) else script(text)) for block, page, text in leaves]
    unnamed = {id(block): _unnamed(block.content) for block, _, _, _ in read}
    prose = [unnamed[id(block)] for block, page, _, written in read if not page and written == main]
    mixed = frozenset(_votes(prose)) | {lang}  # the languages the samples are in; two or more: a mixed text
    found: set[str] = set()
    for block, page, text, written in read:
        own = len(mixed) > 1 and written == main and len(unnamed[id(block)]) >= OWN_LETTERS
        if written is None or not ((page and lang != site) or written != main or own):
            continue
        other = identify_between(unnamed[id(block)], mixed) if own else identify(text)
        if other is not None and other != lang and (written != main or other == site or own):
            block.lang = other
            found.add(other)
    return found


# A letter of another script than the text's: a paragraph without one is in the text's script.
_OTHER_THAN = {
    "Latin": re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]"),
    "Cyrillic": re.compile(r"[^\W\d_\u0400-\u052f]"),
}


def _in_script(text: str, main: str | None) -> bool:
    """Whether `text` holds no letter of another script than `main` (an ASCII one none in a Latin text); False
    for a script `_OTHER_THAN` does not know."""
    others = _OTHER_THAN.get(main or "")
    return others is not None and ((main == "Latin" and text.isascii()) or not others.search(text))


def _leaves(blocks: list[m.Block], page: bool = False) -> list[tuple[m.Para | m.Head, bool]]:
    """The paragraphs and headings, each with whether it is the page's words (the first heading, a summary)."""
    out: list[tuple[m.Para | m.Head, bool]] = []
    for block in blocks:
        if isinstance(block, m.Head):
            out.append((block, not any(isinstance(b, m.Head) for b, _ in out)))
        elif isinstance(block, m.Para):
            out.append((block, page))
        elif isinstance(block, m.Div | m.Turn | m.Argument):
            inner = _leaves(block.blocks, page or isinstance(block, m.Argument))
            if any(isinstance(b, m.Head) for b, _ in out):
                inner = [(b, p and not isinstance(b, m.Head)) for b, p in inner]
            out.extend(inner)
    return out


def _unnamed(content: m.Inline) -> str:
    """A paragraph's words without the names of persons in it, nor the words in brackets (an editor's, often
    in the original's language: "[Jugoszláv Kommunisták Szövetsége]")."""
    text, out, at = content.text, [], 0
    for span in sorted((s for s in content.spans if s.kind == "persName"), key=lambda s: s.start):
        if span.start >= at:
            out.append(text[at : span.start])
            at = span.end
    return re.sub(r"\[[^\[\]]*\]", " ", "".join([*out, text[at:]]))
