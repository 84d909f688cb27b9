"""The language of a passage: plain English is told without the detector; every other passage, and English
that borrows letters or words of other languages, is the detector's to tell."""

import pytest

from toolchain.source import language


class _NoDetector:
    def detect_language_of(self, text: str) -> None:
        raise AssertionError(f"the detector was asked: {text!r}")


@pytest.fixture
def no_detector(monkeypatch):
    monkeypatch.setattr(language, "_detector", lambda: _NoDetector())


@pytest.mark.parametrize(
    "text",
    [
        "We must draft a document in which we say where we are heading. Some things worked out well.",
        "The Ambassador said that the Soviet Government would not accept these conditions, and left.",
        "KENNEDY: Well, I think that we should have a look at what they have done there this week.",
    ],
)
def test_plain_english_is_told_without_the_detector(no_detector, text):
    assert language.identify(text) == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Minister sagte, was die Regierung in dieser Frage tun werde, sei noch nicht entschieden.", "de"),
        ("Het is de vraag of de regering van Nederland dit voorstel in de Kamer zal steunen.", "nl"),
        ("Han kom her i går og sagde, at han vil have et svar fra regeringen inden fredag.", "da"),
        ("On a dit que le gouvernement de la France ne peut pas accepter ces conditions.", "fr"),
        ("Председатель сказал, что правительство не примет эти условия и покинул зал.", "ru"),
    ],
)
def test_other_languages_go_to_the_detector(text, lang):
    assert not language._plainly_english(text[: language.SAMPLE])
    assert language.identify(text) == lang


def test_english_with_letters_of_other_languages_goes_to_the_detector():
    text = "The delegation of the Society for the Protection of Nature met with Mr. Gomułka and his aides."
    assert not language._plainly_english(text)
    assert language.identify(text) == "en"


_GERMAN = (
    "Sehr geehrter Herr Minister, ich habe die Ehre, Ihnen mitzuteilen, dass die Regierung der Deutschen "
    "Demokratischen Republik bereit ist, die Verhandlungen fortzusetzen."
)
_ENGLISH = (
    "Dear Minister, I have the honour to inform you that the Government of the German Democratic Republic is "
    "ready to continue the negotiations with you."
)
_RUSSIAN = "Мы согласны с этим предложением и просим передать его товарищу Брежневу как можно скорее."


@pytest.mark.parametrize("kind", ["document", "transcript"])
def test_a_long_text_of_two_languages_marks_each_paragraph_from_the_first_to_the_last(kind):
    """The languages of a text's paragraphs are decided as the text is written, and where that needs the
    whole text (its first, last and longest paragraphs) at its end: both give the same marks, before the
    text's first 5,000 letters and after them."""
    from helpers import convert, xpath

    from toolchain.tei import XML_LANG, parse

    said = [_GERMAN, _ENGLISH, _RUSSIAN] * 20  # about 20,000 letters
    if kind == "transcript":
        body = "\n\n".join(f"{'SMITH' if i % 2 else 'JONES'}: {p}" for i, p in enumerate(said))
        text = f"Transcript of a Meeting\n\nJune 4, 1962\n\n{body}\n"
    else:
        text = "**Letter of the Ambassador**\n\nBerlin, 3 March 1970\n\n" + "\n\n".join(said) + "\n"
    tei = parse(convert(text, format=kind)[0])
    paragraphs = [p for p in xpath(tei, "//tei:body//tei:p") if p.xpath("string()").strip() in said]
    assert len(paragraphs) == len(said)
    marks = [p.get(XML_LANG) for p in paragraphs]
    assert marks == [None, "en", "ru"] * 20 or marks == ["de", None, "ru"] * 20, marks
