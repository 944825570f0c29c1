import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from organisations.models.organisation import Organisation
from organisations.models.workforce import WorkforceGroup

INVITATION_LIFETIME = timedelta(days=14)


def new_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def new_expiry():
    return timezone.now() + INVITATION_LIFETIME


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet accepted or withdrawn (they may still have expired)."""
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True)

    def usable(self):
        return self.open().filter(expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation to join an organisation, sent by email with a single-use link.

    ``sends_requested`` and ``sends_done`` make the email task idempotent: it
    sends only while done < requested, and records the send before sending.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    full_name = models.CharField(max_length=200, blank=True)
    job_role = models.CharField(max_length=120, blank=True)
    group = models.ForeignKey(
        WorkforceGroup, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    is_manager = models.BooleanField("manager", default=False)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=new_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    sends_requested = models.PositiveSmallIntegerField(default=1)
    sends_done = models.PositiveSmallIntegerField(default=0)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="organisations_one_open_invitation",
            ),
        ]

    def __str__(self):
        return f"Invitation for {self.email} to {self.organisation}"

    @property
    def has_expired(self) -> bool:
        return self.expires_at <= timezone.now()
