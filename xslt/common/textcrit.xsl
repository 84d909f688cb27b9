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
      <xsl:with-param name="title" select="'Lemma' || (@wit ! (' (' || normalize-space(.) || ')'))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:rdg | tei:rdgGrp">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="'Variant reading' || (@wit ! (' of ' || normalize-space(.)))"/>
      <xsl:with-param name="before" select="' ' || $supplied-open || (@wit ! (normalize-space(.) || ': ')) "/>
      <xsl:with-param name="after" select="$supplied-close"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:wit | tei:witDetail">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
