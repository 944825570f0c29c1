"""How long a certificate PDF takes to render in a warm process.

Renders N certificates (default 50), each with its own name, code and QR code,
N bare one-paragraph xhtml2pdf documents, and N of the same paragraph in the
certificate's two embedded fonts, taking turns in the same run; prints
milliseconds per PDF (p50, p95) as wall and as CPU time, and the certificate's
ratio to the bare document. Budget (design.md): p95 at most 60 ms, and at most
3 times the bare document.

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
from certificates.pdf import POLICY, certificate_assets, certificate_pdf  # noqa: E402
from organisations.models import Partnership  # noqa: E402

BARE = "<html><body><p>A bare one-paragraph document, for comparison.</p></body></html>"
# The same paragraph in the certificate's two embedded fonts: the floor that any
# document using them starts from.
FONTS = (
    "<html><head><style>"
    '@font-face { font-family: C; src: url("asset:fonts/DejaVuSans.ttf"); }'
    '@font-face { font-family: C; src: url("asset:fonts/DejaVuSans-Bold.ttf"); font-weight: bold; }'
    "body { font-family: C; }</style></head>"
    "<body><p>A bare one-paragraph document, <b>for comparison</b>.</p></body></html>"
)
NAMES = ["Zoë Ångström-Nguyễn", "Sam Practitioner", "Siobhán Ní Bhriain", "Łukasz Żółć"]


def bare_pdf(_: int) -> bytes:
    output = io.BytesIO()
    pisa.CreatePDF(BARE, dest=output)
    return output.getvalue()


def fonts_pdf(_: int) -> bytes:
    output = io.BytesIO()
    pisa.CreatePDF(FONTS, dest=output, link_callback=certificate_assets({}), resource_policy=POLICY)
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


def timings(kinds: dict, n: int) -> dict[str, dict[str, list[float]]]:
    """Milliseconds per PDF of each kind, as wall time and as this process's CPU
    time (what a render costs when other processes share the cores). The kinds
    take turns, so a busy machine slows both alike and the ratio stays fair."""
    for i in range(3):  # warm: fonts registered, templates compiled
        for render in kinds.values():
            render(i)
    result = {label: {"wall": [], "cpu": []} for label in kinds}
    for i in range(n):
        for label, render in kinds.items():
            wall, cpu = time.perf_counter(), time.process_time()
            render(i)
            result[label]["wall"].append((time.perf_counter() - wall) * 1000)
            result[label]["cpu"].append((time.process_time() - cpu) * 1000)
    return result


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="PDFs of each kind (default 50)")
    n = parser.parse_args().n
    kinds = {"bare document": bare_pdf, "bare, 2 fonts": fonts_pdf, "certificate": one_certificate}
    result = timings(kinds, n)
    for clock in ("wall", "cpu"):
        bare, certificate = result["bare document"][clock], result["certificate"][clock]
        for label in kinds:
            values = result[label][clock]
            print(
                f"{clock:4} {label:14} p50 {statistics.median(values):6.1f} ms   "
                f"p95 {percentile(values, 0.95):6.1f} ms   (n={n})"
            )
        ratio50 = statistics.median(certificate) / statistics.median(bare)
        ratio95 = percentile(certificate, 0.95) / percentile(bare, 0.95)
        print(f"{clock:4} ratio          p50 {ratio50:6.2f} x    p95 {ratio95:6.2f} x")
        within_time, within_ratio = percentile(certificate, 0.95) <= 60, ratio95 <= 3
        print(
            f"{clock:4} budget: p95 <= 60 ms {'met' if within_time else 'NOT met'}; "
            f"p95 <= 3x bare {'met' if within_ratio else 'NOT met'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
