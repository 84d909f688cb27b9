"""The languages of a document's text: of the whole, unless the page says it, and of each paragraph written
in another script than the rest (an original quoted in its translation, an English title over a Ukrainian
letter). The detector is `source.language.identify`; when it is unsure the text keeps its language.
"""

from __future__ import annotations

import heapq
import io
import re
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from typing import IO

from .. import model as m
from ..encode.inline import plain
from ..source.blocks import Block, start_of
from ..source.language import SAMPLE, identify, identify_between
from ..source.scripts import script
from ..source.text import Text
from .conventions import Conventions

# Paragraphs asked their language for that of the whole: the longest, the first and the last of some length.
SAMPLE_LETTERS = 80
# A paragraph of a text of two languages in one script is asked its own from this many letters on.
OWN_LETTERS = 60
# The script of a text is the script of its first so many letters.
_SCRIPT_LETTERS = 5000


def of_text(bs: list[Block], conv: Conventions) -> str:
    """The language of the longest paragraph the detector is sure of (of the three longest), in the script
    most of the text is in; else the language of that script (`Conventions.script_languages`), else the
    default language. The language the edition states for the texts (`text_language`) is not asked."""
    if conv.common.text_language:
        return conv.common.text_language
    main = script(start_of(bs, _SCRIPT_LETTERS))
    for b in heapq.nlargest(3, bs, key=lambda b: len(b.text)):  # sorted's order, the text not held
        found = identify(b.text) if script(b.text) == main else None
        if found is not None:
            return found
    common = conv.common
    return common.script_languages.get(main or "", common.default_language)


def waiting(text: str | Text) -> str:
    """The language a paragraph is written with while its own waits to be decided (`Marks`): a code the text
    does not hold, so that the encoder finds it only where it stands for one."""
    n = 0
    while (token := f"zxx-x-waiting{n or ''}") in text:
        n += 1
    return token


class Marks:
    """The language of each paragraph and heading written in another than the text's, given as the blocks are
    made, in their order (`take`, before each is written), and decided at the end where that needs the whole
    text (`finish`).

    A paragraph in another script than the text's is asked its language; the title heading and the summary
    (the page's words over the document's) in the same script are given the language of the `site` (an
    English title over a German letter): on a short line in the text's script the detector mistakes names for
    a language ("Information of Cde. W. Gomułka" is no French). When the sampled paragraphs of the text (its
    first, last and longest of some length) disagree (a German note and its English translation), every
    paragraph of some length is asked; names are left out of what is asked (a list of Bulgarian names is no
    Slovene).

    What cannot be decided when its block is taken waits, written with `token` for its language: what is
    taken before the text's script is known (from its first 5,000 letters), and a paragraph of some length in
    that script until the samples are all seen. What such a paragraph is asked waits in a file, not in
    memory."""

    def __init__(self, lang: str, site: str, token: str) -> None:
        self.lang, self.site, self.token = lang, site, token
        self.found: set[str] = set()  # the languages given
        self._main: str | None = None  # the text's script, once `_known`
        self._known = False
        self._opening: list[str] = []  # the words of the first blocks, until they tell the script
        self._letters = -1  # their length, joined
        # each waiting block in order: one taken before the script was known, (block, page, text), then (page,
        # text, script, words unnamed) once it is; the words of a heading of the page asked for (a paragraph of
        # some length in the text's script); None for another
        self._waiting: list[tuple | str | None] = []
        self._asked: IO[bytes] | None = None  # made when first needed (closed by `finish`)
        self._sizes = array("q")  # what each in `_asked` takes there, in bytes
        self._samples: list[str] = []  # the first, the last and the longest prose of some length
        self._longest = -1
        self._headed = False  # whether the first heading (the page's) has been taken

    def take(self, block: m.Block) -> None:
        """Give the paragraphs and headings of `block` their languages, or `token` while they wait."""
        for leaf, page in self._leaves(block, False):
            text = plain(leaf.content)
            if self._known:
                self._leaf(leaf, page, text)
                continue
            leaf.lang = self.token
            self._waiting.append((leaf, page, text))
            self._opening.append(text)
            self._letters += len(text) + 1
            if self._letters >= _SCRIPT_LETTERS:
                self._know()

    def taken(self, blocks: Iterable[m.Block]) -> Iterator[m.Block]:
        """`blocks` as they are made, each taken (`take`) before it is given to be written."""
        for block in blocks:
            self.take(block)
            yield block

    def finish(self) -> list[str | None]:
        """The languages of the blocks that waited, in their order (None: the text's)."""
        if not self._known:
            self._know()
        samples = {id(t): t for t in self._samples}.values()  # one text may be the first, last and longest
        mixed = frozenset(found for t in samples if (found := identify(t)) is not None) | {self.lang}
        asked_file = self._asked or io.BytesIO()
        asked_file.seek(0)
        sizes = iter(self._sizes)
        out: list[str | None] = []
        for waiting in self._waiting:
            if isinstance(waiting, tuple):
                page, text, written, unnamed = waiting
                out.append(self._decided(page, text, written, unnamed, len(unnamed) >= OWN_LETTERS, mixed))
                continue
            size = next(sizes)
            if len(mixed) == 1 and waiting is None:  # a paragraph in the text's only language: none of its own
                asked_file.seek(size, 1)
                out.append(None)
                continue
            asked = asked_file.read(size).decode("utf-8", "surrogatepass")
            out.append(self._decided(waiting is not None, waiting or "", self._main, asked, True, mixed))
        asked_file.close()
        return out

    def _know(self) -> None:
        """The text's script is known: the blocks taken before it count as samples, in order."""
        self._main = script(" ".join(self._opening)[:_SCRIPT_LETTERS])
        self._known, self._opening = True, []
        for k, waiting in enumerate(self._waiting):
            if isinstance(waiting, tuple):  # (block, page, text): now with its script and its words unnamed
                leaf, page, text = waiting
                written, unnamed = self._written(text), _unnamed(leaf.content)
                self._waiting[k] = (page, text, written, unnamed)
                if not page and written == self._main:
                    self._sample(unnamed)

    def _leaf(self, leaf: m.Para | m.Head, page: bool, text: str) -> None:
        written = self._written(text)
        if written != self._main:
            leaf.lang = self._decided(page, text, written, "", False, frozenset())
            return
        unnamed = _unnamed(leaf.content)
        if not page:
            self._sample(unnamed)
        if len(unnamed) < OWN_LETTERS:  # asked only for itself: a heading of the page
            leaf.lang = self._decided(page, text, written, unnamed, False, frozenset())
            return
        leaf.lang = self.token
        asked = unnamed[:SAMPLE].encode("utf-8", "surrogatepass")
        if self._asked is None:
            self._asked = tempfile.SpooledTemporaryFile(max_size=1 << 22)  # noqa: SIM115
        self._asked.write(asked)
        self._sizes.append(len(asked))
        self._waiting.append(text[:SAMPLE] if page else None)

    def _sample(self, unnamed: str) -> None:
        """Prose in the text's script: the first, the last and the longest of some length are the samples."""
        if len(unnamed) < SAMPLE_LETTERS:
            return
        sample = unnamed[:SAMPLE]
        if not self._samples:
            self._samples = [sample, sample, sample]
        self._samples[1] = sample
        if len(unnamed) >= self._longest:
            self._samples[2], self._longest = sample, len(unnamed)

    def _written(self, text: str) -> str | None:
        """A paragraph's script: the text's, unless it holds a letter of another."""
        return self._main if _in_script(text, self._main) else script(text)

    def _decided(
        self, page: bool, text: str, written: str | None, unnamed: str, long: bool, mixed: frozenset[str]
    ) -> str | None:
        own = len(mixed) > 1 and written == self._main and long
        lang, site = self.lang, self.site
        if written is None or not ((page and lang != site) or written != self._main or own):
            return None
        other = identify_between(unnamed, mixed) if own else identify(text)
        if other is None or other == lang or not (written != self._main or other == site or own):
            return None
        self.found.add(other)
        return other

    def _leaves(self, block: m.Block, page: bool) -> Iterator[tuple[m.Para | m.Head, bool]]:
        """The paragraphs and headings of a block, each with whether it is the page's words (the first
        heading, a summary); the blocks of a `Stream` are taken as they are made."""
        if isinstance(block, m.Head):
            yield block, not self._headed
            self._headed = True
        elif isinstance(block, m.Para):
            yield block, page
        elif isinstance(block, m.Div | m.Turn | m.Argument):
            for inner in block.blocks:
                yield from self._leaves(inner, page or isinstance(block, m.Argument))


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


def _unnamed(content: m.Inline) -> str:
    """A paragraph's words without the names of persons in it, nor the words in brackets (an editor's, often
    in the original's language: "[Jugoszláv Kommunisták Szövetsége]")."""
    text, out, at = content.text, [], 0
    for span in sorted((s for s in content.spans if s.kind == "persName"), key=lambda s: s.start):
        if span.start >= at:
            out.append(text[at : span.start])
            at = span.end
    return re.sub(r"\[[^\[\]]*\]", " ", "".join([*out, text[at:]]))
