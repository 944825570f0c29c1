"""What the knowledge check screens show, and what courses read (module requirements).

Statistics for editors and reports are in ``quizzes.item_analysis``.

Every function here reads, in a constant number of queries however many
questions a check has. Writes live in ``quizzes.services``.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef
from django.http import Http404
from wagtail.models import Page

from courses.access import learner_enrolments
from courses.outline import ROW_FIELDS, course_outline
from courses.requirements import ModuleRequirement
from quizzes.layout import laid_out
from quizzes.models import Attempt, KnowledgeCheck
from quizzes.questions import Option, Question, ShownQuestion
from quizzes.standing import Standing, standing_for


def knowledge_check_requirements(*, enrolment, module_ids) -> list[ModuleRequirement]:
    """Each live check on ``module_ids``, done once ``enrolment`` (None: someone not
    enrolled) has passed it. One query, for the courses requirements hook."""
    if not module_ids:
        return []
    quizzes = KnowledgeCheck.objects.filter(module_id__in=module_ids, live=True)
    if enrolment is not None:
        passing = Attempt.objects.filter(enrolment=enrolment, quiz=OuterRef("pk"), passed=True)
        quizzes = quizzes.annotate(done=Exists(passing))
    return [
        ModuleRequirement(
            module_id=quiz.module_id,
            title=quiz.title,
            url=quiz.get_absolute_url(),
            done=bool(getattr(quiz, "done", False)),
            noun="knowledge check",
        )
        for quiz in quizzes.only("pk", "module_id", "title").order_by("pk")
    ]


def knowledge_check_requirements_many(*, enrolments, module_ids) -> dict[int, list]:
    """``knowledge_check_requirements`` for each of ``enrolments`` (keyed by id)
    in two queries, however many there are: for My learning."""
    if not module_ids or not enrolments:
        return {}
    quizzes = list(
        KnowledgeCheck.objects.filter(module_id__in=module_ids, live=True)
        .only("pk", "module_id", "title")
        .order_by("pk")
    )
    passed = set(
        Attempt.objects.filter(
            enrolment__in=[e.pk for e in enrolments], quiz__in=quizzes, passed=True
        ).values_list("enrolment_id", "quiz_id")
    )
    return {
        enrolment.pk: [
            ModuleRequirement(
                module_id=quiz.module_id,
                title=quiz.title,
                url=quiz.get_absolute_url(),
                done=(enrolment.pk, quiz.pk) in passed,
            )
            for quiz in quizzes
        ]
        for enrolment in enrolments
    }


def _placement(quiz: KnowledgeCheck) -> dict:
    """Where the check sits: breadcrumbs down to its module, its course, and the
    module after it. Answers 404 unless the module and course are live."""
    module = quiz.module
    paths = [module.path[: Page.steplen * depth] for depth in range(2, module.depth + 1)]
    crumbs = list(Page.objects.filter(path__in=paths).order_by("path").only(*ROW_FIELDS))
    course = crumbs[-2] if len(crumbs) >= 2 else None
    if course is None or not course.live or not module.live:
        raise Http404("The knowledge check's module is not published.")
    modules = [m.page for m in course_outline(course).modules]
    at = next((i for i, page in enumerate(modules) if page.pk == module.pk), None)
    if at is None:
        raise Http404("The knowledge check's module is not published.")
    return {
        "breadcrumbs": crumbs,
        "course": course,
        "module": crumbs[-1],
        "next_module": modules[at + 1] if at + 1 < len(modules) else None,
    }


def _standing(quiz: KnowledgeCheck, enrolment) -> Standing:
    return standing_for(quiz=quiz, enrolment=enrolment)


def knowledge_check_context(
    *,
    quiz: KnowledgeCheck,
    user,
    selected: Mapping[str, frozenset[str]] | None = None,
    missing: Collection[str] = (),
) -> dict:
    """The check's page: its form while an attempt is open (with the learner's
    ``selected`` options and ``missing`` answers when a submission came back),
    otherwise where the learner stands: not enrolled, passed, out of attempts, or
    ready to start."""
    placement = _placement(quiz)
    enrolment = (
        learner_enrolments(user)
        .filter(course_id=placement["course"].pk)
        .order_by(F("completed_at").desc(nulls_first=True), "-started_at")
        .first()
    )
    standing = _standing(quiz, enrolment)
    questions = quiz.question_map()
    current, selected = standing.current, selected or {}
    shown = [
        ShownQuestion(
            number=number,
            question=question,
            options=options,
            selected=selected.get(question.key, frozenset()),
            missing=question.key in missing,
        )
        for number, (question, options) in enumerate(
            laid_out(current.layout if current else [], questions), start=1
        )
    ]
    return {
        **placement,
        "quiz": quiz,
        "enrolment": enrolment,
        "standing": standing,
        "question_count": min(quiz.draw, len(questions)),
        "attempt": current,
        "shown": shown,
        "errors": [item for item in shown if item.missing],
    }


@dataclass(frozen=True)
class ResultItem:
    """One question of a submitted attempt, with what was chosen and why."""

    question: Question
    options: list[Option]  # as the attempt showed them
    selected: frozenset[str]
    correct: bool

    @property
    def chosen(self) -> list[Option]:
        return [option for option in self.options if option.key in self.selected]

    @property
    def right_answers(self) -> list[Option]:
        return [option for option in self.options if option.correct]


@dataclass(frozen=True)
class ToReview:
    """A question answered wrongly, as a failed attempt shows it: what it tests and
    where that is taught, never which option was right."""

    question: Question
    topic: str  # the topic's label
    lesson: object  # the LessonPage, or None if it no longer exists
    reread: bool  # the learner has reopened the lesson since this attempt


def _to_review(attempt: Attempt, questions, responses, read: set[int]) -> list[ToReview]:
    labels = attempt.quiz.topic_labels()
    return [
        ToReview(
            question=question,
            topic=labels.get(question.topic, ""),
            lesson=question.lesson,
            reread=question.lesson is not None and question.lesson.pk in read,
        )
        for question, _ in laid_out(attempt.layout, questions)
        if question.key in responses and not responses[question.key].correct
    ]


def attempt_result_context(*, attempt: Attempt) -> dict:
    """The results page: the score, then after a pass every answer with its
    feedback, or after a fail the topic, principle and lesson of each question
    answered wrongly (never the right option); and what the learner can do next."""
    quiz = attempt.quiz
    placement = _placement(quiz)
    questions = quiz.question_map()
    responses = {response.question_key: response for response in attempt.responses.all()}
    standing = _standing(quiz, attempt.enrolment)
    if not attempt.passed:
        read = set(attempt.rereads.values_list("lesson_id", flat=True))
        return {
            **placement,
            "quiz": quiz,
            "attempt": attempt,
            "standing": standing,
            "to_review": _to_review(attempt, questions, responses, read),
            "is_latest": standing.latest_result == attempt,
        }
    items = [
        ResultItem(
            question=question,
            options=options,
            selected=frozenset(responses[question.key].selected),
            correct=responses[question.key].correct,
        )
        for question, options in laid_out(attempt.layout, questions)
        if question.key in responses
    ]
    return {**placement, "quiz": quiz, "attempt": attempt, "standing": standing, "items": items}
