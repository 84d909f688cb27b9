<?xml version="1.0" encoding="UTF-8"?>
<!--
  Parameters shared by every output format. Each is typed (@as) and documented here, where it is
  declared; the `param` option of `edition render` (NAME=VALUE) sets those marked ed:cli="yes", checked
  against these declarations (the type, and ed:values where the values are few).
  An output format may declare more parameters in its own entry stylesheet (see xslt/README.md).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ed="urn:edition:functions"
    exclude-result-prefixes="#all">

  <!-- Every TEI file of the edition (documents, catalogue, persons registry), each with the base URI
       of its file; pages that need more than one document (home, persons, search) read them here. Set
       by the renderer, not on the command line. -->
  <xsl:param name="edition" as="document-node()*" select="()"/>

  <!-- The same documents by file name, for resolving pointers such as `persons.xml#id` in constant time.
       Set by the renderer (computed once for all pages); computed here when absent. -->
  <xsl:param name="edition-files" as="map(xs:string, document-node())"
             select="map:merge($edition ! map{(tokenize(string(base-uri(.)), '/')[last()], '')[1]: .}, map{'duplicates': 'use-first'})"/>

  <!-- The file name of each of them, by base URI (a base URI is %-encoded: `%D0%B4.xml` is `д.xml`). Set by
       the renderer; when absent, the last step of the base URI is taken as it is. -->
  <xsl:param name="edition-names" as="map(xs:string, xs:string)" select="map{}"/>

  <!-- The persons registries among them (TEI files whose body is a listPerson). Set by the renderer;
       computed here when absent. -->
  <xsl:param name="registries" as="document-node()*" select="$edition[ed:kind(.) = 'persons']"/>

  <!-- The documents among them (neither registries nor catalogues). Set by the renderer; computed here
       when absent. -->
  <xsl:param name="documents" as="document-node()*" select="$edition[ed:kind(.) = 'document']"/>

  <!-- The title of the edition, shown on every page and as the home page's heading. -->
  <xsl:param name="edition-title" ed:cli="yes" as="xs:string" select="'Documents of the edition'"/>

  <!-- The editors of the edition; when empty, the responsibility statements of the documents
       (titleStmt/respStmt) are listed instead. -->
  <xsl:param name="editors" ed:cli="yes" as="xs:string*" select="()"/>

  <!-- Which reading is shown first where the text has two: 'diplomatic' (deletions struck through,
       original spellings) or 'reading' (deletions hidden, corrections and regularisations). -->
  <xsl:param name="default-view" ed:cli="yes" ed:values="diplomatic reading" as="xs:string" select="'diplomatic'"/>

  <!-- The sign before words an editor or translator supplied (also before gaps, glosses, inline notes). -->
  <xsl:param name="supplied-open" ed:cli="yes" as="xs:string" select="'['"/>
  <!-- The sign after words an editor or translator supplied. -->
  <xsl:param name="supplied-close" ed:cli="yes" as="xs:string" select="']'"/>

</xsl:stylesheet>
