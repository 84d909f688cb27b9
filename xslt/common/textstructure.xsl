<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "Default Text Structure": divisions, paragraphs, headings, openers and closers.
  Each template chooses a behaviour (see xslt/README.md); the output format implements it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:group">
    <xsl:call-template name="b:block"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:call-template name="b:section"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:call-template name="b:heading">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <!-- one level for each enclosing element that has a heading of its own -->
      <xsl:with-param name="level" select="max((1, min((6, count(ancestor::*[tei:head])))))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <xsl:call-template name="b:paragraph">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="before" select="if (parent::tei:sp and not(preceding-sibling::*[not(self::tei:speaker)])) then ed:rend-pre(..) else ()"/>
      <xsl:with-param name="after" select="if (parent::tei:sp and not(following-sibling::*)) then ed:rend-post(..) else ()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph | tei:trailer | tei:byline
                       | tei:docAuthor | tei:docDate | tei:salute | tei:signed | tei:dateline | tei:address">
    <xsl:call-template name="b:block"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:addrLine | tei:lg">
    <xsl:call-template name="b:block"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:call-template name="b:paragraph"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <!-- the header is shown by the page, not in the text -->
  <xsl:template match="tei:teiHeader">
    <xsl:call-template name="b:omit"/>
  </xsl:template>

</xsl:stylesheet>
