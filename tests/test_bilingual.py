"""The bilingual reader: an OCR'd original and its translation in one TEI document."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, jing
from helpers import convert, words, xpath

from toolchain.export import to_text
from toolchain.readers import registry, sniff
from toolchain.readers.conventions import DEFAULT
from toolchain.tei import XML_ID, parse

SEED = ROOT / "transcripts" / "004_40ab3963a3b9c643.txt"
FIXTURES = Path(__file__).parent / "cases" / "bilingual"
FIXTURE = FIXTURES / "gromyko-cable-havana.txt"


@pytest.fixture(scope="module")
def seed():
    tei, diagnostics = convert(SEED.read_bytes(), SEED.name)
    return parse(tei), diagnostics


@pytest.fixture(scope="module")
def fixture():
    tei, diagnostics = convert(FIXTURE.read_bytes(), FIXTURE.name)
    return parse(tei), diagnostics


def test_sniffed_as_bilingual():
    text = SEED.read_text(encoding="utf-8")
    assert sniff(text, SEED, DEFAULT).name == "bilingual"
    assert sniff(FIXTURE.read_text(encoding="utf-8"), FIXTURE, DEFAULT).name == "bilingual"


def test_a_long_text_is_sniffed_by_its_beginning_and_its_end(monkeypatch):
    """An original of a megabyte and its translation after it: the readers see the beginning and the end
    (the original's script and the translation's), not every paragraph, and still know it for bilingual."""
    russian = "Председатель Совета Министров сказал, что правительство не примет эти условия. " * 4
    english = "The Chairman of the Council of Ministers said that the government would not accept them. " * 4
    text = "Telegram\n\n" + "\n\n".join([russian] * 3000) + "\n\n" + "\n\n".join([english] * 3000) + "\n"
    seen: list[int] = []
    real = registry.READERS["listing"]
    monkeypatch.setitem(
        registry.READERS,
        "listing",
        registry.Reader(real.name, real.description, real.read, lambda t, c: seen.append(len(t)) or 0.0),
    )
    assert sniff(text, SEED, DEFAULT).name == "bilingual"
    assert seen and seen[0] <= 2 * registry.SNIFF_PART + 2 < len(text) / 3


def test_header(seed):
    tree, _ = seed
    assert xpath(tree, "string(//tei:titleStmt/tei:title)") == "Mikoyan Telegram to the CC CPSU, 20 November 1962"
    assert xpath(tree, "string(//tei:creation/tei:date/@when)") == "1962-11-20"
    assert xpath(tree, "string(//tei:msIdentifier/tei:idno[@type='archive'])") == "01231"
    assert xpath(tree, "string(//tei:msIdentifier/tei:idno[@type='special'])") == "1868"
    resp = xpath(tree, "//tei:titleStmt/tei:respStmt")
    assert len(resp) == 1
    assert xpath(resp[0], "string(tei:persName)") == "Svetlana Savranskaya"
    assert xpath(resp[0], "string(tei:orgName)") == "The National Security Archive"
    source = xpath(tree, "string(//tei:sourceDesc/tei:bibl[@type='source'])")
    assert source.startswith("Source: From the personal archive") and source.endswith("Security Archive.")
    # the source statement left the body
    assert "Source:" not in xpath(tree, "string(//tei:text)")


def test_two_texts_in_two_languages(seed):
    tree, _ = seed
    divs = xpath(tree, "//tei:body/tei:div")
    assert [(d.get("type"), d.get("{http://www.w3.org/XML/1998/namespace}lang")) for d in divs] == [
        ("original", "ru"),
        ("translation", "en"),
    ]
    assert xpath(tree, "//tei:msContents/tei:textLang/@mainLang") == ["ru"]


def test_page_furniture(seed):
    tree, _ = seed
    footers = xpath(tree, "//tei:div[@type='translation']//tei:fw[@type='footer']")
    assert len(footers) == 6  # three page breaks, two footer lines each
    assert len(xpath(tree, "//tei:div[@type='translation']//tei:pb[not(@type)]")) == 3
    # the third break cut "The | Cuban revolution": one paragraph, the pb inside it
    joined = xpath(tree, "//tei:p[tei:pb[not(@type)]]")
    assert len(joined) == 1
    text = joined[0].xpath("string()")
    assert "development of communism. The\n\nFrom the personal archive" in text
    assert text.endswith("it could only be destroyed.")
    # no footer text is left in a paragraph of its own
    assert not xpath(tree, "//tei:p[starts-with(normalize-space(.), 'From the personal archive')]")
    # breaks without a footer that cut a sentence: joined, marked as inferred
    assert len(xpath(tree, "//tei:div[@type='translation']//tei:pb[@type='inferred']")) == 3
    assert len(xpath(tree, "//tei:div[@type='original']//tei:pb[@type='inferred']")) == 4


def test_a_paragraph_that_stands_twice_is_kept_twice_and_furniture_after_a_note_is_kept():
    """A long paragraph repeated word for word is no running footer: both copies stay text. A short line
    repeated, after a note, is furniture, kept after the note (it was dropped)."""
    text = SEED.read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n\n") if p.startswith("фидель ответил, что в первые моменти"))
    note = next(p for p in text.split("\n\n") if p.rstrip().endswith("(В.ч.)."))
    doubled = text.replace(paragraph, paragraph + "\n\n" + paragraph, 1)
    footer = "Архив Президента РФ, фонд 3, лист 12"
    doubled = doubled.replace(note, f"{note}\n\n{footer}", 1)
    translation = "\n\nMikoyan Telegram to the CC CPSU, 20 November 1962\n"
    doubled = doubled.replace(translation, f"\n\n{footer}{translation}", 1)  # again, at the end of the original
    tree = parse(convert(doubled.encode("utf-8"), SEED.name)[0])
    original = xpath(tree, "string(//tei:div[@type='original'])")
    assert original.count("мертвые воскресли") == 2  # both copies (a cut sentence joins them at a page break)
    assert not xpath(tree, "//tei:fw[contains(., 'мертвые воскресли')]")
    assert len(xpath(tree, f"//tei:div[@type='original']//tei:fw[. = '{footer}']")) == 2


def test_ocr_damage_flagged_not_removed(seed):
    tree, diagnostics = seed
    runs = xpath(tree, "//tei:unclear[@reason='ocr-repetition']")
    assert len(runs) == 2
    assert runs[0].xpath("string()").count("доставки горичего") >= 3
    choices = xpath(tree, "//tei:choice")
    assert [(xpath(c, "string(tei:orig)"), xpath(c, "string(tei:reg)")) for c in choices] == [
        ("**Всегданайдуг, могут органы**", "Всегданайдуг, могут органы"),
        ("\\dots", "…"),
    ]
    assert sum(d.rule == "ocr-repetition" for d in diagnostics) == 2


def test_notes(seed):
    tree, _ = seed
    notes = xpath(tree, "//tei:text//tei:note")
    assert [(n.get("type"), n.get("n")) for n in notes] == [
        ("transmission", None),
        ("reference", None),
        ("transmission", "*"),
    ]
    assert xpath(notes[1], "string()").startswith("Справка:")
    assert "transmission" in xpath(notes[2], "string()")


def test_persons_shared_by_both_texts(seed):
    tree, _ = seed
    ids = set(xpath(tree, "//tei:particDesc//tei:person/@xml:id"))
    assert {"castro", "mikoyan", "khrushchev", "kennedy", "titov", "alekseev", "rodriguez", "adenauer"} <= ids
    assert "thant" in ids and "lenin" in ids
    for pid in ("castro", "khrushchev", "kennedy", "adenauer", "titov"):
        for lang in ("ru", "en"):
            refs = xpath(tree, f"//tei:div[@xml:lang='{lang}']//tei:persName[@ref='#{pid}']")
            assert refs, f"{pid} is not named in the {lang} text"
    castro_ru = {x.xpath("string()") for x in xpath(tree, "//tei:div[@xml:lang='ru']//tei:persName[@ref='#castro']")}
    assert {"Ф.Кастро", "Фидель", "фидель", "бидель", "ФИДЕЛЬ"} <= castro_ru
    # no person twice under two ids
    assert not [i for i in ids if i.startswith(("nyakoyan", "kastro", "fidel"))]


def test_fuzzy_matches_reported(seed):
    _, diagnostics = seed
    fuzzy = [d for d in diagnostics if d.rule == "person-fuzzy"]
    assert {d.message.split("'")[1] for d in fuzzy} >= {"бидель", "Тидель", "Фидоль", "Ридель", "Някоян"}
    assert all(d.severity == "info" and d.line > 0 for d in fuzzy)
    line = SEED.read_text(encoding="utf-8").splitlines()
    for d in fuzzy:
        assert d.message.split("'")[1] in line[d.line - 1], d.text()


def test_speech_in_both_texts(seed):
    tree, _ = seed
    for lang in ("ru", "en"):
        who = set(xpath(tree, f"//tei:div[@xml:lang='{lang}']//tei:said/@who"))
        assert {"#castro", "#mikoyan"} <= who, lang
    # the narrator's "I responded" is Mikoyan speaking
    said = xpath(tree, "//tei:div[@xml:lang='en']//tei:p[starts-with(., 'I responded that so far')]/tei:said")
    assert said and said[0].get("who") == "#mikoyan"


def test_every_translation_paragraph_points_to_the_original(seed):
    tree, _ = seed
    ru_ids = set(xpath(tree, "//tei:div[@type='original']//@xml:id"))
    paragraphs = xpath(tree, "//tei:div[@type='translation']/tei:p")
    linked = [p for p in paragraphs if p.get("corresp")]
    assert len(linked) >= 0.95 * len(paragraphs)
    for p in linked:
        for target in p.get("corresp").split():
            assert target[1:] in ru_ids


def test_fixture_with_other_conventions(fixture):
    """A running head in the original too, a date line in dd.mm.yyyy, a cut-off repetition, two translators."""
    tree, diagnostics = fixture
    assert xpath(tree, "string(//tei:creation/tei:date/@when)") == "1962-10-28"
    assert xpath(tree, "string(//tei:msIdentifier/tei:idno[@type='archive'])") == "АВП РФ 0104/18"
    assert xpath(tree, "string(//tei:msIdentifier/tei:idno[@type='special'])") == "2231"
    assert [xpath(r, "string(tei:persName)") for r in xpath(tree, "//tei:respStmt")] == ["Anna Petrova", "John Smith"]
    for lang in ("ru", "en"):
        assert len(xpath(tree, f"//tei:div[@xml:lang='{lang}']//tei:pb[not(@type)]")) == 2
        assert len(xpath(tree, f"//tei:div[@xml:lang='{lang}']/tei:p//tei:pb")) == 1  # one break mid-sentence
    assert set(xpath(tree, "//tei:particDesc//tei:person/@xml:id")) == {
        "alekseev",
        "castro",
        "dorticos",
        "gromyko",
        "khrushchev",
    }
    assert xpath(tree, "//tei:div[@xml:lang='ru']//tei:persName[.='Дортиков']/@ref") == ["#dorticos"]
    assert [d.message.split("'")[1] for d in diagnostics if d.rule == "person-fuzzy"] == ["Дортиков"]
    assert len(xpath(tree, "//tei:unclear")) == 1
    assert xpath(tree, "//tei:div[@xml:lang='ru']/tei:note/@type") == ["reference"]
    assert xpath(tree, "//tei:div[@xml:lang='ru']/tei:closer//tei:date/@when") == ["1962-10-28"]


@pytest.mark.parametrize("path", [SEED, FIXTURE], ids=["seed-004", "fixture"])
def test_lossless(path):
    text = path.read_text(encoding="utf-8")
    tei, _ = convert(text, path.name)
    assert words(to_text(parse(tei), DEFAULT)) == words(text)


def test_valid(tmp_path, tei_all, seed, fixture):
    from toolchain.validate import validator

    files = []
    for name, source in (("seed.xml", SEED), ("fixture.xml", FIXTURE)):
        out = tmp_path / name
        out.write_bytes(convert(source.read_bytes(), source.name)[0])
        assert validator().check_file(out) == []
        files.append(out)
    ok, errors = jing(files)
    assert ok, errors


def test_ids_unique_and_stable(seed):
    tree, _ = seed
    ids = [e.get(XML_ID) for e in tree.iter() if e.get(XML_ID)]
    assert len(ids) == len(set(ids))
    again = parse(convert(SEED.read_bytes(), SEED.name)[0])
    assert ids == [e.get(XML_ID) for e in again.iter() if e.get(XML_ID)]


# --- bad input -------------------------------------------------------------------------


def test_one_language_only_is_a_clear_error():
    text = "\n\n".join(FIXTURE.read_text(encoding="utf-8").split("\n\n")[:14])  # the Russian part alone
    with pytest.raises(Exception) as info:
        convert(text, "ru-only.txt", format="bilingual")
    diagnostic = info.value.diagnostic
    assert diagnostic.rule == "input-bilingual" and "only one language" in diagnostic.message
    assert diagnostic.line == 1


def test_footer_that_never_repeats_stays_text():
    """Without a repetition a footer cannot be told from text: it is kept as a paragraph, nothing is lost."""
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "Top Secret. Single copy. No copies to be made.\n\nThe conversation", "The conversation"
    )
    tei, _ = convert(text, "once.txt")
    tree = parse(tei)
    assert len(xpath(tree, "//tei:div[@xml:lang='en']//tei:fw")) == 0
    assert words(to_text(tree, DEFAULT)) == words(text)


def test_footer_pattern_that_matches_nothing_is_reported():
    conv = DEFAULT.override(footer_patterns=(r"^Page \d+ of \d+$",))
    _, diagnostics = convert(FIXTURE.read_bytes(), FIXTURE.name, conventions=conv)
    assert [d.rule for d in diagnostics if d.severity == "warning"] == ["footer-pattern"]


def test_footer_pattern_from_conventions():
    text = FIXTURE.read_text(encoding="utf-8").replace("I promised to report", "Page 2 of 3\n\nI promised to report")
    conv = DEFAULT.override(footer_patterns=(r"^Page \d+ of \d+$",))
    tei, _ = convert(text, "paged.txt", conventions=conv)
    tree = parse(tei)
    assert "Page 2 of 3" in xpath(tree, "//tei:div[@xml:lang='en']//tei:fw/text()")


def test_reader_alignment_against_the_reference(seed):
    """The @corresp links the reader writes, scored against the hand-made reference (keyed by first lines)."""
    import json

    from test_align import REFERENCE, sample_units

    tree, _ = seed
    original, translation = sample_units()

    def head(text: str) -> tuple[str, ...]:
        return tuple(words(text)[:8])

    ru_line = {head(text): line for line, text in original}
    en_line = {head(text): line for line, text in translation}
    by_id = {e.get(XML_ID): e for e in tree.iter() if e.get(XML_ID)}
    got = set()
    for element in xpath(tree, "//tei:div[@type='translation']/*[@corresp]"):
        en = en_line.get(head(element.xpath("string()")))
        assert en is not None, element.xpath("string()")[:60]
        for target in element.get("corresp").split():
            ru = ru_line.get(head(by_id[target[1:]].xpath("string()")))
            assert ru is not None
            got.add((en, ru))
    reference = {(int(en), ru) for en, rus in json.loads(REFERENCE.read_text()).items() for ru in rus}
    checked = {pair for pair in reference if pair[0] != 258 and pair[0] != 260}  # the closer is not linked
    precision = len(got & reference) / len(got)
    recall = len(got & checked) / len(checked)
    print(f"reader alignment: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9
