<?xml version="1.0" encoding="UTF-8"?>
<!--
  Any element no other template knows (of TEI or of another namespace) becomes a generic block or
  inline with the class tei-NAME: its text is never dropped. It is a block when it stands where
  blocks stand (in a division, body, speech) or holds blocks itself.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:block-names" as="xs:string*" select="('p', 'ab', 'div', 'lg', 'list', 'table', 'sp', 'u',
      'figure', 'closer', 'opener', 'listBibl', 'listPerson', 'quote', 'floatingText', 'head', 'fw', 'TEI', 'text', 'body')"/>
  <xsl:variable name="ed:container-names" as="xs:string*" select="('body', 'div', 'front', 'back', 'text', 'group',
      'sp', 'div1', 'div2', 'div3', 'floatingText', 'TEI', 'teiCorpus')"/>

  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="empty($e/parent::*) or local-name($e/..) = $ed:container-names or (some $c in $e/* satisfies local-name($c) = $ed:block-names)"/>
  </xsl:function>

  <xsl:template match="*" priority="-10">
    <xsl:choose>
      <xsl:when test="ed:is-block(.)">
        <xsl:call-template name="b:block"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="b:inline"><xsl:with-param name="class" select="ed:classes(.)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
