"""Learner actions on a knowledge check. Each view parses, checks access, calls a
service or selector, and redirects or renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from kits.page_privacy import require_page_viewable
from quizzes import services
from quizzes.access import learner_attempts
from quizzes.answers import AnswersIncomplete, AnswersRejected, answers_from_form
from quizzes.models import KnowledgeCheck
from quizzes.selectors import attempt_result_context, knowledge_check_context

NOTHING_RECORDED = "Your answers have not been recorded."


def _live_quiz(request, quiz_id: int) -> KnowledgeCheck:
    """A live check whose module the request may view (page privacy), or 404."""
    quiz = get_object_or_404(
        KnowledgeCheck.objects.filter(live=True).select_related("module"), pk=quiz_id
    )
    require_page_viewable(request, quiz.module)
    return quiz


@login_required
def knowledge_check(request, quiz_id: int):
    """The check: its questions while an attempt is open, otherwise how the learner
    stands with it and what they can do next."""
    context = knowledge_check_context(quiz=_live_quiz(request, quiz_id), user=request.user)
    return render(request, "quizzes/knowledge_check.html", context)


@login_required
@require_POST
def attempt_start(request, quiz_id: int):
    """Start an attempt (or carry on with the open one) and show its questions."""
    quiz = _live_quiz(request, quiz_id)
    enrolment = knowledge_check_context(quiz=quiz, user=request.user)["enrolment"]
    if enrolment is None:
        messages.error(request, "Start the course before you take its knowledge checks.")
    else:
        try:
            services.attempt_start(enrolment=enrolment, quiz=quiz)
        except services.AttemptRefused as error:
            messages.error(request, str(error))
    return redirect("quizzes:knowledge_check", quiz.pk)


@login_required
@require_POST
def attempt_submit(request, attempt_id: int):
    """Score the attempt and show its result. A repeat shows the same result."""
    attempt = get_object_or_404(
        learner_attempts(request.user).filter(quiz__live=True).select_related("quiz__module"),
        pk=attempt_id,
    )
    require_page_viewable(request, attempt.quiz.module)
    quiz, answers = attempt.quiz, answers_from_form(request.POST)
    try:
        submission = services.attempt_submit(attempt=attempt, answers=answers)
    except AnswersIncomplete as incomplete:
        context = knowledge_check_context(
            quiz=quiz, user=request.user, selected=incomplete.chosen, missing=incomplete.missing
        )
        return render(request, "quizzes/knowledge_check.html", context)
    except (AnswersRejected, services.AttemptRefused) as error:
        messages.error(request, f"{error} {NOTHING_RECORDED}")
        return redirect("quizzes:knowledge_check", quiz.pk)
    if not submission.scored_now:
        messages.info(request, "These answers had already been submitted. This is their result.")
    elif submission.completed_course:
        messages.success(request, f"You have completed {attempt.enrolment.course.title}.")
    return redirect("quizzes:attempt_result", attempt.pk)


@login_required
def attempt_result(request, attempt_id: int):
    """A submitted attempt: score, pass or fail, and feedback on every question."""
    attempt = get_object_or_404(
        learner_attempts(request.user).select_related("quiz__module", "enrolment"),
        pk=attempt_id,
    )
    require_page_viewable(request, attempt.quiz.module)
    if not attempt.is_submitted:
        return redirect("quizzes:knowledge_check", attempt.quiz_id)
    return render(request, "quizzes/attempt_result.html", attempt_result_context(attempt=attempt))


@login_required
def attempt_reread(request, attempt_id: int, lesson_id: int):
    """Follow the link to a lesson from a failed attempt's feedback, noting that the
    learner reopened it (a check may ask for that before the next attempt)."""
    attempt = get_object_or_404(
        learner_attempts(request.user).select_related("quiz"), pk=attempt_id
    )
    lesson = services.reread_record(attempt=attempt, lesson_id=lesson_id)
    if lesson is None or not lesson.live:
        raise Http404("That lesson is not linked from this attempt.")
    return redirect(lesson.get_url(request))
