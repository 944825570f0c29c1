from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from organisations.models.partnership import Partnership


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
