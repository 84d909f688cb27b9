"""Paragraph alignment of a translation to its OCR'd original, checked against a reference made by hand."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import ROOT

from toolchain.readers.align import Link, align, name_key

SEED = ROOT / "transcripts" / "004_40ab3963a3b9c643.txt"  # the bundled copy of the sample
REFERENCE = Path(__file__).parent / "alignment" / "004_40ab3963a3b9c643.json"
TERMINAL = tuple('.!?:;…"”»)')
FOOTERS = ("From the personal archive of Dr. Sergo A. Mikoyan", "Any other use of these documents")


def cut(
    lines: list[str], first: int, last: int, *, drop: frozenset[int] = frozenset(), footers: tuple[str, ...] = ()
) -> list[tuple[int, str]]:
    """Units of lines first..last (1-based) as the reader makes them, each keyed by its first line.

    Units are blank-line separated blocks. A block is joined to the previous unit when that unit does not
    end with terminal punctuation and the block starts lowercase or a running footer stood between them.
    Blocks whose first line is in `drop` are left out; footers are left out too."""
    blocks: list[tuple[int, str]] = []
    start, current = 0, []
    for number in range(first, last + 2):
        line = lines[number - 1].strip() if number <= min(last, len(lines)) else ""
        if line:
            start = start if current else number
            current.append(line)
        elif current:
            blocks.append((start, "\n".join(current)))
            current = []
    units: list[tuple[int, str]] = []
    bridged = False
    for start, text in blocks:
        if start in drop:
            continue
        if text.startswith(footers):
            bridged = True
            continue
        if units and not units[-1][1].endswith(TERMINAL) and (text[0].islower() or bridged):
            units[-1] = (units[-1][0], units[-1][1] + "\n" + text)
        else:
            units.append((start, text))
        bridged = False
    return units


def sample_units() -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(Russian original, English translation) units of the sample."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    original = cut(lines, 5, 124, drop=frozenset({112}))  # 112: a note on the transmission
    translation = cut(lines, 130, 260, footers=FOOTERS)
    return original, translation


def reference_pairs() -> set[tuple[int, int]]:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    return {(int(en), ru) for en, rus in reference.items() for ru in rus}


def link_pairs(original: list[tuple[int, str]], translation: list[tuple[int, str]]) -> set[tuple[int, int]]:
    links = align([text for _, text in original], [text for _, text in translation])
    assert [link.translation for link in links] == list(range(len(translation)))
    return {(translation[link.translation][0], original[k][0]) for link in links for k in link.original}


def precision_recall(got: set[tuple[int, int]], want: set[tuple[int, int]]) -> tuple[float, float]:
    hits = len(got & want)
    return hits / max(len(got), 1), hits / max(len(want), 1)


# --- the sample against the reference ------------------------------------------------


def test_units_and_reference_agree():
    original, translation = sample_units()
    ru_starts = [start for start, _ in original]
    en_starts = [start for start, _ in translation]
    assert len(ru_starts) == 47 and len(en_starts) == 55
    for first, second in [(23, 25), (42, 44), (78, 80), (96, 98)]:
        assert first in ru_starts and second not in ru_starts
    for first, second in [(152, 154), (166, 168), (224, 226), (242, 248)]:
        assert first in en_starts and second not in en_starts
    assert {112, 126}.isdisjoint(ru_starts)
    assert {182, 184, 204, 206, 244, 246, 262}.isdisjoint(en_starts)
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    assert [int(key) for key in reference] == en_starts
    assert {ru for rus in reference.values() for ru in rus} == set(ru_starts)


def test_sample_alignment_matches_reference():
    original, translation = sample_units()
    precision, recall = precision_recall(link_pairs(original, translation), reference_pairs())
    print(f"\nalignment of the sample: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.90, f"precision {precision:.3f}"
    assert recall >= 0.90, f"recall {recall:.3f}"


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_check_can_fail(order):
    """Against an original in the wrong order, the same measure reports failure."""
    original, translation = sample_units()
    scrambled = original[::-1] if order == "reversed" else random.Random(4).sample(original, len(original))
    precision, recall = precision_recall(link_pairs(scrambled, translation), reference_pairs())
    print(f"\nalignment against the {order} original: precision {precision:.3f}, recall {recall:.3f}")
    assert precision < 0.5
    assert recall < 0.5


# --- groupings on a small invented text ------------------------------------------------

TRANSLATION = [
    "On 14 March 1957 the delegation led by Ivan Petrov arrived in Helsinki and was met at the station by "
    "Ambassador Lebedev.",
    "Petrov said that the talks on the timber agreement had been difficult, but that the Finnish side had accepted "
    "40 per cent of our proposals.",
    "He added that the question of prices would be settled in Moscow.",
    "Lebedev reported on his conversation with Kekkonen, who insisted that the new port at Kotka must be finished "
    "by 1959. In his opinion the harbour would serve both countries. He asked that 12 engineers be sent from "
    "Leningrad as soon as possible, and promised to provide housing for them.",
    "The delegation then visited the shipyard at Turku, where 3000 workers are employed.",
    "In the evening the Minister of Trade, Virolainen, gave a dinner in honour of the delegation. Speeches were "
    "made by Petrov and Virolainen.",
    "On 16 March the delegation left for Stockholm.",
    "Report prepared by Lebedev, 17 March 1957.",
]
# The original as OCR gave it: 1 and 2 merged, 3 split in two, 4 missing, and a few letters misread.
ORIGINAL = [
    "14 марта 1957 года делегация во главе с Иваном Петровнм прибыла в Хельсинки и была встречена на вокзале "
    "послом Лебедевым.",
    "Петров сказал, что переговоры о соглашении по лесу были трудными, но финская сторона приняла 40 процентов "
    "наших предложений. Он добавил, что вопрос о ценах будет решен в Москве.",
    "Лебедев доложил о беседе с Кекконеном, который настаивал на том, что новый порт в Котке должен быть "
    "закончен к 1959 году. По его мнению, гавань будет служить обеим странам.",
    "Он просил как можно скорее направить из Ленинграда 12 инженеров и обещал предоставить им жилье.",
    "Вечером министр торговли Виролайиен дал обед в честь делегации. С речами выступили Петров и Виролайнен.",
    "16 марта делегация выехала в Стокгольм.",
    "Отчет составил Лебедев, 17 марта 1957 г.",
]


def test_groupings():
    assert align(ORIGINAL, TRANSLATION) == [
        Link(0, (0,)),
        Link(1, (1,)),  # 2:1, the original merged two paragraphs
        Link(2, (1,)),
        Link(3, (2, 3)),  # 1:2, the original split one
        Link(4, ()),  # 1:0, missing from the original
        Link(5, (4,)),
        Link(6, (5,)),
        Link(7, (6,)),
    ]


def test_empty_sides():
    assert align([], []) == []
    assert align([], ["One.", "Two."]) == [Link(0, ()), Link(1, ())]
    assert align(["Один."], []) == []


# --- name keys -------------------------------------------------------------------------


def edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


@pytest.mark.parametrize(
    ("original", "translation"),
    [
        ("Хрущеву", "Khrushchev"),
        ("Хрумеву", "Khrushchev"),
        ("Фидель", "Fidel"),
        ("бидель", "Fidel"),
        ("Фидоль", "Fidel"),
        ("Аденауэра", "Adenauer"),
        ("Тану", "Thant"),
        ("Кеннеди", "Kennedy"),
        ("Кастро", "Castro"),
        ("Даллеса", "Dulles"),
    ],
)
def test_name_keys_meet_across_scripts(original, translation):
    assert edits(name_key(original), name_key(translation)) <= 1


def test_name_keys_keep_distinct_names_apart():
    assert edits(name_key("Кеннеди"), name_key("Kekkonen")) > 1
    assert name_key("Ли") == ""  # too short to say anything
