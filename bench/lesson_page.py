"""How a lesson page's cost grows with its length.

Builds a lesson of 5 blocks and one of 50 in a throwaway SQLite database (or the
database named by --database-url), requests each as a signed-in learner, and
prints the queries per request and the median render time of each, with the
50-block page as a ratio of the 5-block one. Budget (design.md): the same number
of queries for both, at most 12; time grows with the text, not with queries.

    .venv/bin/python bench/lesson_page.py [-n 50] [--database-url postgres://...]
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

ARGS = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ARGS.add_argument("-n", type=int, default=50, help="requests per lesson (default 50)")
ARGS.add_argument("--database-url", help="use this database instead of a throwaway one")
options = ARGS.parse_args()
scratch = tempfile.TemporaryDirectory(prefix="lesson-bench-")
os.environ["DATABASE_URL"] = options.database_url or f"sqlite:///{scratch.name}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage  # noqa: E402
from courses.services import enrolment_start  # noqa: E402
from lms.models import HomePage  # noqa: E402
from tests.accounts.factories import UserFactory  # noqa: E402
from tests.organisations.factories import MembershipFactory  # noqa: E402

PATTERN = [
    ("heading", {"text": "A section", "level": "h2"}),
    ("text", RichText("<p>" + "Prose with <b>bold</b> and a link. " * 12 + "</p>")),
    ("callout", {"style": "key-fact", "heading": "A fact", "text": RichText("<p>Fact</p>")}),
    (
        "case_study",
        {
            "title": "A case",
            "scenario": RichText("<p>Scenario</p>"),
            "prompts": ["What do you notice?", "What do you do next?"],
            "good_response": RichText("<p>Listen, record, refer.</p>"),
        },
    ),
    ("signposting", {"heading": "Who to contact", "intro": "Use these."}),
]


def build_site():
    Page.objects.filter(depth=2).delete()
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Home", slug="home", lead="Training.")
    )
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    index = home.add_child(instance=CourseIndexPage(title="Training", slug="training"))
    course = index.add_child(
        instance=CoursePage(
            title="Course", slug="course", summary="S", audience="A", estimated_minutes=60
        )
    )
    module = course.add_child(
        instance=ModulePage(title="Module", slug="module", introduction="<p>I</p>")
    )
    lessons = {}
    for blocks in (5, 50):
        body = [PATTERN[i % len(PATTERN)] for i in range(blocks)]
        lessons[blocks] = module.add_child(
            instance=LessonPage(title=f"{blocks} blocks", slug=f"lesson-{blocks}", body=body)
        )
    return course, lessons


def measure(client, url, n):
    client.get(url)  # warm the per-process caches
    connection.queries_log.clear()  # a full log (it keeps 9,000) would count nothing
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    count = len(queries)  # now: later requests clear the log it reads from
    times = []
    for _ in range(n):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return count, statistics.median(times) * 1000


def main():
    logging.getLogger("wagtail").setLevel(logging.WARNING)  # one line per page made
    warnings.filterwarnings("ignore", "No directory at")
    setup_test_environment()
    call_command("migrate", verbosity=0, interactive=False)
    course, lessons = build_site()
    learner = UserFactory()
    MembershipFactory(user=learner)
    enrolment_start(user=learner, course=course)
    client = Client()
    client.force_login(learner)
    results = {blocks: measure(client, lesson.url, options.n) for blocks, lesson in lessons.items()}
    print(f"{connection.vendor}, {options.n} requests per lesson")
    print(f"{'blocks':>6} {'queries':>8} {'median ms':>10}")
    for blocks, (count, median) in results.items():
        print(f"{blocks:>6} {count:>8} {median:>10.1f}")
    (q5, t5), (q50, t50) = results[5], results[50]
    print(f"ratio 50/5: queries {q50 / q5:.2f}, time {t50 / t5:.2f}")
    ok = q5 == q50 <= 12
    print("budget (same queries, at most 12):", "met" if ok else "NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        scratch.cleanup()
