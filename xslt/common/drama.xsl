<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapters "Performance Texts" and "Transcriptions of Speech": speeches (sp), speakers, stage
  directions, reported and direct speech (said), utterances (u) and their segments.
  Every speech shows who speaks: the speaker label as written, else the person's name; a said with
  @who gets the speaker's short name as a marginal label.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:sp | tei:u">
    <xsl:variable name="person" select="ed:person(string(@who), .)"/>
    <xsl:call-template name="b:speech">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="person" select="$person"/>
      <xsl:with-param name="who" select="string(@who)"/>
      <xsl:with-param name="speaker" select="tei:speaker"/>
      <xsl:with-param name="content" select="node()[not(self::tei:speaker)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a cast list is a list: a role and its description to an item, a group of roles a list within it -->
  <xsl:template match="tei:castList | tei:castGroup">
    <xsl:call-template name="b:list">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="heads" select="tei:head"/>
      <xsl:with-param name="content" select="node()[not(self::tei:head)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a role and its description: "AMBROSE, a lighthouse keeper" (the blanks that lay out the XML go) -->
  <xsl:template match="tei:castItem">
    <xsl:call-template name="b:item">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="content" select="node()[not(self::text()[not(normalize-space())] and preceding-sibling::tei:role and following-sibling::tei:roleDesc)]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:roleDesc">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="before" select="if (preceding-sibling::tei:role) then ', ' else ()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="kind" select="'speaker'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- within a paragraph, a stage direction (laughter, an interjection) stands in brackets -->
  <xsl:template match="tei:stage | tei:incident | tei:kinesic | tei:vocal | tei:writing | tei:shift">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="content" select="ed:trimmed(.)"/>
      <xsl:with-param name="title" select="ed:stage-label(.)"/>
      <xsl:with-param name="before" select="$supplied-open"/>
      <xsl:with-param name="after" select="$supplied-close"/>
    </xsl:call-template>
  </xsl:template>

  <!-- stage directions between speeches are blocks -->
  <xsl:template match="tei:stage[parent::tei:div or parent::tei:body or parent::tei:sp]">
    <xsl:call-template name="b:block">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:stage-label(.)"/>
      <xsl:with-param name="kind" select="'stage'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:pause">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="'Pause' || (@dur ! (' (' || . || ')'))"/>
      <xsl:with-param name="before" select="'(…)'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:said">
    <xsl:variable name="person" select="ed:person(string(@who), .)"/>
    <xsl:call-template name="b:said">
      <xsl:with-param name="class" select="ed:classes(.) || (if (@direct = 'false') then ' indirect' else if (@direct = 'true') then ' direct' else '')"/>
      <xsl:with-param name="person" select="$person"/>
      <xsl:with-param name="who" select="string(@who)"/>
      <!-- a continued statement (@prev) that opens its paragraph is labelled too: the reader must see who speaks -->
      <xsl:with-param name="label" select="exists(@who)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:seg">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="ed:seg-label(.)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
