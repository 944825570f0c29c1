"""The delivery log: each RSE lesson a teacher has taught, the school's evidence
of reach."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from organisations.models import Organisation
from resources.models.taxonomy import YEAR_GROUP_CHOICES, key_stage_years

MAX_PUPILS = 500
PUPILS_MESSAGE = f"The number of pupils must be between 1 and {MAX_PUPILS}"


def validate_not_in_future(value):
    if value > timezone.localdate():
        raise ValidationError("The date you taught the lesson must be today or in the past")


class Delivery(models.Model):
    """One lesson from a plan, taught by a teacher to one class at a school."""

    plan = models.ForeignKey(
        "resources.LessonPlanPage", on_delete=models.PROTECT, related_name="deliveries"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="rse_deliveries", verbose_name="school"
    )
    # The school keeps its evidence when a teacher's account is deleted.
    teacher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="rse_deliveries",
    )
    year_group = models.PositiveSmallIntegerField(choices=YEAR_GROUP_CHOICES)
    class_name = models.CharField("class", max_length=40, blank=True)
    delivered_on = models.DateField("date taught", validators=[validate_not_in_future])
    pupils = models.PositiveSmallIntegerField(
        "number of pupils",
        validators=[
            MinValueValidator(1, PUPILS_MESSAGE),
            MaxValueValidator(MAX_PUPILS, PUPILS_MESSAGE),
        ],
    )
    notes = models.TextField(blank=True, max_length=2000)
    # One per rendered form: submitting the same form twice logs one lesson.
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-delivered_on", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pupils__gte=1, pupils__lte=MAX_PUPILS),
                name="resources_delivery_pupils_1_to_500",
                violation_error_message=PUPILS_MESSAGE,
            ),
            models.CheckConstraint(
                condition=models.Q(year_group__gte=1, year_group__lte=13),
                name="resources_delivery_year_group",
            ),
        ]
        indexes = [
            models.Index(fields=["organisation", "delivered_on"]),
            models.Index(fields=["teacher", "plan", "delivered_on"]),
        ]

    def __str__(self):
        return f"{self.plan_id} at {self.organisation_id} on {self.delivered_on}"

    def clean(self):
        super().clean()
        if self.plan_id is None or self.year_group is None:
            return
        years = key_stage_years(self.plan.key_stage)
        if self.year_group not in years:
            raise ValidationError(
                {
                    "year_group": (
                        f"This plan is for {self.plan.get_key_stage_display()}: "
                        f"choose a year group from {years[0]} to {years[-1]}"
                    )
                }
            )

    @property
    def class_label(self) -> str:
        return f"Year {self.year_group}" + (f", {self.class_name}" if self.class_name else "")
