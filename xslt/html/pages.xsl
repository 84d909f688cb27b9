<?xml version="1.0" encoding="UTF-8"?>
<!--
  The pages of the HTML edition, one named template each (the renderer calls them by name):
    h:document   one document ($doc): header panel, view switches, text (parallel when bilingual), notes
    h:home       edition title, editors, edited documents, the catalogue(s), sortable by date
    h:persons    every person of the registries, with name forms, roles, and where they speak or are
                 mentioned; then those who live in a document's header, listed (their entries are on
                 their document's page: h:own-persons)
    h:about      the editorial principles for readers (ed:principles), and the documents' declarations
    h:search     the offline search page
  and each page's part of the search index (h:search-page, h:search-own), which the renderer writes in
  shards (toolchain/render/search.py) for the search page to load. Their parts are named templates too, so that a
  format importing this one (the EPUB) overrides a part, not a page: h:toolbar, h:notes, h:parallel
  (document), h:catalogues, h:sortable-head (home), h:principles, h:declarations (about).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:h="urn:edition:html"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    exclude-result-prefixes="#all">

  <!-- ============================================================ document -->

  <xsl:template name="h:document">
    <xsl:variable name="tei" select="$doc/tei:TEI"/>
    <xsl:variable name="text" select="$tei/tei:text"/>
    <xsl:variable name="pair" select="if ($text) then ed:parallel-pair($text[1]) else ()"/>
    <xsl:variable name="notes" select="$tei/tei:text//tei:note[ed:note-display(.) = 'marker'][not(ancestor::tei:note)]"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="ed:title($doc)"/>
      <xsl:with-param name="key" select="'document'"/>
      <xsl:with-param name="lang" select="($tei/@xml:lang, 'en')[1]"/>
      <xsl:with-param name="content">
        <article class="ed-document">
          <header class="ed-doc-header">
            <h1><xsl:value-of select="ed:title($doc)"/></h1>
            <xsl:call-template name="h:header-panel"/>
          </header>
          <xsl:call-template name="h:toolbar">
            <xsl:with-param name="text" select="$text"/>
            <xsl:with-param name="pair" select="$pair"/>
          </xsl:call-template>
          <xsl:for-each select="$text">
            <div class="ed-text {ed:classes(.)}">
              <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
              <xsl:choose>
                <xsl:when test="$pair">
                  <xsl:apply-templates select="tei:front"/>
                  <xsl:apply-templates select="tei:body/node() except $pair" mode="h:outside-pair"/>
                  <xsl:call-template name="h:parallel"><xsl:with-param name="pair" select="$pair"/></xsl:call-template>
                  <xsl:apply-templates select="tei:back"/>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates select="tei:front | tei:body | tei:back | tei:group"/>
                  <xsl:apply-templates select="* except (tei:front | tei:body | tei:back | tei:group)"/>
                </xsl:otherwise>
              </xsl:choose>
            </div>
          </xsl:for-each>
          <xsl:apply-templates select="$tei/* except ($tei/tei:teiHeader | $text)"/>
          <!-- not a TEI document (another root, a teiCorpus): its content all the same -->
          <xsl:if test="empty($tei)">
            <div class="ed-text"><xsl:apply-templates select="$doc/*"/></div>
          </xsl:if>
          <xsl:call-template name="h:notes"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
          <xsl:call-template name="h:own-persons"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The view switches (shown by edition.js): diplomatic / reading where the text has alternatives,
       languages where it has a translation -->
  <xsl:template name="h:toolbar">
    <xsl:param name="text" as="element()*"/>
    <xsl:param name="pair" as="element()*"/>
    <xsl:variable name="has-alternatives" select="exists($text//(tei:del | tei:choice))"/>
    <div class="ed-toolbar" hidden="">
      <xsl:if test="$has-alternatives">
        <fieldset class="ed-switch" data-switch="text-view">
          <legend>Text</legend>
          <label><input type="radio" name="ed-text-view" value="diplomatic"/> Diplomatic</label>
          <label><input type="radio" name="ed-text-view" value="reading"/> Reading</label>
        </fieldset>
      </xsl:if>
      <xsl:if test="$pair">
        <fieldset class="ed-switch" data-switch="lang-view">
          <legend>Languages</legend>
          <label><input type="radio" name="ed-lang-view" value="parallel"/> Side by side</label>
          <label><input type="radio" name="ed-lang-view" value="original"/>
            <xsl:text> </xsl:text><xsl:value-of select="ed:language-name($pair[1]/@xml:lang, $doc)"/></label>
          <label><input type="radio" name="ed-lang-view" value="translation"/>
            <xsl:text> </xsl:text><xsl:value-of select="ed:language-name($pair[2]/@xml:lang, $doc)"/></label>
        </fieldset>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- The list of notes at the end of a document, each with a link back to its marker -->
  <xsl:template name="h:notes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="$notes">
      <section class="ed-notes" aria-labelledby="ed-notes-title">
        <h2 id="ed-notes-title">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="key" select="ed:note-key(.)"/>
            <li id="{$key}" class="{ed:classes(.)}">
              <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
              <span class="ed-note-number"><xsl:value-of select="ed:note-marker(.)"/></span>
              <xsl:text> </xsl:text>
              <!-- its type, unless the note says it itself ("Translator's Note: …") -->
              <xsl:if test="not(ed:note-labelled(.))">
                <span class="ed-note-type"><xsl:value-of select="ed:note-type-label(.)"/></span>
                <xsl:text> </xsl:text>
              </xsl:if>
              <div class="ed-note-body">
                <xsl:apply-templates><xsl:with-param name="copy" select="true()" tunnel="yes"/></xsl:apply-templates>
              </div>
              <a class="ed-backlink" href="#ed-ref-{$key}" aria-label="Back to the text of note {ed:note-marker(.)}">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="node()" mode="h:outside-pair">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- The header panel: the fields of ed:header-fields as a description list. -->
  <xsl:template name="h:header-panel">
    <xsl:variable name="fields" select="ed:header-fields($doc)"/>
    <xsl:if test="exists($fields)">
      <dl class="ed-meta">
        <xsl:for-each select="$fields">
          <xsl:variable name="field" select="."/>
          <div class="ed-meta-{$field?key}">
            <dt><xsl:value-of select="$field?label"/></dt>
            <dd>
              <xsl:choose>
                <xsl:when test="$field?href">
                  <a href="{$field?href}"><xsl:value-of select="$field?value"/></a>
                </xsl:when>
                <xsl:when test="$field?datetime">
                  <time datetime="{$field?datetime}"><xsl:value-of select="$field?value"/></time>
                </xsl:when>
                <xsl:when test="$field?key = 'resp'">
                  <xsl:for-each select="$field?value">
                    <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
                    <xsl:apply-templates select="."><xsl:with-param name="copy" select="true()" tunnel="yes"/></xsl:apply-templates>
                  </xsl:for-each>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates select="$field?value"><xsl:with-param name="copy" select="true()" tunnel="yes"/></xsl:apply-templates>
                </xsl:otherwise>
              </xsl:choose>
            </dd>
          </div>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- The parallel view: rows of original and translation, aligned by the translation's @corresp
       (ed:parallel-rows: each block of both divisions is shown once, in order). -->
  <xsl:template name="h:parallel">
    <xsl:param name="pair" as="element()+"/>
    <div class="ed-parallel" data-aligned="{exists($pair[2]/node()/@corresp)}">
      <div class="ed-par-row ed-par-heads">
        <xsl:for-each select="$pair">
          <div class="ed-par-cell ed-par-{@type}" lang="{(@xml:lang, ed:lang(.), 'und')[1]}">
            <p class="ed-par-label"><xsl:value-of select="ed:pair-label(.)"/></p>
          </div>
        </xsl:for-each>
      </div>
      <xsl:for-each select="ed:parallel-rows($pair)">
        <xsl:call-template name="h:par-row">
          <xsl:with-param name="pair" select="$pair"/>
          <xsl:with-param name="left" select="?left"/>
          <xsl:with-param name="right" select="?right"/>
        </xsl:call-template>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template name="h:par-row">
    <xsl:param name="pair" as="element()+"/>
    <xsl:param name="left" as="node()*"/>
    <xsl:param name="right" as="node()*"/>
    <div class="ed-par-row">
      <div class="ed-par-cell ed-par-original{if (empty($left)) then ' ed-par-empty' else ''}" lang="{(ed:lang($pair[1]), 'und')[1]}">
        <xsl:apply-templates select="$left"/>
      </div>
      <div class="ed-par-cell ed-par-translation{if (empty($right)) then ' ed-par-empty' else ''}" lang="{(ed:lang($pair[2]), 'und')[1]}">
        <xsl:apply-templates select="$right"/>
      </div>
    </div>
  </xsl:template>

  <!-- ============================================================ home -->

  <!-- The home page, and the pages of its list that follow it (the renderer splits the list: $page-names,
       $page-number): the editors and the catalogues on the first; on each, its part of the edited documents
       in reading order, the renderer's items (h:home-item) put in the list of `data-ed-home` ($listed of
       them in all). Without $listed, the page lists the documents of the edition itself. -->
  <xsl:template name="h:home">
    <xsl:variable name="documents" select="ed:documents()"/>
    <xsl:variable name="catalogues" select="$edition[ed:kind(.) = 'catalogue']"/>
    <xsl:variable name="first" select="$page-number = 1"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="if ($first) then $edition-title else h:page-of('Documents')"/>
      <xsl:with-param name="key" select="'index'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="$edition-title"/></h1>
        <xsl:if test="$first">
          <xsl:call-template name="h:editors"><xsl:with-param name="documents" select="$documents"/></xsl:call-template>
        </xsl:if>
        <section aria-labelledby="ed-edited">
          <h2 id="ed-edited"><xsl:value-of select="if ($first) then 'Edited documents' else h:page-of('Edited documents')"/></h2>
          <xsl:choose>
            <xsl:when test="(exists($listed) and $listed = 0) or (empty($listed) and empty($documents))"><p>No documents yet.</p></xsl:when>
            <xsl:when test="exists($listed)">
              <xsl:call-template name="h:pager"/>
              <ul class="ed-doc-list" data-ed-home=""></ul>
              <xsl:call-template name="h:pager"/>
            </xsl:when>
            <xsl:otherwise>
              <ul class="ed-doc-list">
                <xsl:for-each select="ed:reading-order($documents)">
                  <xsl:call-template name="h:home-li"/>
                </xsl:for-each>
              </ul>
            </xsl:otherwise>
          </xsl:choose>
        </section>
        <xsl:if test="$first">
          <xsl:call-template name="h:catalogues"><xsl:with-param name="catalogues" select="$catalogues"/></xsl:call-template>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The item of the home page's list of the document in context: its date and its title, linking its page -->
  <xsl:template name="h:home-li">
    <li>
      <xsl:for-each select="ed:date(.)">
        <xsl:call-template name="h:fact-date"/>
        <xsl:text> · </xsl:text>
      </xsl:for-each>
      <a href="{ed:page-stem(.)}{$ed:page-suffix}"><xsl:value-of select="ed:title(.)"/></a>
    </li>
  </xsl:template>

  <!-- What the document $doc gives the home page's list, as JSON [its keys of the reading order
       (ed:reading-keys: undated "1" or dated "0", date, title in lower case, file name), its item as
       HTML]: the renderer sorts the items of all documents by their keys, compared character by
       character, as ed:reading-order does, and splits them into pages. -->
  <xsl:template name="h:home-item">
    <xsl:for-each select="$doc">
      <xsl:variable name="item" as="element()"><xsl:call-template name="h:home-li"/></xsl:variable>
      <xsl:sequence select="serialize(array{ed:reading-keys(.), serialize($item, $h:html)}, $h:json)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- "Documents, page 2 of 7": the heading of a page of a list the renderer split ($page-number of
       $page-names) -->
  <xsl:function name="h:page-of" as="xs:string">
    <xsl:param name="what" as="xs:string"/>
    <xsl:sequence select="$what || ', page ' || $page-number || ' of ' || count($page-names)"/>
  </xsl:function>

  <!-- The links to the pages of a list the renderer split ($page-names, this one $page-number): the
       first and the last, the previous and the next, and those near this one. Nothing when it is one page. -->
  <xsl:template name="h:pager">
    <xsl:variable name="count" select="count($page-names)"/>
    <xsl:if test="$count gt 1">
      <nav class="ed-pager" aria-label="Pages of the list">
        <ul>
          <xsl:if test="$page-number gt 1">
            <li><a rel="prev" href="{$page-names[$page-number - 1]}{$ed:page-suffix}">Previous</a></li>
          </xsl:if>
          <xsl:variable name="shown" select="distinct-values((1, max((1, $page-number - 3)) to min(($count, $page-number + 3)), $count))"/>
          <xsl:for-each select="$shown">
            <xsl:variable name="i" select="position()"/>
            <xsl:if test="$i gt 1 and . gt $shown[$i - 1] + 1">
              <li class="ed-pager-gap" aria-hidden="true">…</li>
            </xsl:if>
            <li>
              <a href="{$page-names[current()]}{$ed:page-suffix}">
                <xsl:if test=". = $page-number"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                <xsl:value-of select="."/>
              </a>
            </li>
          </xsl:for-each>
          <xsl:if test="$page-number lt $count">
            <li><a rel="next" href="{$page-names[$page-number + 1]}{$ed:page-suffix}">Next</a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- The catalogues: a section each, with a table of its records (headings of the given level). -->
  <xsl:template name="h:catalogues">
    <xsl:param name="catalogues" as="document-node()*"/>
    <xsl:param name="level" as="xs:integer" select="2"/>
    <xsl:for-each select="$catalogues">
      <xsl:variable name="n" select="position()"/>
      <section aria-labelledby="ed-cat-{$n}" class="ed-catalogue">
        <xsl:element name="h{$level}">
          <xsl:attribute name="id" select="'ed-cat-' || $n"/>
          <xsl:text>Catalogue</xsl:text>
          <xsl:value-of select="if (count($catalogues) gt 1) then ' ' || $n else ''"/>
        </xsl:element>
        <xsl:for-each select=".//tei:listBibl">
          <!-- the range of a web listing's page ("261 - 270 of 334") is the page's, not the catalogue's -->
          <xsl:for-each select="tei:head[not(@type = 'range')]">
            <p class="ed-cat-head"><xsl:apply-templates select="node()"><xsl:with-param name="copy" select="true()" tunnel="yes"/></xsl:apply-templates></p>
          </xsl:for-each>
          <div class="ed-table-wrap">
            <table class="ed-sortable">
              <caption class="ed-visually-hidden">Records of the catalogue; the edited ones link to their documents</caption>
              <thead>
                <tr>
                  <xsl:call-template name="h:sortable-head">
                    <xsl:with-param name="key" select="'date'"/>
                    <xsl:with-param name="label" select="'Date'"/>
                  </xsl:call-template>
                  <th scope="col">Document</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                <!-- in date order, the undated after the dated, each in the listing's order -->
                <xsl:for-each select="tei:bibl | tei:biblStruct">
                  <xsl:sort select="ed:date-key((tei:date, .//tei:date)[1]) = ''"/>
                  <xsl:sort select="ed:date-key((tei:date, .//tei:date)[1])"/>
                  <xsl:call-template name="h:catalogue-row"/>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:for-each>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- A date as a fact about a document (ed:date-shown), machine-readable where it has a value -->
  <xsl:template name="h:fact-date">
    <xsl:variable name="value" select="ed:machine-date((@when, @notBefore, @from)[1])"/>
    <xsl:element name="{if ($value) then 'time' else 'span'}">
      <xsl:if test="$value"><xsl:attribute name="datetime" select="$value"/></xsl:if>
      <xsl:attribute name="class" select="'ed-date'"/>
      <xsl:value-of select="ed:date-shown(.)"/>
    </xsl:element>
  </xsl:template>

  <!-- The head of a column the reader can sort by (edition.js) -->
  <xsl:template name="h:sortable-head">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <th scope="col" aria-sort="none" data-sort-key="{$key}"><button type="button" class="ed-sort"><xsl:value-of select="$label"/></button></th>
  </xsl:template>

  <xsl:template name="h:catalogue-row">
    <xsl:variable name="ptr" select="tei:ptr[@type = 'edition'][1]"/>
    <xsl:variable name="href" select="$ptr ! ed:safe-href(@target)"/>
    <xsl:variable name="title" select="(tei:title, .//tei:title)[1]"/>
    <xsl:variable name="date" select="(tei:date, .//tei:date)[1]"/>
    <tr data-date="{ed:date-key($date)}" data-order="{count(preceding-sibling::tei:bibl | preceding-sibling::tei:biblStruct) + 1}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <td class="ed-cat-date">
        <xsl:for-each select="$date"><xsl:call-template name="h:fact-date"/></xsl:for-each>
      </td>
      <td class="ed-cat-doc">
        <p class="ed-cat-title">
          <xsl:choose>
            <xsl:when test="$href">
              <a href="{$href}"><xsl:apply-templates select="$title/node()"><xsl:with-param name="in-link" select="true()" tunnel="yes"/></xsl:apply-templates></a>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="$title/node()"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <xsl:variable name="rest" select="node() except ($title, $date, $ptr)"/>
        <xsl:if test="$rest[normalize-space() or self::*]">
          <div class="ed-cat-summary">
            <xsl:apply-templates select="$rest"><xsl:with-param name="copy" select="true()" tunnel="yes"/></xsl:apply-templates>
          </div>
        </xsl:if>
      </td>
      <td class="ed-cat-status">
        <xsl:choose>
          <xsl:when test="$href">Edited</xsl:when>
          <xsl:when test="$ptr">Edited (not in this build)</xsl:when>
          <xsl:otherwise>Not yet edited</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

  <!-- a catalogue record's summary is a paragraph of the catalogue, not a footnote -->
  <xsl:template match="tei:bibl/tei:note[@type = 'summary']" priority="2">
    <xsl:call-template name="b:paragraph" xmlns:b="urn:edition:behaviours">
      <xsl:with-param name="class" select="'ed-summary'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- who made the edition, under their roles (ed:credits) -->
  <xsl:template name="h:editors">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:variable name="credits" select="ed:credits($documents)"/>
    <xsl:if test="exists($credits)">
      <ul class="ed-editors">
        <xsl:for-each select="$credits">
          <li><xsl:value-of select="?label || ' ' || string-join(?names, ', ')"/></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ persons -->

  <!-- Where each person is named or speaks in the documents (persName/@ref, @who): the items of the
       persons page, by person anchor, in the order of the documents. -->
  <xsl:function name="h:mentions" as="map(xs:string, element()*)">
    <xsl:variable name="groups" as="map(xs:string, element()*)*">
      <xsl:for-each-group select="ed:documents() ! h:mention-items(.)" group-by="string(@anchor)">
        <xsl:sequence select="map{current-grouping-key(): current-group()/*}"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:sequence select="map:merge($groups)"/>
  </xsl:function>

  <!-- Of one document: for each person it names or who speaks in it, the item of the persons page that
       links its page and the places there, in an ed:of with the person's anchor. -->
  <xsl:function name="h:mention-items" as="element(ed:of)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="digest" select="ed:digest($doc)"/>
    <xsl:choose>
      <xsl:when test="$digest">
        <xsl:sequence select="error(xs:QName('h:digest'), ed:file-name($doc) || ': a digest has no items of the persons page: the renderer puts them in (h:mention-html)')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="stem" select="ed:page-stem($doc)"/>
        <xsl:variable name="ordinals" select="h:ordinals($doc/tei:TEI/tei:text//*[@xml:id][not(ancestor-or-self::tei:note)])"/>
        <xsl:for-each-group select="$doc//(tei:persName[@ref] | *[@who])"
                            group-by="ed:person(string((@ref, @who)[1]), .)[ed:kind(.) = 'persons'] ! ed:person-anchor(.)">
          <ed:of anchor="{current-grouping-key()}">
            <li>
              <a href="{$stem}{$ed:page-suffix}"><xsl:value-of select="ed:title($doc)"/></a>
              <xsl:call-template name="h:mention-links">
                <xsl:with-param name="stem" select="$stem"/>
                <xsl:with-param name="ordinals" select="$ordinals"/>
                <xsl:with-param name="label" select="'speaks'"/>
                <xsl:with-param name="nodes" select="current-group()[@who]"/>
              </xsl:call-template>
              <xsl:call-template name="h:mention-links">
                <xsl:with-param name="stem" select="$stem"/>
                <xsl:with-param name="ordinals" select="$ordinals"/>
                <xsl:with-param name="label" select="'named'"/>
                <xsl:with-param name="nodes" select="current-group()[not(@who)]"/>
              </xsl:call-template>
            </li>
          </ed:of>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The persons page: the persons of the edition's registries, each with the forms of their name and
       the places where they speak or are named (h:person-entry); then the list of the persons who live
       in a document's header (ed:own-persons), each a link to their entry on the page of that document.
       With $mentioned and $own-listed set, the renderer puts in the places and that list (the first of
       them when there are many, the rest on pages of their own: h:places, h:more-persons); without, the
       page finds them in the documents. -->
  <xsl:template name="h:persons">
    <xsl:variable name="mentions" select="if (exists($mentioned)) then map{} else h:mentions()"/>
    <xsl:variable name="persons" select="ed:registries()//tei:person"/>
    <xsl:variable name="own" as="element(ed:of)*">
      <xsl:if test="empty($own-listed)">
        <xsl:perform-sort select="ed:documents() ! h:own-person-items(.)">
          <xsl:sort select="@key"/>
        </xsl:perform-sort>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="own-count" select="($own-listed, count($own))[1]"/>
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Persons'"/>
      <xsl:with-param name="key" select="'persons'"/>
      <xsl:with-param name="content">
        <h1>Persons</h1>
        <p class="ed-lead"><xsl:value-of select="count($persons) + $own-count"/> persons, with the forms of their
          names in the documents and every place where they speak or are named.</p>
        <xsl:for-each select="$persons">
          <xsl:sort select="lower-case(ed:person-short(.))"/>
          <xsl:variable name="anchor" select="ed:person-anchor(.)"/>
          <xsl:call-template name="h:person-entry">
            <xsl:with-param name="places">
              <xsl:variable name="here" select="$mentions($anchor)"/>
              <xsl:choose>
                <xsl:when test="exists($mentioned) and map:contains($mentioned, $anchor)">
                  <!-- the renderer puts in the items of the documents (h:mention-html), the first of them
                       when there are many, and a link to the page of the list where the rest are (h:places) -->
                  <ul class="ed-mentions" data-ed-items="{$anchor}" data-ed-name="{ed:person-name(.)}"></ul>
                </xsl:when>
                <xsl:when test="empty($here)"><p class="ed-none">Not named in the texts of the edition.</p></xsl:when>
                <xsl:otherwise>
                  <ul class="ed-mentions"><xsl:copy-of select="$here" copy-namespaces="no"/></ul>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:if test="$own-count gt 0">
          <section class="ed-own-persons" aria-labelledby="ed-own-persons-title">
            <h2 id="ed-own-persons-title">Persons described in their document</h2>
            <p class="ed-lead"><xsl:value-of select="$own-count"/> person<xsl:if test="$own-count gt 1">s</xsl:if>
              of the texts <xsl:value-of select="if ($own-count gt 1) then 'are' else 'is'"/> described in the header
              of the document where they appear, not in the edition's register: each is listed there, with the
              places in it where they speak or are named.</p>
            <xsl:choose>
              <xsl:when test="exists($own-listed)"><ul class="ed-own-list" data-ed-own=""></ul></xsl:when>
              <xsl:otherwise><ul class="ed-own-list"><xsl:copy-of select="$own/*" copy-namespaces="no"/></ul></xsl:otherwise>
            </xsl:choose>
          </section>
        </xsl:if>
        <xsl:call-template name="h:pager"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A person's entry (of the persons page, or of the page of the document the person lives in): the
       name, roles and life dates, the forms of the name by language, notes and identifiers, and
       $places, where they speak or are named. -->
  <xsl:template name="h:person-entry">
    <xsl:param name="places" as="node()*"/>
    <xsl:param name="level" as="xs:integer" select="2"/>
    <xsl:variable name="anchor" select="ed:person-anchor(.)"/>
    <section class="ed-person-entry" id="{$anchor}" aria-labelledby="{$anchor}-name">
      <xsl:element name="h{$level}">
        <xsl:attribute name="id" select="$anchor || '-name'"/>
        <xsl:value-of select="ed:person-name(.)"/>
      </xsl:element>
      <xsl:variable name="life" select="string-join((tei:birth/(@when, .)[normalize-space()][1], tei:death/(@when, .)[normalize-space()][1]), '–')"/>
      <xsl:if test="@role or $life">
        <p class="ed-person-role">
          <xsl:value-of select="string-join((@role ! replace(normalize-space(.), ' ', ', '), $life[. != '']), ' · ')"/>
        </p>
      </xsl:if>
      <xsl:for-each-group select="tei:persName" group-by="(ed:lang(.), 'und')[1]">
        <xsl:sort select="current-grouping-key() != 'en'"/>
        <p class="ed-person-forms" lang="{current-grouping-key()}">
          <span class="ed-forms-label" lang="en">
            <xsl:value-of select="if (current-grouping-key() = 'und') then 'Names' else ed:language-name(current-grouping-key(), .)"/>:
          </span>
          <xsl:text> </xsl:text>
          <xsl:for-each select="current-group()">
            <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
            <span class="ed-form"><xsl:value-of select="ed:words(.)"/></span>
          </xsl:for-each>
        </p>
      </xsl:for-each-group>
      <xsl:apply-templates select="tei:note | tei:idno | tei:occupation | tei:affiliation">
        <xsl:with-param name="copy" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:sequence select="$places"/>
    </section>
  </xsl:template>

  <!-- Of one document: the item of the persons page's list of the persons who live in a document
       (ed:own-persons) for each of its own, in an ed:of with the key the list is sorted by. -->
  <xsl:function name="h:own-person-items" as="element(ed:of)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:for-each select="ed:own-persons($doc)">
      <ed:of key="{lower-case(ed:person-short(.))}">
        <li>
          <a href="{ed:person-href(.)}"><xsl:value-of select="ed:person-name(.)"/></a>
          <xsl:value-of select="@role[normalize-space()] ! (' · ' || replace(normalize-space(.), ' ', ', '))"/>
          <xsl:text> — in </xsl:text>
          <a href="{ed:page-stem($doc)}{$ed:page-suffix}"><xsl:value-of select="ed:title($doc)"/></a>
        </li>
      </ed:of>
    </xsl:for-each>
  </xsl:function>

  <!-- The persons of a document who live in its header (ed:own-persons), at the end of its page: the
       entry of each (h:person-entry) with the places of the document where they speak or are named. -->
  <xsl:template name="h:own-persons">
    <xsl:variable name="own" select="ed:own-persons($doc)"/>
    <xsl:if test="$own">
      <xsl:variable name="stem" select="ed:page-stem($doc)"/>
      <xsl:variable name="ordinals" select="h:ordinals($doc/tei:TEI/tei:text//*[@xml:id][not(ancestor-or-self::tei:note)])"/>
      <xsl:variable name="places" as="map(xs:string, element()*)">
        <xsl:map>
          <xsl:for-each-group select="$doc//(tei:persName[@ref] | *[@who])"
                              group-by="ed:person(string((@ref, @who)[1]), .)[root(.) is $doc] ! ed:person-anchor(.)">
            <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
          </xsl:for-each-group>
        </xsl:map>
      </xsl:variable>
      <section class="ed-doc-persons" aria-labelledby="ed-doc-persons-title">
        <h2 id="ed-doc-persons-title">Persons of this document</h2>
        <xsl:for-each select="$own">
          <xsl:variable name="nodes" select="$places(ed:person-anchor(.))"/>
          <xsl:call-template name="h:person-entry">
            <xsl:with-param name="level" select="3"/>
            <xsl:with-param name="places">
              <xsl:choose>
                <xsl:when test="empty($nodes)"><p class="ed-none">Not named in the text.</p></xsl:when>
                <xsl:otherwise>
                  <p class="ed-person-places">
                    <xsl:text>In this document</xsl:text>
                    <xsl:call-template name="h:mention-links">
                      <xsl:with-param name="stem" select="$stem"/>
                      <xsl:with-param name="ordinals" select="$ordinals"/>
                      <xsl:with-param name="label" select="'speaks'"/>
                      <xsl:with-param name="nodes" select="$nodes[@who]"/>
                    </xsl:call-template>
                    <xsl:call-template name="h:mention-links">
                      <xsl:with-param name="stem" select="$stem"/>
                      <xsl:with-param name="ordinals" select="$ordinals"/>
                      <xsl:with-param name="label" select="'named'"/>
                      <xsl:with-param name="nodes" select="$nodes[not(@who)]"/>
                    </xsl:call-template>
                  </p>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- A page of the list of the persons who live in a document, after the persons page and the pages of
       its places (page $page-number of $page-names): the renderer puts in the items (`data-ed-own`). -->
  <xsl:template name="h:more-persons">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="h:page-of('Persons')"/>
      <xsl:with-param name="key" select="'persons'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="h:page-of('Persons')"/></h1>
        <p class="ed-lead">Persons described in the header of the document where they appear.</p>
        <xsl:call-template name="h:pager"/>
        <ul class="ed-own-list" data-ed-own=""></ul>
        <xsl:call-template name="h:pager"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A page of the persons' places that follow the persons page (page $page-number of $page-names): for
       a person named in more documents than the persons page lists, the rest of them. The renderer puts
       in a section for each person whose places go on here (`data-ed-places`). -->
  <xsl:template name="h:places">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="h:page-of('Persons')"/>
      <xsl:with-param name="key" select="'persons'"/>
      <xsl:with-param name="content">
        <h1><xsl:value-of select="h:page-of('Persons')"/></h1>
        <p class="ed-lead">The rest of the places where persons named in many documents speak or are named.</p>
        <xsl:call-template name="h:pager"/>
        <div class="ed-places" data-ed-places=""></div>
        <xsl:call-template name="h:pager"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- the number of each element with an xml:id in a text (notes left out), in order, by id -->
  <xsl:function name="h:ordinals" as="map(xs:string, xs:integer)">
    <xsl:param name="elements" as="element()*"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($elements) return map{string($elements[$i]/@xml:id): $i},
                                    map{'duplicates': 'use-first'})"/>
  </xsl:function>

  <xsl:template name="h:mention-links">
    <xsl:param name="stem" as="xs:string"/>
    <xsl:param name="ordinals" as="map(xs:string, xs:integer)"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="nodes" as="element()*"/>
    <xsl:if test="$nodes">
      <!-- the places that can be pointed to: in the header, or in a part of the text with an id (a text
           without ids is the document's page, already linked) -->
      <xsl:variable name="placed" select="$nodes[empty(ancestor::tei:text) or ancestor-or-self::*[@xml:id][ancestor::tei:text]]"/>
      <xsl:text> — </xsl:text><xsl:value-of select="$label"/><xsl:if test="$placed"><xsl:text>: </xsl:text></xsl:if>
      <xsl:for-each-group select="$placed" group-by="(ancestor-or-self::*[@xml:id][ancestor::tei:text][1]/@xml:id/string(), '')[1]">
        <xsl:if test="position() gt 1"><xsl:text>, </xsl:text></xsl:if>
        <xsl:variable name="in-header" select="empty(current-group()[1]/ancestor::tei:text)"/>
        <xsl:variable name="block" select="current-group()[1]/ancestor-or-self::*[@xml:id][ancestor::tei:text][1]"/>
        <xsl:variable name="ordinal" select="$block ! $ordinals(string(@xml:id))"/>
        <a href="{$stem}{$ed:page-suffix}{current-grouping-key()[. != ''] ! ('#' || .)}">
          <xsl:variable name="note" select="current-group()[1]/ancestor::tei:note[1]"/>
          <xsl:value-of select="if ($in-header) then 'header'
              else if (exists($ordinal)) then '¶&#160;' || $ordinal
              else if ($note and ed:note-display($note) = 'marker') then 'note&#160;' || ed:note-marker($note)
              else if ($note) then 'note'
              else '#' || $block/@xml:id"/>
        </a>
      </xsl:for-each-group>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ about -->

  <xsl:template name="h:about">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'About the edition'"/>
      <xsl:with-param name="key" select="'about'"/>
      <xsl:with-param name="content">
        <h1>About the edition</h1>
        <section aria-labelledby="ed-principles">
          <h2 id="ed-principles">Editorial principles</h2>
          <xsl:call-template name="h:principles"><xsl:with-param name="format" select="'html'"/></xsl:call-template>
        </section>
        <section aria-labelledby="ed-declarations">
          <h2 id="ed-declarations">The encoding, as the documents declare it</h2>
          <details class="ed-declarations">
            <summary>The editorial declarations of the TEI headers</summary>
            <xsl:call-template name="h:declarations"/>
          </details>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The editorial principles, for readers (ed:principles): a statement for each phenomenon of the texts -->
  <xsl:template name="h:principles">
    <xsl:param name="format" as="xs:string"/>
    <xsl:variable name="principles" select="ed:principles($documents, $format)"/>
    <xsl:choose>
      <xsl:when test="empty($principles)"><p>The texts are given as they stand in their sources, without editorial signs.</p></xsl:when>
      <xsl:otherwise>
        <ul class="ed-principles">
          <xsl:for-each select="$principles">
            <li class="ed-principle-{?key}"><xsl:value-of select="?statement"/></li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The editorial declarations of the documents (editorialDecl), grouped by kind, each text once;
       headings of the given level. -->
  <xsl:template name="h:declarations">
    <xsl:param name="level" as="xs:integer" select="3"/>
    <xsl:variable name="decls" select="$edition/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:editorialDecl"/>
    <xsl:if test="empty($decls/*)"><p>The documents state no editorial principles.</p></xsl:if>
    <xsl:for-each-group select="$decls/*" group-by="local-name()">
      <section class="ed-decl ed-decl-{current-grouping-key()}">
        <xsl:element name="h{$level}">
          <xsl:value-of select="if (current-grouping-key() = ('p', 'ab')) then 'General'
              else upper-case(substring(current-grouping-key(), 1, 1)) || replace(substring(current-grouping-key(), 2), '([A-Z])', ' $1')"/>
        </xsl:element>
        <xsl:for-each-group select="current-group()/node()[normalize-space() or self::*]" group-by="normalize-space(.)">
          <xsl:apply-templates select="current-group()[1]"><xsl:with-param name="copy" select="true()" tunnel="yes"/></xsl:apply-templates>
        </xsl:for-each-group>
      </section>
    </xsl:for-each-group>
  </xsl:template>


  <!-- ============================================================ search -->

  <xsl:template name="h:search">
    <xsl:call-template name="h:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="key" select="'search'"/>
      <xsl:with-param name="scripts" select="('search.js', 'search/manifest.js')"/>
      <xsl:with-param name="content">
        <h1>Search</h1>
        <form class="ed-search" role="search" action="search.html" method="get">
          <label for="ed-q">Words to find (any language)</label>
          <input type="search" id="ed-q" name="q" autocomplete="off"/>
          <button type="submit">Search</button>
        </form>
        <p id="ed-search-status" aria-live="polite">The search runs in this page and needs JavaScript.</p>
        <ol id="ed-results" class="ed-results"></ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- the blocks of a text for the index: the outermost paragraph-like elements (one walk over the tree) -->
  <xsl:template match="*" mode="h:index" as="array(*)*">
    <xsl:apply-templates select="*" mode="h:index"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:head | tei:ab | tei:l | tei:item | tei:closer | tei:opener | tei:cell | tei:speaker
                       | tei:stage | tei:fw | tei:note | tei:figDesc | tei:u | tei:bibl | tei:gap" mode="h:index" as="array(*)*">
    <xsl:variable name="pieces" as="xs:string*"><xsl:apply-templates mode="h:words"/></xsl:variable>
    <xsl:variable name="text" select="normalize-space(string-join($pieces, ''))"/>
    <xsl:if test="$text">
      <xsl:sequence select="[string(ancestor-or-self::*[@xml:id][1]/@xml:id ! ('#' || .)), $text, (ed:lang(.), 'en')[1]]"/>
    </xsl:if>
  </xsl:template>

  <!-- The words of a block as the search finds them: of an alternative, the member the reading view shows
       (the regularised form, not an OCR's **), then the others, each a word apart; a note is an entry of
       its own, not words of the block it stands in. -->
  <xsl:template match="tei:choice" mode="h:words" as="xs:string*">
    <xsl:variable name="first" select="(tei:corr, tei:reg, tei:expan, *)[1]"/>
    <xsl:for-each select="$first, * except $first">
      <xsl:sequence select="' '"/>
      <xsl:apply-templates mode="h:words"/>
      <xsl:sequence select="' '"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:choice[count(*) = 2][tei:orig and tei:reg][ed:letters(tei:orig) = ed:letters(tei:reg)]" mode="h:words" as="xs:string*">
    <xsl:apply-templates select="tei:reg/node()" mode="h:words"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="h:words" as="xs:string*"/>
  <xsl:template match="*" mode="h:words" as="xs:string*"><xsl:apply-templates mode="h:words"/></xsl:template>
  <xsl:template match="text()" mode="h:words" as="xs:string"><xsl:sequence select="string(.)"/></xsl:template>

  <!-- What one document gives the search index, as JSON: [address of its page, title, entries], each entry
       [anchor ("#id" or ""), text, language]: its title, its summary, and each paragraph-like block of its
       text. A digest does not have them: the renderer keeps them beside it. -->
  <xsl:function name="h:search-page" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:choose>
      <xsl:when test="ed:digest($doc)">
        <xsl:sequence select="error(xs:QName('h:digest'), ed:file-name($doc) || ': a digest has no search entries: the renderer keeps them (h:search-page)')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="entries" as="array(xs:string)*">
          <xsl:sequence select="['', ed:title($doc), 'en']"/>
          <xsl:for-each select="$doc/tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract">
            <xsl:sequence select="['', normalize-space(.), (ed:lang(.), 'en')[1]]"/>
          </xsl:for-each>
          <xsl:apply-templates select="$doc/tei:TEI/tei:text/*" mode="h:index"/>
        </xsl:variable>
        <xsl:sequence select="serialize([ed:page-stem($doc) || $ed:page-suffix, ed:title($doc), array{$entries}], $h:json)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:variable name="h:json" select="map{'method': 'json', 'indent': false()}"/>

  <!-- The search index is JSON: {"pages": [[address, title, [[anchor ("#id" or ""), text, language], ...]], ...]}:
       the page of every document with its entries (h:search-page), then these, the pages of the edition
       itself: the home page with an entry per catalogue record, the persons page with one per person. The
       renderer joins them. -->
  <xsl:template name="h:search-own">
    <xsl:variable name="records" as="array(xs:string)*" select="
        $edition[ed:kind(.) = 'catalogue']//tei:listBibl/tei:bibl ! [string(@xml:id ! ('#' || .)), normalize-space(.), (ed:lang(.), 'en')[1]]"/>
    <xsl:variable name="persons" as="array(xs:string)*" select="ed:registries()//tei:person
        ! ['#' || ed:person-anchor(.), string-join(distinct-values(tei:persName ! normalize-space(.)), ' · '), 'en']"/>
    <xsl:sequence select="string-join((['index' || $ed:page-suffix, 'Catalogue', array{$records}],
                                       ['persons' || $ed:page-suffix, 'Persons', array{$persons}]) ! serialize(., $h:json), ',')"/>
  </xsl:template>

  <!-- ============================================================ digest -->

  <!-- The digests of the document $doc (ed:digest), as XML text, each with the document's root, and what it
       gives the search index (h:search-page). The renderer keeps them while the document and the edition
       around it are unchanged, and makes each page of the edition from those of all documents, again only
       when they changed:
         h:head-digest    of its header, who made it (titleStmt: ed:credits) and its encodingDesc, and in
                          place of its text the facts of the principles (ed:text-facts): for the home and
                          about pages (documents whose digests are the same are given them once);
       and, as JSON, its items of the persons page (h:mention-html) and of its list of the persons who live in
       a document (h:own-person-html). -->
  <xsl:template name="h:head-digest">
    <xsl:variable name="header" select="$doc/tei:TEI/tei:teiHeader"/>
    <xsl:call-template name="h:digest">
      <xsl:with-param name="header" as="element()">
        <tei:teiHeader>
          <tei:fileDesc><tei:titleStmt><xsl:copy-of select="$header/tei:fileDesc/tei:titleStmt/(tei:respStmt | tei:editor | tei:author)"/></tei:titleStmt></tei:fileDesc>
          <xsl:copy-of select="$header/tei:encodingDesc"/>
        </tei:teiHeader>
      </xsl:with-param>
      <xsl:with-param name="digest" as="element()*">
        <ed:facts><xsl:value-of select="ed:text-facts($doc)"/></ed:facts>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The items of the persons page's list of the persons who live in the document $doc
       (h:own-person-items), as JSON [[key, the item as HTML], ...]: the renderer sorts them by key. -->
  <xsl:template name="h:own-person-html">
    <xsl:variable name="items" as="array(xs:string)*">
      <xsl:for-each select="h:own-person-items($doc)">
        <xsl:variable name="item" as="element()*"><xsl:copy-of select="*" copy-namespaces="no"/></xsl:variable>
        <xsl:sequence select="[string(@key), serialize($item, $h:html)]"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="serialize(array{$items}, $h:json)"/>
  </xsl:template>

  <!-- The items of the persons page of the document $doc (h:mention-items), as JSON [[person anchor, the
       item as HTML, serialised as the page is], ...]: the renderer puts them in the lists of $mentioned. -->
  <xsl:template name="h:mention-html">
    <xsl:variable name="items" as="array(xs:string)*">
      <xsl:for-each select="h:mention-items($doc)">
        <xsl:variable name="item" as="element()*"><xsl:copy-of select="*" copy-namespaces="no"/></xsl:variable>
        <xsl:sequence select="[string(@anchor), serialize($item, $h:html)]"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="serialize(array{$items}, $h:json)"/>
  </xsl:template>

  <xsl:variable name="h:html" select="map{'method': 'html', 'html-version': 5.0, 'indent': false()}"/>

  <xsl:template name="h:digest">
    <xsl:param name="header" as="element()?"/>
    <xsl:param name="digest" as="element()*"/>
    <xsl:variable name="made">
      <xsl:for-each select="$doc/tei:TEI">
        <xsl:copy>
          <xsl:copy-of select="@*, $header"/>
          <tei:text><ed:digest><xsl:sequence select="$digest"/></ed:digest></tei:text>
        </xsl:copy>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="serialize($made, map{'method': 'xml', 'indent': false()})"/>
  </xsl:template>

  <!-- What the document $doc gives the search index (h:search-page), kept by the renderer beside its digests. -->
  <xsl:template name="h:search-page">
    <xsl:sequence select="h:search-page($doc)"/>
  </xsl:template>

</xsl:stylesheet>
