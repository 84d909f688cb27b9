<?xml version="1.0" encoding="UTF-8"?>
<!--
  The behaviours in Typst. Each behaviour of the vocabulary (xslt/README.md) is implemented once here,
  as text in Typst markup that calls the functions of edition.typ; the element templates of
  xslt/common/ choose which one an element gets. Every text of the TEI is escaped (p:escape), so no
  character of a transcript is read as Typst markup.

  Tunnel parameter:
    phrasing  (xs:boolean) inside a paragraph-like element: blocks become runs of text
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    xmlns:p="urn:edition:print"
    exclude-result-prefixes="#all">

  <!-- Text in Typst markup: every ASCII punctuation sign escaped, line breaks as spaces. Straight quotes
       and apostrophes are left to Typst, which sets them as the quotation marks of the text's language
       (“ ” ’ in English, « » in Russian): in markup they mean nothing else. A typewriter's dash, two
       hyphens standing alone, is set as a dash. -->
  <xsl:function name="p:escape" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:variable name="dashed" select="replace(string($text), '(^|\s)--(\s|$)', '$1—$2')"/>
    <xsl:sequence select="replace(translate($dashed, '&#10;&#13;&#9;', '   '),
                                  '([\\#*_$@&lt;&gt;\[\]`~/=+\-.:;!?&amp;|%^{}(),])', '\\$1')"/>
  </xsl:function>

  <!-- A Typst string literal. -->
  <xsl:function name="p:string" as="xs:string">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:sequence select="'&quot;' || replace(replace(normalize-space($text), '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <!-- A language for Typst (a two- or three-letter code) from an xml:lang value: its primary subtag
       (ru-Latn → ru); 'en' if it has none. -->
  <xsl:function name="p:lang" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:sequence select="p:string((lower-case(substring-before($code || '-', '-'))[matches(., '^[a-z]{2,3}$')], 'en')[1])"/>
  </xsl:function>

  <!-- Markup of an element in the element's own language, if it declares one (xml:lang): its
       hyphenation and quotation marks follow it. -->
  <xsl:function name="p:in-language" as="xs:string">
    <xsl:param name="e" as="item()"/>
    <xsl:param name="markup" as="xs:string"/>
    <xsl:sequence select="if ($e instance of element() and $e/@xml:lang and normalize-space($markup))
        then '#text(lang: ' || p:lang($e/@xml:lang) || ')' || p:content($markup)
        else $markup"/>
  </xsl:function>

  <!-- Typst content in brackets. -->
  <xsl:function name="p:content" as="xs:string">
    <xsl:param name="markup" as="xs:string?"/>
    <xsl:sequence select="'[' || $markup || ']'"/>
  </xsl:function>

  <!-- text nodes: escaped; whitespace between block elements dropped, between inline ones (the segments of
       an utterance) a space -->
  <xsl:template match="text()" mode="#default">
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test="$phrasing or normalize-space(.) or (preceding-sibling::node()[1] instance of element() and following-sibling::node()[1]
        instance of element() and not(ed:is-block(preceding-sibling::*[1]) or ed:is-block(following-sibling::*[1])))">
      <xsl:value-of select="p:escape(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- the content of a behaviour, as markup -->
  <xsl:template name="p:body" as="xs:string">
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="phrasing" as="xs:boolean"/>
    <xsl:variable name="out" as="xs:string*">
      <xsl:for-each select="$content">
        <xsl:choose>
          <xsl:when test=". instance of node()">
            <xsl:variable name="markup">
              <xsl:apply-templates select=".">
                <xsl:with-param name="phrasing" select="$phrasing" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:variable>
            <xsl:sequence select="string($markup)"/>
          </xsl:when>
          <xsl:otherwise><xsl:sequence select="p:escape(string(.))"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="string-join($out, '')"/>
  </xsl:template>

  <!-- a block in a paragraph is a run of text, elsewhere a paragraph of its own -->
  <xsl:template name="p:blockwise">
    <xsl:param name="markup" as="xs:string"/>
    <xsl:param name="phrasing" as="xs:boolean"/>
    <xsl:value-of select="if ($phrasing) then ' ' || $markup || ' ' else '&#10;&#10;' || $markup || '&#10;&#10;'"/>
  </xsl:template>

  <xsl:template name="b:omit"/>

  <xsl:template name="b:block">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="kind" as="xs:string?" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="$phrasing"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$phrasing"/>
      <xsl:with-param name="markup" select="
          if ($phrasing) then (if ($label) then p:escape($label) || ' ' else '') || $body
          else if ($kind = 'stage') then '#ed-stage' || p:content($body)
          else '#ed-block(label: ' || (if ($label) then p:string($label) else 'none') || ')' || p:content('&#10;&#10;' || $body || '&#10;&#10;')"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:section">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="$phrasing"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="if ($phrasing) then $body else '&#10;&#10;' || p:in-language(., $body) || '&#10;&#10;'"/>
  </xsl:template>

  <xsl:template name="b:paragraph">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$phrasing"/>
      <xsl:with-param name="markup" select="p:in-language(., p:escape($before) || normalize-space($body) || p:escape($after))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:heading">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="level" as="xs:integer" select="1"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$phrasing"/>
      <xsl:with-param name="markup" select="if ($phrasing) then normalize-space($body)
          else '#ed-heading(' || $level || ')' || p:content(normalize-space($body))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- b:inline: what the book's one view ($default-view) does not show (ed:view) is left out; kind
       'deletion' is struck through -->
  <xsl:template name="b:inline">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:param name="kind" as="xs:string?" select="()"/>
    <xsl:param name="view" as="xs:string?" select="()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="marked" select="p:in-language(., (if ($before) then '#ed-sign' || p:content(p:escape($before)) else '')
        || $body || (if ($after) then '#ed-sign' || p:content(p:escape($after)) else ''))"/>
    <xsl:choose>
      <xsl:when test="exists($view) and $view != $default-view"/>
      <xsl:when test="$kind = 'deletion'">
        <xsl:value-of select="'#ed-del' || p:content($marked)"/>
      </xsl:when>
      <xsl:when test="$kind = 'speaker'">
        <xsl:value-of select="$marked"/>
      </xsl:when>
      <xsl:when test="$kind = 'unclear'">
        <xsl:value-of select="'#underline(stroke: (dash: &quot;dotted&quot;, thickness: 0.5pt))' || p:content($marked)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="p:rendered(., $marked)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The Typst functions of the rendition keywords (ed:rendition). -->
  <xsl:variable name="p:renditions" as="map(xs:string, xs:string)" select="map{
      'italic': '#emph', 'bold': '#strong', 'superscript': '#super', 'subscript': '#sub', 'underline': '#underline',
      'small-caps': '#smallcaps', 'strike': '#strike', 'spaced': '#text(tracking: 0.15em)', 'uppercase': '#upper'}"/>

  <!-- Markup set as the source rendered the element: each keyword's function around it. -->
  <xsl:function name="p:rendered" as="xs:string">
    <xsl:param name="e" as="item()"/>
    <xsl:param name="markup" as="xs:string"/>
    <xsl:sequence select="fold-left(($e[. instance of element()] ! ed:rendition(.)), $markup,
        function ($inner, $keyword) { $p:renditions($keyword) || p:content($inner) })"/>
  </xsl:function>

  <xsl:template name="b:link">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="href" as="xs:string?" select="()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="if (starts-with($href, 'http://') or starts-with($href, 'https://'))
        then '#link(' || p:string($href) || ')' || p:content($body) else $body"/>
  </xsl:template>

  <!-- b:person: the name, remembered for the index under the person's main name -->
  <xsl:template name="b:person">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="if ($person) then '#ed-person(' || p:string(p:index-name($person)) || ')' || p:content($body) else $body"/>
  </xsl:template>

  <!-- The name a person is indexed under: surname, forenames. -->
  <xsl:function name="p:index-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="main" select="($person/tei:persName[not(@type = 'variant')], $person/tei:persName)[1]"/>
    <xsl:variable name="surname" select="normalize-space($main/tei:surname)"/>
    <xsl:variable name="forenames" select="normalize-space(string-join($main/tei:forename, ' '))"/>
    <xsl:sequence select="if ($surname) then $surname || (if ($forenames) then ', ' || $forenames else '') else ed:person-name($person)"/>
  </xsl:function>

  <xsl:template name="b:date">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:call-template name="p:body">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- b:speech: the speaker label in small caps (as written, else the person's name), then the words -->
  <xsl:template name="b:speech">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="who" as="xs:string?"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="speaker" as="element()*" select="()"/>
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="label">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="if ($speaker) then $speaker else if ($person) then ed:person-name($person) else ed:pointer-text($who)"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="pre" select="ed:rend-pre(.)"/>
    <!-- the first paragraph runs on after the label -->
    <xsl:variable name="first" select="($content[self::tei:p])[1]"/>
    <xsl:variable name="lead">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$first/node()"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rest">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content except $first"/>
        <xsl:with-param name="phrasing" select="$phrasing"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="after" select="if ($first and not($first/following-sibling::*)) then ed:rend-post($first) else ()"/>
    <!-- a label written in capitals (THE PRESIDENT, SECRETARY McNAMARA) is set in small capitals throughout -->
    <xsl:variable name="letters" select="string-length(replace($label, '\P{L}', ''))"/>
    <xsl:variable name="caps" select="$letters gt 0 and string-length(replace($label, '\P{Lu}', '')) ge 0.8 * $letters"/>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$phrasing"/>
      <xsl:with-param name="markup" select="'#ed-speech(caps: ' || $caps || ', ' || (if (normalize-space($label)) then p:content(p:escape($pre) || normalize-space($label)) else 'none') || ')'
          || p:content(normalize-space($lead) || p:escape($after) || $rest)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:said">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:param name="who" as="xs:string?"/>
    <xsl:param name="label" as="xs:boolean" select="true()"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:call-template name="p:body">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- b:note: a footnote on the page of its call, typed -->
  <xsl:template name="b:note">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="type-label" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="node()"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- a note with its own label ("Translator's Note:") is not labelled again -->
    <xsl:value-of select="'#ed-note(' || p:string(if (tei:label) then '' else $type-label) || ', key: '
        || p:string(ed:file-name(.) || '#' || $key) || ')' || p:content(normalize-space($body))"/>
  </xsl:template>

  <!-- b:break: a page of the original (folio mark), a line break (no label): a space, the book sets its own lines -->
  <xsl:template name="b:break">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="label" as="xs:string?"/>
    <xsl:value-of select="if (empty($label)) then ' ' else '#ed-folio(' || p:string($label) || ')'"/>
  </xsl:template>

  <!-- b:alternate: the diplomatic or the reading member, as the view says, then the others in the
       signs of a reading: "recieve (corrected: receive)" -->
  <xsl:template name="b:alternate">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="diplomatic" as="element()?"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:param name="others" as="node()*" select="()"/>
    <xsl:variable name="shown" select="ed:shown-member($diplomatic, $reading, $others)"/>
    <xsl:variable name="gloss" select="ed:told-beside($diplomatic, $reading, $others)"/>
    <xsl:call-template name="p:body">
      <xsl:with-param name="content" select="$shown/node()"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
    <xsl:if test="$gloss">
      <xsl:value-of select="' #ed-sign' || p:content(p:escape($ed:reading-open || $gloss || $ed:reading-close))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="b:list">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="heads" as="element()*" select="()"/>
    <xsl:param name="ordered" as="xs:boolean" select="false()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="head">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$heads/node()"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="items" as="xs:string*">
      <xsl:for-each select="$content[. instance of element() or normalize-space(.)]">
        <xsl:variable name="item">
          <xsl:call-template name="p:body">
            <xsl:with-param name="content" select="."/>
            <xsl:with-param name="phrasing" select="true()"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:sequence select="p:content(normalize-space($item))"/>
      </xsl:for-each>
    </xsl:variable>
    <!-- in a paragraph, a run of text; a list in an item of a list stays a list, indented under it -->
    <xsl:variable name="run" select="$phrasing and not(ed:is-item(..) or parent::tei:castList)"/>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$run"/>
      <xsl:with-param name="markup" select="if ($run) then normalize-space($head) || ' ' || string-join($items ! substring(., 2, string-length(.) - 2), '; ')
          else (if (normalize-space($head)) then '#text(style: &quot;italic&quot;)' || p:content(normalize-space($head)) || '&#10;&#10;' else '')
               || '#' || (if ($ordered) then 'enum' else 'list') || '(tight: true, ' || string-join($items, ', ') || ')'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:item">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:call-template name="p:body">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:table">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="heads" as="element()*" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="rows" select="$content[self::element()]"/>
    <xsl:variable name="columns" select="max((1, $rows ! count(*)))"/>
    <xsl:variable name="cells" as="xs:string*">
      <xsl:for-each select="$rows">
        <xsl:for-each select="*">
          <xsl:variable name="cell">
            <xsl:call-template name="p:body">
              <xsl:with-param name="content" select="node()"/>
              <xsl:with-param name="phrasing" select="true()"/>
            </xsl:call-template>
          </xsl:variable>
          <xsl:sequence select="p:content(normalize-space($cell))"/>
        </xsl:for-each>
        <xsl:for-each select="1 to ($columns - count(*))"><xsl:sequence select="'[]'"/></xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="head">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$heads/node()"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$phrasing"/>
      <xsl:with-param name="markup" select="if ($phrasing) then string-join((normalize-space($head)[.], $cells ! substring(., 2, string-length(.) - 2)), ' | ')
          else (if (normalize-space($head)) then '#text(style: &quot;italic&quot;)' || p:content(normalize-space($head)) || '&#10;&#10;' else '')
               || '#table(columns: ' || $columns || ', stroke: 0.4pt, inset: 4pt, ' || string-join($cells, ', ') || ')'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:row">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:call-template name="p:body">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:cell">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="header" as="xs:boolean" select="false()"/>
    <xsl:param name="cols" as="xs:integer" select="1"/>
    <xsl:param name="rows" as="xs:integer" select="1"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:call-template name="p:body">
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="phrasing" select="true()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="b:figure">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="body">
      <xsl:call-template name="p:body">
        <xsl:with-param name="content" select="$content"/>
        <xsl:with-param name="phrasing" select="true()"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="p:blockwise">
      <xsl:with-param name="phrasing" select="$phrasing"/>
      <xsl:with-param name="markup" select="normalize-space($body)"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
