<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI chapter "Names, Dates, People, and Places": persons named in the text link to the persons
  page; dates and times carry their machine-readable value.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName">
    <xsl:call-template name="b:person">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="person" select="ed:person(string(@ref), .)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:date | tei:time">
    <xsl:call-template name="b:date">
      <xsl:with-param name="class" select="ed:classes(.)"/>
      <xsl:with-param name="value" select="ed:machine-date(@when)"/>
      <!-- an empty date shows its normalised value, in words -->
      <xsl:with-param name="content" select="if (normalize-space(.) or *) then node()
          else if (@when) then ed:date-words(@when)
          else string-join(((@notBefore, @from)[1], (@notAfter, @to)[1]) ! ed:date-words(.), ' – ')"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A document's date as a fact about it (a header field, a catalogue, a list of documents): in words
       from its value (@when, else the range @notBefore/@from – @notAfter/@to), in the edition's language,
       whatever the form it was typed in ("1962/11/20" is 20 November 1962); the written form follows in
       parentheses where it says more than the value (a number the value lacks: "25-26 October 1962";
       words that are no English date's: "Autumn 1962", "20 ноября 1962 г."). Without a value, the date
       as written. -->
  <xsl:function name="ed:date-shown" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:variable name="written" select="normalize-space($date)"/>
    <xsl:variable name="from" select="($date/@when, $date/@notBefore, $date/@from)[matches(., '^\d{4}')][1]"/>
    <xsl:variable name="to" select="($date/@notAfter, $date/@to)[matches(., '^\d{4}')][1][not($date/@when)]"/>
    <xsl:variable name="values" select="($from, $to) ! string(.)"/>
    <xsl:variable name="words" select="string-join($values ! ed:date-words(.), ' – ')"/>
    <xsl:variable name="numbers" select="distinct-values($values ! tokenize(., '\D+')[. != ''] ! xs:integer(.))"/>
    <!-- words of the written form that are not those of a date in English (months, days, ordinals) -->
    <xsl:variable name="other-words" select="tokenize(lower-case($written), '\P{L}+')[. != ''][not(. = $ed:date-words)]"/>
    <xsl:variable name="more" select="$written != '' and (exists($other-words)
        or (some $n in tokenize($written, '\D+')[. != '' and string-length(.) le 4] satisfies not(xs:integer($n) = $numbers)))"/>
    <xsl:sequence select="if (empty($values)) then $written
        else if ($more) then $words || ' (' || $written || ')' else $words"/>
  </xsl:function>

  <xsl:variable name="ed:date-words" as="xs:string*" select="(
      'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
      'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
      'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
      'st', 'nd', 'rd', 'th', 'of', 'the', 'am', 'pm', 'a', 'p', 'm', 'h')"/>

  <!-- An ISO date, date-time or time as read: 14 March 1962, 15:00; March 1962; 15:00. Anything else as it is. -->
  <xsl:function name="ed:date-words" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="day" select="substring($value, 1, 10)"/>
    <xsl:variable name="time" select="replace(substring-after($value, 'T'), '^(\d\d:\d\d)(:00)?$', '$1')"/>
    <xsl:sequence select="
        if (matches($value, '^\d{4}-\d{2}-\d{2}(T.*)?$') and $day castable as xs:date)
          then string-join((format-date(xs:date($day), '[D] [MNn] [Y]', 'en', (), ()), $time[. != '']), ', ')
        else if (matches($value, '^\d{4}-\d{2}$') and $value || '-01' castable as xs:date)
          then format-date(xs:date($value || '-01'), '[MNn] [Y]', 'en', (), ())
        else if (matches($value, '^\d\d:\d\d(:\d\d)?$')) then replace($value, '^(\d\d:\d\d):00$', '$1')
        else $value"/>
  </xsl:function>

</xsl:stylesheet>
