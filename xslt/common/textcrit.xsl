<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "Critical Apparatus": the lemma stands in the text; the readings follow it, marked as
  variants with their witnesses.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:app">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lem">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="'Lemma' || (@wit ! (' (' || ed:sigla(., ..) || ')'))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a reading: its witnesses' sigla, then its words, or "om." where the witnesses leave the lemma out -->
  <xsl:template match="tei:rdg | tei:rdgGrp">
    <xsl:variable name="omitted" select="self::tei:rdg and not(normalize-space()) and not(*)"/>
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="'Variant reading' || (@wit ! (' of ' || ed:sigla(., ..)))"/>
      <xsl:with-param name="before" select="' ' || $ed:reading-open || (@wit ! (ed:sigla(., ..) || ': '))"/>
      <xsl:with-param name="after" select="$ed:reading-close"/>
      <xsl:with-param name="content" select="if ($omitted) then $ed:omitted-label else ed:trimmed(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The sigla of witnesses (@wit): each pointer's witness by its @n, else its id; a pointer to no
       witness of the file as written, without its "#". -->
  <xsl:function name="ed:sigla" as="xs:string">
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="string-join(tokenize(normalize-space($pointers), ' ') ! (
        let $w := ed:resolve(., $context)[self::tei:witness or self::tei:listWit]
        return if ($w) then ($w/@n[normalize-space()], $w/@xml:id)[1] ! normalize-space(.) else replace(., '^[^#]*#', '')), ' ')"/>
  </xsl:function>

  <xsl:template match="tei:wit | tei:witDetail">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
