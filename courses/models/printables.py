"""Printable tools: CMS content rendered as a page and as a one-page PDF, each
with the reader's own local contacts (``organisations.contacts``)."""

from django.db import models
from django.http import HttpResponse
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from courses.printable_blocks import PrintableBodyBlock
from kits.content.models import LoadedFromSource
from kits.pdf import render_pdf
from organisations.contacts import local_contacts_for


class PrintableIndexPage(LoadedFromSource, Page):
    """The list of printable tools, at /tools/."""

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.PrintablePage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["printables"] = list(PrintablePage.objects.child_of(self).live().order_by("path"))
        return context


class PrintablePage(RoutablePageMixin, LoadedFromSource, Page):
    """A tool to print and pin up: a checklist, a flowchart, the local contacts."""

    summary = models.TextField(help_text="One sentence saying what the tool is for.")
    body = StreamField(PrintableBodyBlock())

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    parent_page_types = ["courses.PrintableIndexPage"]
    subpage_types = []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Looked up once, and only if a block shows the contacts.
        context["local_contacts"] = SimpleLazyObject(lambda: local_contacts_for(request))
        context["pdf_url"] = (self.get_url(request) or "") + self.reverse_subpage("pdf")
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The same tool as a PDF, with the reader's local contacts."""
        content = render_pdf(
            "courses/printable_pdf.html",
            {"page": self, "contacts": local_contacts_for(request)},
        )
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.slug}.pdf"'
        return response
