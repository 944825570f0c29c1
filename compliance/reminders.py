"""Learner reminders, chosen by set-based queries (one per kind, whatever the
number of assignments) and sent at most once each. The kinds are chosen in
order, so the 14-day reminder sees the assignment emails of the same run.

For each batch, the sent-log rows are inserted first, in their own
transaction, under the unique (assignment, cycle, kind) constraint; a row that
already exists is skipped. The run then sends only the rows it wrote itself
(marked with its run id), by a task enqueued once that transaction commits.
So a rerun, a retry, or two beat processes at once never send twice.
"""

import secrets
from datetime import date, timedelta
from itertools import islice

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Count, Exists, IntegerField, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from compliance.models import Assignment, ReminderKind, ReminderLog
from kits.mail import mail_send_later

BATCH = 1000
# Weekly overdue reminders stop after this many.
OVERDUE_CAP = 4
PENDING = ["not_started", "in_progress", "due_soon", "overdue", "expired"]
FIELDS = ["id", "cycle", "due_on", "user__email", "user__full_name", "requirement__course__title"]


def _reachable():
    """Assignments anyone may be reminded about: in the audience, requirement in
    force, account active. Never the exempt or the completed."""
    return Assignment.objects.filter(
        in_audience=True, requirement__retired_at__isnull=True, user__is_active=True
    )


def _not_sent(kind: str):
    return ~Exists(
        ReminderLog.objects.filter(assignment=OuterRef("pk"), cycle=OuterRef("cycle"), kind=kind)
    )


# The 14-day reminder waits at least this long after the assignment email,
# which already gives the due date (a requirement due within a fortnight of
# being assigned would otherwise send both on the same morning).
QUIET_AFTER_ASSIGNED = timedelta(days=7)


def _assigned_lately():
    since = timezone.now() - QUIET_AFTER_ASSIGNED
    return Exists(
        ReminderLog.objects.filter(
            assignment=OuterRef("pk"),
            cycle=OuterRef("cycle"),
            kind=ReminderKind.ASSIGNED,
            sent_at__gt=since,
        )
    )


def _overdue(base):
    """Overdue or expired, with fewer than the cap of weekly reminders, the last
    at least a week ago; ``sent`` says how many so far."""
    overdue_logs = (
        ReminderLog.objects.filter(
            assignment=OuterRef("pk"), cycle=OuterRef("cycle"), kind__startswith="overdue"
        )
        .order_by()
        .values("assignment")
    )
    week_ago = timezone.now() - timedelta(days=7) + timedelta(hours=1)
    return (
        base.filter(status__in=["overdue", "expired"])
        .annotate(
            sent=Coalesce(
                Subquery(overdue_logs.annotate(n=Count("pk")).values("n")[:1]),
                0,
                output_field=IntegerField(),
            ),
            last=Subquery(overdue_logs.annotate(at=Max("sent_at")).values("at")[:1]),
        )
        .filter(sent__lt=OVERDUE_CAP)
        .filter(Q(last__isnull=True) | Q(last__lte=week_ago))
    )


def selections(today: date) -> list[tuple[str, object]]:
    """(kind, queryset of rows) for every learner reminder due on ``today``."""
    base = _reachable()
    overdue = _overdue(base)
    soon = ["not_started", "in_progress", "due_soon"]
    return [
        (
            ReminderKind.ASSIGNED,
            base.filter(cycle=0, status__in=PENDING).filter(_not_sent("assigned")),
        ),
        (
            ReminderKind.DUE_14,
            base.filter(status__in=soon, due_on__gt=today + timedelta(days=1))
            .filter(due_on__lte=today + timedelta(days=14))
            .filter(_not_sent("due-14"))
            .filter(~_assigned_lately()),
        ),
        (
            ReminderKind.DUE_1,
            base.filter(
                status__in=soon, due_on__gte=today, due_on__lte=today + timedelta(days=1)
            ).filter(_not_sent("due-1")),
        ),
        (ReminderKind.OVERDUE, overdue),
        (
            ReminderKind.WINDOW,
            base.filter(status="due_soon", cycle__gte=1).filter(_not_sent("window")),
        ),
    ]


def _kind_of(kind: str, row: dict) -> str:
    return f"overdue-{row['sent'] + 1}" if kind == ReminderKind.OVERDUE else str(kind)


SUBJECTS = {
    "assigned": "You need to complete {course} by {due}",
    "due-14": "Reminder: complete {course} by {due}",
    "due-1": "Due tomorrow: {course}",
    "overdue": "Overdue: {course} was due on {due}",
    "window": "Time to renew {course}: renew by {due} and lose no time",
}


def _message(kind: str, row: dict, subject: str) -> EmailMultiAlternatives:
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("my_learning")
    body = render_to_string(
        "compliance/email/reminder.txt",
        {
            "kind": "overdue" if kind.startswith("overdue") else kind,
            "row": row,
            "link": link,
            "due": row["due_on"],
        },
    )
    return EmailMultiAlternatives(subject=subject, body=body, to=[row["user__email"]])


def _subject(kind: str, row: dict) -> str:
    template = SUBJECTS["overdue" if kind.startswith("overdue") else kind]
    course = row["requirement__course__title"]
    return template.format(course=course, due=f"{row['due_on']:%-d %B %Y}")[:200]


def _rows(queryset, fields):
    rows = queryset.order_by("pk").values(*fields)
    if connection.vendor == "postgresql":
        return rows.iterator(chunk_size=BATCH)  # one server-side cursor
    return iter(list(rows))


def _send_batch(kind: str, batch: list[dict], run: str) -> int:
    kinds = {row["id"]: _kind_of(kind, row) for row in batch}
    with transaction.atomic():
        ReminderLog.objects.bulk_create(
            [
                ReminderLog(
                    assignment_id=row["id"],
                    cycle=row["cycle"],
                    kind=kinds[row["id"]],
                    subject=_subject(kinds[row["id"]], row),
                    run=run,
                )
                for row in batch
            ],
            ignore_conflicts=True,
        )
        mine = set(
            ReminderLog.objects.filter(run=run, assignment_id__in=list(kinds)).values_list(
                "assignment_id", "kind"
            )
        )
        sent = 0
        for row in batch:
            if (row["id"], kinds[row["id"]]) in mine:
                subject = _subject(kinds[row["id"]], row)
                mail_send_later(_message(kinds[row["id"]], row, subject))
                sent += 1
    return sent


def reminders_send(*, today: date | None = None) -> dict[str, int]:
    """Send every learner reminder due today (Europe/London); returns how many
    of each kind this run sent."""
    today = today or timezone.localdate()
    run = secrets.token_hex(16)
    counts = {}
    for kind, queryset in selections(today):
        fields = FIELDS + (["sent"] if kind == ReminderKind.OVERDUE else [])
        rows, counts[str(kind)] = _rows(queryset, fields), 0
        while batch := list(islice(rows, BATCH)):
            counts[str(kind)] += _send_batch(kind, batch, run)
    return counts
