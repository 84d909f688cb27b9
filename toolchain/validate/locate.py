"""Line and column of an element or attribute in the bytes it was parsed from."""

from __future__ import annotations

import re

from lxml import etree


class Locator:
    def __init__(self, data: bytes) -> None:
        self.lines = data.decode("utf-8", errors="replace").splitlines()

    def element(self, element: etree._Element) -> tuple[int, int]:
        line = element.sourceline or 1
        if not isinstance(element.tag, str) or line > len(self.lines):
            return line, 0
        # the n-th start tag of this name on its line, n = same-named elements starting there before it
        qname = etree.QName(element)
        prefix = element.prefix
        name = f"{prefix}:{qname.localname}" if prefix else qname.localname
        root = element.getroottree().getroot()
        before = 0
        for other in root.iter(element.tag):
            if other is element:
                break
            if other.sourceline == line:
                before += 1
        hits = [m.start() for m in re.finditer(rf"<{re.escape(name)}(?=[\s/>])", self.lines[line - 1])]
        if before < len(hits):
            return line, hits[before] + 1
        return line, 0

    def attribute(self, element: etree._Element, attr: str) -> tuple[int, int]:
        line, col = self.element(element)
        if not col:
            return line, col
        qname = etree.QName(attr)
        name = (
            "xml:" + qname.localname if qname.namespace == "http://www.w3.org/XML/1998/namespace" else qname.localname
        )
        m = re.compile(rf"\s{re.escape(name)}\s*=").search(self.lines[line - 1], col)
        return (line, m.start() + 2) if m else (line, col)
