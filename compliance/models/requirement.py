from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class RequirementQuerySet(models.QuerySet):
    def current(self):
        """Requirements still in force: retired ones send nothing and change nothing."""
        return self.filter(retired_at__isnull=True)


class Requirement(models.Model):
    """A course that an audience in a partnership must complete, by when, and how
    often again. No sectors, organisations or groups chosen means everyone."""

    partnership = models.ForeignKey(
        "organisations.Partnership", on_delete=models.PROTECT, related_name="requirements"
    )
    # Set when an organisation's manager made it: it then covers that
    # organisation's staff only.
    owner_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="own_requirements",
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="requirements"
    )
    renewal_course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal_requirements",
        help_text="A shorter course that renews a completion. Blank: the same course.",
    )
    sectors = models.JSONField(default=list, blank=True)
    organisations = models.ManyToManyField(
        "organisations.Organisation", blank=True, related_name="requirements"
    )
    groups = models.ManyToManyField(
        "organisations.WorkforceGroup", blank=True, related_name="requirements"
    )
    starts_on = models.DateField(default=timezone.localdate)
    due_within_days = models.PositiveSmallIntegerField(
        default=90,
        validators=[MaxValueValidator(3650)],
        help_text="Days from joining the audience to the due date.",
    )
    due_by = models.DateField(
        null=True,
        blank=True,
        help_text="For everyone already in the audience when the requirement starts.",
    )
    validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text="Months a completion lasts. Blank: the course's own validity.",
    )
    window_days = models.PositiveSmallIntegerField(
        "renewal window (days)",
        default=60,
        validators=[MaxValueValidator(365)],
        help_text="How long before expiry a renewal may be taken without losing time.",
    )
    target_percent = models.PositiveSmallIntegerField(
        "coverage target (%)",
        default=80,
        validators=[MaxValueValidator(100)],
        help_text="Reports mark organisations and sectors whose coverage is below this.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = RequirementQuerySet.as_manager()

    panels = [
        FieldPanel("partnership"),
        FieldPanel("owner_organisation"),
        FieldPanel("course"),
        FieldPanel("renewal_course"),
        MultiFieldPanel([FieldPanel("organisations"), FieldPanel("groups")], heading="Audience"),
        FieldPanel("starts_on"),
        FieldPanel("due_within_days"),
        FieldPanel("due_by"),
        FieldPanel("validity_months"),
        FieldPanel("window_days"),
        FieldPanel("target_percent"),
    ]

    class Meta:
        ordering = ["partnership", "course__title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_by__isnull=True) | Q(due_by__gte=models.F("starts_on")),
                name="compliance_due_by_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.course.title} ({self.partnership})"

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    def months_valid(self) -> int | None:
        """The requirement's own period, else the course's validity."""
        return self.validity_months or self.course.validity_months

    def covers(self, *, organisation, group_id) -> bool:
        """Whether a member of ``organisation`` in group ``group_id`` is in the
        audience. Needs ``organisations`` and ``groups`` prefetched."""
        if organisation.partnership_id != self.partnership_id:
            return False
        if self.owner_organisation_id and organisation.pk != self.owner_organisation_id:
            return False
        if self.sectors and organisation.sector not in self.sectors:
            return False
        org_ids = {o.pk for o in self.organisations.all()}
        if org_ids and organisation.pk not in org_ids:
            return False
        group_ids = {g.pk for g in self.groups.all()}
        return not group_ids or group_id in group_ids
