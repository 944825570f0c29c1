"""Outgoing email goes through Celery so a slow mail server never holds a request."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction

logger = logging.getLogger(__name__)


def mail_send_later(message: EmailMultiAlternatives) -> None:
    """Queue ``message`` for sending once the current transaction commits.

    If the broker cannot take the task, the message is sent at once instead:
    an account email is never silently dropped.
    """
    from kits.tasks import send_email

    payload = {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "alternatives": [[content, mimetype] for content, mimetype in message.alternatives],
    }

    def enqueue():
        try:
            send_email.delay(payload)
        except Exception:
            logger.exception("Could not queue email; sending it now")
            send_email.apply(args=(payload,))

    transaction.on_commit(enqueue)
