<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition as a whole: what kind each TEI file is, where its page is, how a pointer resolves
  (to a person of the registry or of the document, to another document), which documents are
  edited. Format-neutral: every output asks these functions, none of them writes output.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- 'persons' (a registry: its body is only listPerson), 'catalogue' (its body holds a listBibl)
       or 'document'. -->
  <xsl:function name="ed:kind" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="body" select="root($doc)/tei:TEI/tei:text/tei:body"/>
    <xsl:sequence select="
        if ($body/tei:listPerson and empty($body/*[not(self::tei:listPerson or self::tei:head)])) then 'persons'
        else if ($body/tei:listBibl) then 'catalogue'
        else 'document'"/>
  </xsl:function>

  <!-- The file name of a TEI document (the last step of its base URI). -->
  <xsl:function name="ed:file-name" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="uri" select="string(base-uri(root($doc)))"/>
    <xsl:sequence select="($edition-names($uri), tokenize($uri, '/')[last()], '')[1]"/>
  </xsl:function>

  <!-- Names of the edition's own pages; a document of the same name gets a suffix, as does one named as a
       page of theirs that follows the first (`persons-2`: a long list is split into pages by the renderer). -->
  <xsl:variable name="ed:reserved-pages" as="xs:string*" select="('index', 'persons', 'about', 'search')"/>

  <!-- The file name suffix of a page (a format whose pages are other files overrides it). -->
  <xsl:variable name="ed:page-suffix" as="xs:string" select="'.html'"/>

  <!-- The page of a document: its file name without .xml; the persons registry is the persons page,
       a catalogue the home page. -->
  <xsl:function name="ed:page-stem" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <!-- letters, digits, . _ - only: a file name never becomes a URL scheme (`javascript:`) or a path -->
    <xsl:variable name="stem" select="replace(replace(replace(ed:file-name($doc), '\.xml$', ''), '[^\p{L}\p{N}._-]', '_'), '^\.', '_')"/>
    <xsl:sequence select="
        if (ed:kind($doc) = 'persons') then 'persons'
        else if (ed:kind($doc) = 'catalogue') then 'index'
        else if ($stem = ('', $ed:reserved-pages) or (some $r in $ed:reserved-pages satisfies matches($stem, '^' || $r || '-[0-9]+$')))
        then $stem || '-doc' else $stem"/>
  </xsl:function>

  <!-- The document of the edition a file name (as in a pointer `persons.xml#x`) names, if any. -->
  <xsl:function name="ed:document" as="document-node()?">
    <xsl:param name="file" as="xs:string"/>
    <xsl:sequence select="$edition-files($file)"/>
  </xsl:function>

  <xsl:function name="ed:registries" as="document-node()*">
    <xsl:sequence select="$registries"/>
  </xsl:function>

  <xsl:function name="ed:documents" as="document-node()*">
    <xsl:sequence select="$documents"/>
  </xsl:function>

  <!-- The digest a document node stands for, when it is one: the document's header as it stands, and in
       place of its text what pages made from many documents take from it (the facts of ed:text-facts,
       and what a format keeps there of its own, such as the website's search entries). A renderer may
       give the pages of the edition digests in place of the documents, to make them without reading
       every document again; a function that reads a text reads its digest instead. -->
  <xsl:function name="ed:digest" as="element(ed:digest)?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/tei:TEI/tei:text/ed:digest"/>
  </xsl:function>

  <!-- The element a pointer (`#id` or `file.xml#id`) names, seen from `context`; empty when it
       does not resolve. -->
  <xsl:function name="ed:resolve" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="normalize-space($pointer)"/>
    <xsl:variable name="file" select="substring-before($p, '#')"/>
    <xsl:variable name="frag" select="substring-after($p, '#')"/>
    <xsl:variable name="doc" select="
        if (not(contains($p, '#'))) then ()
        else if ($file = '') then root($context)
        else ed:document($file)"/>
    <xsl:sequence select="if ($doc instance of document-node() and $frag castable as xs:NCName)
                          then id($frag, $doc)[1] else ()"/>
  </xsl:function>

  <!-- The person a pointer names: followed through a document's `person/@sameAs` to the registry. -->
  <xsl:function name="ed:person" as="element(tei:person)?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="p" select="tokenize(normalize-space($pointer), ' ')[1]"/>
    <xsl:sequence select="if (empty($p)) then () else ed:person-in($p, root($context))"/>
  </xsl:function>

  <!-- (a memo function: each pointer of a document is resolved once per page) -->
  <xsl:function name="ed:person-in" as="element(tei:person)?" cache="yes">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="if (map:contains($ed:registry-persons, $pointer)) then $ed:registry-persons($pointer)
                          else ed:person-slow($pointer, $root)"/>
  </xsl:function>

  <!-- every person of the registries by pointer (`persons.xml#id`) -->
  <xsl:variable name="ed:registry-persons" as="map(xs:string, element(tei:person))" select="map:merge(
      for $r in $registries, $p in $r/tei:TEI/tei:text/tei:body/tei:listPerson//tei:person[@xml:id]
      return map{ed:file-name($r) || '#' || $p/@xml:id: $p}, map{'duplicates': 'use-first'})"/>

  <xsl:function name="ed:person-slow" as="element(tei:person)?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="target" select="ed:resolve(tokenize(normalize-space($pointer), ' ')[1], $context)"/>
    <xsl:sequence select="
        if ($target/self::tei:person/@sameAs)
        then (ed:resolve(tokenize($target/@sameAs, ' ')[1], $target)/self::tei:person, $target/self::tei:person)[1]
        else $target/self::tei:person"/>
  </xsl:function>

  <!-- The main name of a person: the first persName that is not a variant, as one line; its parts are
       words of their own even where no space stands between them (<forename>Orsolya</forename><surname>…). -->
  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="main" select="($person/tei:persName[not(@type = 'variant')], $person/tei:persName)[1]"/>
    <xsl:sequence select="(ed:words($main)[. != ''], $person/@xml:id/string(), '?')[1]"/>
  </xsl:function>

  <!-- Pointers no element answers, as a reader is shown them: their names, without "#" or a file
       ("#nobody persons.xml#kim" → "nobody, kim"). -->
  <xsl:function name="ed:pointer-text" as="xs:string">
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:sequence select="string-join(tokenize(normalize-space($pointers), ' ') ! replace(., '^[^#]*#', ''), ', ')"/>
  </xsl:function>

  <!-- The children of an element without the blanks that only indent its first and last child (the
       brackets of a stage direction close on its words: [Applause.], not [ Applause. ]). -->
  <xsl:function name="ed:trimmed" as="node()*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="nodes" select="$e/node()"/>
    <xsl:sequence select="$nodes[not(self::text() and not(normalize-space()) and (position() = 1 or position() = last()))]"/>
  </xsl:function>

  <!-- The text of a name as one line, each of its parts (forename, surname …) a word of its own. -->
  <xsl:function name="ed:words" as="xs:string">
    <xsl:param name="e" as="element()?"/>
    <xsl:sequence select="normalize-space(string-join($e/node() ! (if (local-name(.) = $ed:name-parts) then ' ' || ed:words(.) || ' ' else string(.)), ''))"/>
  </xsl:function>
  <xsl:variable name="ed:name-parts" as="xs:string*" select="('forename', 'surname', 'roleName', 'addName', 'nameLink',
      'genName', 'persName', 'orgName', 'placeName', 'name')"/>

  <!-- The short name of a person: the surname, else the main name. -->
  <xsl:function name="ed:person-short" as="xs:string" cache="yes">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="main" select="($person/tei:persName[not(@type = 'variant')], $person/tei:persName)[1]"/>
    <xsl:sequence select="(normalize-space($main/tei:surname[1])[. != ''], ed:person-name($person))[1]"/>
  </xsl:function>

  <!-- A line describing a person: main name, roles, life dates. -->
  <xsl:function name="ed:person-summary" as="xs:string" cache="yes">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="life" select="string-join(($person/tei:birth/(@when, .)[normalize-space()][1],
                                                   $person/tei:death/(@when, .)[normalize-space()][1]), '–')"/>
    <xsl:sequence select="string-join((ed:person-name($person),
        ($life[. != ''] ! ('(' || . || ')')),
        ($person/@role[normalize-space()] ! ('– ' || replace(normalize-space(.), ' ', ', ')))), ' ')"/>
  </xsl:function>

  <!-- The anchor of a person on the persons page: the registry id, or document + id for a person
       that lives in a document. -->
  <xsl:function name="ed:person-anchor" as="xs:string" cache="yes">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="id" select="($person/@xml:id, generate-id($person))[1]"/>
    <xsl:sequence select="if (ed:kind($person) = 'persons') then $id
                          else ed:page-stem($person) || '--' || $id"/>
  </xsl:function>

  <!-- Where a person's entry is: on the persons page for a person of a registry, on the page of their
       document for one who lives in a document's header (ed:person-anchor). -->
  <xsl:function name="ed:person-href" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:sequence select="ed:page-stem($person) || $ed:page-suffix || '#' || ed:person-anchor($person)"/>
  </xsl:function>

  <!-- The persons a document's header describes that are its own: not the same as a person of the
       edition's registries (no @sameAs, or one that names no person). -->
  <xsl:function name="ed:own-persons" as="element(tei:person)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="$doc/tei:TEI/tei:teiHeader//tei:particDesc//tei:person
        [not(@sameAs) or empty(ed:resolve(tokenize(@sameAs, ' ')[1], .)/self::tei:person)]"/>
  </xsl:function>

  <!-- The page and anchor of an element of a document (the nearest element with an xml:id). -->
  <xsl:function name="ed:locate" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="anchor" select="$node/ancestor-or-self::*[@xml:id][ancestor::tei:text][1]/@xml:id"/>
    <xsl:sequence select="ed:page-stem($node) || $ed:page-suffix || ($anchor ! ('#' || .))"/>
  </xsl:function>

  <!-- The languages a document declares: code → name (langUsage), falling back to the code. -->
  <xsl:function name="ed:language-name" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="declared" select="root($context)//tei:langUsage/tei:language[@ident = $code][1]"/>
    <xsl:sequence select="(normalize-space($declared)[. != ''], $ed:language-names($code), $code, '')[1]"/>
  </xsl:function>

  <xsl:variable name="ed:language-names" as="map(xs:string, xs:string)" select="map{
      'en': 'English', 'ru': 'Russian', 'de': 'German', 'fr': 'French', 'es': 'Spanish', 'pl': 'Polish',
      'cs': 'Czech', 'zh': 'Chinese', 'it': 'Italian', 'la': 'Latin', 'uk': 'Ukrainian'}"/>

  <!-- The language of a node (nearest xml:lang), or empty. -->
  <xsl:function name="ed:lang" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::*[@xml:lang][1]/@xml:lang/string()"/>
  </xsl:function>

  <!-- A link target that is safe to follow: a relative address, a fragment, or http(s)/mailto.
       Pointers to TEI files of the edition become links to their pages. Anything else is empty. -->
  <xsl:function name="ed:safe-href" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="t" select="normalize-space($target)"/>
    <xsl:choose>
      <xsl:when test="$t = ''"/>
      <xsl:when test="matches($t, '^(https?|mailto):', 'i')">
        <xsl:sequence select="if (matches($t, '^[^\s&quot;&lt;&gt;]+$')) then $t else ()"/>
      </xsl:when>
      <xsl:when test="matches($t, '^[a-z][a-z0-9+.-]*:', 'i')"/>
      <xsl:when test="starts-with($t, '#')">
        <xsl:sequence select="if (substring($t, 2) castable as xs:NCName) then $t else ()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="file" select="replace($t, '#.*$', '')"/>
        <xsl:variable name="doc" select="ed:document($file)"/>
        <xsl:sequence select="
            if (exists($doc)) then ed:page-stem($doc) || $ed:page-suffix || substring($t, string-length($file) + 1)
            else ()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The main title of a document. -->
  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="ts" select="root($doc)/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="(normalize-space(($ts/tei:title[@type = 'main'], $ts/tei:title)[1])[. != ''],
                           ed:file-name($doc), 'Untitled')[1]"/>
  </xsl:function>

  <!-- The date of a document: creation date (@when, else its text). -->
  <xsl:function name="ed:date" as="element()?">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="(root($doc)/tei:TEI/tei:teiHeader/tei:profileDesc/tei:creation//tei:date,
                           root($doc)/tei:TEI/tei:teiHeader//tei:sourceDesc//tei:date)[1]"/>
  </xsl:function>

  <!-- A sortable key of a date element (ISO when there is one). -->
  <xsl:function name="ed:date-key" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="($date/(@when, @notBefore, @from)[matches(., '^-?\d{4}')][1]/string(), '')[1]"/>
  </xsl:function>

  <!-- A string usable as an HTML datetime / machine date: YYYY, YYYY-MM, YYYY-MM-DD, hh:mm(:ss). -->
  <xsl:function name="ed:machine-date" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value[matches(., '^(\d{4}(-(0[1-9]|1[0-2]))?|([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?)$')
                                 or (matches(., '^\d{4}-\d{2}-\d{2}$') and . castable as xs:date)
                                 or (matches(., '^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$')
                                     and substring(., 1, 10) castable as xs:date)]"/>
  </xsl:function>

  <!-- An element's rendition prefix and suffix from @rend `pre(…)` / `post(…)`. -->
  <xsl:function name="ed:rend-pre" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (matches($e/@rend, 'pre\(([^)]*)\)')) then replace($e/@rend, '^.*pre\(([^)]*)\).*$', '$1', 's') else ()"/>
  </xsl:function>
  <xsl:function name="ed:rend-post" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if (matches($e/@rend, 'post\(([^)]*)\)')) then replace($e/@rend, '^.*post\(([^)]*)\).*$', '$1', 's') else ()"/>
  </xsl:function>

  <!-- Class names for an element: tei-NAME, plus its @type and @rend words (sanitised). -->
  <xsl:function name="ed:classes" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="string-join(('tei-' || local-name($e),
        ($e/@type ! tokenize(normalize-space(.), ' ')) ! ('type-' || replace(., '[^\p{L}\p{N}_-]', ''))[. != 'type-']),
        ' ')"/>
  </xsl:function>

  <!-- The bilingual pair of a text: the div of the original and the div of its translation, when the
       body has both (div/@type original and translation). -->
  <xsl:function name="ed:parallel-pair" as="element(tei:div)*">
    <xsl:param name="text" as="element(tei:text)"/>
    <xsl:variable name="o" select="$text/tei:body/tei:div[@type = 'original'][1]"/>
    <xsl:variable name="t" select="$text/tei:body/tei:div[@type = 'translation'][1]"/>
    <xsl:sequence select="if ($o and $t) then ($o, $t) else ()"/>
  </xsl:function>

  <!-- What an edition of these documents holds, as a title page says it: 2 documents of 1962; 5 documents
       of 1961, 1962 and 1964. -->
  <!-- The years of the documents, for a title page: "Documents of 1962", "Documents of 1955–1970". -->
  <xsl:function name="ed:span" as="xs:string">
    <xsl:param name="documents" as="node()*"/>
    <xsl:variable name="years" select="sort(distinct-values($documents ! substring(ed:date-key(ed:date(.)), 1, 4)[. != '']))"/>
    <xsl:sequence select="if (empty($years)) then 'Documents' else 'Documents of ' || string-join(distinct-values(($years[1], $years[last()])), '–')"/>
  </xsl:function>

  <xsl:function name="ed:extent" as="xs:string">
    <xsl:param name="documents" as="node()*"/>
    <xsl:variable name="years" select="sort(distinct-values($documents ! substring(ed:date-key(ed:date(.)), 1, 4)[. != '']))"/>
    <xsl:sequence select="count($documents) || (if (count($documents) = 1) then ' document' else ' documents')
        || (if (empty($years)) then ''
            else ' of ' || string-join($years[position() lt last()], ', ') || (if (count($years) gt 1) then ' and ' else '') || $years[last()])"/>
  </xsl:function>

  <!-- The label of one side of a bilingual pair: Original (Russian), Translation (English). -->
  <xsl:function name="ed:pair-label" as="xs:string">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="(if ($div/@type = 'original') then 'Original' else 'Translation')
        || ($div/@xml:lang ! (' (' || ed:language-name(., $div) || ')'))"/>
  </xsl:function>

  <!-- The rows of a bilingual pair, as maps {'left': original blocks, 'right': translation blocks}: each
       block of the translation with the blocks of the original up to the last one its @corresp points to
       (so an original block no translation points to stands with the next); translation blocks that
       point only where the block before them did share its row; a heading stands beside a heading, or
       alone; the original blocks left over in a last row. Every block of both once, in order; without
       any @corresp, one row of all. -->
  <xsl:function name="ed:parallel-rows" as="map(xs:string, node()*)*">
    <xsl:param name="pair" as="element()+"/>
    <xsl:variable name="orig" select="$pair[1]/node()[not(. instance of text() and not(normalize-space(.)))]"/>
    <xsl:variable name="trans" select="$pair[2]/node()[not(. instance of text() and not(normalize-space(.)))]"/>
    <xsl:choose>
      <xsl:when test="exists($trans/@corresp)">
        <xsl:variable name="ids" select="$orig ! (@xml:id/string(), '')[1]"/>
        <xsl:iterate select="$trans">
          <xsl:param name="done" as="xs:integer" select="0"/>
          <xsl:param name="rows" as="map(xs:string, node()*)*" select="()"/>
          <xsl:on-completion>
            <xsl:sequence select="$rows"/>
            <xsl:if test="count($orig) gt $done">
              <xsl:sequence select="map{'left': $orig[position() gt $done], 'right': ()}"/>
            </xsl:if>
          </xsl:on-completion>
          <xsl:variable name="pointed" select="for $t in tokenize(normalize-space(@corresp), ' ')[starts-with(., '#')]
                                               return index-of($ids, substring($t, 2))"/>
          <!-- a heading stands beside a heading only: one that points at a paragraph is a row of its own -->
          <xsl:variable name="targets" select="if (self::tei:head and (some $t in $pointed satisfies not($orig[$t]/self::tei:head))) then () else $pointed"/>
          <xsl:variable name="upto" select="max(($done, $targets))"/>
          <xsl:variable name="left" select="$orig[position() gt $done and position() le $upto]"/>
          <xsl:next-iteration>
            <xsl:with-param name="done" select="$upto"/>
            <!-- a block that points only where the row before did continues that row -->
            <xsl:with-param name="rows" select="if (empty($left) and exists($targets) and exists($rows))
                then ($rows[position() lt last()], map:put($rows[last()], 'right', ($rows[last()]?right, .)))
                else ($rows, map{'left': $left, 'right': .})"/>
          </xsl:next-iteration>
        </xsl:iterate>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="map{'left': $orig, 'right': $trans}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
