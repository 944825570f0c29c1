"""Whose attempts a user may see and act on: only their own. An attempt outside
this scope answers 404, exactly like one that does not exist."""

from django.db.models import QuerySet

from courses.access import learner_enrolments
from quizzes.models import Attempt


def learner_attempts(user) -> QuerySet[Attempt]:
    return Attempt.objects.filter(enrolment__in=learner_enrolments(user))
