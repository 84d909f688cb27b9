<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the HTML edition. The renderer (toolchain/render/html.py) compiles it once and
  calls one named template per page: h:document (with $doc), h:home, h:persons, h:about, h:search,
  and h:search-index for the search data. Customise by a stylesheet that imports this one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:edition:functions"
    xmlns:h="urn:edition:html"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="layout.xsl"/>
  <xsl:include href="pages.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The TEI document a document page shows. Set by the renderer. -->
  <xsl:param name="doc" as="document-node()?" select="()"/>

  <!-- What each of $documents gives the search index, in their order (h:search-page). Set by the renderer
       when the documents are digests; computed here when absent. -->
  <xsl:param name="search-pages" as="xs:string*" select="ed:documents() ! h:search-page(.)"/>

  <!-- The items of the persons page, by person anchor: each document's item as XML text (h:mention-html), in
       the order of the documents. Set by the renderer when the documents are digests; when absent, the
       persons page finds them in the documents (h:mentions). -->
  <xsl:param name="person-mentions" as="map(xs:string, xs:string*)?" select="()"/>

  <!-- Where the pages find edition.css, edition.js and the search files, relative to a page. -->
  <xsl:param name="assets" as="xs:string" select="'assets/'"/>

  <xsl:mode on-no-match="text-only-copy"/>

</xsl:stylesheet>
