<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the source looked: the rendition of an element as a few keywords every format implements once
  (italic, bold, superscript, subscript, underline, small-caps, strike, spaced, uppercase), from its
  @rend words, its @style (CSS), the tagsDecl renditions its @rendition points to (CSS, or words), and,
  where none of these is given, from what the element is (emph, foreign, title, mentioned, term: italic,
  unless @rend says roman).
  Words of @rend that say nothing of type (pre(“), a class of the project's own) are left alone.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <!-- The @rend words (and those of a rendition in words) with what they mean. -->
  <xsl:variable name="ed:rend-words" as="map(xs:string, xs:string)" select="map{
      'italic': 'italic', 'italics': 'italic', 'it': 'italic', 'i': 'italic', 'oblique': 'italic',
      'bold': 'bold', 'b': 'bold', 'strong': 'bold',
      'sup': 'superscript', 'superscript': 'superscript', 'super': 'superscript',
      'sub': 'subscript', 'subscript': 'subscript',
      'underline': 'underline', 'underlined': 'underline', 'ul': 'underline', 'u': 'underline',
      'smallcaps': 'small-caps', 'small-caps': 'small-caps', 'sc': 'small-caps', 'smcap': 'small-caps',
      'strikethrough': 'strike', 'strike': 'strike', 'overstrike': 'strike', 'line-through': 'strike',
      'spaced': 'spaced', 'letterspace': 'spaced', 'letterspaced': 'spaced', 'expanded': 'spaced', 'gesperrt': 'spaced',
      'caps': 'uppercase', 'allcaps': 'uppercase', 'uppercase': 'uppercase'}"/>

  <!-- The elements set in italic unless their rendition says otherwise. -->
  <xsl:variable name="ed:italic-by-default" as="xs:string*" select="('emph', 'foreign', 'title', 'mentioned', 'term')"/>

  <xsl:function name="ed:rendition" as="xs:string*" cache="yes">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="given" select="distinct-values((
        tokenize(lower-case(normalize-space($e/@rend)), ' ') ! $ed:rend-words(.),
        ed:css-rendition($e/@style),
        tokenize(normalize-space($e/@rendition), ' ') ! ed:resolve(., $e)[self::tei:rendition]
          ! (if (@scheme = 'css' or contains(., ':')) then ed:css-rendition(.)
             else tokenize(lower-case(normalize-space(.)), '[\s,;]+') ! $ed:rend-words(.))))"/>
    <xsl:variable name="upright" select="tokenize(lower-case(normalize-space($e/@rend)), ' ') = ('roman', 'upright', 'normal')
        or matches(lower-case(string($e/@style)), 'font-style\s*:\s*normal')"/>
    <xsl:sequence select="if (exists($given) or $upright) then $given
        else if ($e/self::tei:* and local-name($e) = $ed:italic-by-default) then 'italic' else ()"/>
  </xsl:function>

  <!-- The keywords of CSS declarations. -->
  <xsl:function name="ed:css-rendition" as="xs:string*">
    <xsl:param name="css" as="xs:string?"/>
    <xsl:for-each select="tokenize(lower-case(string($css)), ';')[contains(., ':')]">
      <xsl:variable name="property" select="normalize-space(substring-before(., ':'))"/>
      <xsl:variable name="value" select="normalize-space(substring-after(., ':'))"/>
      <xsl:choose>
        <xsl:when test="$property = 'font-style' and $value = ('italic', 'oblique')">italic</xsl:when>
        <xsl:when test="$property = 'font-weight' and ($value = ('bold', 'bolder') or matches($value, '^[6-9]00$'))">bold</xsl:when>
        <xsl:when test="$property = 'vertical-align' and $value = ('super', 'top')">superscript</xsl:when>
        <xsl:when test="$property = 'vertical-align' and $value = ('sub', 'bottom')">subscript</xsl:when>
        <xsl:when test="$property = ('font-variant', 'font-variant-caps') and contains($value, 'small-caps')">small-caps</xsl:when>
        <xsl:when test="$property = 'letter-spacing' and not($value = ('0', 'normal'))">spaced</xsl:when>
        <xsl:when test="$property = 'text-transform' and $value = 'uppercase'">uppercase</xsl:when>
        <xsl:when test="starts-with($property, 'text-decoration')">
          <xsl:sequence select="('underline'[contains($value, 'underline')], 'strike'[contains($value, 'line-through')])"/>
        </xsl:when>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
