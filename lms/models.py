from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The front door: says what the service is and routes each person onward."""

    lead = models.TextField(
        help_text="One or two sentences saying what the service is and who it is for."
    )
    training_text = models.TextField(blank=True)
    training_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resources_text = models.TextField(blank=True)
    resources_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reports_text = models.TextField(blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("training_text"), FieldPanel("training_page")], heading="Training"
        ),
        MultiFieldPanel(
            [FieldPanel("resources_text"), FieldPanel("resources_page")],
            heading="Schools' resources",
        ),
        FieldPanel("reports_text", heading="Reports (shown to leads and managers)"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "lms/home_page.html"
