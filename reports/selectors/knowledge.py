"""Knowledge and impact: how a partnership's staff answer a knowledge check at
their first attempt, the misconception behind each question, the questions most
often missed, and confidence before and after the course.

Only attempts by people with an active membership of one of the partnership's
organisations count. Any figure about fewer than five people is suppressed
(``courses.confidence.SMALL_NUMBER``, the rule the confidence figures follow).
Callers pass a partnership already allowed through ``reports.access``.
"""

from dataclasses import dataclass
from datetime import date

from courses.confidence import SMALL_NUMBER, confidence_by_sector, confidence_by_statement
from courses.models import CoursePage
from organisations.models import Organisation, Partnership, Sector
from quizzes.item_analysis import ItemStatistic, item_analysis
from quizzes.models import KnowledgeCheck

SUPPRESSED = "Fewer than 5"
MOST_MISSED = 5
SECTOR_LABELS = dict(Sector.choices)


@dataclass(frozen=True)
class QuestionFigures:
    """One question's figures for one group of people; ``suppressed`` when fewer
    than five people made first attempts at it."""

    item: ItemStatistic

    @property
    def suppressed(self) -> bool:
        return self.item.first_people < SMALL_NUMBER

    @property
    def first_attempts(self) -> int | None:
        return None if self.suppressed else self.item.first_attempts

    @property
    def percent_correct(self) -> int | None:
        return None if self.suppressed else self.item.percent_first_correct

    @property
    def misconception(self):
        """(option, count, percent of first attempts), or None."""
        return None if self.suppressed else self.item.misconception


@dataclass(frozen=True)
class SectorFigures:
    sector: str
    label: str
    questions: list[QuestionFigures]


@dataclass(frozen=True)
class KnowledgeReport:
    quiz: KnowledgeCheck
    course: CoursePage | None
    questions: list[QuestionFigures]  # every group the filters allow
    sectors: list[SectorFigures]
    most_missed: list[QuestionFigures]
    confidence: list  # courses.confidence.StatementFigures
    confidence_by_sector: list[tuple[str, list]]  # (sector label, figures)


def checks_for_reports() -> list[tuple[KnowledgeCheck, CoursePage | None]]:
    """Every live knowledge check with its course, by course then check title.
    Two queries."""
    checks = list(KnowledgeCheck.objects.filter(live=True).select_related("module"))
    courses = {
        course.path: course
        for course in CoursePage.objects.filter(
            path__in={check.module.path[: -CoursePage.steplen] for check in checks}
        )
    }
    paired = [(check, courses.get(check.module.path[: -CoursePage.steplen])) for check in checks]
    return sorted(paired, key=lambda pair: (pair[1].title if pair[1] else "", pair[0].title))


def partnership_sectors(partnership: Partnership) -> dict[str, list[int]]:
    """{sector: [organisation ids]} for the sectors the partnership has, in the
    Sector order."""
    by_sector: dict[str, list[int]] = {}
    for pk, sector in Organisation.objects.filter(partnership=partnership).values_list(
        "pk", "sector"
    ):
        by_sector.setdefault(sector, []).append(pk)
    return {sector: by_sector[sector] for sector in Sector.values if sector in by_sector}


def knowledge_report(
    *,
    partnership: Partnership,
    quiz: KnowledgeCheck,
    course: CoursePage | None,
    sector: str,
    start: date,
    end: date,
) -> KnowledgeReport:
    """The figures for ``quiz`` over the partnership's staff (of ``sector`` if
    given) whose attempts were submitted from ``start`` to ``end``. A constant
    number of queries however many attempts: one per sector the partnership has."""
    sectors = partnership_sectors(partnership)
    if sector:
        sectors = {sector: sectors.get(sector, [])}
    questions = quiz.question_map()

    def analysis(of_sector: str) -> list[QuestionFigures]:
        return [
            QuestionFigures(item)
            for item in item_analysis(
                quiz=quiz,
                partnership_ids=[partnership.pk],
                sector=of_sector,
                submitted_from=start,
                submitted_to=end,
                questions=questions,
            )
        ]

    overall = analysis(sector)
    by_sector = [SectorFigures(s, SECTOR_LABELS[s], analysis(s)) for s in sectors]
    shown = [q for q in overall if q.percent_correct is not None]
    most_missed = sorted(shown, key=lambda q: (q.percent_correct, q.item.number))[:MOST_MISSED]
    confidence, confidence_sectors = [], []
    if course is not None and course.confidence_statements:
        organisation_ids = [pk for ids in sectors.values() for pk in ids]
        period = {"organisation_ids": organisation_ids, "rated_from": start, "rated_to": end}
        confidence = confidence_by_statement(course=course, **period)
        per_sector = confidence_by_sector(course=course, **period)
        confidence_sectors = [(SECTOR_LABELS[s], per_sector[s]) for s in sectors]
    return KnowledgeReport(
        quiz=quiz,
        course=course,
        questions=overall,
        sectors=by_sector,
        most_missed=most_missed,
        confidence=confidence,
        confidence_by_sector=confidence_sectors,
    )
