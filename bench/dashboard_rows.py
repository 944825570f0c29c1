"""The bulk rows of the dashboard benchmark's data set, made on the server by
``INSERT ... SELECT`` over ``generate_series``: no row passes through Python.
``bench/dashboard_data.py`` describes the data set and builds it in order."""

from django.db import connection
from django.utils import timezone


def sql(statement: str, params=None) -> int:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


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
