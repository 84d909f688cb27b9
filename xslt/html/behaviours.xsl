<?xml version="1.0" encoding="UTF-8"?>
<!--
  The behaviours in HTML. Each behaviour of the vocabulary (xslt/README.md) is implemented once here;
  the element templates of xslt/common/ choose which one an element gets.

  Tunnel parameters carry the context, so that the output is valid HTML whatever the TEI nests:
    phrasing  (xs:boolean) inside a paragraph-like element: blocks become spans
    copy      (xs:boolean) a second rendering (a note's popover or list entry): no ids, no popovers
    in-link   (xs:boolean) inside a link: no nested links or buttons
    in-list / in-table / in-row (xs:boolean) inside ul/ol, table, tr: what may stand there
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:b="urn:edition:behaviours"
    xmlns:h="urn:edition:html"
    exclude-result-prefixes="#all">

  <!-- id (unless a copy), lang, class and an explanation shown on hover and on focus -->
  <xsl:template name="h:attributes">
    <xsl:param name="class" as="xs:string?"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="focusable" as="xs:boolean" select="exists($title)"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:if test=". instance of element() and @xml:id and not($copy)">
      <xsl:attribute name="id" select="@xml:id"/>
    </xsl:if>
    <xsl:if test=". instance of element() and @xml:lang">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
    <xsl:if test="normalize-space($class)">
      <xsl:attribute name="class" select="normalize-space($class)"/>
    </xsl:if>
    <xsl:if test="normalize-space($title)">
      <xsl:attribute name="title" select="normalize-space($title)"/>
      <xsl:attribute name="data-tip" select="normalize-space($title)"/>
      <xsl:if test="$focusable">
        <xsl:attribute name="tabindex" select="0"/>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="h:mark">
    <xsl:param name="text" as="xs:string?"/>
    <xsl:if test="$text">
      <span class="ed-sign"><xsl:value-of select="$text"/></span>
    </xsl:if>
  </xsl:template>

  <!-- b:omit: nothing -->
  <xsl:template name="b:omit"/>

  <!-- b:block: a generic block (kind 'stage': a stage direction, styled by its class) -->
  <xsl:template name="b:block">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:param name="kind" as="xs:string?" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'div'}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || (if ($phrasing) then ' ed-block' else '')"/>
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="focusable" select="false()"/>
      </xsl:call-template>
      <xsl:if test="$label">
        <span class="ed-block-label"><xsl:value-of select="$label"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="in-list" select="false()" tunnel="yes"/>
        <xsl:with-param name="in-table" select="false()" tunnel="yes"/>
        <xsl:with-param name="in-row" select="false()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- b:section: a division of the text -->
  <xsl:template name="b:section">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'section'}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || (if ($phrasing) then ' ed-block' else '')"/>
      </xsl:call-template>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="in-list" select="false()" tunnel="yes"/>
        <xsl:with-param name="in-table" select="false()" tunnel="yes"/>
        <xsl:with-param name="in-row" select="false()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- b:paragraph: a paragraph; what it holds is phrasing -->
  <xsl:template name="b:paragraph">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'p'}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || (if ($phrasing) then ' ed-block' else '')"/>
      </xsl:call-template>
      <xsl:call-template name="h:mark"><xsl:with-param name="text" select="$before"/></xsl:call-template>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:call-template name="h:mark"><xsl:with-param name="text" select="$after"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- b:heading: a heading of its level (1 = a top-level division; the page title is h1) -->
  <xsl:template name="b:heading">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="level" as="xs:integer" select="1"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-list" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-table" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing or $in-list or $in-table) then 'span' else 'h' || min((6, $level + 1))}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || (if ($phrasing or $in-list or $in-table) then ' ed-block ed-heading' else '')"/>
      </xsl:call-template>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- b:inline: a span of text; kind 'deletion' / 'addition' gives del / ins; the rendition of the source
       (ed:rendition) is a class r-KEYWORD each -->
  <xsl:template name="b:inline">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="before" as="xs:string?" select="()"/>
    <xsl:param name="after" as="xs:string?" select="()"/>
    <xsl:param name="kind" as="xs:string?" select="()"/>
    <xsl:param name="view" as="xs:string?" select="()"/>
    <xsl:element name="{if ($kind = 'deletion') then 'del' else if ($kind = 'addition') then 'ins' else 'span'}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="string-join(($class, $view ! ('view-' || . || '-only'),
            (.[. instance of element()] ! ed:rendition(.)) ! ('r-' || .)), ' ')"/>
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <xsl:call-template name="h:mark"><xsl:with-param name="text" select="$before"/></xsl:call-template>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:call-template name="h:mark"><xsl:with-param name="text" select="$after"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- b:link: a link when the target is known and safe, else the text alone -->
  <xsl:template name="b:link">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="href" as="xs:string?" select="()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($href and not($in-link)) then 'a' else 'span'}">
      <xsl:if test="$href and not($in-link)">
        <xsl:attribute name="href" select="$href"/>
      </xsl:if>
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || (if ($href) then '' else ' ed-unresolved')"/>
        <xsl:with-param name="title" select="$title"/>
        <xsl:with-param name="focusable" select="false()"/>
      </xsl:call-template>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
        <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- b:person: a name linked to the person's entry (ed:person-href) -->
  <xsl:template name="b:person">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:call-template name="b:link">
      <xsl:with-param name="class" select="$class || ' ed-person'"/>
      <xsl:with-param name="content" select="$content"/>
      <xsl:with-param name="href" select="$person ! ed:person-href(.)"/>
      <xsl:with-param name="title" select="$person ! ed:person-summary(.)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- b:date: a date or time, with its machine-readable value when it has one -->
  <xsl:template name="b:date">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:element name="{if ($value) then 'time' else 'span'}">
      <xsl:if test="$value"><xsl:attribute name="datetime" select="$value"/></xsl:if>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class"/></xsl:call-template>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- A person's label: a link with the person's description (hover, focus) -->
  <xsl:template name="h:speaker-link">
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:param name="who" as="xs:string?"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$person and not($in-link)">
        <a class="{$class}" href="{ed:person-href($person)}" title="{ed:person-summary($person)}"
           data-tip="{ed:person-summary($person)}">
          <xsl:apply-templates select="$content">
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$class}">
          <xsl:if test="$who"><xsl:attribute name="title" select="'Speaker: ' || ed:pointer-text($who)"/></xsl:if>
          <xsl:apply-templates select="$content">
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- b:speech: a speech with its speaker label (as written, else the person's name) -->
  <xsl:template name="b:speech">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="speaker" as="element()*" select="()"/>
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:param name="who" as="xs:string?"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="el" select="if ($phrasing) then 'span' else 'div'"/>
    <xsl:element name="{$el}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || ' ed-speech' || (if ($phrasing) then ' ed-block' else '')"/>
      </xsl:call-template>
      <xsl:if test="$speaker or $person or normalize-space($who)">
        <xsl:element name="{$el}">
          <xsl:attribute name="class" select="'ed-speaker' || (if ($phrasing) then ' ed-block' else '')"/>
          <xsl:call-template name="h:speaker-link">
            <xsl:with-param name="person" select="$person"/>
            <xsl:with-param name="who" select="$who"/>
            <xsl:with-param name="class" select="'ed-speaker-name'"/>
            <xsl:with-param name="content" select="if ($speaker) then $speaker
                else if ($person) then ed:person-name($person) else ed:pointer-text($who)"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:if>
      <xsl:element name="{$el}">
        <xsl:attribute name="class" select="'ed-speech-body' || (if ($phrasing) then ' ed-block' else '')"/>
        <xsl:apply-templates select="$content">
          <xsl:with-param name="in-list" select="false()" tunnel="yes"/>
          <xsl:with-param name="in-table" select="false()" tunnel="yes"/>
          <xsl:with-param name="in-row" select="false()" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:element>
    </xsl:element>
  </xsl:template>

  <!-- b:said: speech within a paragraph; the speaker's name stands in the margin -->
  <xsl:template name="b:said">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:param name="who" as="xs:string?"/>
    <xsl:param name="label" as="xs:boolean" select="true()"/>
    <span>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || ' ed-said'"/></xsl:call-template>
      <xsl:if test="$label and ($person or normalize-space($who))">
        <xsl:call-template name="h:speaker-link">
          <xsl:with-param name="person" select="$person"/>
          <xsl:with-param name="who" select="$who"/>
          <xsl:with-param name="class" select="'ed-margin-speaker'"/>
          <xsl:with-param name="content" select="if ($person) then ed:person-short($person) else ed:pointer-text($who)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="$content">
        <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- b:note: a numbered marker opening a popover with the note; the note is also in the list of notes -->
  <xsl:template name="b:note">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="type-label" as="xs:string"/>
    <xsl:param name="copy" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-link" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:choose>
      <xsl:when test="$copy or $in-link">
        <xsl:call-template name="h:note-nested">
          <xsl:with-param name="marker" select="$marker"/>
          <xsl:with-param name="type-label" select="$type-label"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <sup class="ed-note-mark">
          <button type="button" class="ed-note-ref" id="ed-ref-{$key}" popovertarget="ed-pop-{$key}"
                  aria-label="{$type-label} {$marker}"><xsl:value-of select="$marker"/></button>
        </sup>
        <span class="ed-note-pop {ed:classes(.)}" id="ed-pop-{$key}" popover="auto">
          <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
          <span class="ed-note-head">
            <span class="ed-note-type"><xsl:value-of select="if (ed:note-labelled(.)) then $marker else $type-label || ' ' || $marker"/></span>
            <button type="button" class="ed-note-close" popovertarget="ed-pop-{$key}" popovertargetaction="hide"
                    aria-label="Close note">×</button>
          </span>
          <xsl:apply-templates>
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="copy" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
          <a class="ed-note-goto" href="#{$key}">In the list of notes</a>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a note within a note (or within a link) stands in brackets where it is -->
  <xsl:template name="h:note-nested">
    <xsl:param name="marker" as="xs:string"/>
    <xsl:param name="type-label" as="xs:string"/>
    <span class="ed-note-nested {ed:classes(.)}">
      <xsl:call-template name="h:mark"><xsl:with-param name="text" select="' [' || $type-label || ' ' || $marker || ': '"/></xsl:call-template>
      <xsl:apply-templates><xsl:with-param name="phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
      <xsl:call-template name="h:mark"><xsl:with-param name="text" select="']'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- b:break: a page (folio) or line break -->
  <xsl:template name="b:break">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="label" as="xs:string?"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:choose>
      <xsl:when test="empty($label)"><br/></xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="h:attributes">
            <xsl:with-param name="class" select="$class || ' ed-break'"/>
            <xsl:with-param name="title" select="$title"/>
          </xsl:call-template>
          <xsl:value-of select="$label"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- b:alternate: the diplomatic member shows in the diplomatic view, the reading member in the reading
       view; every other member is told in the tip of the one shown -->
  <xsl:template name="b:alternate">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="diplomatic" as="element()?"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:param name="others" as="node()*" select="()"/>
    <xsl:call-template name="h:alternate">
      <xsl:with-param name="class" select="$class"/>
      <xsl:with-param name="diplomatic" select="$diplomatic"/>
      <xsl:with-param name="reading" select="$reading"/>
      <xsl:with-param name="others" select="$others"/>
    </xsl:call-template>
  </xsl:template>

  <!-- the members of an alternative, and `told`: words that follow them, in the signs of a reading -->
  <xsl:template name="h:alternate">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="diplomatic" as="element()?"/>
    <xsl:param name="reading" as="element()?"/>
    <xsl:param name="others" as="node()*"/>
    <xsl:param name="told" as="xs:string?" select="()"/>
    <xsl:variable name="members" select="($diplomatic, $reading, $others[. instance of element()])"/>
    <span>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || ' ed-alternate'"/></xsl:call-template>
      <xsl:for-each select="($diplomatic, $reading)">
        <xsl:variable name="view" select="ed:view(.) ! ('view-' || . || '-only')"/>
        <span class="ed-alt {$view} {ed:classes(.)}" title="{ed:choice-label(.)}"
              data-tip="{ed:choice-label(.)}{(ed:alternates-gloss(., $members except .)[.]) ! (' — ' || .)}" tabindex="0">
          <xsl:apply-templates><xsl:with-param name="phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
        </span>
      </xsl:for-each>
      <xsl:if test="empty(($diplomatic, $reading))">
        <xsl:apply-templates select="$others"><xsl:with-param name="phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
      </xsl:if>
      <xsl:if test="$told">
        <xsl:text> </xsl:text>
        <xsl:call-template name="h:mark"><xsl:with-param name="text" select="$ed:reading-open || $told || $ed:reading-close"/></xsl:call-template>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- b:list: a list; members that are not items stand in items of their own -->
  <xsl:template name="b:list">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="heads" as="element()*" select="()"/>
    <xsl:param name="ordered" as="xs:boolean" select="false()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-list" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="members" select="$content[not(. instance of text() and not(normalize-space(.)))]"/>
    <xsl:choose>
      <xsl:when test="$phrasing or $in-list">
        <span>
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || ' ed-block ed-list'"/></xsl:call-template>
          <xsl:apply-templates select="$heads, $members">
            <xsl:with-param name="phrasing" select="true()" tunnel="yes"/>
            <xsl:with-param name="in-list" select="false()" tunnel="yes"/>
          </xsl:apply-templates>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || ' ed-list'"/></xsl:call-template>
          <xsl:apply-templates select="$heads"/>
          <xsl:if test="exists($members)">
            <xsl:element name="{if ($ordered) then 'ol' else 'ul'}">
              <xsl:for-each select="$members">
                <xsl:choose>
                  <xsl:when test=". instance of element() and ed:is-item(.)">
                    <xsl:apply-templates select="."><xsl:with-param name="in-list" select="true()" tunnel="yes"/></xsl:apply-templates>
                  </xsl:when>
                  <xsl:otherwise>
                    <li class="ed-list-other"><xsl:apply-templates select="."/></li>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </xsl:element>
          </xsl:if>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:item">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="in-list" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($in-list) then 'li' else if ($phrasing) then 'span' else 'div'}">
      <xsl:call-template name="h:attributes">
        <xsl:with-param name="class" select="$class || (if ($in-list) then '' else ' ed-block ed-item')"/>
      </xsl:call-template>
      <xsl:apply-templates select="$content"><xsl:with-param name="in-list" select="false()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- b:table, b:row, b:cell: a table; in a paragraph, spans laid out as a table -->
  <xsl:template name="b:table">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="heads" as="element()*" select="()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="in-list" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="members" select="$content[not(. instance of text() and not(normalize-space(.)))]"/>
    <xsl:choose>
      <xsl:when test="$phrasing">
        <span>
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || ' ed-block ed-table'"/></xsl:call-template>
          <xsl:apply-templates select="$heads, $members">
            <xsl:with-param name="in-table" select="false()" tunnel="yes"/>
          </xsl:apply-templates>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <div class="ed-table-wrap">
          <table>
            <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class"/></xsl:call-template>
            <xsl:if test="$heads">
              <caption>
                <xsl:apply-templates select="$heads"><xsl:with-param name="phrasing" select="true()" tunnel="yes"/></xsl:apply-templates>
              </caption>
            </xsl:if>
            <xsl:if test="exists($members)">
              <tbody>
                <xsl:for-each select="$members">
                  <xsl:choose>
                    <xsl:when test="self::tei:row">
                      <xsl:apply-templates select="."><xsl:with-param name="in-table" select="true()" tunnel="yes"/></xsl:apply-templates>
                    </xsl:when>
                    <xsl:otherwise>
                      <tr class="ed-table-other"><td><xsl:apply-templates select="."><xsl:with-param name="in-table" select="false()" tunnel="yes"/></xsl:apply-templates></td></tr>
                    </xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </tbody>
            </xsl:if>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:row">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="in-table" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:variable name="members" select="$content[not(. instance of text() and not(normalize-space(.)))]"/>
    <xsl:choose>
      <xsl:when test="$in-table">
        <tr>
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class"/></xsl:call-template>
          <xsl:for-each select="$members">
            <xsl:choose>
              <xsl:when test="self::tei:cell">
                <xsl:apply-templates select="."><xsl:with-param name="in-row" select="true()" tunnel="yes"/><xsl:with-param name="in-table" select="false()" tunnel="yes"/></xsl:apply-templates>
              </xsl:when>
              <xsl:otherwise>
                <td class="ed-row-other"><xsl:apply-templates select="."><xsl:with-param name="in-table" select="false()" tunnel="yes"/></xsl:apply-templates></td>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </tr>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if ($phrasing) then 'span' else 'div'}">
          <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || ' ed-block ed-row'"/></xsl:call-template>
          <xsl:apply-templates select="$members"><xsl:with-param name="in-row" select="false()" tunnel="yes"/></xsl:apply-templates>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="b:cell">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="header" as="xs:boolean" select="false()"/>
    <xsl:param name="cols" as="xs:integer" select="1"/>
    <xsl:param name="rows" as="xs:integer" select="1"/>
    <xsl:param name="in-row" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($in-row) then (if ($header) then 'th' else 'td') else if ($phrasing) then 'span' else 'div'}">
      <xsl:if test="$in-row and $cols gt 1"><xsl:attribute name="colspan" select="$cols"/></xsl:if>
      <xsl:if test="$in-row and $rows gt 1"><xsl:attribute name="rowspan" select="$rows"/></xsl:if>
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || (if ($in-row) then '' else ' ed-block ed-cell')"/></xsl:call-template>
      <xsl:apply-templates select="$content"><xsl:with-param name="in-row" select="false()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- b:figure: a figure with its heading and description -->
  <xsl:template name="b:figure">
    <xsl:param name="class" as="xs:string" select="ed:classes(.)"/>
    <xsl:param name="content" as="item()*" select="node()"/>
    <xsl:param name="phrasing" as="xs:boolean" tunnel="yes" select="false()"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'figure'}">
      <xsl:call-template name="h:attributes"><xsl:with-param name="class" select="$class || (if ($phrasing) then ' ed-block' else '')"/></xsl:call-template>
      <xsl:apply-templates select="$content"/>
    </xsl:element>
  </xsl:template>

</xsl:stylesheet>
