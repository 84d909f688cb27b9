"""edition: plain-text transcripts of archival documents to validated TEI P5 and its renderings."""

import sys

# lxml.etree imports rnc2rng when it is first imported (for lxml's own compact-syntax RELAX NG, which the
# edition does not use): a sixth of every command's start. It is held back here; validate.relaxng imports
# rnc2rng itself when it reads a .rnc schema.
if "lxml.etree" not in sys.modules and "rnc2rng" not in sys.modules:
    sys.modules["rnc2rng"] = None  # type: ignore[assignment]
    import lxml.etree  # noqa: F401

    del sys.modules["rnc2rng"]

__version__ = "0.2.0"
