"""Turn the lesson plan sources into published LessonPlanPages.

Safe to run again: a page whose source has not changed is not touched, and a
page an editor has changed in the admin is left alone from then on.
"""

import hashlib
import logging
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.models import Site

from kits.content.source import ContentError
from kits.content.sync import LoadReport, load_outcome, publish
from resources.models import LessonPlanPage, ResourceIndexPage, Topic
from resources.sources import LessonPlanSource, lesson_plan_source_read

logger = logging.getLogger(__name__)

CONTENT_DIR = Path(settings.BASE_DIR) / "resources" / "content" / "lesson-plans"


def resource_index_ensure() -> ResourceIndexPage:
    """The library page, made under the default site's home page if missing.

    Also points the home page's "schools' resources" link at it when that link
    is empty and the home page has no draft waiting.
    """
    index = ResourceIndexPage.objects.first()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise RuntimeError("No default site: run seed_demo (or create the home page) first.")
    home = site.root_page.specific
    if index is None:
        index = home.add_child(
            instance=ResourceIndexPage(
                title="Lesson plans for schools",
                slug="schools",
                live=False,
                intro="<p>Relationships and sex education lesson plans on the topics behind "
                "child sexual exploitation, by key stage, with a log of the lessons you teach.</p>",
            )
        )
        index.save_revision().publish()
    if (
        hasattr(home, "resources_page_id")
        and home.resources_page_id is None
        and not home.has_unpublished_changes
    ):
        home.resources_page = index
        home.save_revision().publish()
    return index


def _related_modules(source: LessonPlanSource) -> tuple[list[dict], str]:
    """The plan's module links as chooser values, and a digest that includes
    them: a plan loaded before its course gains the links on the next run.

    The modules are found by their source keys through the app registry, so
    resources keeps no import of courses; without courses there are no links.
    """
    try:
        modules = apps.get_model("courses", "ModulePage")
    except LookupError:
        return [], source.digest
    ids = dict(
        modules.objects.filter(source_key__in=source.module_keys).values_list("source_key", "pk")
    )
    found = [ids[key] for key in source.module_keys if key in ids]
    digest = hashlib.sha256(f"{source.digest}\0{found}".encode()).hexdigest()
    return [{"type": "module", "value": pk} for pk in found], digest


@transaction.atomic
def lesson_plan_sync(*, index: ResourceIndexPage, source: LessonPlanSource) -> str:
    """Create or update the page for one source; say which (``load_outcome``)."""
    key = source.fields["slug"]
    page = LessonPlanPage.objects.filter(source_key=key).select_related("latest_revision").first()
    modules, digest = _related_modules(source)
    outcome = load_outcome(page, digest=digest)
    if outcome in ("unchanged", "kept"):
        return outcome
    if page is None:
        page = LessonPlanPage(source_key=key, live=False)
    for name, value in source.fields.items():
        setattr(page, name, value)
    page.related_modules = modules
    page.source_hash = digest
    page.topics = list(Topic.objects.filter(slug__in=source.topics))
    if outcome == "created":
        index.add_child(instance=page)
    publish(page)
    return outcome


def lesson_plans_load(*, directory: Path = CONTENT_DIR) -> LoadReport:
    """Load every ``*.md`` in ``directory``; a file with an error is reported and skipped."""
    report = LoadReport()
    Topic.objects.ensure_all()
    index = resource_index_ensure()
    for path in sorted(directory.glob("*.md")):
        try:
            source = lesson_plan_source_read(path)
        except ContentError as error:
            report.errors.append(str(error))
            continue
        outcome = lesson_plan_sync(index=index, source=source)
        report.record(outcome, source.fields["slug"])
        logger.debug("Lesson plan %s: %s", path.name, outcome)
    return report
