from celery import shared_task
from django.core.mail import EmailMultiAlternatives

from kits.mail import (
    MAX_ATTEMPTS,
    outgoing_email_prune,
    outgoing_email_send,
    outgoing_email_sweep,
)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=MAX_ATTEMPTS - 1)
def send_email(email_id: int) -> bool:
    """Send one queued ``OutgoingEmail`` by its id; safe to run twice."""
    if isinstance(email_id, dict):
        return _send_payload(email_id)
    return outgoing_email_send(email_id=email_id)


@shared_task
def sweep_outgoing_email() -> int:
    """Queue again the emails left waiting; returns how many."""
    return len(outgoing_email_sweep())


@shared_task
def prune_sent_email() -> int:
    """Delete old sent emails; returns how many."""
    return outgoing_email_prune()


def _send_payload(payload: dict) -> bool:
    # Tasks queued before the outgoing email log carried the message itself.
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
    )
    for content, mimetype in payload.get("alternatives", []):
        message.attach_alternative(content, mimetype)
    message.send()
    return True
