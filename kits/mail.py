"""Outgoing email goes through Celery so a slow mail server never holds a request.

Each message is first an ``OutgoingEmail`` row, written in the caller's
transaction; the task takes the row's id. The send is claimed with a
conditional UPDATE (pending to sending, committed) before the message goes to
the mail server, so a retry, a redelivery after a killed worker, or a second
run of the task sends nothing: at most once (docs/decisions.md).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from kits.audit import audit_log
from kits.models import OutgoingEmail

logger = logging.getLogger(__name__)

# Sends tried before a message is given up as failed (the task's retries + 1).
MAX_ATTEMPTS = 6


def mail_send_later(message: EmailMultiAlternatives, *, key: str = "") -> OutgoingEmail:
    """Queue ``message`` for sending once the current transaction commits.

    ``key``, if given, names the message: queuing the same key again queues
    nothing. If the broker cannot take the task, the message is sent at once
    instead: an account email is never silently dropped.
    """
    fields = {
        "to": list(message.to),
        "from_email": message.from_email or "",
        "subject": message.subject,
        "body": message.body,
        "alternatives": [[content, mimetype] for content, mimetype in message.alternatives],
    }
    if key:
        email, created = OutgoingEmail.objects.get_or_create(key=key, defaults=fields)
        if not created:
            return email
    else:
        email = OutgoingEmail.objects.create(**fields)
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(email_id: int) -> None:
    from kits.tasks import send_email

    try:
        send_email.delay(email_id)
    except Exception:
        logger.exception("Could not queue email %s; sending it now", email_id)
        send_email.apply(args=(email_id,))


def outgoing_email_send(*, email_id: int) -> bool:
    """Send one queued email, at most once. False if there was nothing to send
    (already sent or being sent, given up, or gone).

    A send that raises an ``OSError`` (SMTP errors are) gives the claim back
    with its error, so the task's retry can try again, until ``MAX_ATTEMPTS``;
    then, or on any other error, the email is marked failed.
    """
    claimed = OutgoingEmail.objects.filter(pk=email_id, state=OutgoingEmail.State.PENDING).update(
        state=OutgoingEmail.State.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        _message(email).send()
    except Exception as error:
        given_up = email.attempts >= MAX_ATTEMPTS or not isinstance(error, OSError)
        OutgoingEmail.objects.filter(pk=email_id).update(
            state=OutgoingEmail.State.FAILED if given_up else OutgoingEmail.State.PENDING,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        raise
    OutgoingEmail.objects.filter(pk=email_id).update(
        state=OutgoingEmail.State.SENT, sent_at=timezone.now(), body="", alternatives=[]
    )
    return True


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body,
        from_email=email.from_email or None,
        to=email.to,
    )
    for content, mimetype in email.alternatives:
        message.attach_alternative(content, mimetype)
    return message


# --- stuck and failed emails ---------------------------------------------------


def _stuck_before(now=None):
    return (now or timezone.now()) - timedelta(seconds=settings.EMAIL_STUCK_AFTER)


def _waiting(now=None) -> Q:
    """Still waiting since before the cut-off: its task was lost."""
    return Q(state=OutgoingEmail.State.PENDING, created_at__lt=_stuck_before(now))


def _stuck(now=None) -> Q:
    """Waiting since before the cut-off, or handed over and never finished."""
    half_sent = Q(state=OutgoingEmail.State.SENDING, claimed_at__lt=_stuck_before(now))
    return _waiting(now) | half_sent


def outgoing_emails_needing_attention(now=None):
    """Failed emails and stuck ones (``EMAIL_STUCK_AFTER``), oldest first: the
    administrators' "Outgoing email" screen."""
    return OutgoingEmail.objects.filter(Q(state=OutgoingEmail.State.FAILED) | _stuck(now)).order_by(
        "created_at", "pk"
    )


def outgoing_email_sweep(now=None) -> list[int]:
    """Queue again every email still waiting after ``EMAIL_STUCK_AFTER`` (its
    task was lost, or the broker was down when it was queued). Safe to run
    twice and beside a retry: whichever task claims the email first sends it,
    the others find nothing to do. An email claimed and never finished is left
    for an administrator, since it may have reached the mail server."""
    ids = list(OutgoingEmail.objects.filter(_waiting(now)).values_list("pk", flat=True))
    for email_id in ids:
        _enqueue(email_id)
    return ids


def outgoing_email_retry(*, email: OutgoingEmail, by) -> bool:
    """An administrator sends a failed or stuck email again: it goes back to
    waiting with its attempts counted from nought, the retry is recorded in the
    audit trail, and it is queued once the change commits. False if it no
    longer needs it (sent since, or already waiting again)."""
    with transaction.atomic():
        again = OutgoingEmail.objects.filter(
            Q(pk=email.pk) & (Q(state=OutgoingEmail.State.FAILED) | _stuck())
        ).update(state=OutgoingEmail.State.PENDING, attempts=0, claimed_at=None)
        if not again:
            return False
        audit_log(
            instance=email,
            action="kits.email_retry",
            user=by,
            data={"subject": email.subject, "was": email.get_state_display()},
        )
        transaction.on_commit(lambda: _enqueue(email.pk))
    return True


def outgoing_email_prune(now=None) -> int:
    """Delete sent emails older than ``EMAIL_SENT_KEEP_DAYS``; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.EMAIL_SENT_KEEP_DAYS)
    deleted, _ = OutgoingEmail.objects.filter(
        state=OutgoingEmail.State.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
