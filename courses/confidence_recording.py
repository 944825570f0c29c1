"""Recording a learner's confidence ratings: optional, once per enrolment, stage
and statement. Bad input is refused whole and records nothing."""

from collections.abc import Mapping

from django.db import transaction

from courses.confidence import confidence_statements
from courses.models import ConfidenceRating, Enrolment, Stage

FIELD_PREFIX = "rating-"
RATINGS_CHOICES = [str(n) for n in range(1, 6)]


class RatingsRefused(Exception):
    """The ratings cannot be recorded. ``str(error)`` is for the learner."""


def ratings_from_form(data) -> dict[str, str]:
    """``rating-<statement key>`` fields of a POST, as {statement key: value}."""
    return {
        name.removeprefix(FIELD_PREFIX): data[name]
        for name in data
        if name.startswith(FIELD_PREFIX) and data[name]
    }


def stage_refusal(*, enrolment: Enrolment, stage: str) -> str | None:
    """Why ``stage`` cannot be answered in ``enrolment`` now, or None."""
    if stage == Stage.BEFORE and not enrolment.is_open:
        return "You have completed this course, so it is too late to say how you felt at the start."
    if stage == Stage.AFTER and enrolment.is_open:
        return "You can say how confident you feel once you have completed the course."
    return None


@transaction.atomic
def confidence_record(*, enrolment: Enrolment, stage: str, ratings: Mapping[str, str]) -> int:
    """Record ``ratings`` ({statement key: "1" to "5"}) for ``stage``; statements
    left out are not recorded. Returns how many were new: a repeat (a double
    submit) keeps the first answers. Raises RatingsRefused, having written nothing."""
    refusal = stage_refusal(enrolment=enrolment, stage=stage)
    if refusal:
        raise RatingsRefused(refusal)
    statements = dict(confidence_statements(enrolment.course))
    if not set(ratings) <= set(statements):
        raise RatingsRefused("A rating was sent for a statement this course does not ask about.")
    if any(value not in RATINGS_CHOICES for value in ratings.values()):
        raise RatingsRefused("Each rating must be a number from 1 to 5.")
    before = enrolment.confidence_ratings.filter(stage=stage).count()
    ConfidenceRating.objects.bulk_create(
        [
            ConfidenceRating(
                enrolment=enrolment,
                stage=stage,
                statement_key=key,
                statement=statements[key][:300],
                rating=int(value),
            )
            for key, value in ratings.items()
        ],
        ignore_conflicts=True,
    )
    return enrolment.confidence_ratings.filter(stage=stage).count() - before
