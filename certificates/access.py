"""Whose certificates a user may open. Anything else answers 404, exactly like a
certificate that does not exist."""

from django.db.models import QuerySet

from certificates.models import Certificate


def learner_certificates(user) -> QuerySet[Certificate]:
    """The certificates ``user`` holds: only their own."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(enrolment__user=user)
