"""How long a certificate PDF takes to render in a warm process.

Renders N certificates (default 50), each with its own name, code and QR code,
and N bare one-paragraph xhtml2pdf documents in the same run, then prints
milliseconds per PDF (p50, p95) for both and their ratio. Budget (design.md):
p95 at most 60 ms, and at most 3 times the bare document.

    .venv/bin/python bench/certificates.py [-n 50]

Needs no database: the certificates are built in memory, as a worker has them.
"""

import argparse
import io
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402
from xhtml2pdf import pisa  # noqa: E402

from certificates.codes import code_generate  # noqa: E402
from certificates.models import Certificate, CertificateBranding  # noqa: E402
from certificates.pdf import certificate_pdf  # noqa: E402
from organisations.models import Partnership  # noqa: E402

BARE = "<html><body><p>A bare one-paragraph document, for comparison.</p></body></html>"
NAMES = ["Zoë Ångström-Nguyễn", "Sam Practitioner", "Siobhán Ní Bhriain", "Łukasz Żółć"]


def bare_pdf(_: int) -> bytes:
    output = io.BytesIO()
    pisa.CreatePDF(BARE, dest=output)
    return output.getvalue()


def _partnership():
    partnership = Partnership(name="Northvale", label="Safeguarding Children Partnership")
    branding = CertificateBranding(
        partnership=partnership,
        signatory_name="Dr Priya Shah",
        signatory_title="Independent Scrutineer",
        wording="Meets the partnership's multi-agency training standard (level 2).",
    )
    return partnership, branding


PARTNERSHIP, BRANDING = _partnership()


def one_certificate(i: int) -> bytes:
    now = timezone.now()
    certificate = Certificate(
        pk=i + 1,
        code=code_generate(),
        holder_name=f"{NAMES[i % len(NAMES)]} {i}",
        course_title="Child sexual exploitation: spotting the signs",
        partnership=PARTNERSHIP,
        completed_at=now,
        expires_at=now + timedelta(days=365),
        issued_at=now,
    )
    return certificate_pdf(certificate=certificate, branding=BRANDING)


def timings(kinds: dict, n: int) -> dict[str, list[float]]:
    """Milliseconds per PDF of each kind. The kinds take turns, so a busy machine
    slows both alike and the ratio stays fair."""
    for i in range(3):  # warm: fonts registered, templates compiled
        for render in kinds.values():
            render(i)
    result = {label: [] for label in kinds}
    for i in range(n):
        for label, render in kinds.items():
            started = time.perf_counter()
            render(i)
            result[label].append((time.perf_counter() - started) * 1000)
    return result


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="PDFs of each kind (default 50)")
    n = parser.parse_args().n
    result = timings({"bare document": bare_pdf, "certificate": one_certificate}, n)
    bare, certificates = result["bare document"], result["certificate"]
    for label, values in result.items():
        print(
            f"{label:14} p50 {statistics.median(values):6.1f} ms   "
            f"p95 {percentile(values, 0.95):6.1f} ms   (n={n})"
        )
    ratio50 = statistics.median(certificates) / statistics.median(bare)
    ratio95 = percentile(certificates, 0.95) / percentile(bare, 0.95)
    print(f"ratio          p50 {ratio50:6.2f} x    p95 {ratio95:6.2f} x")
    p95 = percentile(certificates, 0.95)
    within = p95 <= 60 and ratio95 <= 3
    print(f"budget (p95 <= 60 ms and <= 3x bare): {'met' if within else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
