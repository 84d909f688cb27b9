<?xml version="1.0" encoding="UTF-8"?>
<!--
  Who made the edition, and in which order the documents are read: decided once for the home page, the
  title page of the book and the EPUB's title page and package.
    ed:agents          the people of the documents' responsibility statements, each with MARC relator
                       roles (edt, trl, ann, com, aut, ctb); $editors, when given, are the editors
    ed:credits         the same for a title page: the people under their roles ("Edited by",
                       "Translated by", "With the assistance of"), the organisations apart
    ed:reading-order   the documents by date, then title, then file name (ed:reading-keys)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <!-- MARC relator codes for the words of a responsibility statement (resp) -->
  <xsl:function name="ed:relators" as="xs:string+">
    <xsl:param name="resp" as="xs:string"/>
    <xsl:variable name="r" select="lower-case($resp)"/>
    <xsl:variable name="codes" select="(
        'trl'[contains($r, 'transl')], 'edt'[contains($r, 'edit')],
        'ann'[contains($r, 'annotat')], 'com'[contains($r, 'compil')])"/>
    <xsl:sequence select="if (exists($codes)) then $codes else 'ctb'"/>
  </xsl:function>

  <!-- Who made the edition: maps {'name', 'roles', 'creator', 'organisation'} in the order of the documents -->
  <xsl:function name="ed:agents" as="map(xs:string, item()*)*">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:variable name="statements" select="$documents ! tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/(tei:respStmt | tei:editor | tei:author)"/>
    <xsl:variable name="named" as="map(xs:string, item()*)*">
      <xsl:for-each select="$editors[normalize-space()]">
        <xsl:sequence select="map{'name': normalize-space(.), 'roles': 'edt', 'organisation': false()}"/>
      </xsl:for-each>
      <xsl:for-each select="$statements">
        <xsl:variable name="roles" select="if (self::tei:editor) then 'edt' else if (self::tei:author) then 'aut'
                                           else ed:relators(string(tei:resp))"/>
        <xsl:for-each select="if (self::tei:respStmt) then (tei:persName | tei:name | tei:orgName) else .">
          <xsl:if test="normalize-space(.)">
            <xsl:sequence select="map{'name': ed:words(.), 'roles': $roles,
                'organisation': exists(self::tei:orgName | self::tei:name[@type = ('org', 'organisation', 'organization')]
                                       | self::*[tei:orgName and not(tei:persName)])}"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each-group select="$named" group-by="?name">
      <xsl:variable name="roles" select="distinct-values(current-group()?roles)"/>
      <xsl:sequence select="map{'name': current-grouping-key(), 'roles': $roles,
          'organisation': current-group()[1]?organisation,
          'creator': not(current-group()[1]?organisation) and (if (exists($editors[normalize-space()]))
              then current-grouping-key() = $editors ! normalize-space(.) else $roles = 'edt')}"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- The roles a title page names, in its order, with the words it names them by. -->
  <xsl:variable name="ed:credit-roles" as="map(xs:string, xs:string)*" select="(
      map{'role': 'aut', 'label': 'By'}, map{'role': 'edt', 'label': 'Edited by'}, map{'role': 'trl', 'label': 'Translated by'},
      map{'role': 'ann', 'label': 'Annotated by'}, map{'role': 'com', 'label': 'Compiled by'},
      map{'role': 'ctb', 'label': 'With the assistance of'})"/>

  <!-- A title page's credits: maps {'label', 'names'}; each person under each role they have (an editor who
       translated is named as both), the organisations last ("In association with"). -->
  <xsl:function name="ed:credits" as="map(xs:string, item()*)*">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:variable name="agents" select="ed:agents($documents)"/>
    <xsl:variable name="people" select="$agents[not(?organisation)]"/>
    <xsl:for-each select="$ed:credit-roles">
      <xsl:variable name="role" select="?role"/>
      <xsl:variable name="names" select="$people[?roles = $role]?name"/>
      <xsl:if test="exists($names)">
        <xsl:sequence select="map{'label': ?label, 'names': $names}"/>
      </xsl:if>
    </xsl:for-each>
    <xsl:if test="exists($agents[?organisation])">
      <xsl:sequence select="map{'label': 'In association with', 'names': $agents[?organisation]?name}"/>
    </xsl:if>
  </xsl:function>

  <!-- What a document is sorted by in the reading order, four strings compared character by character:
       "0" when it is dated ("1" undated: last), its date key, its title in lower case, its file name. -->
  <xsl:function name="ed:reading-keys" as="xs:string+">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="date" select="ed:date-key(ed:date($doc))"/>
    <xsl:sequence select="(if ($date = '') then '1' else '0'), $date, lower-case(ed:title($doc)), ed:file-name($doc)"/>
  </xsl:function>

  <!-- Arrays that begin with the reading keys of a document (ed:reading-keys), in the reading order. -->
  <xsl:function name="ed:in-reading-order" as="array(*)*">
    <xsl:param name="keyed" as="array(*)*"/>
    <xsl:perform-sort select="$keyed">
      <xsl:sort select="?1"/>
      <xsl:sort select="?2"/>
      <xsl:sort select="?3"/>
      <xsl:sort select="?4"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- The order the documents are read in, in every format: by date (undated last), then title, then file. -->
  <xsl:function name="ed:reading-order" as="document-node()*">
    <xsl:param name="documents" as="document-node()*"/>
    <xsl:variable name="keyed" select="for $i in 1 to count($documents) return array{ed:reading-keys($documents[$i]), $i}"/>
    <xsl:sequence select="for $k in ed:in-reading-order($keyed) return $documents[$k(5)]"/>
  </xsl:function>

</xsl:stylesheet>
