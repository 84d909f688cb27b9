"""The teiHeader of a document, from its `Meta`: the one header builder of every reader."""

from __future__ import annotations

from lxml import etree

from ..model import Citation, Meta, Person
from ..tei import el, sub
from .inline import Span, build, content

_CITATION_PARTS = {
    "title": lambda c: el("title", level="a"),
    "date": lambda c: el("date", when=c.date),
    "publisher": lambda c: el("publisher"),
    "archive": lambda c: el("idno", type="archive"),
    "url": lambda c: el("ref", target=c.url),
}


# The sections of editorialDecl, in the order of the TEI content model.
SECTIONS = ("correction", "normalization", "quotation", "hyphenation", "segmentation", "interpretation")


# What sourceDesc says when nothing describes the source.
UNIDENTIFIED_SOURCE = "A plain-text transcript without a citation."


def header(meta: Meta) -> etree._Element:
    th = el("teiHeader", file_desc(meta), el("encodingDesc", editorial_decl(meta)))
    th.append(profile_desc(meta))
    return th


def editorial_decl(meta: Meta) -> etree._Element:
    """editorialDecl: the declarations of the document, grouped by section."""
    decl = el("editorialDecl")
    for section in SECTIONS:
        paragraphs = [text for kind, text in meta.declarations if kind == section]
        if paragraphs:
            decl.append(el(section, *[el("p", text) for text in paragraphs]))
    return decl


def file_desc(meta: Meta) -> etree._Element:
    """fileDesc: title and responsibility, publication, notes from the header fields, the source."""
    fd = el("fileDesc")
    ts = sub(fd, "titleStmt", el("title", meta.title, type="main"))
    if meta.funder:
        sub(ts, "funder", meta.funder)
    for resp in meta.resp:
        rs = sub(ts, "respStmt", el("resp", resp.phrase), el("persName", resp.name, xml_id=resp.id))
        if resp.org:
            sub(rs, "orgName", resp.org)
    ps = sub(fd, "publicationStmt")
    if meta.publisher:
        sub(ps, "publisher", meta.publisher)
    else:
        sub(ps, "p", meta.publication)
    if meta.url:
        sub(ps, "idno", meta.url, type="URI")
    if meta.notes:
        fd.append(el("notesStmt", *[el("note", text, type=kind) for kind, text in meta.notes]))
    sd = sub(fd, "sourceDesc")
    if meta.citation is not None:
        sd.append(citation_bibl(meta.citation))
    for source in meta.sources:
        sub(sd, "bibl", source.text, type="source", corresp=source.corresp)
    if not len(sd) and meta.manuscript is None:  # prose, or a description: not both
        if meta.source_desc:
            sub(sd, "p", meta.source_desc)
        else:  # a statement of the converter's, not a fact of the source: the renderings do not show it
            sub(sd, "ab", UNIDENTIFIED_SOURCE, type="unidentified")
    if meta.manuscript is not None:
        sd.append(manuscript(meta))
    return fd


def citation_bibl(citation: Citation) -> etree._Element:
    """The citation verbatim, its recognised parts marked."""
    spans = [Span(a, b, "persName", lambda k=kind: _CITATION_PARTS[k](citation)) for a, b, kind in citation.marks]
    return el("bibl", *build(citation.text, spans), type="citation", corresp=citation.corresp)


def manuscript(meta: Meta) -> etree._Element:
    ms = meta.manuscript
    assert ms is not None
    desc = el("msDesc")
    ident = sub(desc, "msIdentifier")
    if ms.repository:
        sub(ident, "repository", ms.repository)
    for kind, value in ms.idnos:
        sub(ident, "idno", value, type=kind)
    if not len(ident):
        sub(ident, "msName", ms.name or meta.title)
    if ms.main_lang or ms.text_lang:  # a language the page names but no code is known for: its name alone
        sub(desc, "msContents", el("textLang", ms.text_lang, mainLang=ms.main_lang, otherLangs=ms.other_langs))
    if ms.hands:
        hd = el("handDesc")
        for hid, person in sorted(ms.hands.items()):
            sub(hd, "handNote", f"The hand of {person.full_name()}.", xml_id=hid, scribeRef=f"#{person.id}")
        desc.append(el("physDesc", hd))
    return desc


def profile_desc(meta: Meta) -> etree._Element:
    """profileDesc: the date of the document, its abstract, its languages and the persons it names."""
    pd = el("profileDesc")
    if meta.creation is not None:
        written, when = meta.creation
        sub(pd, "creation", el("date", written, when=when))
    if meta.abstract:
        sub(pd, "abstract", *[el("p", *content(paragraph)) for paragraph in meta.abstract])
    lu = sub(pd, "langUsage")
    for code, name in sorted(meta.languages.items()):
        sub(lu, "language", name, ident=code)
    if meta.persons or meta.stations:
        lp = el("listPerson")
        for p in sorted(meta.persons, key=lambda p: p.id):
            lp.append(person_el(p))
        for station in sorted(meta.stations, key=lambda s: s.id):
            sub(lp, "personGrp", el("name", station.name, type="place"), xml_id=station.id, role="station")
        sub(pd, "particDesc", lp)
    return pd


def person_el(p: Person) -> etree._Element:
    name = el("persName")
    if p.forenames:
        for f in p.forenames:
            sub(name, "forename", f)
            name[-1].tail = " "
    elif p.initials:
        sub(name, "forename", p.initials)
        name[-1].tail = " "
    sub(name, "surname", p.surname)
    person = el("person", name, xml_id=p.id, role=p.role)
    for form in sorted(p.forms - {p.full_name()}):
        sub(person, "persName", form, type="variant")
    if p.birth:
        sub(person, "birth", when=p.birth)
    if p.death:
        sub(person, "death", when=p.death)
    return person
