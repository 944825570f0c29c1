from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="help")
class SignpostingSettings(BaseSiteSetting):
    """Who to contact, for learners whose partnership has given no local contacts.

    A lesson's signposting block shows the learner's own partnership's contacts;
    these site-wide defaults stand in when there are none. Never put a number here
    that has not been checked with the service it belongs to.
    """

    name = models.CharField(
        "who to contact",
        max_length=200,
        default="Your local safeguarding children partnership",
    )
    referral_phone = models.CharField("referral line", max_length=60, blank=True)
    referral_email = models.EmailField("referral email", blank=True)
    website = models.URLField("web link", blank=True)
    notes = models.TextField(
        blank=True,
        default=(
            "Ask your designated safeguarding lead or manager how to contact children's "
            "social care where you work."
        ),
        help_text="Shown with the contacts, or on its own when there are none.",
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("referral_phone"), FieldPanel("referral_email"), FieldPanel("website")],
            heading="Contacts",
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = "default safeguarding contacts"
