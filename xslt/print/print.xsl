<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the printed edition: TEI to Typst source, which the renderer
  (toolchain/render/pdf.py) compiles with the typst library beside this file (edition.typ).
  The renderer asks ed:volumes what volumes the book is typeset in (common/volumes.xsl), then calls
  p:book once for the book, or for each volume, with that volume's documents (and the registries and
  catalogues) as $edition, $volume and $volumes set. Customise by a stylesheet that imports this one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="book.xsl"/>
  <xsl:include href="../common/volumes.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- Paper: 'a4', 'us-letter' (any Typst paper name), or a trim size as WIDTHxHEIGHT with units,
       e.g. '15.6cm x 23.4cm' or '6in x 9in'. -->
  <xsl:param name="paper" ed:cli="yes" as="xs:string" select="'a4'"/>
  <!-- Margin line numbers every five lines of body text. -->
  <xsl:param name="line-numbers" ed:cli="yes" as="xs:boolean" select="true()"/>
  <!-- An original with its translation: 'facing' (original on the left page, translation on the
       right, paragraph by paragraph) or 'sequential' (the original, then the translation). -->
  <xsl:param name="bilingual-layout" ed:cli="yes" ed:values="facing sequential" as="xs:string" select="'facing'"/>
  <!-- Make the PDF conform to PDF/A-2b (for archiving): the renderer compiles it so, and the file says so. -->
  <xsl:param name="pdfa" ed:cli="yes" as="xs:boolean" select="false()"/>
  <!-- The date of the edition, at the foot of the title page (default: none). -->
  <xsl:param name="edition-date" ed:cli="yes" as="xs:string" select="''"/>

</xsl:stylesheet>
