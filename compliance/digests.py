"""The weekly manager digest: one per manager per ISO week (Europe/London),
naming their people who are overdue or due soon, with counts and a link, and
no other personal data. Sent once each, as the learner reminders are."""

import secrets
from collections import defaultdict
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from compliance.models import Assignment, DigestLog
from organisations.access import manager_memberships

DUE = ["overdue", "expired", "due_soon"]


def digest_rows(organisation_ids) -> dict[int, list[dict]]:
    """People overdue or due soon, per organisation, in one query."""
    found = defaultdict(list)
    rows = (
        Assignment.objects.filter(
            organisation_id__in=organisation_ids,
            in_audience=True,
            status__in=DUE,
            requirement__retired_at__isnull=True,
        )
        .order_by("organisation_id", "user__full_name", "due_on")
        .values("organisation_id", "organisation__name", "user__full_name", "user__email", "status")
    )
    for row in rows:
        found[row["organisation_id"]].append(row)
    return found


def _digest_for(manager: dict, organisations: list[int], rows) -> dict:
    people = [r for org in organisations for r in rows.get(org, [])]
    overdue = sum(1 for r in people if r["status"] in ("overdue", "expired"))
    return {
        "manager": manager,
        "people": people,
        "overdue": overdue,
        "due_soon": len(people) - overdue,
        "organisations": organisations,
    }


def digests_send(*, today: date | None = None) -> int:
    """Send this week's digest to every manager with someone overdue or due soon
    who has not had it yet; returns how many this run sent."""
    today = today or timezone.localdate()
    year, week, _ = today.isocalendar()
    managers = defaultdict(list)
    details = {}
    for row in (
        manager_memberships()
        .filter(user__is_active=True)
        .values("user_id", "organisation_id", "user__email", "user__full_name")
    ):
        managers[row["user_id"]].append(row["organisation_id"])
        details[row["user_id"]] = row
    rows = digest_rows({org for orgs in managers.values() for org in orgs})
    digests = {
        user_id: _digest_for(details[user_id], orgs, rows) for user_id, orgs in managers.items()
    }
    digests = {user_id: d for user_id, d in digests.items() if d["people"]}
    run = secrets.token_hex(16)
    with transaction.atomic():
        DigestLog.objects.bulk_create(
            [
                DigestLog(
                    manager_id=m, iso_year=year, iso_week=week, people=len(d["people"]), run=run
                )
                for m, d in digests.items()
            ],
            ignore_conflicts=True,
        )
        mine = set(
            DigestLog.objects.filter(run=run, iso_year=year, iso_week=week).values_list(
                "manager_id", flat=True
            )
        )
        for manager_id in mine:
            _send(digests[manager_id], week=week)
    return len(mine)


def _send(digest: dict, *, week: int) -> None:
    from kits.mail import mail_send_later

    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("compliance:team")
    body = render_to_string("compliance/email/digest.txt", {**digest, "link": link, "week": week})
    subject = f"Mandatory training: {digest['overdue']} overdue, {digest['due_soon']} due soon"
    mail_send_later(
        EmailMultiAlternatives(subject=subject, body=body, to=[digest["manager"]["user__email"]])
    )
