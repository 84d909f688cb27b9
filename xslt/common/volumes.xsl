<?xml version="1.0" encoding="UTF-8"?>
<!--
  The volumes of a book, the printed book's and the EPUB's alike: included by their entry stylesheets.
  The renderer reads the documents one at a time and asks each for its record (ed:volume-record: its
  reading keys and its length), gives the records of all as $volume-records and asks ed:volumes where each
  volume begins; it then makes each volume with only that volume's documents in the edition (and the
  registries and catalogues), $volume and $volumes set. So no volume needs the whole edition in memory.
    ed:volume-record   what a document tells the plan: ed:reading-keys and its pages' worth of text
    ed:volumes         the plan: the records of each volume, in reading order
    ed:volume-starts   the one rule: where a volume is closed
    ed:volume-line     'Volume 2 of 5' for a title page
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    exclude-result-prefixes="#all">

  <!-- About how many printed pages a volume holds, judged by the length of the texts: a longer edition is
       made as several books (edition-1.pdf, edition-2.pdf …; edition-1.epub …, the same volumes), each
       with its title page, contents and index; 0: one book, whatever its length. Typst takes about 5 MB
       of memory a page of a book it typesets. -->
  <xsl:param name="volume-pages" ed:cli="yes" as="xs:integer" select="300"/>
  <!-- The volume the templates write, and how many there are, set by the renderer (0: the whole book). -->
  <xsl:param name="volume" as="xs:integer" select="0"/>
  <xsl:param name="volumes" as="xs:integer" select="1"/>
  <!-- The records of the edition's documents (ed:volume-record), set by the renderer for ed:volumes. -->
  <xsl:param name="volume-records" as="xs:string*" select="()"/>

  <!-- The characters of text a printed page holds, about: what ed:volume-starts counts pages by. -->
  <xsl:variable name="ed:page-chars" as="xs:integer" select="2500"/>

  <!-- What the document $doc tells the plan of the volumes, as JSON: [its four reading keys
       (ed:reading-keys), the characters it takes in the book]: its text, and a page for its opening (a
       chapter starts on a right-hand page). -->
  <xsl:function name="ed:volume-record" as="xs:string" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="size" select="string-length(normalize-space(string($doc/tei:TEI/tei:text))) + $ed:page-chars"/>
    <xsl:sequence select="serialize(array{ed:reading-keys($doc), $size}, map{'method': 'json'})"/>
  </xsl:function>

  <!-- The plan of the volumes, for the renderer, as JSON: for each volume, the positions (from 1) in
       $volume-records of its documents' records, in reading order: [[3, 1], [2]]. No volume when there
       are no records. -->
  <xsl:template name="ed:volumes">
    <xsl:variable name="keyed" select="for $i in 1 to count($volume-records)
        return array:append(parse-json($volume-records[$i]), $i)"/>
    <xsl:variable name="ordered" select="ed:in-reading-order($keyed)"/>
    <xsl:variable name="starts" select="ed:volume-starts($ordered ! xs:integer(?5), $volume-pages)"/>
    <xsl:variable name="ends" select="(subsequence($starts, 2), count($ordered) + 1)"/>
    <xsl:sequence select="serialize(array{for $k in 1 to count($starts) return
        array{subsequence($ordered, $starts[$k], $ends[$k] - $starts[$k]) ! ?6}}, map{'method': 'json'})"/>
  </xsl:template>

  <!-- Where each volume begins, as positions in the reading order of documents of $sizes characters
       (ed:volume-record): a volume is closed before the document that would take it past $pages pages
       (a document longer than that is a volume of its own); one volume when $pages is 0. -->
  <xsl:function name="ed:volume-starts" as="xs:integer*">
    <xsl:param name="sizes" as="xs:integer*"/>
    <xsl:param name="pages" as="xs:integer"/>
    <xsl:iterate select="$sizes">
      <xsl:param name="filled" as="xs:integer" select="0"/>
      <xsl:variable name="opens" select="position() = 1 or ($pages gt 0 and $filled + . gt $pages * $ed:page-chars)"/>
      <xsl:if test="$opens">
        <xsl:sequence select="position()"/>
      </xsl:if>
      <xsl:next-iteration>
        <xsl:with-param name="filled" select="(if ($opens) then 0 else $filled) + ."/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- What a volume's title page says of it: 'Volume 2 of 5'; nothing for a book of one volume. -->
  <xsl:function name="ed:volume-line" as="xs:string">
    <xsl:sequence select="if ($volume gt 0 and $volumes gt 1) then 'Volume ' || $volume || ' of ' || $volumes else ''"/>
  </xsl:function>

</xsl:stylesheet>
