"""The optional confidence questions at the start and on completion of a course."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from courses.access import learner_enrolments
from courses.confidence import confidence_answered, confidence_statements
from courses.confidence_recording import (
    FIELD_PREFIX,
    RATINGS_CHOICES,
    RatingsRefused,
    confidence_record,
    ratings_from_form,
    stage_refusal,
)
from courses.models import Stage
from courses.outline import course_outline
from courses.selectors import course_progress


def _onward(request, enrolment, stage) -> str:
    """Where the learner goes next: the first lesson to do, or the course page."""
    if stage == Stage.BEFORE:
        progress = course_progress(outline=course_outline(enrolment.course), enrolment=enrolment)
        if progress.next_lesson is not None:
            return progress.next_lesson.get_url(request)
    return enrolment.course.get_url(request)


@login_required
def confidence(request, enrolment_id: int, stage: str):
    """Ask how confident the learner feels (GET), or record it or skip (POST)."""
    if stage not in Stage.values:
        raise Http404("No such stage.")
    enrolment = get_object_or_404(
        learner_enrolments(request.user).select_related("course"), pk=enrolment_id
    )
    statements = confidence_statements(enrolment.course)
    onward = _onward(request, enrolment, stage)
    refusal = stage_refusal(enrolment=enrolment, stage=stage)
    if not statements or refusal or confidence_answered(enrolment=enrolment, stage=stage):
        return redirect(onward)
    error = None
    if request.method == "POST":
        if "skip" in request.POST:
            return redirect(onward)
        try:
            confidence_record(
                enrolment=enrolment, stage=stage, ratings=ratings_from_form(request.POST)
            )
        except RatingsRefused as refused:
            error = str(refused)
        else:
            messages.success(request, "Thank you. Your answers have been recorded.")
            return redirect(onward)
    context = {
        "enrolment": enrolment,
        "course": enrolment.course,
        "stage": stage,
        "statements": statements,
        "choices": RATINGS_CHOICES,
        "prefix": FIELD_PREFIX,
        "error": error,
    }
    return render(request, "courses/confidence.html", context, status=400 if error else 200)
