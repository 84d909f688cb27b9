<?xml version="1.0" encoding="UTF-8"?>
<!--
  Words the renderings show: labels of note types, explanations of editorial signs (supplied,
  unclear, gap, deletion, OCR flags), names of header fields. One place, so the HTML tooltip and the
  PDF footnote explain a sign the same way. Override a label by overriding the function in a
  customisation stylesheet that imports the format's entry stylesheet.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:note-types" as="map(xs:string, xs:string)" select="map{
      'translator': 'Translator’s note', 'editorial': 'Editor’s note', 'editor': 'Editor’s note',
      'transmission': 'Transmission note', 'reference': 'Reference', 'general': 'Note',
      'summary': 'Summary', 'credits': 'Credits', 'contents': 'Contents', 'source': 'Source'}"/>

  <!-- The signs around a variant reading or an alternative shown in the text (not the brackets of supplied
       words), and what a reading that leaves the lemma out says. -->
  <xsl:variable name="ed:reading-open" as="xs:string" select="'('"/>
  <xsl:variable name="ed:reading-close" as="xs:string" select="')'"/>
  <xsl:variable name="ed:omitted-label" as="xs:string" select="'om.'"/>

  <!-- The label of a note, from its @type. -->
  <xsl:function name="ed:note-type-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="t" select="string($note/@type)"/>
    <xsl:sequence select="($ed:note-types($t), if ($t != '') then 'Note (' || $t || ')' else 'Note')[1]"/>
  </xsl:function>

  <!-- Why words are supplied (supplied/@reason) and by whom. -->
  <xsl:function name="ed:supplied-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="who" select="ed:person(string($e/@resp), $e)"/>
    <xsl:variable name="reason" select="string($e/@reason)"/>
    <xsl:sequence select="string-join((
        'Supplied' || (if ($who) then ' by ' || ed:person-name($who) else ''),
        if ($reason = 'interpolation') then 'words added by the translator or editor; not in the source'
        else if ($reason = 'omitted') then 'omitted in the source'
        else if ($reason = 'illegible') then 'illegible in the source'
        else if ($reason = 'damage') then 'damaged in the source'
        else if ($reason != '') then $reason else 'not in the source'), ': ')"/>
  </xsl:function>

  <!-- What an unclear passage is. -->
  <xsl:function name="ed:unclear-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="reason" select="string($e/@reason)"/>
    <xsl:sequence select="
        if ($reason = 'ocr-repetition') then 'OCR repetition: the text recognition repeated these words; kept as in the transcript'
        else if ($reason != '') then 'Unclear (' || replace($reason, '-', ' ') || ')' else 'Unclear reading'"/>
  </xsl:function>

  <!-- What a deletion is. -->
  <xsl:function name="ed:del-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="hand" select="ed:resolve(string($e/@hand), $e)"/>
    <xsl:sequence select="string-join(('Deleted in the source' || ($e/@rend[normalize-space()] ! (' (' || replace(., '-', ' ') || ')')),
        $hand ! normalize-space(.)[. != '']), '. ')"/>
  </xsl:function>

  <xsl:function name="ed:add-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'Added in the source' || ($e/@place[normalize-space()] ! (' (' || normalize-space(.) || ')'))"/>
  </xsl:function>

  <xsl:function name="ed:gap-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'Gap in the transcript' || ($e/@reason[normalize-space()] ! (': ' || replace(normalize-space(.), '-', ' ')))
        || ($e/(@quantity, @extent)[1] ! (' (' || normalize-space(.) || ' ' || normalize-space($e/@unit) || ')'))"/>
  </xsl:function>

  <xsl:function name="ed:damage-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'Damaged in the source' || ($e/(@agent, @type)[1] ! (' (' || normalize-space(.) || ')'))"/>
  </xsl:function>

  <!-- Explanations of the two members of a choice, by element name. -->
  <xsl:variable name="ed:choice-labels" as="map(xs:string, xs:string)" select="map{
      'sic': 'As written in the source', 'corr': 'Corrected', 'orig': 'As in the transcript',
      'reg': 'Regularised', 'abbr': 'Abbreviation', 'expan': 'Expansion', 'seg': 'Alternative'}"/>

  <xsl:function name="ed:choice-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($ed:choice-labels(local-name($e)), local-name($e))[1]
        || ($e/@type[normalize-space()] ! (' (' || replace(normalize-space(.), '-', ' ') || ')'))"/>
  </xsl:function>

  <!-- The other members of an alternative, as a reader is told them beside the one shown:
       "corrected: receive; regularised: color"; a member that differs from the shown one only in signs,
       not in letters (an OCR's ** around a word), is not told. -->
  <xsl:function name="ed:alternates-gloss" as="xs:string">
    <xsl:param name="shown" as="element()?"/>
    <xsl:param name="others" as="element()*"/>
    <xsl:sequence select="string-join($others[not(ed:letters(.) = ed:letters($shown))] ! (
        let $label := ed:choice-label(.) return lower-case(substring($label, 1, 1)) || substring($label, 2) || ': ' || normalize-space(.)), '; ')"/>
  </xsl:function>

  <xsl:function name="ed:letters" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="lower-case(replace(string($e), '[^\p{L}\p{N}]', ''))"/>
  </xsl:function>

  <xsl:function name="ed:stage-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'Stage direction' || ($e/@type[normalize-space()] ! (' (' || normalize-space(.) || ')'))"/>
  </xsl:function>

  <xsl:function name="ed:seg-label" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@type = 'interruption') then 'Interruption'
                          else $e/@type[normalize-space()] ! replace(normalize-space(.), '-', ' ')"/>
  </xsl:function>

  <!-- The label of a page break: the folio or page number (@n), or a plain marker. -->
  <xsl:function name="ed:pb-label" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@n[normalize-space()]) then normalize-space($e/@n) else '‖'"/>
  </xsl:function>
  <xsl:function name="ed:pb-explanation" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="(if ($e/@n) then 'Page ' || normalize-space($e/@n) || ' begins' else 'Page break')
        || (if ($e/@type = 'inferred') then ' (inferred by the converter)' else '')"/>
  </xsl:function>

</xsl:stylesheet>
