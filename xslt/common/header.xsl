<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "The TEI Header": which facts about a document a reader is shown, in which order and
  under which label. ed:header-fields gives them as maps, which each output lays out:
    map{ 'key': xs:string, 'label': xs:string, 'value': item()* (TEI nodes to render, or strings),
         'href': xs:string? (a link for the value), 'lang': xs:string?,
         'datetime': xs:string? (the date field: its machine-readable value) }
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:idno-labels" as="map(xs:string, xs:string)" select="map{
      'callNumber': 'Call number', 'archive': 'Archive reference', 'special': 'Document number',
      'URI': 'Address', 'wikidata': 'Wikidata'}"/>

  <!-- The content of a field whose text opens with a label of its own ("Source: From the archive …"):
       without that label, which the field's label says already; else the element itself. -->
  <xsl:function name="ed:unlabelled" as="item()*">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="labels" as="xs:string*"/>
    <xsl:variable name="first" select="$e/node()[1]"/>
    <xsl:variable name="pattern" select="'^\s*(' || string-join($labels, '|') || ')\s*:\s*'"/>
    <xsl:sequence select="if ($first instance of text() and matches($first, $pattern, 'i'))
        then (replace($first, $pattern, '', 'i'), $e/node() except $first) else $e"/>
  </xsl:function>

  <xsl:function name="ed:header-fields" as="map(*)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="h" select="root($doc)/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="fd" select="$h/tei:fileDesc"/>
    <xsl:variable name="ms" select="$fd/tei:sourceDesc/tei:msDesc"/>
    <xsl:variable name="text" select="root($doc)/tei:TEI/tei:text"/>
    <xsl:variable name="date" select="ed:date($doc)"/>
    <xsl:if test="$date">
      <xsl:sequence select="map{'key': 'date', 'label': 'Date', 'value': ed:date-shown($date),
                                'datetime': ed:machine-date(($date/@when, $date/@notBefore, $date/@from)[1])}"/>
    </xsl:if>
    <xsl:variable name="archive" select="$ms/tei:msIdentifier/(tei:country, tei:settlement, tei:institution, tei:repository, tei:collection)[normalize-space()]"/>
    <xsl:if test="$archive">
      <xsl:sequence select="map{'key': 'archive', 'label': 'Archive', 'value': string-join($archive ! normalize-space(.), ', ')}"/>
    </xsl:if>
    <xsl:for-each select="$ms/tei:msIdentifier/tei:idno[normalize-space()]">
      <xsl:sequence select="map{'key': 'idno', 'label': ($ed:idno-labels(string(current()/@type)), 'Identifier')[1], 'value': .}"/>
    </xsl:for-each>
    <xsl:for-each select="$fd/tei:titleStmt/(tei:author, tei:editor, tei:respStmt)">
      <xsl:sequence select="map{'key': 'resp',
          'label': (normalize-space(tei:resp)[. != ''], if (self::tei:author) then 'Author' else 'Editor')[1],
          'value': if (self::tei:respStmt) then * except tei:resp else .}"/>
    </xsl:for-each>
    <xsl:for-each select="$fd/tei:publicationStmt/(tei:publisher, tei:distributor, tei:authority)[normalize-space()]">
      <xsl:sequence select="map{'key': 'publisher', 'label': 'Publisher', 'value': .}"/>
    </xsl:for-each>
    <xsl:for-each select="$fd/tei:publicationStmt/tei:idno[normalize-space()]">
      <xsl:sequence select="map{'key': 'address', 'label': if (@type = 'URI') then 'Source address' else ($ed:idno-labels(string(current()/@type)), 'Identifier')[1],
                                'value': normalize-space(.), 'href': ed:safe-href(if (@type = 'URI') then normalize-space(.) else ())}"/>
    </xsl:for-each>
    <!-- an ab of @type "unidentified" is the converter's word that nothing describes the source: no fact to show -->
    <xsl:for-each select="$fd/tei:sourceDesc/(tei:bibl, tei:biblStruct, tei:p, tei:ab[not(@type = 'unidentified')])[normalize-space()]">
      <xsl:variable name="label" select="if (@type = 'citation') then 'Citation' else 'Source'"/>
      <xsl:sequence select="map{'key': 'source', 'label': $label, 'value': ed:unlabelled(., ('Source', 'Citation'))}"/>
    </xsl:for-each>
    <xsl:for-each select="$h/tei:profileDesc/tei:abstract">
      <xsl:sequence select="map{'key': 'summary', 'label': 'Summary', 'value': node()}"/>
    </xsl:for-each>
    <!-- the original's language as the manuscript description states it (langUsage lists every language used, in no order that says which is the original's) -->
    <xsl:variable name="main-lang" select="$ms/tei:msContents/tei:textLang/@mainLang"/>
    <xsl:variable name="text-lang" select="($text/@xml:lang, root($doc)/tei:TEI/@xml:lang)[1]"/>
    <xsl:variable name="pair" select="if ($text) then ed:parallel-pair($text) else ()"/>
    <xsl:variable name="orig-lang" select="($pair[1]/@xml:lang, $ms/tei:msContents/tei:textLang/@mainLang)[1]"/>
    <!-- a language the source names but no code is known for: its name as written -->
    <xsl:variable name="orig-named" select="normalize-space(string-join($ms/tei:msContents/tei:textLang[not(@mainLang)], ' '))"/>
    <xsl:if test="$orig-lang or $orig-named">
      <xsl:sequence select="map{'key': 'original-language', 'label': 'Language of the original',
                                'value': if ($orig-lang) then ed:language-name($orig-lang, $doc) else $orig-named}"/>
    </xsl:if>
    <xsl:variable name="trans-lang" select="if ($pair) then $pair[2]/@xml:lang
        else if ($text/@type = 'translation' or ($text-lang and $main-lang and $text-lang != $main-lang)) then $text-lang else ()"/>
    <xsl:if test="$trans-lang">
      <xsl:sequence select="map{'key': 'translation-language', 'label': 'Language of the translation', 'value': ed:language-name($trans-lang, $doc)}"/>
    </xsl:if>
    <xsl:for-each select="$ms/tei:physDesc/tei:handDesc/tei:handNote[normalize-space()]">
      <xsl:sequence select="map{'key': 'hand', 'label': 'Hand', 'value': node()}"/>
    </xsl:for-each>
    <xsl:for-each select="$fd/tei:titleStmt/tei:funder[normalize-space()]">
      <xsl:sequence select="map{'key': 'funder', 'label': 'Funder', 'value': node()}"/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
