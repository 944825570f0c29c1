"""The lesson library: one ResourceIndexPage holding the LessonPlanPages."""

from dataclasses import dataclass

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from kits.content.models import LoadedFromSource
from organisations.contacts import local_contacts_for
from resources.blocks import RICH_TEXT_FEATURES, ActivityStreamBlock
from resources.filters import LessonPlanQuerySet
from resources.models.taxonomy import (
    YEAR_GROUP_CHOICES,
    KeyStage,
    LessonFormat,
    Topic,
    key_stage_years,
)
from resources.pdf import lesson_plan_pdf


class SignInRequiredMixin:
    """Library pages are for signed-in staff; parents see materials through a
    school's share link instead."""

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class ResourceIndexPage(SignInRequiredMixin, Page):
    """The lesson library, filtered by GET parameters so a filtered list has an address."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["resources.LessonPlanPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from resources.selectors.library import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(index=self, query=request.GET, user=request.user))
        return context


@dataclass(frozen=True)
class TimedActivity:
    block: object
    start: int | None = None
    end: int | None = None


def _text_list(label: str, **kwargs) -> StreamField:
    return StreamField([("item", blocks.CharBlock(max_length=300, label=label))], **kwargs)


class LessonPlanPage(SignInRequiredMixin, RoutablePageMixin, LoadedFromSource, Page):
    """An RSE lesson plan: who it suits, what it teaches and how to run it."""

    summary = models.TextField(help_text="One or two sentences shown in the library.")
    key_stage = models.CharField(max_length=3, choices=KeyStage.choices, db_index=True)
    year_from = models.PositiveSmallIntegerField("from year", choices=YEAR_GROUP_CHOICES)
    year_to = models.PositiveSmallIntegerField("to year", choices=YEAR_GROUP_CHOICES)
    topics = ParentalManyToManyField(Topic, related_name="lesson_plans")
    lesson_format = models.CharField("format", max_length=20, choices=LessonFormat.choices)
    duration_minutes = models.PositiveSmallIntegerField("duration in minutes")
    learning_objectives = _text_list("Objective")
    ground_rules = _text_list("Ground rule", blank=True)
    activities = StreamField(ActivityStreamBlock())
    differentiation = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    safeguarding_notes = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="For the teacher: what to do if a pupil discloses. The partnership's "
        "local contacts are added after these notes.",
    )
    # A real page reference (chosen in the admin, a module's source key in the
    # content files), named by string so resources need not import courses.
    related_modules = StreamField(
        [("module", blocks.PageChooserBlock(page_type="courses.ModulePage"))],
        blank=True,
        help_text="Practitioner training modules that go with this lesson.",
    )

    objects = PageManager.from_queryset(LessonPlanQuerySet)()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("key_stage"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("key_stage"),
                FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("lesson_format"), FieldPanel("duration_minutes")]),
            ],
            heading="Who and what it is for",
        ),
        FieldPanel("learning_objectives"),
        FieldPanel("ground_rules"),
        FieldPanel("activities"),
        FieldPanel("differentiation"),
        FieldPanel("safeguarding_notes"),
        FieldPanel("related_modules"),
        InlinePanel("documents", heading="Downloadable documents", label="Document"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(year_from__lte=models.F("year_to")),
                name="resources_plan_year_range",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=1, duration_minutes__lte=240),
                name="resources_plan_duration",
            ),
        ]

    def clean(self):
        super().clean()
        years = key_stage_years(self.key_stage)
        errors = {}
        if self.year_from and self.year_to and self.year_from > self.year_to:
            errors["year_to"] = "The last year group cannot come before the first."
        for field in ("year_from", "year_to"):
            value = getattr(self, field)
            if value and years and value not in years:
                errors[field] = (
                    f"Year {value} is not in {self.get_key_stage_display()} "
                    f"(years {years[0]} to {years[-1]})."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def year_groups_label(self) -> str:
        if self.year_from == self.year_to:
            return f"Year {self.year_from}"
        joiner = "and" if self.year_to == self.year_from + 1 else "to"
        return f"Years {self.year_from} {joiner} {self.year_to}"

    def timed_activities(self) -> list[TimedActivity]:
        """Each activity with the minute its step starts and ends, counted from
        the start of the lesson; untimed blocks carry no times."""
        activities, clock = [], 0
        for block in self.activities:
            if block.block_type == "step":
                minutes = block.value["minutes"] or 0
                activities.append(TimedActivity(block, clock, clock + minutes))
                clock += minutes
            else:
                activities.append(TimedActivity(block))
        return activities

    def worksheets(self) -> list:
        return [block for block in self.activities if block.block_type == "worksheet"]

    def get_context(self, request, *args, **kwargs):
        from resources.selectors.library import lesson_plan_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_plan_context(plan=self, user=request.user))
        context["local_contacts"] = local_contacts_for(request)
        url = self.get_url(request) or ""
        context["pdf_url"] = url + self.reverse_subpage("pdf")
        library = self.get_parent()
        context["library_url"] = library.get_url(request) if library else ""
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The print-friendly PDF of this plan, with the reader's local contacts."""
        content = lesson_plan_pdf(plan=self, contacts=local_contacts_for(request))
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.pdf"'
        return response


class LessonPlanDocument(Orderable):
    """A file to download with a plan, served by Wagtail's document view."""

    page = ParentalKey(LessonPlanPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Leave blank to use the document's own title."
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def display_title(self) -> str:
        return self.title or self.document.title
