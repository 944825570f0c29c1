"""The outgoing email log: one row per message, written in the transaction
that decides to send it, so the worker that sends it can tell whether it
already has (kits/mail.py)."""

import uuid

from django.db import models
from django.utils import timezone


def new_key() -> str:
    return uuid.uuid4().hex


class OutgoingEmail(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENDING = "sending", "Handed to the mail server"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    # Unique: a caller with a natural key (a reminder, a digest) cannot queue
    # the same message twice.
    key = models.CharField(max_length=200, unique=True, default=new_key)
    to = models.JSONField(default=list)
    from_email = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=998)
    # Emptied once sent: account emails carry sign-in and reset links.
    body = models.TextField(blank=True)
    alternatives = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "created_at"])]
        permissions = [("retry_outgoingemail", "Can send a failed or stuck email again")]

    def __str__(self):
        return f"{self.subject} to {self.recipients} ({self.state})"

    @property
    def recipients(self) -> str:
        return ", ".join(self.to)
