<?xml version="1.0" encoding="UTF-8"?>
<!--
  The frame of every content document (h:page, overriding the website's: no site navigation, no
  scripts, the book's style sheets) and the second pass, e:finish, that makes a page XHTML.

  The page templates (the website's and the book's own) write elements in no namespace, as the website
  does. e:finish copies a page into the XHTML namespace and, knowing every address of the book
  ($anchors, from e:anchors):
    - fixes the view chosen by $default-view with `hidden`: the book has no switch (diplomatic: the
      reading forms are hidden; reading: the deletions and the transcript's forms are);
    - turns a link whose target is not in the book into plain text (class ed-unresolved), as an
      unresolved pointer is everywhere;
    - keeps each id once per page, and gives xml:lang beside lang.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:h="urn:edition:html"
    xmlns:e="urn:edition:epub"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <xsl:variable name="e:xhtml" as="xs:string" select="'http://www.w3.org/1999/xhtml'"/>
  <xsl:variable name="e:ops" as="xs:string" select="'http://www.idpf.org/2007/ops'"/>

  <!-- the structural semantics of each kind of page (epub:type of its body) -->
  <xsl:variable name="e:page-types" as="map(xs:string, xs:string)" select="map{
      'title': 'frontmatter titlepage', 'nav': 'frontmatter', 'about': 'frontmatter',
      'document': 'bodymatter chapter', 'catalogue': 'backmatter', 'persons': 'backmatter'}"/>

  <xsl:template name="h:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <xsl:document>
      <html lang="{$lang}" data-text-view="{if ($default-view = 'reading') then 'reading' else 'diplomatic'}">
        <head>
          <title><xsl:value-of select="$title"/></title>
          <xsl:for-each select="$styles">
            <link rel="stylesheet" type="text/css" href="{.}"/>
          </xsl:for-each>
        </head>
        <body class="page-{$key}">
          <xsl:if test="map:contains($e:page-types, $key)">
            <xsl:attribute name="epub:type" select="$e:page-types($key)"/>
          </xsl:if>
          <main>
            <xsl:sequence select="$content"/>
          </main>
        </body>
      </html>
    </xsl:document>
  </xsl:template>

  <!-- ============================================================ the second pass -->

  <!-- every address a link of the book may point to: each file, and each id in it -->
  <xsl:template name="e:anchors" as="map(xs:string, xs:boolean)">
    <xsl:sequence select="map:merge(
        for $f in map:keys($pages) return (map{$f: true()}, $pages($f)//@id ! map{$f || '#' || .: true()}),
        map{'duplicates': 'use-first'})"/>
  </xsl:template>

  <xsl:template name="e:finish">
    <xsl:apply-templates select="$page" mode="e:xhtml"/>
  </xsl:template>

  <xsl:mode name="e:xhtml" on-no-match="shallow-copy"/>

  <xsl:key name="e:id" match="*[@id]" use="string(@id)"/>

  <!-- the class of what the fixed view hides -->
  <xsl:variable name="e:hidden-class" as="xs:string"
                select="if ($default-view = 'reading') then 'view-diplomatic-only' else 'view-reading-only'"/>

  <xsl:template match="*[namespace-uri() = '']" mode="e:xhtml">
    <xsl:element name="{local-name()}" namespace="{$e:xhtml}">
      <xsl:if test="empty(parent::*)">
        <xsl:namespace name="epub" select="$e:ops"/>
      </xsl:if>
      <xsl:apply-templates select="@*" mode="e:xhtml"/>
      <xsl:if test="tokenize(@class) = $e:hidden-class and not(@hidden)">
        <xsl:attribute name="hidden" select="'hidden'"/>
      </xsl:if>
      <xsl:apply-templates mode="e:xhtml"/>
    </xsl:element>
  </xsl:template>

  <!-- a link to nowhere in the book is its text -->
  <xsl:template match="a[@href][not(e:resolves(@href))]" mode="e:xhtml" priority="1">
    <span xmlns="http://www.w3.org/1999/xhtml" class="{normalize-space(@class || ' ed-unresolved')}">
      <xsl:apply-templates select="@* except (@href, @class, @role, @epub:type, @aria-label)" mode="e:xhtml"/>
      <xsl:apply-templates mode="e:xhtml"/>
    </span>
  </xsl:template>

  <xsl:function name="e:resolves" as="xs:boolean">
    <xsl:param name="href" as="xs:string"/>
    <xsl:variable name="target" select="if (starts-with($href, '#')) then $file || $href else $href"/>
    <xsl:sequence select="matches($href, '^[a-zA-Z][a-zA-Z0-9+.-]*:') or map:contains($anchors, $target)"/>
  </xsl:function>

  <!-- an id once in a page: the first element that has it keeps it -->
  <xsl:template match="@id[not(key('e:id', string(.), root(.))[1] is ..)]" mode="e:xhtml" priority="1"/>

  <xsl:template match="@lang" mode="e:xhtml">
    <xsl:copy/>
    <xsl:if test="empty(../@xml:lang)">
      <xsl:attribute name="xml:lang" select="."/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
