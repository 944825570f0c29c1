"""The print-friendly PDF of a lesson plan, rendered with the PDF kit."""

from kits.pdf import render_pdf
from organisations.models import Partnership


def lesson_plan_pdf(*, plan, partnership: Partnership | None) -> bytes:
    """Render ``plan`` (with ``partnership``'s local contacts) as PDF bytes."""
    return render_pdf(
        "resources/lesson_plan_pdf.html",
        {
            "page": plan,
            "topics": list(plan.topics.all()),
            "timed_activities": plan.timed_activities(),
            "worksheets": plan.worksheets(),
            "partnership": partnership,
        },
    )
