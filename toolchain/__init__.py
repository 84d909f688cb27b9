"""edition: plain-text transcripts of archival documents to validated TEI P5 and its renderings."""

__version__ = "0.2.0"
