"""The readers on real input: bench/corpus.py's measures over the corpus beside the project stay at or above the
figures measured when they were last raised (FLOORS), so that a regression fails."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import ROOT, TEI_ALL
from lxml import etree

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# (right, total) over all files, as measured by `bench/corpus.py ../shared/corpus`. A share may not fall below
# right/total. These floors are raised as the readers improve.
FLOORS = {
    "converted": (33, 33),
    "reader": (33, 33),
    "valid": (33, 33),
    "tei_all": (33, 33),
    "edition_valid": (33, 33),
    "title": (24, 25),
    "date": (31, 31),
    "listing_records": (4, 4),
    "turns": (12, 12),
    "named_turns": (162, 162),
    "lossless": (33, 33),
}
# What reading real input right means, as shares (the same figures are taken on real files not in the corpus):
# every file converted and valid; right reader >= 95 %; title right >= 95 %; date right >= 90 %; listing records
# right >= 90 %; turn count within 5 % on >= 90 % of transcripts; >= 90 % of named turns under the right person;
# lossless on every file.
DONE = {
    "converted": 1.0,
    "valid": 1.0,
    "tei_all": 1.0,
    "edition_valid": 1.0,
    "reader": 0.95,
    "title": 0.95,
    "date": 0.90,
    "listing_records": 0.90,
    "turns": 0.90,
    "named_turns": 0.90,
    "lossless": 1.0,
}


def load_bench() -> ModuleType:
    """bench/corpus.py, imported from its path (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_bench()


@pytest.fixture(scope="module")
def measured(bench: ModuleType) -> dict[str, tuple[int, int]]:
    if not (CORPUS / "gold.json").is_file():
        pytest.fail(f"the corpus is not at {CORPUS}: it must sit beside the project (../shared/corpus)")
    if not TEI_ALL.is_file():
        pytest.fail(f"the official TEI schema is not at {TEI_ALL}: the corpus measure validates against it")
    return bench.measure(CORPUS, TEI_ALL)["all"]


def test_floors_cover_every_measure(bench: ModuleType) -> None:
    assert set(FLOORS) == set(bench.MEASURES)


@pytest.mark.parametrize("name", FLOORS)
def test_no_regression(measured: dict[str, tuple[int, int]], name: str) -> None:
    right, total = measured[name]
    floor_right, floor_total = FLOORS[name]
    assert total > 0, f"{name}: nothing measured (0 files judged): is the corpus complete?"
    assert right * floor_total >= floor_right * total, (
        f"{name}: {right}/{total} ({right / total:.0%}) is below the floor {floor_right}/{floor_total} "
        f"({floor_right / floor_total:.0%}); `.venv/bin/python bench/corpus.py ../shared/corpus` says which files"
    )


@pytest.mark.parametrize("name", DONE)
def test_real_input_is_read_right(measured: dict[str, tuple[int, int]], name: str) -> None:
    right, total = measured[name]
    assert right >= DONE[name] * total, f"{name}: {right}/{total} ({right / total:.0%}) is below {DONE[name]:.0%}"


# --- the measure itself ------------------------------------------------------------------


def test_reader_of_prefers_the_converters_record(bench: ModuleType) -> None:
    tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><encodingDesc><appInfo>{}</appInfo></encodingDesc>'
    tei += '</teiHeader><text type="catalogue"><body><div type="transcript"/></body></text></TEI>'
    recorded = tei.format('<application ident="edition" version="1" n="bilingual"><label>edition</label></application>')
    assert bench.reader_of(etree.ElementTree(etree.fromstring(recorded))) == "bilingual"
    assert bench.reader_of(etree.ElementTree(etree.fromstring(tei.format("")))) == "listing"


def test_titles_compare_as_a_reader_would(bench: ModuleType) -> None:
    assert bench.normalise_title("Boris Shragin’s program “American scientists.”") == bench.normalise_title(
        'BORIS SHRAGIN\'S PROGRAM "AMERICAN SCIENTISTS"'
    )
    assert bench.normalise_title("38. Minutes of a Meeting") != bench.normalise_title("Minutes of a Meeting")


def test_dates_are_not_less_precise_than_gold(bench: ModuleType) -> None:
    assert bench.date_right("1971-05", "1971-05-03", "1971-05-03")
    assert not bench.date_right("1965-04-29", "1965-04", "1965-04")
    assert not bench.date_right("1965-04-29", "1965-04-30", "1965-04-30")
    assert bench.date_right(None, None, None)
    assert not bench.date_right(None, "1965", "1965")


def test_coverage_notices_a_lost_word(bench: ModuleType) -> None:
    assert bench.coverage("a b c\nSkip to content\nd e", "a b c d e", {2}) == 1.0
    assert bench.coverage("a b c d", "a c d", set()) == 0.75
