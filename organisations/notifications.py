"""Emails about memberships: requests to managers, decisions to requesters.

Rendered in the request and sent through Celery after the transaction commits.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from kits.mail import mail_send_later
from organisations.access import manager_memberships
from organisations.models import Membership, Organisation, PartnershipLead


def managers_to_notify(organisation: Organisation) -> list[str]:
    """Addresses for news about an organisation: its managers, else its leads."""
    emails = list(
        manager_memberships()
        .filter(organisation=organisation)
        .values_list("user__email", flat=True)
    )
    if not emails:
        emails = list(
            PartnershipLead.objects.filter(partnership_id=organisation.partnership_id).values_list(
                "user__email", flat=True
            )
        )
    return emails


def site_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template: str, context: dict, to: list[str]) -> None:
    if not to:
        return
    context = {"service_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"organisations/email/{template}_subject.txt", context)
    body = render_to_string(f"organisations/email/{template}_message.txt", context)
    mail_send_later(
        EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=to,
        )
    )


def notify_managers_of_request(membership: Membership) -> None:
    """Tell the organisation's managers that someone asks to join."""
    organisation = membership.organisation
    _send(
        "join_request",
        {
            "membership": membership,
            "organisation": organisation,
            "url": site_url(reverse("organisations:requests", args=[organisation.pk])),
        },
        managers_to_notify(organisation),
    )


def notify_requester(membership: Membership, *, approved: bool) -> None:
    """Tell the person who asked to join what the managers decided."""
    _send(
        "join_approved" if approved else "join_declined",
        {"membership": membership, "organisation": membership.organisation},
        [membership.user.email],
    )
