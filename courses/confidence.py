"""Confidence before and after a course: what the screens ask, and the figures the
partnership's reports show.

Means are over everyone who answered that stage; the change is the mean of each
person's after rating minus their before rating, over those who answered both,
so it is not skewed by who skipped. Any figure about fewer than five people is
suppressed: it is None, and reports say "fewer than 5". Callers scope
``organisation_ids`` through ``organisations.access``; these functions do not.

A period (``rated_from``, ``rated_to``, both days included) keeps the ratings
given in it: the before figures are the before ratings given then, the after
figures the after ratings given then, and the change pairs each after rating
given then with the same person's before rating, whenever that was given (a
course started in March and finished in April counts in April's change).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Avg, Count, Exists, F, OuterRef, Q, QuerySet, Subquery

from courses.models import ConfidenceRating, CoursePage, Enrolment, Stage
from organisations.access import active_memberships
from organisations.models import Sector

SMALL_NUMBER = 5
SUPPRESSED = "fewer than 5"


def confidence_statements(course: CoursePage) -> list[tuple[str, str]]:
    """The course's statements as (key, text), in the editor's order."""
    return [(child.id, child.value) for child in course.confidence_statements]


def confidence_answered(*, enrolment: Enrolment, stage: str) -> bool:
    return enrolment.confidence_ratings.filter(stage=stage).exists()


@dataclass(frozen=True)
class StatementFigures:
    """One statement's figures; each is None when fewer than 5 people stand behind it."""

    key: str
    statement: str
    people_before: int | None
    mean_before: float | None
    people_after: int | None
    mean_after: float | None
    people_both: int | None
    change: float | None

    def shown(self, name: str):
        """A figure for display: its value, or "fewer than 5"."""
        value = getattr(self, name)
        return SUPPRESSED if value is None else value


def _kept(people: int, value):
    if people < SMALL_NUMBER:
        return None
    return round(value, 2) if isinstance(value, float) else value


def _ratings(
    course: CoursePage,
    organisation_ids: Iterable[int] | None,
    rated_from: date | None = None,
    rated_to: date | None = None,
) -> QuerySet:
    ratings = ConfidenceRating.objects.filter(enrolment__course=course)
    if rated_from is not None:
        ratings = ratings.filter(created_at__date__gte=rated_from)
    if rated_to is not None:
        ratings = ratings.filter(created_at__date__lte=rated_to)
    if organisation_ids is not None:
        members = active_memberships().filter(
            user=OuterRef("enrolment__user"), organisation_id__in=list(organisation_ids)
        )
        ratings = ratings.filter(Exists(members))
    return ratings


def _figures(ratings: QuerySet, statements: list[tuple[str, str]]) -> list[StatementFigures]:
    """One query: each statement's people, means and paired change."""
    before = ConfidenceRating.objects.filter(
        enrolment=OuterRef("enrolment"), statement_key=OuterRef("statement_key"), stage=Stage.BEFORE
    ).values("rating")[:1]
    is_before, is_after = Q(stage=Stage.BEFORE), Q(stage=Stage.AFTER)
    paired = is_after & Q(before__isnull=False)
    rows = {
        row["statement_key"]: row
        for row in ratings.annotate(before=Subquery(before))
        .values("statement_key")
        .annotate(
            people_before=Count("enrolment__user", distinct=True, filter=is_before),
            mean_before=Avg("rating", filter=is_before),
            people_after=Count("enrolment__user", distinct=True, filter=is_after),
            mean_after=Avg("rating", filter=is_after),
            people_both=Count("enrolment__user", distinct=True, filter=paired),
            change=Avg(F("rating") - F("before"), filter=paired),
        )
        .order_by()
    }
    figures = []
    for key, text in statements:
        row = rows.get(key, {})
        before_n, after_n = row.get("people_before", 0), row.get("people_after", 0)
        both_n = row.get("people_both", 0)
        figures.append(
            StatementFigures(
                key=key,
                statement=text,
                people_before=_kept(before_n, before_n),
                mean_before=_kept(before_n, row.get("mean_before")),
                people_after=_kept(after_n, after_n),
                mean_after=_kept(after_n, row.get("mean_after")),
                people_both=_kept(both_n, both_n),
                change=_kept(both_n, _float(row.get("change"))),
            )
        )
    return figures


def _float(value):
    return None if value is None else float(value)


def confidence_by_statement(
    *,
    course: CoursePage,
    organisation_ids: Iterable[int] | None = None,
    rated_from: date | None = None,
    rated_to: date | None = None,
) -> list[StatementFigures]:
    """Mean confidence before and after, and the change, for each of the course's
    statements, with small numbers suppressed. One query."""
    ratings = _ratings(course, organisation_ids, rated_from, rated_to)
    return _figures(ratings, confidence_statements(course))


def confidence_by_sector(
    *,
    course: CoursePage,
    organisation_ids: Iterable[int] | None = None,
    rated_from: date | None = None,
    rated_to: date | None = None,
) -> dict[str, list[StatementFigures]]:
    """The same figures for each sector, {sector: [figures per statement]}, placing
    each learner by the sectors of their active memberships' organisations (someone
    in two sectors counts in both). One query per sector, however many ratings."""
    statements = confidence_statements(course)
    ratings = _ratings(course, organisation_ids, rated_from, rated_to)
    by_sector = {}
    for sector in Sector.values:
        members = active_memberships().filter(
            user=OuterRef("enrolment__user"), organisation__sector=sector
        )
        by_sector[sector] = _figures(ratings.filter(Exists(members)), statements)
    return by_sector
