<?xml version="1.0" encoding="UTF-8"?>
<!--
  The shared rendering decisions: include this from a format's entry stylesheet, which then
  implements the behaviours (b:block, b:inline, ...) listed in xslt/README.md.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="params.xsl"/>
  <xsl:include href="edition.xsl"/>
  <xsl:include href="labels.xsl"/>
  <xsl:include href="rendition.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="credits.xsl"/>
  <xsl:include href="principles.xsl"/>
  <xsl:include href="textstructure.xsl"/>
  <xsl:include href="core.xsl"/>
  <xsl:include href="transcr.xsl"/>
  <xsl:include href="drama.xsl"/>
  <xsl:include href="namesdates.xsl"/>
  <xsl:include href="figures.xsl"/>
  <xsl:include href="textcrit.xsl"/>
  <xsl:include href="fallback.xsl"/>
</xsl:stylesheet>
