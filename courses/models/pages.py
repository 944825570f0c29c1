"""The course page tree: CourseIndexPage > CoursePage > ModulePage > LessonPage.

Page behaviour lives on the page (``get_context``); what a learner sees of their
own progress comes from ``courses.selectors``.
"""

from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from courses.blocks import LessonBodyBlock
from courses.models.privacy import ViewRestrictionsInOneQuery, restrictions_apply
from kits.content.models import LoadedFromSource

INTRO_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def outcomes_field():
    """What a learner will be able to do: one short sentence per outcome."""
    return StreamField(
        [("outcome", wagtail_blocks.CharBlock(label="Outcome", max_length=300))],
        blank=True,
        help_text="One thing the learner will be able to do, per line.",
    )


class CourseIndexPage(ViewRestrictionsInOneQuery, LoadedFromSource, Page):
    """The list of courses, at /training/."""

    intro = RichTextField(features=INTRO_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    def route(self, request, path_components):
        # The tree is fixed (course > module > lesson), so the page a path names can
        # be fetched in one query instead of two per level, together with whether
        # any page privacy applies to it; a lesson page keeps a constant, small
        # number of queries (see design.md, budgets).
        model = {1: CoursePage, 2: ModulePage, 3: LessonPage}.get(len(path_components))
        if model is None:
            return super().route(request, path_components)
        url_path = f"{self.url_path}{'/'.join(path_components)}/"
        page = (
            model.objects.filter(
                slug=path_components[-1],
                depth=self.depth + len(path_components),
                url_path=url_path,
                path__startswith=self.path,
            )
            .annotate(restricted=restrictions_apply())
            .first()
        )
        if page is None or not page.live:
            raise Http404
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = list(CoursePage.objects.child_of(self).live().order_by("path"))
        return context


class CoursePage(ViewRestrictionsInOneQuery, LoadedFromSource, Page):
    """A course: its modules are the task list a learner works through."""

    summary = models.TextField(help_text="One or two sentences saying what the course covers.")
    audience = models.TextField(help_text="Who the course is for.")
    estimated_minutes = models.PositiveIntegerField(
        help_text="About how long the whole course takes, in minutes."
    )
    outcomes = outcomes_field()
    content_note = models.TextField(
        blank=True, help_text="Shown before the course starts: what it covers that may upset."
    )
    validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Months until a refresher is due after completing. Blank means never.",
    )
    issues_certificate = models.BooleanField(
        default=True, help_text="Whether completing the course issues a certificate."
    )
    trains_rse_practitioners = models.BooleanField(
        "trains RSE practitioners",
        default=False,
        help_text="Whether completing the course makes someone a trained RSE practitioner "
        "in the schools report.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("outcomes"),
        FieldPanel("content_note"),
        MultiFieldPanel(
            [
                FieldPanel("estimated_minutes"),
                FieldPanel("validity_months"),
                FieldPanel("issues_certificate"),
                FieldPanel("trains_rse_practitioners"),
            ],
            heading="Completion",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import course_page_context

        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = list(self.get_ancestors().filter(depth__gte=2))
        context.update(course_page_context(course=self, user=request.user))
        return context


class ModulePage(ViewRestrictionsInOneQuery, LoadedFromSource, Page):
    """A module: an ordered set of lessons (and, later, a knowledge check)."""

    introduction = RichTextField(features=INTRO_FEATURES)
    outcomes = outcomes_field()
    content_note = models.TextField(
        blank=True, help_text="Plain text shown before the module starts."
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("outcomes"),
        FieldPanel("content_note"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import module_page_context

        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = list(self.get_ancestors().filter(depth__gte=2))
        course = context["breadcrumbs"][-1]
        context.update(module_page_context(module=self, course=course, user=request.user))
        return context


class LessonPage(ViewRestrictionsInOneQuery, LoadedFromSource, Page):
    """A lesson: a body of blocks the learner reads, then marks as complete."""

    summary = models.TextField(blank=True, help_text="One sentence shown under the title.")
    body = StreamField(LessonBodyBlock())

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        from courses.selectors import lesson_page_context
        from organisations.access import partnership_for_user
        from organisations.contacts import local_contacts_for

        context = super().get_context(request, *args, **kwargs)
        context.update(
            lesson_page_context(
                lesson=self, user=request.user, is_preview=getattr(request, "is_preview", False)
            )
        )
        # Looked up once, and only if a block on the page shows them.
        context["local_contacts"] = SimpleLazyObject(lambda: local_contacts_for(request))
        context["reader_partnership"] = SimpleLazyObject(lambda: partnership_for_user(request.user))
        return context
