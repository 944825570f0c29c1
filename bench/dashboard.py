"""The partnership reports at scale: the dashboard, the largest organisation's
view, the full training-record export and the evidence pack.

Builds a PostgreSQL database at two sizes (``bench/dashboard_data.py`` says
what is in them), in a throwaway database each (``test_`` + the name in
DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lms_bench), dropped
afterwards.

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
import time
import tracemalloc
from datetime import timedelta

from throwaway import throwaway_database

BROKER = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")

from dashboard_data import PASSWORD, build, say  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, teardown_test_environment  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

REPEATS = 30


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
