"""The print-friendly PDF of a lesson plan, rendered with the PDF kit."""

from kits.pdf import render_pdf
from organisations.contacts import LocalContacts, site_default_contacts


def lesson_plan_pdf(*, plan, contacts: LocalContacts | None = None) -> bytes:
    """Render ``plan`` with the reader's local ``contacts`` (the site's default
    contacts when None) as PDF bytes."""
    return render_pdf(
        "resources/lesson_plan_pdf.html",
        {
            "page": plan,
            "topics": list(plan.topics.all()),
            "timed_activities": plan.timed_activities(),
            "worksheets": plan.worksheets(),
            "contacts": contacts or site_default_contacts(),
        },
    )
