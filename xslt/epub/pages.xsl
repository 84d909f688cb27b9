<?xml version="1.0" encoding="UTF-8"?>
<!--
  The content documents of the book, one named template each (the renderer calls them by name):
    e:title      the title page: edition title, the volume, editors, date
    e:nav        the navigation document: table of contents (with the sections of each document) and landmarks
    e:about      the editorial principles (ed:principles)
    e:document   one document ($doc): the website's document page (h:document) without its switches,
                 its notes as footnotes, an original and its translation one after the other
    e:catalogue  the catalogue(s): every record, linked to its document when edited
    e:persons    the index of persons, as on the website
  and e:spine, the book's files in reading order, which the navigation document and the package
  document (package.xsl) follow, and e:pages, the same for the renderer.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:h="urn:edition:html"
    xmlns:e="urn:edition:epub"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <!-- ============================================================ the book's files -->

  <!-- The documents in the order of the book: by date, then as given. -->
  <xsl:function name="e:documents" as="document-node()*">
    <xsl:sequence select="ed:reading-order(ed:documents())"/>
  </xsl:function>

  <!-- The content documents in reading order, as maps:
         file      the file name (beside the package document)
         page      the template that writes it (e:PAGE)
         doc       the TEI document of a document page
         label     its entry in the table of contents
         landmark  its structural semantics in the landmarks, if any -->
  <xsl:function name="e:spine" as="map(xs:string, item()*)*">
    <xsl:variable name="documents" select="e:documents()"/>
    <xsl:sequence select="map{'file': 'title.xhtml', 'page': 'title', 'label': 'Title page', 'landmark': 'titlepage'}"/>
    <xsl:sequence select="map{'file': 'nav.xhtml', 'page': 'nav', 'label': 'Contents', 'landmark': 'toc'}"/>
    <xsl:sequence select="map{'file': 'about.xhtml', 'page': 'about', 'label': 'Editorial principles'}"/>
    <xsl:for-each select="$documents">
      <xsl:sequence select="map{'file': ed:page-stem(.) || $ed:page-suffix, 'page': 'document', 'doc': .,
          'label': ed:title(.), 'landmark': if (position() = 1) then 'bodymatter' else ()}"/>
    </xsl:for-each>
    <xsl:if test="$edition[ed:kind(.) = 'catalogue']">
      <xsl:sequence select="map{'file': 'index' || $ed:page-suffix, 'page': 'catalogue', 'label': 'Catalogue',
          'landmark': 'backmatter'}"/>
    </xsl:if>
    <xsl:sequence select="map{'file': 'persons' || $ed:page-suffix, 'page': 'persons', 'label': 'Persons', 'landmark': 'index'}"/>
  </xsl:function>

  <!-- The spine for the renderer, as JSON: [[file, page, page stem of the document or ""], ...] -->
  <xsl:template name="e:pages">
    <xsl:sequence select="serialize(array{e:spine() ! [?file, ?page, string(?doc ! ed:page-stem(.))]},
                                    map{'method': 'json'})"/>
  </xsl:template>

  <!-- The parts of a document the table of contents lists: the original and the translation of a
       bilingual text, else the outermost divisions with a heading (not the document's title again) -->
  <xsl:function name="e:sections" as="map(xs:string, xs:string)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="text" select="$doc/tei:TEI/tei:text[1]"/>
    <xsl:variable name="pair" select="if ($text) then ed:parallel-pair($text) else ()"/>
    <xsl:choose>
      <xsl:when test="$pair">
        <xsl:sequence select="$pair ! map{'id': 'ed-' || @type, 'label': ed:pair-label(.)}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$text/tei:body//tei:div[not(ancestor::tei:div[tei:head])]/tei:head[1][@xml:id]
            [normalize-space(.) != normalize-space(ed:title($doc))] ! map{'id': string(@xml:id), 'label': normalize-space(.)}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ============================================================ pages -->

  <xsl:template name="e:title">
    <xsl:variable name="documents" select="e:documents()"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="key" select="'title'"/>
      <xsl:with-param name="content">
        <section class="ed-titlepage" aria-labelledby="ed-book-title">
          <h1 id="ed-book-title"><xsl:value-of select="$edition-title"/></h1>
          <xsl:if test="ed:volume-line() != ''">
            <p class="ed-book-volume"><xsl:value-of select="ed:volume-line()"/></p>
          </xsl:if>
          <p class="ed-book-count"><xsl:value-of select="ed:span($documents)"/></p>
          <xsl:call-template name="h:editors"><xsl:with-param name="documents" select="$documents"/></xsl:call-template>
          <xsl:if test="normalize-space($edition-date)">
            <p class="ed-book-date"><xsl:value-of select="normalize-space($edition-date)"/></p>
          </xsl:if>
          <p class="ed-colophon">Made from TEI P5 by <span class="ed-tool">edition</span>.</p>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="e:nav">
    <xsl:variable name="spine" select="e:spine()"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Contents'"/>
      <xsl:with-param name="key" select="'nav'"/>
      <xsl:with-param name="content">
        <nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="ed-toc-title">
          <h1 id="ed-toc-title">Contents</h1>
          <ol>
            <xsl:for-each select="$spine[?page != 'nav']">
              <xsl:variable name="file" select="?file"/>
              <li>
                <a href="{$file}"><xsl:value-of select="?label"/></a>
                <xsl:variable name="sections" select="?doc ! e:sections(.)"/>
                <xsl:if test="exists($sections)">
                  <ol>
                    <xsl:for-each select="$sections">
                      <li><a href="{$file}#{?id}"><xsl:value-of select="?label"/></a></li>
                    </xsl:for-each>
                  </ol>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </nav>
        <nav epub:type="landmarks" aria-labelledby="ed-landmarks-title" hidden="hidden">
          <h2 id="ed-landmarks-title">Landmarks</h2>
          <ol>
            <xsl:for-each select="$spine[exists(?landmark)]">
              <li><a epub:type="{?landmark}" href="{?file}{if (?page = 'nav') then '#toc' else ''}"><xsl:value-of select="?label"/></a></li>
            </xsl:for-each>
          </ol>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="e:about">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Editorial principles'"/>
      <xsl:with-param name="key" select="'about'"/>
      <xsl:with-param name="content">
        <h1>Editorial principles</h1>
        <xsl:call-template name="h:principles"><xsl:with-param name="format" select="'epub'"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="e:document">
    <xsl:call-template name="h:document"/>
  </xsl:template>

  <xsl:template name="e:catalogue">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Catalogue'"/>
      <xsl:with-param name="key" select="'catalogue'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="h:catalogues">
          <xsl:with-param name="catalogues" select="$edition[ed:kind(.) = 'catalogue']"/>
          <xsl:with-param name="level" select="1"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="e:persons">
    <xsl:call-template name="h:persons"/>
  </xsl:template>

  <!-- ============================================================ parts of the document page -->

  <!-- no switches: the view is fixed ($default-view), both languages are read one after the other -->
  <xsl:template name="h:toolbar">
    <xsl:param name="text" as="element()*"/>
    <xsl:param name="pair" as="element()*"/>
  </xsl:template>

  <xsl:template name="h:notes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:call-template name="e:footnotes"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
  </xsl:template>

  <!-- An original and its translation: the original, then the translation, each a section; the rows
       of ed:parallel-rows are numbered passages, each linked to its counterpart in the other section (not marked
       ¶, which the index of persons counts paragraphs with). -->
  <xsl:template name="h:parallel">
    <xsl:param name="pair" as="element()+"/>
    <xsl:variable name="passages" as="map(xs:string, node()*)*">
      <xsl:for-each select="ed:parallel-rows($pair)">
        <xsl:sequence select="map{'original': ?left, 'translation': ?right}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$pair">
      <xsl:variable name="n" select="position()"/>
      <xsl:variable name="side" select="if ($n = 1) then 'original' else 'translation'"/>
      <xsl:variable name="other" select="if ($n = 1) then 'translation' else 'original'"/>
      <xsl:variable name="other-label" select="ed:pair-label($pair[3 - $n])"/>
      <section class="ed-par-section ed-par-section-{$side} {ed:classes(.)}" id="ed-{$side}" lang="{(ed:lang(.), 'und')[1]}"
               aria-labelledby="ed-{$side}-title">
        <h2 id="ed-{$side}-title" class="ed-par-title" lang="en"><xsl:value-of select="ed:pair-label(.)"/></h2>
        <xsl:for-each select="$passages">
          <xsl:variable name="n" select="position()"/>
          <xsl:if test="exists(.($side))">
            <div class="ed-passage" id="ed-{$side}-{$n}">
              <xsl:if test="exists(.($other))">
                <a class="ed-passage-link" href="#ed-{$other}-{$n}" lang="en"
                   aria-label="Passage {$n}, {$other-label}">
                  <!-- the number of the passage, and where its counterpart is: below (the translation) or above -->
                  <xsl:value-of select="$n || '&#160;' || (if ($side = 'original') then '↓' else '↑')"/>
                </a>
              </xsl:if>
              <xsl:apply-templates select=".($side)"/>
            </div>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
