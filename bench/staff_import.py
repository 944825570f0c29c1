"""How long importing a staff file of 10,000 rows takes, and what a second
import of the same file writes (it must write nothing and send nothing).

Runs on PostgreSQL in a throwaway database (``test_`` + the name in
DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lms_bench). The
organisation already has 2,000 staff, a quarter of whom are in the file. New
invitations are queued on a Redis broker (BENCH_REDIS_URL, default DB 9) that
no worker reads; the queue is emptied afterwards. Budget (design.md): the first
import at most 5 s; the second writes nothing.

    .venv/bin/python bench/staff_import.py
"""

import os
import resource
import time

from throwaway import throwaway_database

BROKER = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")

from django.db import connection, transaction  # noqa: E402

ROWS = 10_000
EXISTING = 2_000
WRITES = ("INSERT", "UPDATE", "DELETE")


def staff_file() -> bytes:
    lines = ["Email,Full name,Job role,Workforce group,Manager"]
    for n in range(ROWS):
        group = ("Group 1", "Group 2", "Group 3")[n % 3]
        lines.append(f"person{n}@school.example,Person {n},Teacher {n % 40},{group},no")
    return ("\n".join(lines) + "\n").encode()


def seed():
    from django.contrib.auth import get_user_model

    from organisations.models import Membership, Organisation, Partnership, Sector
    from organisations.selectors import workforce_groups_of

    partnership = Partnership.objects.create(name="Bench partnership")
    organisation = Organisation.objects.create(
        partnership=partnership, name="Bench school", sector=Sector.EDUCATION
    )
    groups = workforce_groups_of(partnership)
    User = get_user_model()
    # Every other existing member appears in the file (a quarter of the file's
    # first 4,000 rows); the rest are staff the file does not mention.
    users = User.objects.bulk_create(
        User(email=f"person{n * 2}@school.example", full_name=f"Person {n * 2}")
        for n in range(EXISTING)
    )
    Membership.objects.bulk_create(
        Membership(
            user=user,
            organisation=organisation,
            job_role=f"Teacher {(n * 2) % 40}",
            group=groups[(n * 2) % 3],
        )
        for n, user in enumerate(users)
    )
    manager = User.objects.create(email="head@school.example", full_name="Head")
    return organisation, manager


def import_once(organisation, manager, content) -> float:
    from organisations.staff_import import staff_import_apply, staff_import_plan

    start = time.perf_counter()
    plan = staff_import_plan(organisation=organisation, filename="staff.csv", content=content)
    assert not plan.problems, plan.problems[:3]
    with transaction.atomic():  # on-commit queuing runs when this block ends
        staff_import_apply(organisation=organisation, plan=plan, by=manager)
    return time.perf_counter() - start


def count_writes(written):
    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith(WRITES):
            written.append(max(context["cursor"].rowcount, 0))
        return result

    return wrapper


def main():
    with throwaway_database(broker_url=BROKER):
        organisation, manager = seed()
        content = staff_file()
        first = import_once(organisation, manager, content)
        written = []
        with connection.execute_wrapper(count_writes(written)):
            second = import_once(organisation, manager, content)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"staff import: rows {ROWS}, first {first:.2f} s, second {second:.2f} s, "
            f"rows written on second {sum(written)}, peak memory {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
