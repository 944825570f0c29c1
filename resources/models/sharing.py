"""Links a school gives parents to see a lesson plan's materials without signing in."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

from organisations.models import Organisation


def new_token() -> str:
    # 256 random bits: a link cannot be guessed, only given.
    return secrets.token_urlsafe(32)


class ParentLinkQuerySet(models.QuerySet):
    def open(self):
        return self.filter(revoked_at__isnull=True)


class ParentLink(models.Model):
    """A revocable, read-only view of one plan's materials for a school's parents."""

    plan = models.ForeignKey(
        "resources.LessonPlanPage", on_delete=models.CASCADE, related_name="parent_links"
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="rse_parent_links",
        verbose_name="school",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ParentLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "plan"],
                condition=models.Q(revoked_at__isnull=True),
                name="resources_one_open_parent_link",
            ),
        ]

    def __str__(self):
        return f"Parent link for plan {self.plan_id} at school {self.organisation_id}"

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
