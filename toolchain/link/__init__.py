"""The link stage: what ties the documents of an edition together once each is read.

registry   persons.xml, the edition's persons under stable ids; each document's persons point to it
catalogue  the catalogue's records (a listing read as TEI) linked to the documents the edition has
"""
