from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField


class Partnership(models.Model):
    """The multi-agency safeguarding body for an area (formerly the LSCB)."""

    name = models.CharField(max_length=200, unique=True)
    label = models.CharField(
        max_length=200,
        default="Safeguarding Children Partnership",
        help_text="What the partnership calls itself, e.g. 'Safeguarding Children Partnership'.",
    )
    referral_phone = models.CharField(
        "referral line ('front door')",
        max_length=60,
        blank=True,
        help_text="The number to call with a concern about a child.",
    )
    referral_email = models.EmailField("referral email", blank=True)
    website = models.URLField("web link", blank=True)
    designated_officer = models.TextField(
        "designated officer contact",
        blank=True,
        help_text="How to reach the designated officer (LADO) about a concern about an adult.",
    )
    rse_law_summary = RichTextField(
        "summary of the law for RSE",
        features=["bold", "italic", "ol", "ul", "link"],
        blank=True,
        help_text="What teachers delivering RSE need to know of the law, in the partnership's "
        "own words and checked by its advisers. The 'Delivering RSE safely' course shows it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("label"),
        MultiFieldPanel(
            [
                FieldPanel("referral_phone"),
                FieldPanel("referral_email"),
                FieldPanel("website"),
                FieldPanel("designated_officer"),
            ],
            heading="Local contacts",
        ),
        FieldPanel("rse_law_summary"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnershipLead(models.Model):
    """Someone who sees every organisation in a partnership."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="partnership_leads"
    )
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="leads")

    panels = [FieldPanel("user"), FieldPanel("partnership")]

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership"], name="organisations_one_lead_per_partnership"
            ),
        ]

    def __str__(self):
        return f"{self.user} leads {self.partnership}"
