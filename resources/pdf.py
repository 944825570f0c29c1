"""The print-friendly PDF of a lesson plan, rendered with xhtml2pdf.

The HTML comes from our own template with every value escaped, and the
renderer may fetch nothing: no network, no local files.
"""

from io import BytesIO

from django.template.loader import render_to_string
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from organisations.models import Partnership

# No remote fetches and no local reads (base_dir=None denies them all).
NO_FETCH_POLICY = ResourceAccessPolicy.server(base_dir=None, allow_remote=False)


class PdfRenderError(RuntimeError):
    pass


def _fetch_nothing(uri: str, rel: str) -> str:
    # Anything the document names resolves to an empty data URI; the policy
    # above refuses it anyway, this keeps the refusal out of the logs' way.
    return "data:,"


def lesson_plan_pdf(*, plan, partnership: Partnership | None) -> bytes:
    """Render ``plan`` (with ``partnership``'s local contacts) as PDF bytes."""
    html = render_to_string(
        "resources/lesson_plan_pdf.html",
        {
            "page": plan,
            "topics": list(plan.topics.all()),
            "timed_activities": plan.timed_activities(),
            "worksheets": plan.worksheets(),
            "partnership": partnership,
        },
    )
    output = BytesIO()
    result = pisa.CreatePDF(
        html,
        dest=output,
        encoding="utf-8",
        link_callback=_fetch_nothing,
        resource_policy=NO_FETCH_POLICY,
    )
    if result.err:
        raise PdfRenderError(f"Could not render the PDF of lesson plan {plan.pk}")
    return output.getvalue()
