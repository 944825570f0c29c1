"""Keep schools' evidence safe from the page tree: a plan with logged lessons
cannot be deleted in the admin (the log protects it); editors unpublish it."""

from kits.evidence import protect_evidence, rows_under
from resources.models import Delivery

protect_evidence(
    reason="schools have logged lessons from it, and the log is their evidence",
    pages=lambda pages: Delivery.objects.filter(rows_under(pages, "plan")).exists(),
)
