<?xml version="1.0" encoding="UTF-8"?>
<!--
  The behaviours that differ in the book; every other behaviour is the HTML edition's (html/behaviours.xsl).
    b:note   a noteref link (epub:type="noteref") to the note's footnote, an aside at the end of the
             document (e:footnotes), which reading systems open as a pop-up; a note within a note or a
             link stands in brackets where it is, as on the website.
    b:alternate  the member of the book's one view, the others told beside it (no tip to hover).
  and, of the pages' parts, a catalogue column head without the website's sort button.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    xmlns:h="urn:edition:html"
    xmlns:e="urn:edition:epub"
    xmlns:epub="http://www.idpf.org/2007/ops"
    exclude-result-prefixes="#all">

  <!-- b:note: the marker, a link to the footnote -->
  <xsl:template name="b:note">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="type-label" as="xs:string"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$copy or $in-link">
        <xsl:call-template name="h:note-nested">
          <xsl:with-param name="marker" select="$marker"/>
          <xsl:with-param name="type-label" select="$type-label"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <sup class="ed-note-mark"><a class="ed-note-ref" epub:type="noteref" role="doc-noteref" id="ed-ref-{$key}"
             href="#{$key}" aria-label="{$type-label} {$marker}"><xsl:value-of select="$marker"/></a></sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The footnotes of a document: each numbered note as an aside, typed, with a link back to its marker -->
  <xsl:template name="e:footnotes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="$notes">
      <section class="ed-notes" aria-labelledby="ed-notes-title">
        <h2 id="ed-notes-title">Notes</h2>
        <xsl:for-each select="$notes">
          <xsl:variable name="key" select="ed:note-key(.)"/>
          <aside epub:type="footnote" role="doc-footnote" id="{$key}" class="ed-footnote {ed:classes(.)}">
            <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
            <p class="ed-footnote-text">
              <a class="ed-backlink" role="doc-backlink" href="#ed-ref-{$key}"
                 aria-label="{ed:note-marker(.)}: back to the text"><xsl:value-of select="ed:note-marker(.)"/></a>
              <xsl:text> </xsl:text>
              <!-- its type, unless the note says it itself ("Translator's Note: …") -->
              <xsl:if test="not(ed:note-labelled(.))">
                <span class="ed-note-type"><xsl:value-of select="ed:note-type-label(.)"/></span>
                <xsl:text> </xsl:text>
              </xsl:if>
              <span class="ed-note-body">
                <xsl:apply-templates>
                  <xsl:with-param name="copy" select="true()" tunnel="yes"/>
                  <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
                </xsl:apply-templates>
              </span>
            </p>
          </aside>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- b:alternate: the website's members, of which the book's one view hides one (e:finish), then the
       members it does not show, told in the signs of a reading (a book has no tip to hover) -->
  <xsl:template name="b:alternate">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="diplomatic" as="element()?"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:param name="others" as="node()*" select="()"/>
    <xsl:variable name="gloss" select="ed:told-beside($diplomatic, $reading, $others)"/>
    <xsl:call-template name="h:alternate">
      <xsl:with-param name="class" select="$class"/>
      <xsl:with-param name="diplomatic" select="$diplomatic"/>
      <xsl:with-param name="reading" select="$reading"/>
      <xsl:with-param name="others" select="$others"/>
      <xsl:with-param name="told" select="$gloss"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A catalogue column head: the book has no script to sort by it -->
  <xsl:template name="h:sortable-head">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <th scope="col"><xsl:value-of select="$label"/></th>
  </xsl:template>

</xsl:stylesheet>
