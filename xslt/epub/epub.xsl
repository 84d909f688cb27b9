<?xml version="1.0" encoding="UTF-8"?>
<!--
  Entry stylesheet of the EPUB 3 book. It imports the HTML edition (html/html.xsl, with common/): every
  element is rendered by the same templates and behaviours as on the website; this stylesheet overrides
  only what a reading system needs otherwise (a note is a noteref link to an aside footnote; no
  scripts, popovers or switches; XHTML in its namespace; pages named .xhtml).

  The renderer (toolchain/render/epub.py) asks ed:volumes what volumes the edition is written in
  (common/volumes.xsl), then for the book, or each volume (its documents, with the registries and
  catalogues, the edition; $volume and $volumes set), calls in this order:
    e:identity               the text the book's urn:uuid ($identifier) is made from;
    e:pages                  the book's files in reading order (JSON), for the renderer to render each:
    e:title, e:nav, e:about, e:document (with $doc), e:catalogue, e:persons
                             one content document each, as a tree in no namespace (as the website's);
    e:anchors                (with $pages) every file#id a link may point to;
    e:finish                 (with $page, $file, $anchors) one content document as XHTML: in the XHTML
                             namespace, the view chosen by $default-view fixed, dangling links unlinked;
    e:package                (with $identifier, $modified) the package document (OPF), serialised.
  Customise by a stylesheet that imports this one.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:edition:functions"
    xmlns:h="urn:edition:html"
    exclude-result-prefixes="#all">

  <xsl:import href="../html/html.xsl"/>
  <xsl:include href="behaviours.xsl"/>
  <xsl:include href="layout.xsl"/>
  <xsl:include href="pages.xsl"/>
  <xsl:include href="package.xsl"/>
  <xsl:include href="../common/volumes.xsl"/>

  <!-- XML, UTF-8 (the default of XML: no declaration needed), XHTML's empty elements -->
  <xsl:output method="xhtml" html-version="5" encoding="UTF-8" indent="no" omit-xml-declaration="yes"
              include-content-type="no"/>

  <!-- The date of the edition as published (dc:date, and on the title page): YYYY, YYYY-MM or
       YYYY-MM-DD. Default: the day of $modified, the book's own date. -->
  <xsl:param name="edition-date" ed:cli="yes" as="xs:string" select="''"/>


  <!-- The book's identifier (dc:identifier): urn:uuid made by the renderer from e:identity. -->
  <xsl:param name="identifier" as="xs:string" select="''"/>

  <!-- When the book was last changed (dcterms:modified, YYYY-MM-DDThh:mm:ssZ): SOURCE_DATE_EPOCH, else
       the time of the newest source. Set by the renderer. -->
  <xsl:param name="modified" as="xs:string" select="'2000-01-01T00:00:00Z'"/>

  <!-- The style sheets every content document links, relative to the package document. Set by the
       renderer, which puts them in the book. -->
  <xsl:param name="styles" as="xs:string*" select="('css/edition.css', 'css/epub.css')"/>

  <!-- The content documents made by the first pass, by file name (for e:anchors). Set by the renderer. -->
  <xsl:param name="pages" as="map(xs:string, document-node())" select="map{}"/>

  <!-- One content document made by the first pass, and its file name (for e:finish). Set by the renderer. -->
  <xsl:param name="page" as="document-node()?" select="()"/>
  <xsl:param name="file" as="xs:string" select="''"/>

  <!-- Every address a link may point to: 'file' and 'file#id'. Set by the renderer (from e:anchors). -->
  <xsl:param name="anchors" as="map(xs:string, xs:boolean)" select="map{}"/>

  <!-- Pages are XHTML content documents; the book's own pages take these names. -->
  <xsl:variable name="ed:page-suffix" as="xs:string" select="'.xhtml'"/>
  <xsl:variable name="ed:reserved-pages" as="xs:string*"
                select="('index', 'persons', 'about', 'search', 'title', 'nav', 'package', 'css')"/>


</xsl:stylesheet>
