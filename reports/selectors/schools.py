"""Schools and RSE reach: for each school in a partnership, its trained RSE
practitioners and the lessons it taught in a period, schools needing attention
first (recommendation 7: RSE by trained practitioners in every educational
setting).

Schools are the partnership's education-sector organisations. A trained
practitioner is an active member who completed, on or before the period's end,
a live course marked as training RSE practitioners; if there is no such course,
one of the partnership's own requirements' courses (its CSE training). Callers
pass a partnership already allowed through ``reports.access``.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from compliance.models import Requirement
from courses.models import CoursePage, Enrolment
from organisations.access import active_memberships
from organisations.models import Organisation, Partnership, Sector
from resources.models import KeyStage, TopicChoice
from resources.selectors.reach import (
    Reach,
    SchoolReach,
    reach_by_key_stage,
    reach_by_school,
    reach_by_topic,
    reach_totals,
)

NO_DELIVERY = "No RSE lessons logged in this period"
NO_TRAINED = "No trained RSE practitioners"
KEY_STAGE_LABELS = dict(KeyStage.choices)
TOPIC_LABELS = dict(TopicChoice.choices)


@dataclass(frozen=True)
class Training:
    courses: list[CoursePage]
    fallback: bool  # True: no RSE practitioner course, so the CSE requirement's course


@dataclass(frozen=True)
class SchoolRow:
    organisation: Organisation
    staff: int
    trained: int
    reach: SchoolReach

    @property
    def flags(self) -> list[str]:
        flags = []
        if not self.reach.lessons:
            flags.append(NO_DELIVERY)
        if not self.trained:
            flags.append(NO_TRAINED)
        return flags

    @property
    def key_stage_labels(self) -> list[str]:
        return [KEY_STAGE_LABELS[k] for k in self.reach.key_stages]

    @property
    def topic_labels(self) -> list[str]:
        return [TOPIC_LABELS[t] for t in self.reach.topics]


@dataclass(frozen=True)
class SchoolsReport:
    training: Training
    schools: list[SchoolRow]
    totals: Reach
    staff: int
    trained: int
    by_key_stage: list[tuple[str, Reach]]
    by_topic: list[tuple[str, Reach]]

    @property
    def needing_attention(self) -> int:
        return sum(1 for row in self.schools if row.flags)


def training_courses(partnership: Partnership) -> Training:
    """The courses that make someone a trained RSE practitioner here."""
    rse = list(CoursePage.objects.live().filter(trains_rse_practitioners=True).order_by("title"))
    if rse:
        return Training(courses=rse, fallback=False)
    ids = (
        Requirement.objects.current()
        .filter(partnership=partnership, owner_organisation__isnull=True)
        .values("course_id")
    )
    return Training(
        courses=list(CoursePage.objects.live().filter(pk__in=ids).order_by("title")),
        fallback=True,
    )


def _staff(partnership: Partnership, courses: list[CoursePage], end: date):
    """({school id: (active staff, trained staff)}, (all staff, all trained)),
    in two queries. Someone on the staff of two schools counts at each school
    and once in the totals."""
    trained = Enrolment.objects.filter(
        user=OuterRef("user"),
        course__in=[course.pk for course in courses],
        completed_at__date__lte=end,
    )
    memberships = (
        active_memberships()
        .filter(organisation__partnership=partnership, organisation__sector=Sector.EDUCATION)
        .annotate(is_trained=Exists(trained))
    )
    people = {
        "staff": Count("user", distinct=True),
        "trained": Count("user", distinct=True, filter=Q(is_trained=True)),
    }
    rows = memberships.values("organisation_id").annotate(**people).order_by()
    totals = memberships.aggregate(**people)
    return (
        {row["organisation_id"]: (row["staff"], row["trained"]) for row in rows},
        (totals["staff"], totals["trained"]),
    )


def schools_report(*, partnership: Partnership, start: date, end: date) -> SchoolsReport:
    """Every school with its figures, those with a flag first, then by name.
    A constant number of queries however many schools."""
    training = training_courses(partnership)
    schools = Organisation.objects.filter(
        partnership=partnership, sector=Sector.EDUCATION
    ).order_by("name", "pk")
    staff, (all_staff, all_trained) = _staff(partnership, training.courses, end)
    reach = reach_by_school(partnership=partnership, start=start, end=end)
    rows = [
        SchoolRow(
            organisation=school,
            staff=staff.get(school.pk, (0, 0))[0],
            trained=staff.get(school.pk, (0, 0))[1],
            reach=reach.get(school.pk, SchoolReach()),
        )
        for school in schools
    ]
    rows.sort(key=lambda row: not row.flags)  # stable: flagged first, each by name
    stages = reach_by_key_stage(partnership=partnership, start=start, end=end)
    topics = reach_by_topic(partnership=partnership, start=start, end=end)
    return SchoolsReport(
        training=training,
        schools=rows,
        totals=reach_totals(partnership=partnership, start=start, end=end),
        staff=all_staff,
        trained=all_trained,
        by_key_stage=[(KEY_STAGE_LABELS[k], stages[k]) for k in KeyStage.values],
        by_topic=[(TOPIC_LABELS[t], topics[t]) for t in TopicChoice.values],
    )
