"""Every PDF the platform makes, rendered with xhtml2pdf the same way.

The HTML comes from our own templates with every value escaped. Documents print
in DejaVu Sans (``static/fonts``, copied there by ``make``), which covers Latin
Extended, so a name such as "Zoë Ångström-Nguyễn" prints as written. The
renderer may read only the fonts, the folders a caller names, and the images a
caller made for this render (handed over as ``data:`` URIs). Every other
address resolves to nothing; nothing is fetched over the network, and the
resource policy refuses anything that slipped past the link callback.

Templates load the fonts with ``{% include "kits/pdf_fonts.html" %}`` inside
their ``<style>`` and set ``font-family: Body``.
"""

import base64
import io
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
NOTHING = "data:,"  # the callback's answer for anything it does not know


class PdfRenderError(RuntimeError):
    """The PDF could not be made."""


class PdfAssets:
    """The link callback for one render.

    Resolves ``asset:fonts/<file>`` and ``asset:<root>/<file>`` to files inside
    the named folders, and the names in ``inline`` to the data URIs made for
    this render. Everything else, and anything that escapes its folder,
    resolves to an empty data URI. What was refused is kept in ``refused``.
    """

    def __init__(self, inline: Mapping[str, str] | None = None, roots: Mapping[str, Path] = ()):
        self.inline = dict(inline or {})
        self.roots = {"fonts": FONTS_DIR, **dict(roots)}
        self.refused: list[str] = []

    def __call__(self, uri: str, rel: str | None) -> str:
        uri = str(uri)
        if uri in self.inline:
            return self.inline[uri]
        if uri.startswith("asset:"):
            root_name, _, name = uri.removeprefix("asset:").partition("/")
            root = self.roots.get(root_name)
            if root is not None:
                try:
                    path = (root / name).resolve()
                    if path.is_relative_to(root.resolve()) and path.is_file():
                        return str(path)
                except (OSError, ValueError):  # e.g. a NUL byte in the name
                    pass
        self.refused.append(uri)
        return NOTHING


def resource_policy(*roots: Path) -> ResourceAccessPolicy:
    """No remote fetches; local reads only inside the fonts and ``roots``."""
    return ResourceAccessPolicy.server(
        base_dir=None, allow_remote=False, extra_roots=(FONTS_DIR, *roots)
    )


DEFAULT_POLICY = resource_policy()


def data_uri(content: bytes, mimetype: str) -> str:
    return f"data:{mimetype};base64,{base64.b64encode(content).decode('ascii')}"


def check_fonts() -> None:
    missing = [name for name in FONT_FILES if not (FONTS_DIR / name).is_file()]
    if missing:
        raise PdfRenderError(
            f"PDF fonts missing from {FONTS_DIR}: {', '.join(missing)} (run `make assets`)"
        )


def html_to_pdf(
    html: str,
    *,
    assets: PdfAssets | None = None,
    policy: ResourceAccessPolicy = DEFAULT_POLICY,
    default_css: str | None = None,
) -> bytes:
    """Render a whole HTML document (already escaped) to PDF bytes."""
    check_fonts()
    options = {"default_css": default_css} if default_css is not None else {}
    output = io.BytesIO()
    result = pisa.CreatePDF(
        html,
        dest=output,
        encoding="utf-8",
        link_callback=assets or PdfAssets(),
        resource_policy=policy,
        **options,
    )
    if result.err:
        raise PdfRenderError("xhtml2pdf could not render the document")
    return output.getvalue()


def render_pdf(template_name: str, context: Mapping, **options) -> bytes:
    """Render ``template_name`` with ``context`` (autoescaped) to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, dict(context)), **options)
