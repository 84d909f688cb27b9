<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "Elements Available in All TEI Documents": highlighting, quotation, notes, pointers,
  lists, terms and glosses.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:hi | tei:emph | tei:foreign | tei:mentioned | tei:soCalled | tei:distinct | tei:title | tei:num
                       | tei:measure | tei:abbr[not(parent::tei:choice)] | tei:expan[not(parent::tei:choice)] | tei:label
                       | tei:term | tei:idno | tei:orgName | tei:placeName | tei:name | tei:rs | tei:geogName | tei:roleName
                       | tei:forename | tei:surname | tei:addName | tei:orig[not(parent::tei:choice)] | tei:reg[not(parent::tei:choice)]
                       | tei:sic[not(parent::tei:choice)] | tei:corr[not(parent::tei:choice)]">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:q | tei:quote">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gloss">
    <xsl:call-template name="b:inline">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="title" select="'Gloss' || (ed:person(string(@resp), .) ! (' by ' || ed:person-name(.)))
                                           || (ed:resolve(string(@target), .) ! (' of ' || normalize-space(.)))"/>
      <xsl:with-param name="before" select="$supplied-open"/>
      <xsl:with-param name="after" select="$supplied-close"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Notes: 'marker' (a numbered marker with the note: popover, footnote), 'inline' (a bracketed comment
       in the text: an inline note without a number) or 'block' (a note standing between paragraphs, such
       as a reference note, shown there with its label). -->
  <xsl:function name="ed:note-display" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="
        if ($note/@place = 'inline' and not($note/@n)) then 'inline'
        else if (not($note/@n) and not($note/@place = ('foot', 'end', 'margin'))
                 and local-name($note/..) = ('div', 'body', 'front', 'back', 'div1', 'div2', 'div3')) then 'block'
        else 'marker'"/>
  </xsl:function>

  <!-- The marker of a note: its @n, else its place among the notes without one: a number, or a letter (a, b …)
       when the text numbers notes of its own, so that a marginal note is never a second "1". -->
  <xsl:function name="ed:note-marker" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="place" select="count($note/preceding::tei:note[ancestor::tei:text][ed:note-display(.) = 'marker'][not(@n)]) + 1"/>
    <xsl:sequence select="if ($note/@n[normalize-space()]) then normalize-space($note/@n)
        else if (exists(root($note)//tei:text//tei:note[@n[normalize-space()]])) then format-integer($place, 'a')
        else string($place)"/>
  </xsl:function>

  <!-- A key unique in the document, for the note's marker and its entry in the list of notes. -->
  <xsl:function name="ed:note-key" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="($note/@xml:id/string(), 'ed-note-' || count($note/preceding::tei:note) + count($note/ancestor::tei:note) + 1)[1]"/>
  </xsl:function>

  <!-- Whether a note says what it is itself: it has its own label, or opens with the word of its type
       ("Source: …"); then no label of its type is shown beside it. -->
  <xsl:function name="ed:note-labelled" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/tei:label)
        or ($note/@type and starts-with(lower-case(normalize-space($note)), lower-case($note/@type)))"/>
  </xsl:function>

  <xsl:template match="tei:note">
    <xsl:choose>
      <xsl:when test="ed:note-display(.) = 'inline'">
        <xsl:call-template name="b:inline">
          <xsl:with-param name="class" select="ed:classes(.) || ' note-inline'"/>
          <xsl:with-param name="title" select="ed:note-type-label(.)"/>
          <xsl:with-param name="before" select="$supplied-open"/>
          <xsl:with-param name="after" select="$supplied-close"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="ed:note-display(.) = 'block'">
        <xsl:call-template name="b:block">
          <xsl:with-param name="class" select="ed:classes(.) || ' ed-note-block'"/>
          <xsl:with-param name="label" select="if (ed:note-labelled(.)) then () else ed:note-type-label(.)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="b:note">
          <xsl:with-param name="marker" select="ed:note-marker(.)"/>
          <xsl:with-param name="key" select="ed:note-key(.)"/>
          <xsl:with-param name="type-label" select="ed:note-type-label(.)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a note's own label ("Translator's Note:") is part of its text -->
  <xsl:template match="tei:note/tei:label">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="'note-label'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ref">
    <xsl:call-template name="b:link">
      <xsl:with-param name="href" select="ed:safe-href(tokenize(normalize-space(@target), ' ')[1])"/>
      <xsl:with-param name="class" select="ed:classes(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- a pointer shows where it points: the target's address, or the note it repeats -->
  <xsl:template match="tei:ptr">
    <xsl:variable name="target" select="ed:resolve(string(@target), .)"/>
    <xsl:choose>
      <xsl:when test="@type = 'noteref' and $target/self::tei:note">
        <xsl:call-template name="b:link">
          <xsl:with-param name="href" select="'#' || ed:note-key($target)"/>
          <xsl:with-param name="class" select="'noteref'"/>
          <xsl:with-param name="content" select="ed:note-marker($target)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="b:link">
          <xsl:with-param name="href" select="ed:safe-href(@target)"/>
          <xsl:with-param name="class" select="ed:classes(.)"/>
          <xsl:with-param name="content" select="string(@target)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent">
    <xsl:call-template name="b:list">
      <xsl:with-param name="ordered" select="@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')"/>
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="heads" select="tei:head"/>
      <xsl:with-param name="content" select="node()[not(self::tei:head)]"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The members of a list that are its items (everything else in it is shown between items). -->
  <xsl:function name="ed:is-item" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/(self::tei:item | self::tei:bibl[parent::tei:listBibl] | self::tei:biblStruct[parent::tei:listBibl]
        | self::tei:person[parent::tei:listPerson] | self::tei:place[parent::tei:listPlace] | self::tei:org[parent::tei:listOrg]
        | self::tei:event[parent::tei:listEvent] | self::tei:castItem))"/>
  </xsl:function>

  <xsl:template match="tei:item | tei:listBibl/tei:bibl | tei:listBibl/tei:biblStruct
                       | tei:listPerson/tei:person | tei:listPlace/tei:place | tei:listOrg/tei:org | tei:listEvent/tei:event">
    <xsl:call-template name="b:item"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:call-template name="b:break"><xsl:with-param name="class" select="'lb'"/><xsl:with-param name="label" select="()"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cit | tei:bibl | tei:biblStruct | tei:publisher | tei:author | tei:editor | tei:pubPlace">
    <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
