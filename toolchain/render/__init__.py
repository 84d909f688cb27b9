"""Renderers of the edition: TEI in, a format out, through the XSLT 3.0 stylesheets of xslt/.

RENDERERS maps each `edition render --to` name to its renderer class (an explicit list, no discovery).
"""

from __future__ import annotations

from .base import Renderer, Result, expand
from .epub import EpubRenderer
from .html import HtmlRenderer
from .pdf import PdfRenderer
from .xslt import RenderError

RENDERERS: dict[str, type[Renderer]] = {
    HtmlRenderer.name: HtmlRenderer,
    PdfRenderer.name: PdfRenderer,
    EpubRenderer.name: EpubRenderer,
}


def get(name: str) -> type[Renderer]:
    try:
        return RENDERERS[name]
    except KeyError:
        raise RenderError(f"unknown output {name!r}; known: {', '.join(sorted(RENDERERS))}") from None


__all__ = [
    "RENDERERS",
    "EpubRenderer",
    "HtmlRenderer",
    "PdfRenderer",
    "RenderError",
    "Renderer",
    "Result",
    "expand",
    "get",
]
