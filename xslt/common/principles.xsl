<?xml version="1.0" encoding="UTF-8"?>
<!--
  The editorial principles a reader is given: one short, plain statement for each phenomenon that occurs
  in the texts of the edition (deletions, supplied words, gaps, notes, page breaks, speakers,
  alternatives, variant readings, the source's type), in the words every format shows, told as each
  format shows it. The encoder's own declarations (editorialDecl) stay in the TEI headers; the website
  lists them apart, for those who want them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <!-- The statements: maps of 'key' (what they are about) and 'statement', in this order. `format` is
       'html' (two views, tips on hover), 'epub' (one view, footnotes) or 'print' (one view, footnotes on
       the page, margins). `documents` are documents or their digests (ed:digest). -->
  <xsl:function name="ed:principles" as="map(xs:string, xs:string)*">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:variable name="facts" select="distinct-values($documents ! ed:text-facts(.))"/>
    <xsl:variable name="one-view" select="$format != 'html'"/>
    <xsl:variable name="reading" select="$one-view and $default-view = 'reading'"/>
    <xsl:if test="$facts = 'del'">
      <xsl:sequence select="ed:principle('deletion',
          if ($reading) then 'Words struck out in the source are left out.'
          else 'Words struck out in the source are struck through'
               || (if ($one-view) then '.' else '; the Reading view leaves them out.'))"/>
    </xsl:if>
    <xsl:if test="$facts = 'supplied'">
      <xsl:sequence select="ed:principle('supplied', 'Words between ' || $supplied-open || ' and ' || $supplied-close
          || ' were supplied by the translator or the editor; they are not in the source.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'gap'">
      <xsl:sequence select="ed:principle('gap', $supplied-open || '…' || $supplied-close
          || ' marks words that could not be read or were left out, with the reason where it is known.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'unclear'">
      <xsl:sequence select="ed:principle('unclear', 'A dotted underline marks words that could not be read with certainty.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'ocr'">
      <xsl:sequence select="ed:principle('ocr', 'A wavy underline marks words the text recognition repeated; they are kept as in the transcript.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'note'">
      <xsl:sequence select="ed:principle('note',
          (if ($facts = 'note-by-editor') then 'Numbered notes are the translator’s or the editor’s; '
           else 'Notes are numbered; ')
          || (if ($format = 'print') then 'each stands at the foot of the page of its number.'
              else if ($format = 'epub') then 'each number links to its note, and the notes follow each document.'
              else 'each number opens its note, and the notes follow each document.'))"/>
    </xsl:if>
    <xsl:if test="$facts = 'page'">
      <xsl:sequence select="ed:principle('page', if ($format = 'print')
          then 'A page number in the outer margin marks where a page of the original begins.'
          else '‖, or the number of the page, marks where a page of the original begins.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'speech'">
      <xsl:sequence select="ed:principle('speech', 'Each speech opens with the name of its speaker.')"/>
    </xsl:if>
    <xsl:if test="$format != 'print' and $facts = 'said'">
      <xsl:sequence select="ed:principle('said', if ($format = 'epub')
          then 'Where the words of a speaker are reported in the running text, a small raised name says whose they are.'
          else 'Where the words of a speaker are reported in the running text, their name stands in the margin beside them.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'alternative'">
      <xsl:sequence select="ed:principle('alternative', if ($one-view)
          then 'Where a word was corrected, regularised or abbreviated, the text gives it '
               || (if ($reading) then 'in its corrected form' else 'as written') || ', and the other form follows in parentheses where it differs in more than punctuation.'
          else 'Where a word was corrected, regularised or abbreviated, the Diplomatic view gives it as written, the Reading view in its corrected form; pointing at it shows the other.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'reading'">
      <xsl:sequence select="ed:principle('reading', 'Variant readings follow the text in parentheses, after the sigla of the witnesses that have them; '
          || $ed:omitted-label || ' means that a witness leaves the words out.')"/>
    </xsl:if>
    <xsl:if test="$facts = 'rendition'">
      <xsl:sequence select="ed:principle('rendition', 'Italic, bold, small capitals and raised or lowered letters are as in the source.')"/>
    </xsl:if>
  </xsl:function>

  <!-- What of a document's text the principles speak of, as words: each phenomenon it has (that of a
       document's digest, as it was when digested). -->
  <xsl:function name="ed:text-facts" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="digest" select="ed:digest($doc)"/>
    <xsl:variable name="text" select="$doc/tei:TEI/tei:text"/>
    <xsl:sequence select="if ($digest) then tokenize($digest/ed:facts) else (
        'del'[$text//tei:del],
        'supplied'[$text//tei:supplied],
        'gap'[$text//tei:gap],
        'unclear'[$text//tei:unclear[not(@reason = 'ocr-repetition')]],
        'ocr'[$text//tei:unclear[@reason = 'ocr-repetition']],
        'note'[$text//tei:note[ed:note-display(.) = 'marker']],
        'note-by-editor'[$text//tei:note[@type = ('translator', 'editorial', 'editor')]],
        'page'[$text//tei:pb],
        'speech'[$text//(tei:sp | tei:u)],
        'said'[$text//tei:said[@who]],
        'alternative'[$text//tei:choice],
        'reading'[$text//tei:app],
        'rendition'[some $e in $text//*[not(self::tei:del)][@rend or @rendition or @style] satisfies exists(ed:rendition($e))])"/>
  </xsl:function>

  <xsl:function name="ed:principle" as="map(xs:string, xs:string)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="statement" as="xs:string"/>
    <xsl:sequence select="map{'key': $key, 'statement': $statement}"/>
  </xsl:function>

</xsl:stylesheet>
