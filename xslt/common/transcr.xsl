<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "Representation of Primary Sources": deletions and additions, supplied and unclear
  text, gaps and damage, page furniture, alternatives (choice).
  Which reading is shown is decided here: a deletion is 'diplomatic-only' text (shown struck through
  in the diplomatic view, hidden in the reading view); of a choice the sic/orig/abbr member belongs to
  the diplomatic view and the corr/reg/expan member to the reading view.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <!-- Which view shows an element, when only one does: 'diplomatic' (a deletion; of an alternative, the
       form as written), 'reading' (the corrected, regularised or expanded form), else empty (both). Every
       format follows it: the website's switch, the EPUB's and the book's one view ($default-view). -->
  <xsl:function name="ed:view" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="choice" select="$e/parent::tei:choice"/>
    <xsl:sequence select="if ($e/self::tei:del) then 'diplomatic'
        else if (empty($choice) or empty(ed:diplomatic-member($choice)) or empty(ed:reading-member($choice))) then ()
        else if ($e is ed:diplomatic-member($choice)) then 'diplomatic'
        else if ($e is ed:reading-member($choice)) then 'reading' else ()"/>
  </xsl:function>

  <!-- Of a choice, the member as written, and the member as read. -->
  <xsl:function name="ed:diplomatic-member" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="($choice/tei:sic, $choice/tei:orig, $choice/tei:abbr, $choice/tei:seg)[1]"/>
  </xsl:function>
  <xsl:function name="ed:reading-member" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="dipl" select="ed:diplomatic-member($choice)"/>
    <xsl:sequence select="($choice/tei:corr, $choice/tei:reg, $choice/tei:expan, $choice/tei:seg[not(. is $dipl)])[1]"/>
  </xsl:function>

  <xsl:template match="tei:del">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:del-explanation(.)"/>
      <xsl:with-param name="kind" select="'deletion'"/>
      <xsl:with-param name="view" select="ed:view(.)"/>
    </xsl:call-template>
    <!-- of a substitution, the words deleted and the words added are two words where both are shown
         ("old new", not "oldnew"): a space of the diplomatic view between them -->
    <xsl:if test="parent::tei:subst and following-sibling::node()[1][self::*]">
      <xsl:for-each select="$ed:space">
        <xsl:call-template name="b:inline">
          <xsl:with-param name="class" select="'ed-sep'"/>
          <xsl:with-param name="content" select="."/>
          <xsl:with-param name="view" select="'diplomatic'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="ed:space" as="text()"><xsl:text> </xsl:text></xsl:variable>

  <xsl:template match="tei:add">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:add-explanation(.)"/>
      <xsl:with-param name="kind" select="'addition'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:subst | tei:restore | tei:mod | tei:retrace | tei:handShift | tei:redo | tei:undo">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:supplied-explanation(.)"/>
      <xsl:with-param name="before" select="$supplied-open"/>
      <xsl:with-param name="after" select="$supplied-close"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.) || (@reason ! (' reason-' || replace(normalize-space(.), '[^\p{L}\p{N}_-]', '')))"/>
      <xsl:with-param name="title" select="ed:unclear-explanation(.)"/>
      <xsl:with-param name="kind" select="'unclear'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:damage | tei:surplus | tei:secl">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="if (self::tei:damage) then ed:damage-explanation(.) else local-name() || (@reason ! (': ' || .))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a gap shows an ellipsis in brackets, and its description -->
  <xsl:template match="tei:gap | tei:space">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:gap-explanation(.)"/>
      <xsl:with-param name="before" select="$supplied-open || '…' || (if (normalize-space(.)) then ' ' else '')"/>
      <xsl:with-param name="after" select="$supplied-close"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gap/tei:desc">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="'gap-desc'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb | tei:milestone">
    <xsl:call-template name="b:break">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="label" select="ed:pb-label(.)"/>
      <xsl:with-param name="title" select="ed:pb-explanation(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:fw">
    <xsl:call-template name="b:block">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="'Page furniture' || (@type ! (' (' || . || ')'))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:variable name="dipl" select="ed:diplomatic-member(.)"/>
    <xsl:variable name="reading" select="ed:reading-member(.)"/>
    <xsl:call-template name="b:alternate">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="diplomatic" select="$dipl"/>
      <xsl:with-param name="reading" select="$reading"/>
      <xsl:with-param name="others" select="* except ($dipl, $reading)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Of an alternative, the member a format with one fixed view (the book, the EPUB) shows: that of
       $default-view, else the other, else the first of the others; the rest are told beside it
       (ed:alternates-gloss). -->
  <xsl:function name="ed:shown-member" as="element()?">
    <xsl:param name="diplomatic" as="element()?"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:param name="others" as="node()*"/>
    <xsl:sequence select="(if ($default-view = 'reading') then ($reading, $diplomatic) else ($diplomatic, $reading),
                           $others[. instance of element()])[1]"/>
  </xsl:function>

  <!-- What a format with one fixed view tells after the member it shows: the others (ed:alternates-gloss). -->
  <xsl:function name="ed:told-beside" as="xs:string">
    <xsl:param name="diplomatic" as="element()?"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:param name="others" as="node()*"/>
    <xsl:variable name="shown" select="ed:shown-member($diplomatic, $reading, $others)"/>
    <xsl:sequence select="ed:alternates-gloss($shown, ($diplomatic, $reading, $others[. instance of element()]) except $shown)"/>
  </xsl:function>

  <xsl:template match="tei:choice/*">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:choice-label(.)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
