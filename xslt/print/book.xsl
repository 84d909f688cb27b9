<?xml version="1.0" encoding="UTF-8"?>
<!--
  The book: title page, contents, editorial principles, one chapter per document (in the order of
  their dates), the index of persons. p:book writes the whole Typst source of the documents of the
  edition as set: the whole book, or one of its volumes ($volume of $volumes).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:p="urn:edition:print"
    exclude-result-prefixes="#all">

  <xsl:variable name="p:nl" select="'&#10;'"/>

  <xsl:template name="p:book">
    <xsl:variable name="ordered" select="ed:reading-order($documents)"/>
    <xsl:variable name="volume-line" select="ed:volume-line()"/>
    <!-- the authors of the PDF: the edition's makers (ed:agents); the title page: each under their roles -->
    <xsl:variable name="makers" select="ed:agents($documents)[?creator]?name"/>
    <xsl:variable name="credits" select="ed:credits($documents) ! ('(' || p:string(?label) || ', ' || p:string(string-join(?names, ', ')) || ')')"/>
    <xsl:variable name="lang" select="($documents/tei:TEI/@xml:lang, 'en')[1]"/>
    <xsl:variable name="size" select="tokenize(lower-case($paper), '\s*x\s*')"/>
    <xsl:variable name="page" select="if (count($size) = 2 and (every $s in $size satisfies matches($s, '^\d+(\.\d+)?(mm|cm|in|pt)$')))
        then 'width: ' || $size[1] || ', height: ' || $size[2]
        else 'paper: ' || p:string($paper)"/>
    <xsl:value-of select="'#import &quot;edition.typ&quot;: *' || $p:nl
        || '#show: book.with(title: ' || p:string($edition-title) || ', editors: ' || p:array($makers)
        || ', lang: ' || p:lang($lang) || ', ' || $page || ', line-numbers: ' || string($line-numbers) || ')' || $p:nl
        || '#title-page(title: ' || p:string($edition-title) || ', credits: (' || string-join($credits, ', ')
        || (if (count($credits) = 1) then ',' else '') || '), extent: ' || p:string(ed:span($ordered))
        || ', date: ' || p:string($edition-date) || ', volume: ' || p:string($volume-line) || ')' || $p:nl
        || '#contents()' || $p:nl"/>
    <xsl:call-template name="p:principles"/>
    <xsl:for-each select="$ordered">
      <xsl:call-template name="p:chapter"/>
    </xsl:for-each>
    <!-- the index, when a name in the texts is a person's of the edition (b:person marks it) -->
    <xsl:if test="exists($ordered//tei:text//tei:persName[exists(ed:person(string(@ref), .))])">
      <xsl:value-of select="$p:nl || '#persons-index()' || $p:nl"/>
    </xsl:if>
  </xsl:template>

  <!-- A Typst array of strings. -->
  <xsl:function name="p:array" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="'(' || string-join($items ! p:string(.), ', ') || (if (count($items) = 1) then ',' else '') || ')'"/>
  </xsl:function>

  <!-- the editorial principles, for readers (ed:principles): a paragraph each -->
  <xsl:template name="p:principles">
    <xsl:variable name="principles" select="ed:principles($documents, 'print')"/>
    <xsl:if test="exists($principles)">
      <xsl:value-of select="$p:nl || '#principles(' || p:content(string-join($principles ! p:escape(?statement), '&#10;&#10;')) || ')' || $p:nl"/>
    </xsl:if>
  </xsl:template>

  <!-- a chapter: the document's title and facts, then its text -->
  <xsl:template name="p:chapter">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="facts" as="xs:string*">
      <xsl:for-each select="ed:header-fields($doc)[?key = ('date', 'archive', 'idno', 'resp', 'address')]">
        <!-- several names (a person and an institution) are separated by commas -->
        <xsl:variable name="parts" as="xs:string*">
          <xsl:for-each select="?value">
            <xsl:variable name="part">
              <xsl:call-template name="p:body">
                <xsl:with-param name="content" select="."/>
                <xsl:with-param name="phrasing" select="true()"/>
              </xsl:call-template>
            </xsl:variable>
            <xsl:sequence select="normalize-space($part)[. != '']"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:sequence select="'(' || p:string(?label) || ', ' || p:content(string-join($parts, ', ')) || ')'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="title" select="ed:title($doc)"/>
    <xsl:variable name="facing" select="$bilingual-layout = 'facing' and exists($doc/tei:TEI/tei:text[exists(ed:parallel-pair(.))])"/>
    <xsl:value-of select="$p:nl || '#chapter(' || p:content(p:escape($title)) || ', facts: ('
        || string-join($facts, ', ') || (if (count($facts) = 1) then ',' else '') || ')'
        || (if ($facing) then ', facing: true' else '') || ')' || $p:nl"/>
    <xsl:for-each select="$doc/tei:TEI/tei:text">
      <xsl:variable name="pair" select="ed:parallel-pair(.)"/>
      <xsl:variable name="body">
        <xsl:choose>
          <xsl:when test="$pair and $bilingual-layout = 'facing'">
            <xsl:call-template name="p:facing"><xsl:with-param name="pair" select="$pair"/></xsl:call-template>
          </xsl:when>
          <xsl:when test="$pair">
            <!-- one after the other, each under its label, the translation from a new page -->
            <xsl:for-each select="$pair">
              <xsl:value-of select="(if (position() gt 1) then '#pagebreak(weak: true)' else '') || $p:nl
                  || '#ed-part-label' || p:content(p:escape(ed:pair-label(.))) || $p:nl"/>
              <xsl:apply-templates select="."/>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <!-- a heading of the text that repeats the chapter's title is not printed twice -->
            <xsl:apply-templates select="tei:body/node() | tei:front | tei:back">
              <xsl:with-param name="p:skip" select="descendant::tei:head[normalize-space(.) = normalize-space($title)][1]" tunnel="yes"/>
            </xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:value-of select="$p:nl || '#text(lang: ' || p:lang(ed:lang(.)) || ')[' || $body || ']' || $p:nl"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:head" priority="2">
    <xsl:param name="p:skip" as="element()*" tunnel="yes" select="()"/>
    <xsl:if test="not(. is $p:skip)">
      <xsl:next-match/>
    </xsl:if>
  </xsl:template>

  <!-- an original and its translation on facing pages, in the rows of ed:parallel-rows (each translation
       paragraph beside the original paragraphs it points to), under their labels -->
  <xsl:template name="p:facing">
    <xsl:param name="pair" as="element(tei:div)+"/>
    <xsl:variable name="rows" as="xs:string*">
      <xsl:sequence select="'(' || string-join($pair ! p:content('#ed-part-label' || p:content(p:escape(ed:pair-label(.)))), ', ') || ')'"/>
      <xsl:for-each select="ed:parallel-rows($pair)">
        <xsl:variable name="left"><xsl:apply-templates select="?left"/></xsl:variable>
        <xsl:variable name="right"><xsl:apply-templates select="?right"/></xsl:variable>
        <xsl:sequence select="'(' || p:content($left) || ', ' || p:content($right) || ')'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="$p:nl || '#facing(left-lang: ' || p:lang($pair[1]/@xml:lang) || ', right-lang: '
        || p:lang($pair[2]/@xml:lang) || ', (' || string-join($rows, ', ') || (if (count($rows) = 1) then ',' else '') || '))' || $p:nl"/>
  </xsl:template>

</xsl:stylesheet>
