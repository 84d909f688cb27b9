<?xml version="1.0" encoding="UTF-8"?>
<!--
  The package document (OPF) of the book: metadata, manifest and spine (the reading order of
  e:spine). e:package returns it serialised as XML; e:identity gives the text its urn:uuid is made of.

  Metadata, from the TEI:
    dc:title        $edition-title; of a volume, with 'Volume k of n' (and the edition as the series
                    it belongs to: belongs-to-collection, group-position)
    dc:creator      the editors ($editors, else everyone a document's respStmt names as editing it),
                    each with a MARC relator role (edt; also trl when they translated)
    dc:contributor  the others named in the respStmts (translators trl, annotators ann, compilers com,
                    anyone else ctb) and the documents' authors (aut)
    dc:language     en (the book's own words), then every language of the texts
    dc:date         $edition-date, else the day of $modified
    dc:source       each document's source: its address (publicationStmt/idno[@type='URI']), else its citation
    dcterms:modified, and the accessibility metadata: what the book is, stated so that it is true of it
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:e="urn:edition:epub"
    xmlns:opf="http://www.idpf.org/2007/opf"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="#all">

  <!-- What identifies the edition, whenever and wherever it is built: its title and the pages of its
       documents. The renderer makes the book's urn:uuid from it (a name-based UUID). -->
  <xsl:template name="e:identity">
    <xsl:sequence select="string-join(($edition-title, sort(e:documents() ! ed:page-stem(.))), '&#10;')"/>
  </xsl:template>

  <!-- the languages of the book: its own (en), then those of the texts -->
  <xsl:function name="e:languages" as="xs:string+">
    <xsl:variable name="texts" select="distinct-values($edition/tei:TEI/(@xml:lang | tei:text/descendant-or-self::*/@xml:lang)
        ! normalize-space(.)[matches(., '^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$')])"/>
    <xsl:sequence select="'en', sort($texts[. != 'en'])"/>
  </xsl:function>

  <xsl:template name="e:package">
    <xsl:variable name="spine" select="e:spine()"/>
    <xsl:variable name="agents" select="ed:agents(e:documents())[not(?organisation)]"/>
    <xsl:variable name="date" select="(normalize-space($edition-date)[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')],
                                       substring($modified, 1, 10))[1]"/>
    <xsl:variable name="sources" select="distinct-values(e:documents() ! (
        (tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URI'] ! ed:safe-href(.)[matches(., '^https?:')],
         tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/(tei:bibl, tei:biblStruct)[normalize-space()]
           ! normalize-space(string-join(ed:unlabelled(., ('Source', 'Citation')) ! string(.))))[1]))"/>
    <xsl:variable name="opf">
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="en">
        <metadata>
          <xsl:namespace name="dc" select="'http://purl.org/dc/elements/1.1/'"/>
          <dc:identifier id="uid"><xsl:value-of select="$identifier"/></dc:identifier>
          <dc:title><xsl:value-of select="string-join(($edition-title, ed:volume-line()[. != '']), ', ')"/></dc:title>
          <!-- a volume: the edition is the series it belongs to, the volume its place in it -->
          <xsl:if test="ed:volume-line() != ''">
            <meta property="belongs-to-collection" id="edition"><xsl:value-of select="$edition-title"/></meta>
            <meta refines="#edition" property="collection-type">series</meta>
            <meta refines="#edition" property="group-position"><xsl:value-of select="$volume"/></meta>
          </xsl:if>
          <xsl:for-each select="e:languages()">
            <dc:language><xsl:value-of select="."/></dc:language>
          </xsl:for-each>
          <xsl:for-each select="$agents">
            <xsl:variable name="id" select="'agent-' || position()"/>
            <xsl:element name="{if (?creator) then 'dc:creator' else 'dc:contributor'}">
              <xsl:attribute name="id" select="$id"/>
              <xsl:value-of select="?name"/>
            </xsl:element>
            <xsl:for-each select="?roles">
              <meta refines="#{$id}" property="role" scheme="marc:relators"><xsl:value-of select="."/></meta>
            </xsl:for-each>
          </xsl:for-each>
          <dc:date><xsl:value-of select="$date"/></dc:date>
          <xsl:for-each select="$sources">
            <dc:source><xsl:value-of select="."/></dc:source>
          </xsl:for-each>
          <meta property="dcterms:modified"><xsl:value-of select="$modified"/></meta>
          <meta property="schema:accessMode">textual</meta>
          <meta property="schema:accessModeSufficient">textual</meta>
          <xsl:for-each select="('structuralNavigation', 'tableOfContents', 'readingOrder', 'index', 'ARIA')">
            <meta property="schema:accessibilityFeature"><xsl:value-of select="."/></meta>
          </xsl:for-each>
          <meta property="schema:accessibilityHazard">none</meta>
          <meta property="schema:accessibilitySummary"><xsl:value-of select="e:accessibility-summary()"/></meta>
          <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
        </metadata>
        <manifest>
          <xsl:for-each select="$spine">
            <item id="{e:item-id(., position())}" href="{?file}" media-type="application/xhtml+xml">
              <xsl:if test="?page = 'nav'"><xsl:attribute name="properties" select="'nav'"/></xsl:if>
            </item>
          </xsl:for-each>
          <xsl:for-each select="$styles">
            <item id="css-{position()}" href="{.}" media-type="text/css"/>
          </xsl:for-each>
        </manifest>
        <spine>
          <xsl:for-each select="$spine">
            <itemref idref="{e:item-id(., position())}"/>
          </xsl:for-each>
        </spine>
      </package>
    </xsl:variable>
    <xsl:sequence select="serialize($opf, map{'method': 'xml', 'indent': true(), 'encoding': 'UTF-8',
                                              'omit-xml-declaration': false()})"/>
  </xsl:template>

  <xsl:function name="e:item-id" as="xs:string">
    <xsl:param name="entry" as="map(*)"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($entry?page = 'document') then 'doc-' || $n else 'page-' || $entry?page"/>
  </xsl:function>

  <!-- What a reader who cannot see the pages, or reads them otherwise, needs to know of the book -->
  <xsl:function name="e:accessibility-summary" as="xs:string">
    <xsl:sequence select="string-join((
        'A reflowable text without images, sound or animation: every document of the edition with its facts, headings,'
        || ' a table of contents, landmarks, an index of persons and the editorial principles.',
        'Each note is a link to a footnote at the end of its document, with a link back to the text.',
        'Editorial signs are marked up and stated in words: supplied words stand in brackets, '
        || (if ($default-view = 'reading') then 'deletions of the source are left out of the text (the reading view), '
            else 'deletions of the source are struck through and marked as deletions, ')
        || 'and the Editorial principles page explains each sign.',
        'An original and its translation follow each other, linked passage by passage, each marked with its language.'), ' ')"/>
  </xsl:function>

</xsl:stylesheet>
