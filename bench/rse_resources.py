"""How the schools' resources scale: the library, the plan PDF and the CSV export.

Builds a throwaway test database, then reports query counts, times and memory
as ratios to a baseline taken in the same run (absolute times vary by machine).
Budgets: the library's queries do not grow with its plans; the export's memory
stays flat however many rows it streams.

    .venv/bin/python bench/rse_resources.py
"""

import datetime
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)


def timed(fn, repeat=7) -> float:
    """Median seconds of ``repeat`` calls after one warm-up."""
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def library(client, url):
    def get():
        assert client.get(url).status_code == 200

    with CaptureQueriesContext(connection) as queries:
        get()
    return len(queries), timed(get)


def export_memory(client, url) -> tuple[int, float, int]:
    """Peak traced memory, seconds and bytes of one streamed export."""
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get(url)
    size = sum(len(chunk) for chunk in response.streaming_content)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, elapsed, size


def main():
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run():
    from wagtail.models import Page, Site

    from lms.models import HomePage
    from organisations.contacts import LocalContacts
    from resources.loader import lesson_plans_load
    from resources.models import Delivery, LessonPlanPage, ResourceIndexPage
    from resources.pdf import lesson_plan_pdf
    from tests.resources.factories import (
        LessonPlanPageFactory,
        SchoolFactory,
        teacher_at,
    )

    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", lead="Bench."))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    index = home.add_child(instance=ResourceIndexPage(title="Lesson plans", slug="schools"))
    school = SchoolFactory()
    manager = teacher_at(school, manager=True)
    client = Client()
    client.force_login(manager)

    for _ in range(10):
        LessonPlanPageFactory(parent=index, topics=["consent", "grooming"])
    url = f"{index.url}?topic=consent"
    small_q, small_t = library(client, url)
    for _ in range(190):
        LessonPlanPageFactory(parent=index, topics=["consent", "online-safety"])
    large_q, large_t = library(client, url)
    print(
        f"library: queries {small_q} -> {large_q} (10 -> 200 plans); time x{large_t / small_t:.2f}"
    )

    lesson_plans_load()
    plan = LessonPlanPage.objects.get(slug="ks3-consent-getting-and-giving")
    one_page = LessonPlanPageFactory(
        parent=index, activities=[{"type": "notes", "value": "<p>x</p>"}]
    )
    baseline = timed(lambda: lesson_plan_pdf(plan=one_page, contacts=None))
    full = timed(
        lambda: lesson_plan_pdf(
            plan=plan, contacts=LocalContacts.of_partnership(school.partnership)
        )
    )
    print(f"pdf (5-page plan): {full * 1000:.0f} ms warm; x{full / baseline:.2f} a 1-page plan")

    export_url = f"/rse/log/schools/{school.pk}/export/"
    sizes = (2_000, 20_000, 60_000)
    results = []
    for size in sizes:
        missing = size - Delivery.objects.count()
        Delivery.objects.bulk_create(
            [
                Delivery(
                    plan=plan,
                    organisation=school,
                    teacher=manager,
                    year_group=9,
                    class_name=f"9{n}",
                    delivered_on=datetime.date(2025, 3, 3),
                    pupils=25,
                    notes="=SUM(A1)",
                )
                for n in range(missing)
            ],
            batch_size=2_000,
        )
        results.append(export_memory(client, export_url))
    for size, (peak, seconds, _) in zip(sizes, results, strict=True):
        print(f"  {size} rows: peak {peak / 1e6:.2f} MB, {seconds:.2f} s")
    _, (small_peak, small_s, _), (large_peak, large_s, large_bytes) = results
    print(
        f"csv export 20k -> 60k rows: peak memory {small_peak / 1e6:.1f} MB -> "
        f"{large_peak / 1e6:.1f} MB "
        f"(x{large_peak / small_peak:.2f} for x3 rows); {large_bytes / 1e6:.1f} MB in "
        f"{large_s:.2f} s, x{large_s / small_s:.1f} the time"
    )


if __name__ == "__main__":
    main()
