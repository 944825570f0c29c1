"""Writing the printable tools (``courses/content/printables/*.md``) under /tools/.

Each file's front matter gives ``title``, ``slug`` and ``summary``; its body
holds ```` ```block ```` fences (checklist, flowchart, emergency, signposting)
and Markdown prose. Printables load before courses, so lessons can link to them.
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Page

from courses.loader.body import body_data
from courses.loader.pages import CONTENT_ROOT, index_page, sync_page
from courses.loader.source import read_source_file
from courses.models import PrintableIndexPage, PrintablePage
from courses.printable_blocks import PrintableBodyBlock
from kits.content.source import ContentError, SourceFile
from kits.content.sync import LoadReport

PRINTABLES_ROOT = CONTENT_ROOT / "printables"
INDEX = {
    "title": "Printable tools",
    "slug": "tools",
    "intro": "<p>Checklists and flowcharts to print and keep to hand, with your local "
    "contacts.</p>",
}


def printable_index(home: Page) -> PrintableIndexPage:
    """The one list of printables, at /tools/."""
    return index_page(PrintableIndexPage, home, key="tools", fields=INDEX)


def _fields(source: SourceFile) -> dict:
    where = str(source.path)
    block = PrintableBodyBlock()
    body = block.normalize(body_data(source.body, where))
    try:
        block.clean(body)
    except ValidationError as error:
        raise ContentError(f"{where}: {error}") from error
    return {
        "title": source.meta["title"],
        "slug": source.meta["slug"],
        "summary": str(source.meta["summary"]).strip(),
        "body": body,
    }


@transaction.atomic
def load_printables(*, home: Page, folder: Path = PRINTABLES_ROOT) -> LoadReport:
    """Create or refresh every printable in ``folder``, in the order of their names."""
    report = LoadReport()
    index = printable_index(home)
    previous = None
    for path in sorted(folder.glob("*.md")):
        source = read_source_file(path)
        source.require("title", "slug", "summary")
        previous = sync_page(
            PrintablePage,
            f"printables/{source.meta['slug']}",
            source,
            lambda source=source: _fields(source),
            parent=index,
            after=previous,
            report=report,
        )
    return report
