"""Fuzzing the readers: transcripts made from the sample and the case files of every reader, cut, doubled,
shuffled and sprinkled with the marks transcripts carry (brackets, note markers, labels, bold markers,
blanks, characters XML forbids). Whatever comes in: no traceback (a bad input is one clear message),
the TEI written is valid, and no word is lost (each comes back from the TEI, or a diagnostic names it).

A few hundred cases a run; `EDITION_FUZZ_CASES=10000` runs a campaign."""

from __future__ import annotations

import os
import re
from pathlib import Path

from conftest import ROOT, load_case
from helpers import words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolchain.convert import convert_text
from toolchain.errors import EditionError
from toolchain.export import to_text
from toolchain.readers.conventions import DEFAULT
from toolchain.tei import parse
from toolchain.validate import validator

SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "transcripts").glob("*.txt"))] + [
    load_case(p).input for p in sorted((ROOT / "tests" / "cases").glob("*/*.case"))
]
MARKS = [
    "[", "]", "[[", "**", "[1]", "[2] A note.", "*1", "^2", "(a)", "Q:", "A:", "MR. SMITH:", "The President:",
    "[deleted: a word]", "[illegible]", "[sic]", "[...]", "Notes:", "Summary:", "Date:", "\u00a0", "\t", "\u0007",
    "\ufffe", "--", "«", "»", "Cde. N. S.", "1962/11/20", "30 February 1963", "Point 1.", "Present:", "\n", "\n\n",
    "**Smith:**", "Q -", "The CHAIRMAN.", "M. le président.", "El señor GÓMEZ:", "(Laughter.)", "[word crossed out]",
    "[handwritten:", "Interviewer:", "Mr. SMITH of Ohio.", "MORO, Presidente.",
]  # fmt: skip
LABEL = re.compile(r"^\s*(?:" + "|".join(map(re.escape, DEFAULT.common.header_fields)) + r"):\s*$", re.M | re.I)
CASES = int(os.environ.get("EDITION_FUZZ_CASES", "300"))


@st.composite
def transcripts(draw) -> str:
    blocks = draw(st.sampled_from(SEEDS)).split("\n\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["drop", "dup", "swap", "join", "split", "mark", "truncate"]))
        i = draw(st.integers(0, len(blocks) - 1))
        if op == "drop" and len(blocks) > 1:
            del blocks[i]
        elif op == "dup":
            blocks.insert(i, blocks[i])
        elif op == "swap" and i + 1 < len(blocks):
            blocks[i], blocks[i + 1] = blocks[i + 1], blocks[i]
        elif op == "join" and i + 1 < len(blocks):
            blocks[i : i + 2] = [blocks[i] + "\n" + blocks[i + 1]]
        elif op == "split":
            blocks[i] = blocks[i].replace("\n", "\n\n", 1)
        elif op == "mark":
            at = draw(st.integers(0, len(blocks[i])))
            blocks[i] = blocks[i][:at] + draw(st.sampled_from(MARKS)) + blocks[i][at:]
        elif op == "truncate":
            blocks[i] = blocks[i][: draw(st.integers(0, len(blocks[i])))]
    return "\n\n".join(blocks)


def comparable(text: str) -> list[str]:
    """The words of a text, label words of header fields left out (they are structure in the TEI), and the
    marks the readers take out of a word (a stray bold marker: S**ource) too."""
    return [w for w in words(re.sub(r"[*^]", "", LABEL.sub("", text))) if any(c.isalnum() for c in w)]


@settings(max_examples=CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(transcripts())
def test_any_transcript_gives_valid_tei_and_loses_no_word(text):
    try:
        tei, diagnostics = convert_text(text.encode("utf-8"), Path("fuzz.txt"), DEFAULT)
    except EditionError as exc:  # refused: one clear message, never a traceback
        assert str(exc) and "Traceback" not in str(exc)
        return
    problems = [d for d in validator().check_bytes(tei, "fuzz.xml") if d.severity == "error"]
    assert not problems, problems[0].text()
    back = set(comparable(to_text(parse(tei), DEFAULT)))
    said = " ".join(d.message for d in diagnostics)
    lost = [w for w in comparable(text) if w not in back and w not in said]
    assert not lost, f"words lost without a word said: {lost[:10]}"
