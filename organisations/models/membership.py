from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel

from organisations.models.organisation import Organisation


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
