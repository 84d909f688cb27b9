<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "Names, Dates, People, and Places": persons named in the text link to the persons
  page; dates and times carry their machine-readable value.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName">
    <xsl:call-template name="b:person">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="person" select="ed:person(string(@ref), .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:date | tei:time">
    <xsl:call-template name="b:date">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="value" select="ed:machine-date(@when)"/>
      <!-- an empty date shows its normalised value -->
      <xsl:with-param name="content" select="if (normalize-space(.) or *) then node()
          else replace(string-join((@when, @notBefore, @from, @notAfter, @to)[1], ''), 'T', ' ')"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
