"""The data set behind ``bench/dashboard.py``, built in the current database.

- S: 10 organisations, 5,000 staff;
- L: 200 organisations (one of 5,000 staff), 100,000 staff and about
  2,000,000 enrolments over two years, with their lesson progress, quiz
  attempts and certificates.

The page tree, requirements and people who sign in are made through the ORM;
the bulk rows by ``INSERT ... SELECT`` over ``generate_series`` on the server
(no rows pass through Python). Eleven published courses of one module and two
lessons each; the two required ones end with a knowledge check. A tenth of
the staff joined in the last four months and have done little yet; the rest
completed each course once in their second year back and, four times in
five, again since. Requirements: the CSE course for everyone, and online
safety for education, early years and social care, due within 90 days of
joining, valid 12 months, renewal window 60 days; one person in 199 has an
approved exemption. The current ``compliance.Assignment`` rows are built
directly from those records by the rules of ``compliance.status`` (a recompute
over 100,000 people would take longer than the rest of the build); a sample of
people is then recomputed by compliance itself inside a rolled-back
transaction and the number of rows it would correct is reported (0 expected).
Twelve month-end ``CoverageSnapshot`` rows per organisation and requirement
feed the trend.
"""

import sys
import time
from datetime import timedelta

from dashboard_rows import (
    _rows,
    assignments,
    enrolments,
    exemptions,
    learner_records,
    people,
    snapshots,
    sql,
)
from django.db import transaction
from django.utils import timezone

PASSWORD = "bench-lead-password"
COURSES = 11
SIZES = {
    "S": {"organisations": 10, "staff": 5_000, "large": 0},
    "L": {"organisations": 200, "staff": 100_000, "large": 5_000},
}
SECTORS = ["health", "police", "education", "social_care", "voluntary", "early_years", "housing"]
REQUIRED_SECTORS = ["education", "early_years", "social_care"]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the page tree, the partnership and who signs in (ORM) -------------------


def course_tree():
    """Eleven published courses, each one module of two lessons; the first two
    (the required ones) end with a knowledge check."""
    from courses.models import LessonPage, ModulePage
    from tests.certificates.factories import course_index, course_page
    from tests.quizzes.factories import KnowledgeCheckFactory

    index = course_index()
    courses = []
    for n in range(COURSES):
        title = (
            ["Child sexual exploitation: spotting the signs", "Online safety"][n]
            if n < 2
            else (f"Safeguarding topic {n}")
        )
        course = course_page(index, title=title, slug=f"course-{n}")
        module = course.add_child(
            instance=ModulePage(title="The module", slug="module", introduction="<p>Intro.</p>")
        )
        for lesson in (1, 2):
            module.add_child(
                instance=LessonPage(
                    title=f"Lesson {lesson}",
                    slug=f"lesson-{lesson}",
                    body=[("text", "<p>What to look for.</p>")],
                )
            )
        if n < 2:
            KnowledgeCheckFactory(module=module)
        courses.append(course)
    return courses


def partnership_with_lead(size: str, organisations: int, large: int):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from django.contrib.auth import get_user_model

    from organisations.models import Organisation, Partnership, PartnershipLead, WorkforceGroup

    partnership = Partnership.objects.create(name=f"Bench partnership {size}")
    groups = [
        WorkforceGroup.objects.create(
            partnership=partnership, name=f"Group {n}", position=n, is_default=n == 1
        )
        for n in (1, 2, 3)
    ]
    orgs = Organisation.objects.bulk_create(
        Organisation(
            partnership=partnership,
            name="Large NHS trust" if large and n == 0 else f"Organisation {n:03d}",
            sector="health" if large and n == 0 else SECTORS[n % len(SECTORS)],
        )
        for n in range(organisations)
    )
    lead = get_user_model().objects.create_user(
        email=f"lead-{size.lower()}@bench.example", password=PASSWORD, full_name="Bench Lead"
    )
    EmailAddress.objects.create(user=lead, email=lead.email, verified=True, primary=True)
    Authenticator.objects.create(user=lead, type=Authenticator.Type.TOTP, data={"secret": "x"})
    PartnershipLead.objects.create(user=lead, partnership=partnership)
    return partnership, groups, orgs, lead


def requirements(partnership, courses, starts_on):
    from compliance.models import Requirement

    made = []
    for course, sectors in ((courses[0], []), (courses[1], REQUIRED_SECTORS)):
        made.append(
            Requirement.objects.create(
                partnership=partnership,
                course=course,
                sectors=sectors,
                starts_on=starts_on,
                due_within_days=90,
                validity_months=12,
                window_days=60,
                target_percent=80,
                created_at=timezone.now() - timedelta(days=730),
            )
        )
    return made


def build(size: str):
    spec = SIZES[size]
    started = time.perf_counter()
    sql("SET synchronous_commit = off")
    courses = course_tree()
    partnership, groups, orgs, lead = partnership_with_lead(
        size, spec["organisations"], spec["large"]
    )
    reqs = requirements(partnership, courses, timezone.localdate() - timedelta(days=730))
    steps = [
        ("people", lambda: people(orgs, groups, spec["staff"], spec["large"])),
        ("enrolments", lambda: enrolments(courses)),
        ("learner records", lambda: learner_records(courses, partnership)),
        ("exemptions", lambda: exemptions(reqs, lead)),
        ("assignments", lambda: assignments(reqs)),
        ("snapshots", lambda: snapshots(reqs)),
    ]
    for name, step in steps:
        step()
        say(f"  {size}: {name} built at {time.perf_counter() - started:.0f} s")
    # As autovacuum leaves a loaded table: statistics, and the visibility map
    # that lets covering indexes answer without reading the table.
    sql("VACUUM ANALYZE")
    counts = {
        table: _rows(f"SELECT count(*) FROM {table}")[0][0]
        for table in (
            "accounts_user",
            "courses_enrolment",
            "courses_lessonprogress",
            "quizzes_attempt",
            "certificates_certificate",
            "compliance_assignment",
            "reports_coveragesnapshot",
        )
    }
    mix = dict(_rows("SELECT status, count(*) FROM compliance_assignment GROUP BY 1 ORDER BY 1"))
    say(f"  {size}: built in {time.perf_counter() - started:.0f} s: {counts}")
    say(f"  {size}: statuses {mix}")
    check_statuses(size)
    large = orgs[0] if spec["large"] else None
    return partnership, lead, large


def check_statuses(size: str, sample: int = 500) -> None:
    """Recompute a sample with compliance itself, then roll back: how many of
    the built rows it would correct."""
    from compliance.recompute import assignments_recompute

    user_ids = [
        u for (u,) in _rows(f"SELECT user_id FROM bench_people WHERE i % 97 < 1 LIMIT {sample}")
    ]
    with transaction.atomic():
        corrected = assignments_recompute(user_ids=user_ids)
        transaction.set_rollback(True)
    say(f"  {size}: recompute of {len(user_ids)} people would correct {corrected} rows")
