<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the HTML edition. The renderer (toolchain/render/html.py) compiles it once and
  calls one named template per page: h:document (with $doc), h:home, h:persons, h:places, h:more-persons,
  h:about, h:search; and for the parts each document gives them h:head-digest, h:own-person-html, h:mention-html,
  h:home-item and h:search-page, and h:search-own for the search index. Customise by a stylesheet that
  imports this one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:include href="../common/common.xsl"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="layout.xsl"/>
  <xsl:include href="pages.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- The TEI document a document page shows. Set by the renderer. -->
  <xsl:param name="doc" as="document-node()?" select="()"/>

  <!-- The persons whose items on the persons page the renderer puts in (h:mention-html), their anchors as
       keys; when absent, the page finds the items in the documents (h:mentions). Set by the renderer. -->
  <xsl:param name="mentioned" as="map(xs:string, xs:boolean)?" select="()"/>

  <!-- The number of persons who live in a document (ed:own-persons) the persons page lists: the renderer
       puts in their items (h:own-person-html); when absent, the page finds them in the documents. Set by
       the renderer. -->
  <xsl:param name="own-listed" as="xs:integer?" select="()"/>

  <!-- The number of documents the home page lists: the renderer puts in their items (h:home-item); when
       absent, the page lists the documents of the edition. Set by the renderer. -->
  <xsl:param name="listed" as="xs:integer?" select="()"/>

  <!-- A list the renderer splits into pages (the home page's, the persons page's places): the names of
       its pages, without .html (h:pager). Set by the renderer. -->
  <xsl:param name="page-names" as="xs:string*" select="()"/>

  <!-- The number of the page of such a list being made (1: the first). Set by the renderer. -->
  <xsl:param name="page-number" as="xs:integer" select="1"/>

  <!-- Where the pages find edition.css, edition.js and the search files, relative to a page. -->
  <xsl:param name="assets" as="xs:string" select="'assets/'"/>

  <xsl:mode on-no-match="text-only-copy"/>

</xsl:stylesheet>
