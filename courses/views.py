"""Learner actions on a course. Each view parses, checks access, calls a service
or selector, and redirects or renders. Pages themselves are served by Wagtail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from courses import services
from courses.access import learner_enrolments
from courses.confidence import confidence_statements
from courses.models import CoursePage, LessonPage
from courses.my_learning import my_learning_overview
from courses.outline import course_outline
from courses.selectors import course_progress
from kits.page_privacy import require_page_viewable


@login_required
def my_learning(request):
    """The learner's own enrolments, completions and refreshers due."""
    return render(request, "courses/my_learning.html", my_learning_overview(user=request.user))


@login_required
@require_POST
def course_start(request, course_id: int):
    """Start the course (or a refresher) and go to the first lesson not yet done."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    require_page_viewable(request, course)
    enrolment = services.enrolment_start(user=request.user, course=course)
    progress = course_progress(outline=course_outline(course), enrolment=enrolment)
    fresh = not progress.done_count and not enrolment.confidence_ratings.exists()
    if fresh and confidence_statements(course):
        # The optional "how confident do you feel?" comes first, then the lessons.
        return redirect("courses:confidence", enrolment.pk, "before")
    target = progress.next_lesson or course
    return redirect(target.get_url(request))


@login_required
@require_POST
def lesson_complete(request, enrolment_id: int, lesson_id: int):
    """Mark a lesson as complete and continue: to the next lesson in the module; at
    its end to the module's knowledge check if it is still to pass, or else the
    module page; or the course page when the course is complete."""
    enrolment = get_object_or_404(
        learner_enrolments(request.user).select_related("course"), pk=enrolment_id
    )
    outline = course_outline(enrolment.course)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if lesson.pk not in outline.lesson_ids:
        raise Http404("That lesson is not part of this course.")
    require_page_viewable(request, lesson)
    course_url = enrolment.course.get_url(request)
    try:
        progress = services.lesson_complete(enrolment=enrolment, lesson=lesson)
    except services.EnrolmentFinishedError:
        # A repeat (a double click on the last lesson) after the course was
        # completed: nothing to record.
        messages.info(request, f"You have already completed {enrolment.course.title}.")
        return redirect(course_url)
    if not progress.enrolment.is_open:
        messages.success(request, f"You have completed {enrolment.course.title}.")
        if confidence_statements(enrolment.course):
            return redirect(reverse("courses:confidence", args=[enrolment.pk, "after"]))
        return redirect(course_url)
    following = outline.next_in_module(lesson.pk)
    if following is not None:
        return redirect(following.get_url(request))
    module = outline.module_of(lesson.pk).page
    messages.success(request, f"You have finished the lessons in {module.title}.")
    # The module's own requirement (its knowledge check) comes next, if any is left.
    left = course_progress(outline=outline, enrolment=progress.enrolment).module(module.pk)
    if left is not None and left.next_extra is not None:
        return redirect(left.next_extra.url)
    return redirect(module.get_url(request))


@login_required
@require_POST
def enrolment_finish(request, enrolment_id: int):
    """Complete an enrolment whose remaining items were removed from the course."""
    enrolment = get_object_or_404(
        learner_enrolments(request.user).select_related("course"), pk=enrolment_id
    )
    require_page_viewable(request, enrolment.course)
    if services.enrolment_complete_if_finished(enrolment=enrolment):
        messages.success(request, f"You have completed {enrolment.course.title}.")
    return redirect(enrolment.course.get_url(request))
