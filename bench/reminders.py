"""Learner reminders over 50,000 assignments: how many selection queries the
run makes (it must not grow with the assignments), how long the first run takes
and what a second run sends (it must send nothing).

Runs on PostgreSQL in a throwaway database (``test_`` + the name in
DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lms_bench). The emails
are queued on a Redis broker (BENCH_REDIS_URL, default DB 14) that no worker
reads; the queue is emptied afterwards. "Selection queries" counts the queries
that choose candidates (those reading the assignments table); each batch of
1,000 also makes one insert and one read-back of its sent-log rows.

    .venv/bin/python bench/reminders.py
"""

import os
import time
from datetime import timedelta

from throwaway import throwaway_database

BROKER = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

ASSIGNMENTS = 50_000
# Each fifth of the people stands somewhere else: far off, due in 10 days,
# due tomorrow, overdue, completed (who get nothing).
PLAN = [
    (200, "not_started"),
    (10, "due_soon"),
    (1, "due_soon"),
    (-3, "overdue"),
    (300, "completed"),
]


def seed():
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from compliance.models import Assignment, Requirement
    from courses.models import CoursePage
    from organisations.models import Membership, Organisation, Partnership, Sector

    partnership = Partnership.objects.create(name="Bench partnership")
    organisation = Organisation.objects.create(
        partnership=partnership, name="Bench trust", sector=Sector.HEALTH
    )
    course = Page.get_first_root_node().add_child(
        instance=CoursePage(
            title="Bench course",
            slug="bench-course",
            summary="A course.",
            audience="Everyone.",
            estimated_minutes=30,
            validity_months=12,
        )
    )
    requirement = Requirement.objects.create(partnership=partnership, course=course)
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"person{n}@trust.example", full_name=f"Person {n}") for n in range(ASSIGNMENTS)
    )
    Membership.objects.bulk_create(Membership(user=u, organisation=organisation) for u in users)
    today = timezone.localdate()
    rows = []
    for n, user in enumerate(users):
        days, status = PLAN[n % len(PLAN)]
        due = today + timedelta(days=days)
        rows.append(
            Assignment(
                user=user,
                requirement=requirement,
                organisation=organisation,
                assigned_on=today - timedelta(days=30),
                first_due_on=due,
                due_on=due,
                status=status,
                cycle=1 if status == "completed" else 0,
                completed_until=due if status == "completed" else None,
            )
        )
    Assignment.objects.bulk_create(rows, batch_size=5000)


def run_once(counter) -> tuple[int, float]:
    from compliance.reminders import reminders_send

    start = time.perf_counter()
    with connection.execute_wrapper(counter):
        sent = sum(reminders_send().values())
    return sent, time.perf_counter() - start


def selection_counter(found):
    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("SELECT") and 'FROM "compliance_assignment"' in sql:
            found.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def main():
    with throwaway_database(broker_url=BROKER):
        seed()
        first_selects, second_selects = [], []
        first, seconds = run_once(selection_counter(first_selects))
        second, _ = run_once(selection_counter(second_selects))
        assert len(first_selects) == len(second_selects)
        print(
            f"reminders: assignments {ASSIGNMENTS}, selection queries {len(first_selects)}, "
            f"first run sent {first} in {seconds:.1f} s, second run sent {second}"
        )


if __name__ == "__main__":
    main()
