from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel

from organisations.models.organisation import Organisation
from organisations.models.workforce import WorkforceGroup


class MembershipState(models.TextChoices):
    PENDING = "pending", "Pending"
    ACTIVE = "active", "Active"
    DECLINED = "declined", "Declined"
    ENDED = "ended", "Left"


class MembershipSource(models.TextChoices):
    """How the membership was (or will be) verified."""

    DOMAIN = "domain", "Email domain"
    REQUEST = "request", "Request approved by a manager"
    INVITATION = "invitation", "Invitation"
    ADMIN = "admin", "Added by an administrator"


class MembershipQuerySet(models.QuerySet):
    def active(self):
        """Memberships that count: only these grant rights or appear in figures."""
        return self.filter(state=MembershipState.ACTIVE)

    def pending_requests(self):
        """Join requests waiting for a manager's decision."""
        return self.filter(state=MembershipState.PENDING, source=MembershipSource.REQUEST)


class Membership(models.Model):
    """A person working in an organisation; managers see their colleagues' records.

    Only an active membership counts. Ending one keeps the row (and every
    learner record) with the date and reason; rejoining reactivates it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    state = models.CharField(
        max_length=10, choices=MembershipState.choices, default=MembershipState.ACTIVE
    )
    source = models.CharField(
        max_length=10, choices=MembershipSource.choices, default=MembershipSource.ADMIN
    )
    group = models.ForeignKey(
        WorkforceGroup,
        on_delete=models.PROTECT,
        related_name="memberships",
        null=True,
        blank=True,
        verbose_name="workforce group",
    )
    job_role = models.CharField(max_length=120, blank=True)
    is_manager = models.BooleanField(
        "manager",
        default=False,
        help_text="Managers see the training records of everyone in this organisation.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the membership becomes active; pending requests have none.
    joined_at = models.DateTimeField(default=timezone.now, null=True, blank=True)
    left_at = models.DateTimeField(null=True, blank=True)
    left_reason = models.CharField(max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    panels = [
        FieldPanel("user"),
        FieldPanel("organisation"),
        FieldPanel("state"),
        FieldPanel("group"),
        FieldPanel("job_role"),
        FieldPanel("is_manager"),
    ]

    class Meta:
        ordering = ["organisation__name", "user__full_name"]
        indexes = [models.Index(fields=["organisation", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="organisations_one_membership_per_org"
            ),
            models.CheckConstraint(
                condition=~Q(state="active") | Q(joined_at__isnull=False),
                name="organisations_active_has_joined_at",
                violation_error_message="An active membership needs the date they joined.",
            ),
            models.CheckConstraint(
                condition=~Q(state="ended") | Q(left_at__isnull=False),
                name="organisations_ended_has_left_at",
                violation_error_message="An ended membership needs the date they left.",
            ),
        ]

    def __str__(self):
        return f"{self.user} at {self.organisation}"

    @property
    def is_active(self) -> bool:
        return self.state == MembershipState.ACTIVE
