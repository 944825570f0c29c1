from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel


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
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def has_contacts(self) -> bool:
        return any(
            [self.referral_phone, self.referral_email, self.website, self.designated_officer]
        )


class Sector(models.TextChoices):
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    SOCIAL_CARE = "social_care", "Children's social care"
    EDUCATION = "education", "Education"
    EARLY_YEARS = "early_years", "Early years"
    VOLUNTARY = "voluntary", "Voluntary and community"
    PROBATION = "probation", "Probation and youth justice"
    HOUSING = "housing", "Housing"
    LICENSED = "licensed", "Licensed business (taxi, hotel, night-time economy)"
    OTHER = "other", "Other"


class Organisation(ClusterableModel):
    """An employer or service whose staff take the training."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="organisations"
    )
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)
    headcount = models.PositiveIntegerField(
        "workforce headcount",
        default=0,
        help_text="How many staff should be trained; used for coverage figures.",
    )

    panels = [
        FieldPanel("partnership"),
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("headcount"),
        InlinePanel("domains", heading="Email domains", label="Email domain"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "partnership", Lower("name"), name="organisations_unique_name_in_partnership"
            ),
        ]

    def __str__(self):
        return self.name


domain_validator = RegexValidator(
    r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
    "Enter a domain such as example.org.uk, without '@'.",
)


class OrganisationDomain(models.Model):
    """An email domain whose addresses belong to the organisation."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(max_length=253, unique=True, validators=[domain_validator])

    panels = [FieldPanel("domain")]

    def __str__(self):
        return self.domain

    def save(self, *args, **kwargs):
        self.domain = self.domain.strip().lower()
        super().save(*args, **kwargs)


class Membership(models.Model):
    """A person working in an organisation; managers see their colleagues' records."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    job_role = models.CharField(max_length=120, blank=True)
    is_manager = models.BooleanField(
        "manager",
        default=False,
        help_text="Managers see the training records of everyone in this organisation.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("user"),
        FieldPanel("organisation"),
        FieldPanel("job_role"),
        FieldPanel("is_manager"),
    ]

    class Meta:
        ordering = ["organisation__name", "user__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="organisations_one_membership_per_org"
            ),
        ]

    def __str__(self):
        return f"{self.user} at {self.organisation}"


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
