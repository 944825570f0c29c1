from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="help")
class DefaultContacts(BaseSiteSetting):
    """Who to contact, for people whose partnership has given no local contacts.

    Wherever the platform shows local contacts (a lesson's signposting block, a
    lesson plan, a printable), it shows the reader's own partnership's; these
    site-wide defaults stand in when there are none (``organisations.contacts``).
    Never put a number here that has not been checked with the service it
    belongs to.
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
