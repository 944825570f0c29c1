"""Markdown to Wagtail rich text, exactly as the editor would have saved it.

Prose goes through the ``markdown`` package, then through Wagtail's own rich
text conversion with the features of the field it is for, so anything those
features do not allow (an image, a heading in a scenario) is dropped.
"""

from functools import cache

import markdown
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter


@cache
def _converter(features: tuple[str, ...]) -> ContentstateConverter:
    return ContentstateConverter(features=list(features))


def markdown_to_rich_text(source: str | None, *, features: list[str]) -> str:
    """``source`` as database rich text limited to ``features`` ("" if blank)."""
    if not source or not str(source).strip():
        return ""
    html = markdown.markdown(str(source).strip(), extensions=["sane_lists"])
    converter = _converter(tuple(features))
    return converter.to_database_format(converter.from_database_format(html))
