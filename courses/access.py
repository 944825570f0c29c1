"""Whose learner records a user may act on. A record outside this scope answers
404, exactly like one that does not exist."""

from django.db.models import QuerySet

from courses.models import Enrolment


def learner_enrolments(user) -> QuerySet[Enrolment]:
    """The enrolments ``user`` may record progress on: only their own. Managers and
    leads read their staff's records through reports, never act on them."""
    if not user.is_authenticated:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(user=user)
