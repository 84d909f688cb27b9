<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI chapter "Tables, Formulae, Graphics": tables, figures and their descriptions. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:table">
    <xsl:call-template name="b:table">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="heads" select="tei:head"/>
      <xsl:with-param name="content" select="node()[not(self::tei:head)]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:row">
    <xsl:call-template name="b:row"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:call-template name="b:cell">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="header" select="@role = 'label' or ../@role = 'label'"/>
      <xsl:with-param name="cols" select="xs:integer((@cols[. castable as xs:positiveInteger], 1)[1])"/>
      <xsl:with-param name="rows" select="xs:integer((@rows[. castable as xs:positiveInteger], 1)[1])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:figure">
    <xsl:call-template name="b:figure">
      <xsl:with-param name="class" select="ed:classes(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <!-- an image is not loaded (the edition stays offline): its address is shown as a link -->
  <xsl:template match="tei:graphic | tei:media">
    <xsl:call-template name="b:link">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="href" select="ed:safe-href(@url)"/>
      <xsl:with-param name="content" select="'[image: ' || @url || ']'"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
