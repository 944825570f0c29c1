"""The partnership reports at scale: the dashboard, the largest organisation's
view, the full training-record export and the evidence pack.

Builds a PostgreSQL database at two sizes, in a throwaway database each
(``test_`` + the name in DATABASE_URL, default
postgres://postgres@127.0.0.1:5432/lms_bench), dropped afterwards:

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

Measured with a lead signed in through ``django.test.Client`` (forced login,
an authenticator so the MFA middleware lets them through, and the password
confirmed for the export), each page 30 times after a warm-up: p50 and p95
of the whole request, and the queries of one request (CaptureQueriesContext).
The export is read to the end: ``first_byte`` is the time until the first
record row arrives (the header line leaves before the query runs, so it
proves nothing), ``total`` the time to the last row, and ``peak_memory`` the
peak of Python allocations while streaming (tracemalloc, in a second run so
tracing does not slow the timed one); it is measured at S too, on stderr, to
check that it does not grow with the rows. The evidence pack is
``reports.evidence.render_evidence_pack`` over the last twelve months, the
median of three after a warm-up. Progress goes to stderr; stdout has only the
result lines. Budgets (design.md): dashboard p95 < 150 ms at L with the same
queries as at S; export first byte within 500 ms, flat memory; pack <= 10 s.

    .venv/bin/python bench/dashboard.py
"""

import os
import statistics
import sys
import time
import tracemalloc
from datetime import timedelta

from throwaway import throwaway_database

BROKER = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, teardown_test_environment  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

REPEATS = 30
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


def sql(statement: str, params=None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


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


# --- the bulk rows (SQL on the server) ---------------------------------------

# A repeatable pseudo-random number in 0..999 for person i and course c.
R = "(abs(hashint8(p.i::bigint * 64 + {c})::bigint) % 1000)"


def people(orgs, groups, staff: int, large: int) -> None:
    """Users and active memberships; ``bench_people`` maps each person's
    number to their user, organisation, group and joining time."""
    sql("DROP TABLE IF EXISTS bench_orgs, bench_people")
    sql("CREATE TEMP TABLE bench_orgs (n int PRIMARY KEY, id int)")
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO bench_orgs VALUES (%s, %s)", [(n, o.pk) for n, o in enumerate(orgs)]
        )
    others = len(orgs) - (1 if large else 0)
    sql(
        f"""
        CREATE TEMP TABLE bench_people AS
        SELECT i, nextval('accounts_user_id_seq') AS user_id,
            (SELECT id FROM bench_orgs WHERE n = CASE WHEN i < {large} THEN 0
                ELSE {1 if large else 0} + (i - {large}) % {others} END) AS org_id,
            (ARRAY[{",".join(str(g.pk) for g in groups)}])[1 + i % 3] AS group_id,
            CASE WHEN i % 10 = 0 THEN now() - (abs(hashint8(i)::bigint) % 120) * interval '1 day'
                ELSE now() - (800 + abs(hashint8(i)::bigint) % 1000) * interval '1 day'
                END AS joined_at
        FROM generate_series(0, {staff - 1}) AS i
        """
    )
    sql("CREATE INDEX ON bench_people (user_id)")
    sql(
        """
        INSERT INTO accounts_user (id, password, is_superuser, email, full_name, job_role,
            is_staff, is_active, date_joined)
        SELECT user_id, '!', false, 'person' || i || '@staff.bench.example', 'Person ' || i,
            'Practitioner', false, true, joined_at FROM bench_people
        """
    )
    sql(
        """
        INSERT INTO organisations_membership (user_id, organisation_id, state, source, group_id,
            job_role, is_manager, created_at, joined_at, left_reason)
        SELECT user_id, org_id, 'active', 'admin', group_id, 'Practitioner', false, joined_at,
            joined_at, '' FROM bench_people
        """
    )
    # Declared headcounts a little above the members, as organisations report them.
    sql(
        """
        UPDATE organisations_organisation o SET headcount = m.n * 105 / 100
        FROM (SELECT org_id, count(*) AS n FROM bench_people GROUP BY org_id) m
        WHERE o.id = m.org_id
        """
    )


def enrolments(courses) -> None:
    """Long-standing staff: each course done once in their second year back
    and, four times in five, again since (else still open). New joiners: half
    have started each course, a fifth of those have finished."""
    course_ids = ",".join(str(c.pk) for c in courses)
    r = R.format(c="c.n")
    sql(
        f"""
        INSERT INTO courses_enrolment (user_id, course_id, started_at, completed_at)
        SELECT p.user_id, c.id, s.started_at, s.completed_at
        FROM bench_people p
        CROSS JOIN unnest(ARRAY[{course_ids}]) WITH ORDINALITY AS c(id, n)
        CROSS JOIN LATERAL (
            SELECT now() - (400 + {r} % 330) * interval '1 day' AS first_start
        ) f
        CROSS JOIN LATERAL (
            SELECT f.first_start AS started_at,
                f.first_start + ({r} % 5) * interval '1 day' + interval '1 hour' AS completed_at
            WHERE p.i % 10 <> 0
            UNION ALL
            SELECT f.first_start + (300 + ({r} * 7) % 100) * interval '1 day',
                CASE WHEN {r} % 10 < 8 THEN least(now(), f.first_start
                    + (300 + ({r} * 7) % 100 + {r} % 3) * interval '1 day' + interval '2 hours')
                END
            WHERE p.i % 10 <> 0
            UNION ALL
            SELECT greatest(p.joined_at, now() - ({r} % 30) * interval '1 day'),
                CASE WHEN {r} >= 800 THEN least(now(), greatest(p.joined_at,
                    now() - ({r} % 30) * interval '1 day') + interval '1 hour') END
            WHERE p.i % 10 = 0 AND {r} >= 500
        ) s
        """
    )


def learner_records(courses, partnership) -> None:
    """Lesson progress, quiz attempts and certificates that go with the
    enrolments: both lessons of a finished course, the first of half the open
    ones; a passed attempt (after a failed one, one time in seven) at each
    finished required course; a certificate for each completion, one in 997
    revoked."""
    from courses.models import LessonPage
    from quizzes.models import KnowledgeCheck

    lessons = {
        c.pk: list(LessonPage.objects.child_of(c.get_children().first()).order_by("path"))
        for c in courses
    }
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_lessons")
        cursor.execute("CREATE TEMP TABLE bench_lessons (course_id int, n int, id int, title text)")
        cursor.executemany(
            "INSERT INTO bench_lessons VALUES (%s, %s, %s, %s)",
            [(c, n, les.pk, les.title) for c, ls in lessons.items() for n, les in enumerate(ls)],
        )
    sql(
        """
        INSERT INTO courses_lessonprogress (enrolment_id, lesson_id, lesson_title, completed_at)
        SELECT e.id, l.id, l.title, coalesce(e.completed_at, e.started_at + interval '5 minutes')
        FROM courses_enrolment e JOIN bench_lessons l ON l.course_id = e.course_id
        WHERE e.completed_at IS NOT NULL OR (l.n = 0 AND e.id % 2 = 0)
        """
    )
    for check in KnowledgeCheck.objects.all():
        course_id = check.module.get_parent().pk
        sql(
            """
            INSERT INTO quizzes_attempt (enrolment_id, quiz_id, started_at, submitted_at, layout,
                pass_mark, score, out_of, passed)
            SELECT e.id, %(quiz)s, e.completed_at - interval '20 minutes',
                e.completed_at - interval '10 minutes', '[]'::jsonb, 80, 3, 4, false
            FROM courses_enrolment e
            WHERE e.course_id = %(course)s AND e.completed_at IS NOT NULL AND e.id %% 7 = 0
            UNION ALL
            SELECT e.id, %(quiz)s, e.completed_at - interval '5 minutes', e.completed_at, '[]',
                80, 4, 4, true
            FROM courses_enrolment e
            WHERE e.course_id = %(course)s AND e.completed_at IS NOT NULL
            """,
            {"quiz": check.pk, "course": course_id},
        )
    sql(
        """
        INSERT INTO certificates_certificate (enrolment_id, code, state, holder_name,
            course_title, partnership_id, completed_at, expires_at, created_at, issued_at,
            emailed_at, pdf, attempts, last_error, requeued_count, revoked_at,
            revocation_reason)
        SELECT e.id, upper(substr(md5('bench' || e.id), 1, 26)), 'issued', u.full_name,
            pg.title, %s, e.completed_at, e.completed_at + interval '12 months',
            e.completed_at, e.completed_at + interval '1 minute',
            e.completed_at + interval '2 minutes', '', 1, '', 0,
            CASE WHEN e.id %% 997 = 0 THEN e.completed_at + interval '3 days' END,
            CASE WHEN e.id %% 997 = 0 THEN 'Issued in error' ELSE '' END
        FROM courses_enrolment e JOIN accounts_user u ON u.id = e.user_id
        JOIN wagtailcore_page pg ON pg.id = e.course_id
        WHERE e.completed_at IS NOT NULL
        """,
        [partnership.pk],
    )


def exemptions(reqs, approver) -> None:
    from compliance.models import ExternalRecord, RecordKind, RecordState

    ids = [u for (u,) in _rows("SELECT user_id FROM bench_people WHERE i % 199 = 5")]
    ExternalRecord.objects.bulk_create(
        ExternalRecord(
            user_id=user_id,
            requirement=reqs[0],
            kind=RecordKind.EXEMPTION,
            state=RecordState.APPROVED,
            reason="Long-term leave",
            token=f"bench{user_id}",
            submitted_by_id=user_id,
            decided_by=approver,
            decided_at=timezone.now(),
        )
        for user_id in ids
    )


def _rows(statement: str, params=None) -> list:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall()


def assignments(reqs) -> None:
    """One current row per (person, requirement) in its audience, derived from
    the enrolments (a revoked certificate proves nothing), by the rules of
    ``compliance.status`` and ``compliance.renewals``. At most two completions
    per person and course, so the renewal chain is written out."""
    today = timezone.localdate()
    for req in reqs:
        sector_filter = "AND o.sector = ANY(%(sectors)s)" if req.sectors else ""
        sql(
            f"""
            INSERT INTO compliance_assignment (user_id, requirement_id, organisation_id,
                in_audience, assigned_on, first_due_on, due_on, cycle, status, completed_until,
                completed_elsewhere, updated_at)
            WITH done AS (
                SELECT e.user_id,
                    array_agg((e.completed_at AT TIME ZONE 'Europe/London')::date
                        ORDER BY e.completed_at, e.id)
                        FILTER (WHERE e.completed_at IS NOT NULL AND c.revoked_at IS NULL) AS dates,
                    bool_or(e.completed_at IS NULL) AS has_open
                FROM courses_enrolment e
                LEFT JOIN certificates_certificate c ON c.enrolment_id = e.id
                WHERE e.course_id = %(course)s GROUP BY e.user_id
            ), base AS (
                SELECT p.user_id, p.org_id,
                    greatest((p.joined_at AT TIME ZONE 'Europe/London')::date, %(starts)s::date)
                        AS assigned_on,
                    greatest((p.joined_at AT TIME ZONE 'Europe/London')::date, %(starts)s::date)
                        + %(days)s AS first_due,
                    d.dates[1] AS c1, d.dates[2] AS c2, coalesce(d.has_open, false) AS has_open,
                    x.id IS NOT NULL AS exempt
                FROM bench_people p JOIN organisations_organisation o ON o.id = p.org_id
                LEFT JOIN done d ON d.user_id = p.user_id
                LEFT JOIN compliance_externalrecord x ON x.user_id = p.user_id
                    AND x.requirement_id = %(req)s AND x.state = 'approved'
                WHERE true {sector_filter}
            ), chain AS (
                SELECT *, (c1 + interval '12 months')::date AS u1 FROM base
            ), valid AS (
                SELECT *, (c1 IS NOT NULL)::int + (c2 IS NOT NULL)::int AS cycles,
                    CASE WHEN c2 IS NULL THEN u1
                        WHEN c2 BETWEEN u1 - %(window)s AND u1
                            THEN (u1 + interval '12 months')::date
                        ELSE (c2 + interval '12 months')::date END AS until
                FROM chain
            )
            SELECT user_id, %(req)s, org_id, true, assigned_on, first_due,
                CASE WHEN exempt OR until IS NULL THEN first_due ELSE until END,
                cycles,
                CASE WHEN exempt THEN 'exempt'
                    WHEN until >= %(today)s AND until - %(window)s <= %(today)s THEN 'due_soon'
                    WHEN until >= %(today)s THEN 'completed'
                    WHEN until IS NOT NULL THEN 'expired'
                    WHEN first_due < %(today)s THEN 'overdue'
                    WHEN first_due - %(today)s <= 30 THEN 'due_soon'
                    WHEN has_open THEN 'in_progress'
                    ELSE 'not_started' END,
                CASE WHEN exempt THEN NULL ELSE until END,
                false, now()
            FROM valid
            """,
            {
                "course": req.course_id,
                "starts": req.starts_on,
                "days": req.due_within_days,
                "req": req.pk,
                "sectors": req.sectors,
                "window": req.window_days,
                "today": today,
            },
        )


def snapshots(reqs) -> None:
    """Month-end figures for the last twelve months: today's, with fewer
    completions the further back they go."""
    from reports.selectors.coverage import month_ends

    ends = month_ends(timezone.localdate())
    for n, as_at in enumerate(ends):
        share = 60 + 40 * (n + 1) // len(ends)  # per cent of today's completions
        sql(
            """
            INSERT INTO reports_coveragesnapshot (as_at, organisation_id, requirement_id, kind,
                sector, headcount, members, assigned, completed, due_soon, overdue, exempt,
                denominator, taken_at)
            SELECT %(as_at)s, o.id, a.requirement_id, 'month_end', o.sector, o.headcount,
                a.assigned, a.assigned, a.completed * %(share)s / 100, a.due_soon,
                a.overdue + a.completed - a.completed * %(share)s / 100, a.exempt,
                greatest(o.headcount, a.assigned), %(as_at)s::date + interval '1 day'
            FROM (
                SELECT requirement_id, organisation_id, count(*) AS assigned,
                    count(*) FILTER (WHERE status = 'completed'
                        OR (status = 'due_soon' AND cycle > 0)) AS completed,
                    count(*) FILTER (WHERE status = 'due_soon' AND cycle = 0) AS due_soon,
                    count(*) FILTER (WHERE status IN ('overdue', 'expired')) AS overdue,
                    count(*) FILTER (WHERE status = 'exempt') AS exempt
                FROM compliance_assignment WHERE requirement_id = ANY(%(reqs)s)
                GROUP BY 1, 2
            ) a JOIN organisations_organisation o ON o.id = a.organisation_id
            """,
            {"as_at": as_at, "share": share, "reqs": [r.pk for r in reqs]},
        )


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


# --- measuring ---------------------------------------------------------------


def signed_in(lead) -> Client:
    client = Client()
    client.force_login(lead)
    response = client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    return client


def timed_page(client, url: str) -> tuple[float, float, int]:
    """(p50 ms, p95 ms, queries of one request) over REPEATS after a warm-up."""
    for _ in range(3):
        assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    # Counted now: the capture reads the connection's log, which each later
    # request empties.
    queries = len(captured)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    cuts = statistics.quantiles(times, n=20, method="inclusive")
    return statistics.median(times), cuts[18], queries


def export_run(client, url: str, *, trace: bool) -> tuple[int, float, float, float]:
    """(rows, ms to the first record row, s to the end, peak MB traced)."""
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    first = None
    lines = 0
    for chunk in response.streaming_content:
        lines += chunk.count(b"\n")
        if first is None and lines > 1:
            first = (time.perf_counter() - start) * 1000
    total = time.perf_counter() - start
    response.close()
    peak = 0.0
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
        tracemalloc.stop()
    return lines - 1, first or 0.0, total, peak


def measure_export(client, partnership, size: str):
    url = reverse("reports:records_export", args=[partnership.pk])
    rows, first, total, _ = export_run(client, url, trace=False)
    _, _, _, peak = export_run(client, url, trace=True)
    say(
        f"  {size}: export rows={rows} first_byte={first:.0f}ms total={total:.1f}s "
        f"peak={peak:.1f}MB"
    )
    return rows, first, total, peak


def measure_pack(partnership) -> float:
    from reports.evidence import render_evidence_pack

    end = timezone.localdate()
    start = end.replace(year=end.year - 1) + timedelta(days=1)
    render_evidence_pack(partnership, start, end)
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        pdf = render_evidence_pack(partnership, start, end)
        runs.append(time.perf_counter() - began)
    assert pdf.startswith(b"%PDF")
    return statistics.median(runs)


def organisation_url(organisation) -> str | None:
    try:
        return reverse("reports:organisation", args=[organisation.pk])
    except NoReverseMatch:
        return None


class Results(list):
    """The result lines, echoed to stderr as they come; printed at the end."""

    def append(self, line: str) -> None:
        say(f"  -> {line}")
        super().append(line)


def main():
    results = Results()
    with throwaway_database(broker_url=BROKER):
        partnership, lead, _ = build("S")
        client = signed_in(lead)
        p50, p95, queries = timed_page(client, reverse("reports:dashboard", args=[partnership.pk]))
        results.append(f"dashboard S: p50={p50:.0f}ms p95={p95:.0f}ms queries={queries}")
        measure_export(client, partnership, "S")
    teardown_test_environment()  # the second database sets it up again
    with throwaway_database(broker_url=BROKER):
        partnership, lead, large = build("L")
        client = signed_in(lead)
        p50, p95, queries = timed_page(client, reverse("reports:dashboard", args=[partnership.pk]))
        results.append(f"dashboard L: p50={p50:.0f}ms p95={p95:.0f}ms queries={queries}")
        url = organisation_url(large)
        if url:
            p50, p95, queries = timed_page(client, url)
            results.append(f"organisation L: p50={p50:.0f}ms p95={p95:.0f}ms queries={queries}")
        else:
            say("  L: no organisation view to measure (reports:organisation is not there)")
        client = signed_in(lead)  # a fresh confirmation for the export
        rows, first, total, peak = measure_export(client, partnership, "L")
        results.append(
            f"export L: rows={rows} first_byte={first:.0f}ms total={total:.1f}s "
            f"peak_memory={peak:.1f}MB"
        )
        try:
            import reports.evidence as evidence
        except ImportError:
            evidence = None
        if evidence is not None and hasattr(evidence, "render_evidence_pack"):
            results.append(f"evidence pack L: {measure_pack(partnership):.1f}s")
        else:
            say("  L: no evidence pack to measure")
    print("\n".join(results))


if __name__ == "__main__":
    main()
