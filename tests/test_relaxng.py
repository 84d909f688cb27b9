"""The RELAX NG engine of `edition validate --schema`: each construct of the language, with documents that
match and documents that do not; messages; recovery; the compact syntax; the cache."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from lxml import etree

from toolchain.validate import relaxng, schemas
from toolchain.validate.instance import Checker
from toolchain.validate.relaxng import SchemaError, compile_grammar

RNG = 'xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"'


def problems(tmp_path: Path, grammar: str, document: str, name: str = "g.rng") -> list[str]:
    path = tmp_path / name
    path.write_text(grammar, encoding="utf-8")
    checker = Checker(compile_grammar(path).patterns)
    return [p.message for p in checker.check(etree.fromstring(document))]


BOOK = f"""<grammar {RNG}>
  <start><ref name="book"/></start>
  <define name="book">
    <element name="book">
      <attribute name="id"><data type="ID"/></attribute>
      <optional><attribute name="year"><data type="gYear"/></attribute></optional>
      <element name="title"><text/></element>
      <zeroOrMore><ref name="chapter"/></zeroOrMore>
    </element>
  </define>
  <define name="chapter">
    <element name="chapter">
      <optional><attribute name="kind"><choice><value>prose</value><value>verse</value></choice></attribute></optional>
      <oneOrMore><element name="p">
        <mixed><zeroOrMore><element name="em"><text/></element></zeroOrMore></mixed>
      </element></oneOrMore>
    </element>
  </define>
</grammar>"""


@pytest.mark.parametrize(
    "document",
    [
        '<book id="b1"><title>T</title></book>',
        '<book id="b1" year="1962"><title>T</title><chapter kind="verse"><p>a <em>b</em> c</p><p/></chapter></book>',
        '<book id="b1"><!-- a comment --><title>T<?pi x?>U</title>\n  <chapter><p>x</p></chapter>\n</book>',
    ],
)
def test_documents_that_match(tmp_path, document):
    assert problems(tmp_path, BOOK, document) == []


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("<book><title>T</title></book>", 'element "book" lacks a required attribute: id'),
        ('<book id="b1" year="62"><title>T</title></book>', 'attribute "year" of "book" has a bad value "62"'),
        ('<book id="b1" colour="red"><title>T</title></book>', 'attribute "colour" is not allowed on "book"'),
        ('<book id="b1"><chapter><p>x</p></chapter></book>', 'element "chapter" is not allowed yet; missing: title'),
        ('<book id="b1"><title>T</title><chapter/></book>', 'element "chapter" is incomplete; expected: p'),
        ('<book id="b1"><title>T</title><chapter><p>x <b>y</b></p></chapter></book>', 'element "b" is not defined'),
        ('<book id="b1"><title>T</title>stray words</book>', 'text "stray words" is not allowed inside "book"'),
        ('<book id="b1"><title>T</title><chapter kind="drama"><p/></chapter></book>', 'one of "prose", "verse"'),
        ('<book id="b1"><title>T</title><p>x</p></book>', 'element "p" is not allowed inside "book" here'),
        ("<volume/>", 'element "volume" is not defined in the schema'),
    ],
)
def test_documents_that_do_not(tmp_path, document, message):
    found = problems(tmp_path, BOOK, document)
    assert any(message in m for m in found), found


def test_each_problem_is_reported_once_and_the_check_goes_on(tmp_path):
    doc = '<book id="b1"><chapter><p><b>x</b></p></chapter><chapter kind="x"><p/></chapter></book>'
    found = problems(tmp_path, BOOK, doc)
    assert len(found) == 3, found  # title missing; b not defined; kind's value


def test_an_element_out_of_place_is_checked_against_its_own_definition(tmp_path):
    found = problems(tmp_path, BOOK, '<book id="b1"><title>T</title><p><em>x</em><i/></p></book>')
    assert any('"p" is not allowed' in m for m in found) and any('"i" is not defined' in m for m in found)


def test_interleave_list_data_except_and_name_classes(tmp_path):
    grammar = f"""<grammar {RNG} ns="urn:x">
      <start><element name="r">
        <interleave>
          <element name="a"><list><oneOrMore><data type="integer"/></oneOrMore></list></element>
          <element name="b"><data type="token"><except><value>no</value></except></data></element>
          <optional><element><nsName ns="urn:y"/><empty/></element></optional>
          <zeroOrMore><element>
            <anyName><except><nsName/><nsName ns="urn:y"/></except></anyName><text/>
          </element></zeroOrMore>
        </interleave>
        <optional><attribute><anyName/></attribute></optional>
      </element></start>
    </grammar>"""
    good = '<r xmlns="urn:x" xmlns:y="urn:y" any="1"><b>yes</b><z:q xmlns:z="urn:z">t</z:q><a> 1 2 3 </a><y:e/></r>'
    assert problems(tmp_path, grammar, good) == []
    assert any(
        "bad value" in m or "not a valid value" in m
        for m in problems(tmp_path, grammar, '<r xmlns="urn:x"><a>1 x</a><b>ok</b></r>')
    )
    assert problems(tmp_path, grammar, '<r xmlns="urn:x"><a>1</a><b>no</b></r>')
    assert problems(tmp_path, grammar, '<r xmlns="urn:x"><a>1</a></r>')


def test_combine_include_and_override(tmp_path):
    (tmp_path / "base.rng").write_text(
        f"""<grammar {RNG}>
          <start><element name="doc"><zeroOrMore><ref name="item"/></zeroOrMore></element></start>
          <define name="item"><element name="a"><empty/></element></define>
          <define name="extra" combine="choice"><element name="x"><empty/></element></define>
        </grammar>""",
        encoding="utf-8",
    )
    grammar = f"""<grammar {RNG}>
      <include href="base.rng">
        <define name="item"><choice><element name="b"><empty/></element><ref name="extra"/></choice></define>
      </include>
      <define name="extra" combine="choice"><element name="y"><empty/></element></define>
    </grammar>"""
    assert problems(tmp_path, grammar, "<doc><b/><x/><y/></doc>") == []
    assert any('"a" is not defined' in m for m in problems(tmp_path, grammar, "<doc><a/></doc>"))


def test_compact_syntax(tmp_path):
    grammar = "start = element note { attribute n { xsd:integer }, (text | element hi { text })* }\n"
    assert problems(tmp_path, grammar, '<note n="3">a <hi>b</hi></note>', name="g.rnc") == []
    assert problems(tmp_path, grammar, '<note n="three">a</note>', name="g.rnc")


def test_a_grammar_is_read_from_local_files_only(tmp_path):
    grammar = f'<grammar {RNG}><start><externalRef href="http://example.invalid/x.rng"/></start></grammar>'
    (tmp_path / "g.rng").write_text(grammar, encoding="utf-8")
    with pytest.raises(SchemaError, match="local files only"):
        compile_grammar(tmp_path / "g.rng")


def test_not_a_grammar(tmp_path):
    (tmp_path / "g.rng").write_text("<schema/>", encoding="utf-8")
    with pytest.raises(SchemaError, match="not a RELAX NG grammar"):
        compile_grammar(tmp_path / "g.rng")


def test_the_compiled_grammar_is_cached_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("EDITION_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "g.rng"
    path.write_text(BOOK, encoding="utf-8")
    first = schemas.load_grammar(path)
    monkeypatch.setattr(schemas, "compile_grammar", lambda p: pytest.fail("compiled again"))
    again = schemas.load_grammar(path)
    assert pickle.dumps(again.patterns.kind) == pickle.dumps(first.patterns.kind)
    path.write_text(BOOK.replace('name="title"', 'name="heading"'), encoding="utf-8")
    monkeypatch.setattr(schemas, "compile_grammar", relaxng.compile_grammar)
    changed = schemas.load_grammar(path)  # the content changed: compiled anew
    doc = etree.fromstring('<book id="b"><heading>T</heading></book>')
    assert Checker(changed.patterns).check(doc) == []


# XML Schema 1.0 values each datatype takes and refuses (RELAX NG names version 1.0: no "+INF", no year 0)
LEXICAL = {
    "boolean": (["true", "0"], ["yes", "TRUE"]),
    "date": (["1962-10-25", "-0044-03-15", "1962-10-25Z"], ["1962-02-30", "0000-01-01", "25.10.1962"]),
    "dateTime": (["1962-10-25T12:00:00"], ["1962-10-25 12:00"]),
    "decimal": (["1.", ".5", "-0"], ["1e3", "INF"]),
    "double": (["INF", "1.5E-2", "NaN"], ["+INF", "x"]),
    "gYear": (["1962", "-0044", "99999999999999999999"], ["62", "0000"]),
    "language": (["en", "en-GB", "x-klingon"], ["e1", "abcdefghi"]),
    "NCName": (["a.b-c_d", "été"], ["a:b", "1a", "a b"]),
    "nonNegativeInteger": (["0", "-0", "+7"], ["-1", "1.0"]),
    "byte": (["127"], ["-129", "200"]),
    "anyURI": (["#a", "http://x.org/a", "%20"], ["%%"]),
    "QName": (["a:b", "a"], [":a", "a:"]),
    "NMTOKENS": (["a b:c"], [" "]),
    "hexBinary": (["0f"], ["0", "zz"]),
    "duration": (["P1Y2M3DT4H5M6.7S", "-P1D"], ["P", "PT"]),
}


@pytest.mark.parametrize("name", sorted(LEXICAL))
def test_xml_schema_datatypes(name):
    from toolchain.validate.datatypes import XSD_LIBRARY, Datatype

    takes, refuses = LEXICAL[name]
    datatype = Datatype(XSD_LIBRARY, name)
    assert [v for v in takes if not datatype.allows(v)] == []
    assert [v for v in refuses if datatype.allows(v)] == []


def test_xml_schema_datatypes_agree_with_xmlschema():
    """Every built-in type but the three whose lexical space xmlschema reads otherwise (QName and NOTATION need
    a namespace context; its anyURI takes any string) answers as xmlschema's built-in types do."""
    import xmlschema

    from toolchain.validate.datatypes import XSD_LIBRARY, Datatype, _readers

    theirs = xmlschema.XMLSchema.builtin_types()
    values = [v for takes, refuses in LEXICAL.values() for v in takes + refuses if "9999999" not in v]
    values += ["", "a", " a ", "1", "+1", "12:00:00", "24:00:00", "--10", "---25", "--10-25", "1962-10", "YWJj", "abc"]
    differ = []
    for name in sorted(set(_readers()) - {"QName", "NOTATION", "anyURI"}):
        datatype = Datatype(XSD_LIBRARY, name)
        differ += [(name, v) for v in values if datatype.allows(v) != theirs[name].is_valid(datatype.normalise(v))]
    assert differ == []
