from django.contrib.auth import get_user_model

from courses.models import Enrolment
from kits.evidence import protect_evidence, rows_under

# Enrolments are evidence (protected in the database too): a course with
# learners, or a page above one, is unpublished rather than deleted, and a
# learner's account is deactivated rather than deleted.
protect_evidence(
    reason="learners have enrolled on it",
    pages=lambda pages: Enrolment.objects.filter(rows_under(pages, "course")).exists(),
)
protect_evidence(
    reason="it holds training records",
    objects=lambda users: Enrolment.objects.filter(
        user__in=[user.pk for user in users if isinstance(user, get_user_model())]
    ).exists(),
)
