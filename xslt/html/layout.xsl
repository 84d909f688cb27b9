<?xml version="1.0" encoding="UTF-8"?>
<!-- The frame of every HTML page: head, site header and navigation, footer. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:h="urn:edition:html"
    exclude-result-prefixes="#all">

  <xsl:variable name="h:nav" as="map(xs:string, xs:string)*" select="(
      map{'key': 'index', 'href': 'index.html', 'label': 'Documents'},
      map{'key': 'persons', 'href': 'persons.html', 'label': 'Persons'},
      map{'key': 'search', 'href': 'search.html', 'label': 'Search'},
      map{'key': 'about', 'href': 'about.html', 'label': 'About'})"/>

  <xsl:template name="h:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="scripts" as="xs:string*" select="()"/>
    <html lang="{$lang}" data-text-view="{if ($default-view = 'reading') then 'reading' else 'diplomatic'}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="edition"/>
        <title><xsl:value-of select="if ($title = $edition-title) then $edition-title else $title || ' — ' || $edition-title"/></title>
        <link rel="stylesheet" href="{$assets}edition.css"/>
        <script src="{$assets}edition.js" defer=""></script>
        <xsl:for-each select="$scripts">
          <script src="{$assets}{.}" defer=""></script>
        </xsl:for-each>
      </head>
      <body class="page-{$key}">
        <a class="ed-skip" href="#ed-main">Skip to the content</a>
        <header class="ed-site">
          <p class="ed-site-title"><a href="index.html"><xsl:value-of select="$edition-title"/></a></p>
          <nav aria-label="Edition">
            <ul>
              <xsl:for-each select="$h:nav">
                <li>
                  <a href="{?href}">
                    <xsl:if test="?key = $key"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                    <xsl:value-of select="?label"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="ed-main">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="ed-footer">
          <p>Rendered from TEI P5 by <span class="ed-tool">edition</span>. Works offline; no data leaves this page.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

</xsl:stylesheet>
