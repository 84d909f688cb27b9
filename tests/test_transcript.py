"""Speaker-labelled transcripts: case files of every label style, with hand-made turn lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CASES, SAMPLES, case_files, jing, load_case
from helpers import check_case_output, convert, text_of, words, xpath

from toolchain import readers
from toolchain.cli import main
from toolchain.export import to_text
from toolchain.readers.conventions import DEFAULT
from toolchain.tei import parse
from toolchain.validate import validator

TRANSCRIPTS = case_files("transcript")
IDS = [p.stem for p in TRANSCRIPTS]
NO_LABELS = CASES / "transcript" / "bad" / "no-labels.txt"


def facts(tei: bytes, diagnostics) -> dict:
    """What a transcript case's `expect` section speaks of, read off the TEI and the report."""
    tree = parse(tei)
    text = "//tei:text"
    return {
        "title": text_of(xpath(tree, "//tei:titleStmt/tei:title")[0]),
        "date": xpath(tree, "//tei:profileDesc/tei:creation/tei:date/@when")[0][:10],
        "turns": [
            [
                text_of(sp.find("{*}speaker")) if sp.find("{*}speaker") is not None else None,
                (sp.get("who") or "").lstrip("#") or None,
            ]
            for sp in xpath(tree, f"{text}//tei:sp")
        ],
        "unresolved": [d.message.split("'")[1] for d in diagnostics if d.rule == "speaker-unresolved"],
        "omissions": [text_of(g) for g in xpath(tree, f"{text}//tei:gap")],
        "sic": [text_of(s) for s in xpath(tree, f"{text}//tei:sic")],
        "stages": [text_of(s) for s in xpath(tree, f"{text}//tei:stage[not(@type='time' or @type='delivery')]")],
        "times": [text_of(t) for t in xpath(tree, f"{text}//tei:time")],
        "notes": len(xpath(tree, f"{text}//tei:note[@place='foot']")),
    }


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=IDS)
def test_case_expectations(path):
    """Turn counts, speaker labels and ids, omissions, [sic], remarks and times as made by hand."""
    case = load_case(path)
    tei, diagnostics = convert(case.input, path.stem + ".txt")
    got = facts(tei, diagnostics)
    for key, expected in case.expect.items():
        assert got[key] == expected, f"{path.stem}: {key}"


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=IDS)
def test_case_output(path, regen):
    check_case_output(path, regen)


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=IDS)
def test_sniffed_as_transcript(path):
    text = load_case(path).input
    assert readers.sniff(text, path, DEFAULT).name == "transcript"


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_samples_are_not_transcripts(path):
    assert readers.sniff(path.read_text(encoding="utf-8"), path, DEFAULT).name != "transcript"


@pytest.mark.parametrize("path", TRANSCRIPTS, ids=IDS)
def test_lossless(path):
    text = load_case(path).input
    tei, _ = convert(text, path.stem + ".txt")
    assert words(to_text(parse(tei), DEFAULT)) == words(text)


def test_every_case_is_valid(tmp_path, tei_all):
    """`edition validate` (XSD + rules) and the reference tei_all.rng (jing) accept every case."""
    files = []
    for path in TRANSCRIPTS:
        out = tmp_path / f"{path.stem}.xml"
        out.write_bytes(convert(load_case(path).input, path.stem + ".txt")[0])
        assert validator().check_file(out) == [], path.stem
        files.append(out)
    ok, errors = jing(files)
    assert ok, errors


def test_edition_of_transcripts_links_speakers_to_the_registry(tmp_path, tei_all):
    """Converted together, the speakers point into persons.xml; places stay groups of the document."""
    sources = tmp_path / "transcripts"
    sources.mkdir()
    for path in TRANSCRIPTS:
        (sources / f"{path.stem}.txt").write_text(load_case(path).input, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(sources), "-o", str(tmp_path / "tei")])
    assert result.exit_code == 0, result.output
    registry = parse(tmp_path / "tei" / "persons.xml")
    ids = xpath(registry, "//tei:person/@xml:id")
    assert len(ids) == len(set(ids))
    rusk = [i for i in ids if i.startswith("rusk")]
    assert rusk == ["rusk"], "one Rusk across five documents"
    tele = parse(tmp_path / "tei" / "teleconference-santo-domingo-marines.xml")
    whos = set(xpath(tele, "//tei:sp/@who"))
    assert "persons.xml#rusk" in whos and "#washington" in whos
    assert xpath(tele, "//tei:particDesc//tei:personGrp[@xml:id='washington']/tei:name/text()") == ["Washington"]
    files = sorted((tmp_path / "tei").glob("*.xml"))
    for f in files:
        assert validator().check_file(f) == [], f.name
    ok, errors = jing(files)
    assert ok, errors


LABEL_VARIANTS = """Telephone Conversation Between President Lyndon B. Johnson and Secretary McNamara

Washington, March 2, 1964, 11:05 a.m.

President: Bob, I want the figures before the leadership meeting.

McNamara: You will have them this afternoon, Mr. President.

LBJ: Good. And the Saigon cable?

Johnson: Never mind, I have it here.

Secretary: It came in at nine.
"""


def test_label_variants_resolve_to_one_person():
    """President = LBJ = Johnson when the title line says who the President is; Secretary is McNamara."""
    tei, diagnostics = convert(LABEL_VARIANTS, "variants.txt")
    got = facts(tei, diagnostics)
    assert got["turns"] == [
        ["President:", "johnson"],
        ["McNamara:", "mcnamara"],
        ["LBJ:", "johnson"],
        ["Johnson:", "johnson"],
        ["Secretary:", "mcnamara"],
    ]
    assert got["unresolved"] == []


def test_unresolvable_label_is_encoded_and_reported_never_guessed():
    text = LABEL_VARIANTS.replace("Secretary McNamara\n", "Secretary McNamara and Secretary Rusk\n")
    tei, diagnostics = convert(text, "variants.txt")
    tree = parse(tei)
    sp = xpath(tree, "//tei:sp[tei:speaker='Secretary:']")[0]
    assert sp.get("who") is None
    assert text_of(sp) == "Secretary: It came in at nine."
    [warning] = [d for d in diagnostics if d.rule == "speaker-unresolved"]
    assert warning.line == 13 and "McNamara" in warning.message and "Rusk" in warning.message


def test_alias_table_of_the_edition():
    """An edition's own table resolves a label the document does not explain."""
    text = LABEL_VARIANTS + "\nBob: One more thing.\n"
    tei, diagnostics = convert(text, "variants.txt")
    assert facts(tei, diagnostics)["turns"][-1] == ["Bob:", "bob"], "a bare first name is read as a name"
    conventions = DEFAULT.override(speaker_aliases={"Bob": "Robert S. McNamara"})
    tei, diagnostics = convert(text, "variants.txt", conventions)
    assert facts(tei, diagnostics)["turns"][-1] == ["Bob:", "mcnamara"]


def test_no_speaker_labels_is_never_an_empty_body():
    """Sniffed, the file is a document page; forced, the transcript reader hands it to the document reader;
    both say so."""
    text = NO_LABELS.read_text(encoding="utf-8")
    _, diagnostics = convert(text, "memo.txt")
    assert "input-format" in [d.rule for d in diagnostics]
    tei, diagnostics = convert(text, "memo.txt", format="transcript")
    assert "transcript-no-speakers" in [d.rule for d in diagnostics] and not xpath(parse(tei), "//tei:sp")
    # with a bold title and a date line the document reader takes it, and the report says so
    titled = "**" + text.replace("\n\n", "**\n\n", 1).replace("Washington, March 6, 1964.", "March 6, 1964")
    tei, diagnostics = convert(titled, "memo.txt", format="transcript")
    assert [d.rule for d in diagnostics if d.severity == "warning"] == ["transcript-no-speakers"]
    paragraphs = xpath(parse(tei), "//tei:text//tei:p")
    assert len(paragraphs) >= 4 and not xpath(parse(tei), "//tei:sp")


def test_bad_brackets_and_notes_name_file_and_line():
    text = LABEL_VARIANTS.replace("the Saigon cable?", "the [Saigon cable?")
    tei, diagnostics = convert(text, "variants.txt")
    (warning,) = [d for d in diagnostics if d.rule == "bracket-unbalanced"]
    assert warning.line == 9 and "kept as written" in warning.message
    assert "the [Saigon cable?" in "".join(parse(tei).xpath("//text()"))
    text = LABEL_VARIANTS + "\n[1] Source: a note no marker calls.\n"
    tei, diagnostics = convert(text, "variants.txt")
    (warning,) = [d for d in diagnostics if d.rule == "note-unplaced"]
    assert warning.line == 15 and "no marker" in warning.message
    assert xpath(parse(tei), "//tei:div[@type='notes']/tei:note[@n='1']"), "the note is kept after the text"


@pytest.mark.parametrize("empty", ["[]", "[ ]"])
def test_empty_brackets_are_kept_as_written_with_a_warning(empty):
    text = LABEL_VARIANTS.replace("the Saigon cable?", f"the {empty} Saigon cable?")
    tei, diagnostics = convert(text, "variants.txt")
    (warning,) = [d for d in diagnostics if d.rule == "bracket-empty"]
    assert warning.line == 9 and "kept as they are written" in warning.message
    assert f"the {empty} Saigon cable?" in "".join(parse(tei).xpath("//text()"))


def test_cli_writes_nothing_for_a_bad_transcript(tmp_path):
    source = tmp_path / "bad.txt"
    source.write_bytes(b"President: \x00\x01\x02 not text\n" * 20)
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(tmp_path / "out"), "--no-registry"])
    assert result.exit_code != 0
    assert "bad.txt:1" in result.output and "binary" in result.output
    assert not list((tmp_path / "out").glob("*.xml")) if (tmp_path / "out").exists() else True


def test_uncertain_reading_and_sic_round_trip():
    text = LABEL_VARIANTS.replace("And the Saigon cable?", "And the [Taylor?] cable from Saigon, recieved [sic] today?")
    tei, _ = convert(text, "variants.txt")
    tree = parse(tei)
    assert [(u.get("reason"), text_of(u)) for u in xpath(tree, "//tei:unclear")] == [("uncertain", "Taylor")]
    assert [text_of(s) for s in xpath(tree, "//tei:sic")] == ["recieved"]
    assert "the [Taylor?] cable from Saigon, recieved [sic] today?" in to_text(tree, DEFAULT)


def test_remarks_inside_and_between_turns():
    """A remark followed by the same speaker's next paragraph stays in the turn; otherwise it stands between."""
    text = LABEL_VARIANTS.replace(
        "Johnson: Never mind, I have it here.",
        "Johnson: Never mind, I have it here.\n\n[The President reads the cable.]\n\nIt says nothing new."
        "\n\n[Secretary McNamara left the room.]",
    )
    tree = parse(convert(text, "variants.txt")[0])
    div = xpath(tree, "//tei:div[@type='transcript']")[0]
    johnson = xpath(div, "tei:sp[tei:speaker='Johnson:']")[0]
    assert [c.tag.split("}")[1] for c in johnson] == ["speaker", "p", "stage", "p"]
    following = johnson.getnext()
    assert following.tag.endswith("stage") and following.get("type") == "exit"
    assert following.getnext().find("{*}speaker").text == "Secretary:"


def test_a_label_is_resolved_without_comparing_it_with_every_person(monkeypatch):
    """300 speakers who speak ten times each: the surnames are folded about once each, not once for every
    person at every label (300 × 3,000), and every turn is under its speaker."""
    from toolchain.readers import speakers

    folded = []
    real = speakers._fold.__wrapped__
    monkeypatch.setattr(speakers, "_fold", lambda word: folded.append(word) or real(word))
    syllables = ["ka", "ro", "mi", "ten", "bar", "lo", "vin", "sa", "del", "mor"]
    names = [f"{a}{b}{c}".capitalize() for a in syllables for b in syllables for c in syllables[:3]][:300]
    turns = [f"Mr. {names[i % 300].upper()}: I rise to speak to the motion before the House." for i in range(3000)]
    tei, _ = convert("Record of the Debate\n\nMarch 3, 1999\n\n" + "\n\n".join(turns) + "\n")
    tree = parse(tei)
    assert len(xpath(tree, "//tei:sp")) == 3000
    assert xpath(tree, "//tei:sp[12]/@who") == [f"#{names[11].lower()}"]
    assert len(folded) < 20_000


def test_labels_with_a_blank_before_the_colon_as_the_french_write_them():
    text = (
        "Entretien avec Marie Dupont\n\nParis, le 12 mars 1974\n\n"
        "Participants : Jean Martin, interviewer ; Marie Dupont\n\n"
        "Q. : Quand êtes-vous arrivée au ministère ?\n\n"
        "Marie Dupont : En 1958, juste après le retour du général de Gaulle.\n\n"
        "Q. : Et vous y êtes restée longtemps ?\n\n"
        "Marie Dupont\u00a0: Jusqu'en 1969. C'était une autre époque.\n\n"
        "Jean Martin\u202f: Merci.\n"
    )
    assert readers.sniff(text, Path("entretien.txt"), DEFAULT).name == "transcript"
    tei, diagnostics = convert(text, "entretien.txt")
    tree = parse(tei)
    speakers = [s.text for s in xpath(tree, "//tei:sp/tei:speaker")]
    assert speakers == ["Q. :", "Marie Dupont :", "Q. :", "Marie Dupont\u00a0:", "Jean Martin\u202f:"]
    who = [sp.get("who") for sp in xpath(tree, "//tei:sp")]
    assert who[1] == who[3] == "#dupont" and who[4] == "#martin"
    # "Q." is the interviewer's part, not a person called Q: the participants line says Jean Martin plays it
    assert who[0] == who[2] == "#martin" and not xpath(tree, "//tei:person[tei:persName/tei:surname='Q']")
    assert xpath(tree, "//tei:person[@xml:id='martin']/@role") == ["interviewer"]
    assert not any("'Q. :'" in d.message for d in diagnostics)


INTERVIEWS = {  # (title, participants line or None, question label, answer label, the text's words)
    "fr": ("Entretien avec Marie Dubois", "Participants : Jean Martin, intervieweur ; Marie Dubois", "Q. :", "R. :"),
    "es": ("Entrevista con Ana López", "Participantes: Pedro Gil, entrevistador; Ana López", "P:", "R:"),
    "it": ("Intervista a Giulia Rossi", "Partecipanti: Marco Neri, intervistatore; Giulia Rossi", "D:", "R:"),
    "de": ("Interview mit Karl Weber", "Teilnehmer: Eva Roth, Interviewerin; Karl Weber", "Frage:", "Antwort:"),
    "de-letters": ("Interview mit Karl Weber", "Teilnehmer: Eva Roth, Interviewerin; Karl Weber", "F:", "A:"),
}
SENTENCES = {
    "fr": ["Vous êtes arrivée à Paris en quelle année ?", "En 1956, après les événements de Budapest, avec ma sœur."],
    "es": ["¿Cuándo llegó usted a Madrid y por qué?", "En 1962, porque mi padre trabajaba en el ministerio."],
    "it": ["Quando è arrivata a Roma e perché?", "Nel 1960, con mio marito, perché lui aveva trovato lavoro."],
    "de": ["Wo waren Sie am Abend des neunten November?", "Zu Hause, vor dem Fernseher, und meine Frau rief mich."],
}


@pytest.mark.parametrize("case", sorted(INTERVIEWS))
def test_question_and_answer_labels_of_other_languages_are_the_interview_parts(case):
    title, listed, question, answer = INTERVIEWS[case]
    asked, said = SENTENCES[case.split("-")[0]]
    turns = "\n\n".join(f"{question} {asked}\n\n{answer} {said}" for _ in range(3))
    text = f"{title}\n\n12.03.1998\n\n{listed}\n\n{turns}\n"
    tree = parse(convert(text, "interview.txt")[0])
    interviewer, interviewee = listed.split(": ")[1].split(", ")[0], title.split()[-2:]
    who = [sp.get("who") for sp in xpath(tree, "//tei:sp")]
    ids = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p for p in xpath(tree, "//tei:person")}
    asking, answering = ids[who[0][1:]], ids[who[1][1:]]
    assert who == [who[0], who[1]] * 3 and who[0] != who[1]
    assert xpath(asking, "string(tei:persName/tei:surname)") == interviewer.split()[-1]
    assert asking.get("role") == "interviewer" and answering.get("role") == "interviewee"
    assert xpath(answering, "string(tei:persName/tei:surname)") == interviewee[-1]
    label_words = {question.strip(" .:"), answer.strip(" .:")}
    assert not any(xpath(p, "string(tei:persName/tei:surname)") in label_words for p in ids.values())


def test_letters_that_are_questions_and_answers_in_another_language_are_initials_in_english():
    text = (
        "Memorandum of Conversation\n\nWashington, October 23, 1962\n\n"
        "Participants: Secretary Dean Rusk; Ambassador Anatoly F. Dobrynin\n\n"
        "R: The Secretary said that the President had made his position clear last night.\n\n"
        "D: The Ambassador replied that he had no instructions on the matter.\n\n"
        "R: The Secretary asked whether the ships would turn back.\n\n"
        "D: He said he did not know, and that he would report to Moscow at once.\n"
    )
    tree = parse(convert(text, "memcon.txt")[0])
    assert [sp.get("who") for sp in xpath(tree, "//tei:sp")] == ["#rusk", "#dobrynin"] * 2
    assert not xpath(tree, "//tei:person[@role='interviewer' or @role='interviewee']")


def test_a_colon_after_a_blank_in_prose_is_no_label():
    from toolchain.readers.labels import find_label

    assert find_label("Note : the text was cut here.", DEFAULT) is None
    assert find_label("The answer is : yes.", DEFAULT) is None
