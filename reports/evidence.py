"""The evidence pack: one PDF of a partnership's figures for a period, for an
inspector or a board.

Coverage is reported as at the period's end: live when the period ends today,
otherwise from the latest snapshot taken on or before that day (the pack says
which, and which day). Reach in schools and knowledge-check findings cover the
period itself. The pack holds figures only, never names, and every figure
about fewer than five people in the knowledge and confidence findings is
suppressed. Rendered by the PDF kit, with every value escaped.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Max
from django.utils import timezone

from courses.confidence import confidence_by_statement
from kits.pdf import render_pdf
from organisations.models import Organisation, Partnership
from quizzes.item_analysis import item_analysis
from reports.chart import percent_of
from reports.models import CoverageSnapshot
from reports.selectors.coverage import partnership_coverage
from reports.selectors.knowledge import QuestionFigures, checks_for_reports
from reports.snapshots import coverage_as_at, trend
from resources.models import KeyStage, TopicChoice
from resources.selectors.reach import reach_by_key_stage, reach_by_topic, reach_totals


@dataclass(frozen=True)
class CoverageSource:
    as_at: date | None
    live: bool

    @property
    def text(self) -> str:
        if self.live:
            return f"Live figures on {self.as_at:%-d %B %Y}."
        if self.as_at:
            return f"From the snapshot taken as at {self.as_at:%-d %B %Y}."
        return "No snapshot was taken on or before the end of this period."


def coverage_at_end(partnership: Partnership, end: date):
    """The coverage figures the pack reports, and where they come from."""
    today = timezone.localdate()
    if end >= today:
        return partnership_coverage(partnership), CoverageSource(today, live=True)
    latest = CoverageSnapshot.objects.filter(
        requirement__partnership=partnership, as_at__lte=end
    ).aggregate(day=Max("as_at"))["day"]
    if latest is None:
        return [], CoverageSource(None, live=False)
    return coverage_as_at(partnership, latest), CoverageSource(latest, live=False)


@dataclass(frozen=True)
class TrendBar:
    month: date
    percent: float | None
    width: int  # of 100, for the bar drawn as a table cell

    @property
    def label(self) -> str:
        return "no snapshot" if self.percent is None else f"{self.percent:g}%"


def trend_bars(partnership, requirement, end: date) -> list[TrendBar]:
    bars = []
    for month, completed, denominator in trend(partnership, requirement, until=end):
        percent = percent_of(completed, denominator)
        bars.append(TrendBar(month, percent, round(percent or 0)))
    return bars


def evidence_context(partnership: Partnership, start: date, end: date) -> dict:
    coverage, source = coverage_at_end(partnership, end)
    for entry in coverage:
        entry.trend = trend_bars(partnership, entry.requirement, end)
    by_stage = reach_by_key_stage(partnership=partnership, start=start, end=end)
    by_topic = reach_by_topic(partnership=partnership, start=start, end=end)
    return {
        "partnership": partnership,
        "start": start,
        "end": end,
        "made_on": timezone.localdate(),
        "coverage": coverage,
        "source": source,
        "reach": reach_totals(partnership=partnership, start=start, end=end),
        "reach_by_stage": [(KeyStage(k).label, v) for k, v in by_stage.items()],
        "reach_by_topic": [(TopicChoice(k).label, v) for k, v in by_topic.items()],
        "knowledge": knowledge_findings(partnership, start, end),
    }


@dataclass(frozen=True)
class CheckFindings:
    quiz: object
    course: object
    answered: int  # questions with figures shown (five or more people)
    most_missed: list  # reports.selectors.knowledge.QuestionFigures


@dataclass(frozen=True)
class KnowledgeFindings:
    checks: list[CheckFindings]
    confidence: list[tuple[object, list]]  # (course, StatementFigures)


def knowledge_findings(partnership: Partnership, start: date, end: date):
    """For each live check, the questions most often missed at first attempts
    in the period, with their misconception; and each course's confidence
    before and after, from the ratings given in the period. Only figures about
    five or more people. None when there is nothing to report. One query per
    check and two per course."""
    checks, courses = [], {}
    for quiz, course in checks_for_reports():
        questions = [
            QuestionFigures(item)
            for item in item_analysis(
                quiz=quiz,
                partnership_ids=[partnership.pk],
                submitted_from=start,
                submitted_to=end,
            )
        ]
        shown = [q for q in questions if q.percent_correct is not None]
        if shown:
            missed = sorted(shown, key=lambda q: (q.percent_correct, q.item.number))[:3]
            checks.append(CheckFindings(quiz, course, len(shown), missed))
        if course is not None and course.confidence_statements:
            courses[course.pk] = course
    organisation_ids = list(
        Organisation.objects.filter(partnership=partnership).values_list("pk", flat=True)
    )
    confidence = []
    for course in courses.values():
        figures = confidence_by_statement(
            course=course, organisation_ids=organisation_ids, rated_from=start, rated_to=end
        )
        if any(f.people_both is not None for f in figures):
            confidence.append((course, figures))
    if not checks and not confidence:
        return None
    return KnowledgeFindings(checks, confidence)


def render_evidence_pack(partnership: Partnership, start: date, end: date) -> bytes:
    """The evidence pack for ``partnership`` from ``start`` to ``end`` as PDF bytes."""
    return render_pdf("reports/evidence_pack_pdf.html", evidence_context(partnership, start, end))
