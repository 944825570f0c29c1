"""The learner's own pages: the reminders sent to them, and their staff's
status for managers (the digest's link)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from compliance.models import Assignment, ReminderLog
from compliance.selectors import status_tag
from organisations.access import organisations_visible_to


@login_required
@require_GET
def reminders_sent(request):
    logs = ReminderLog.objects.filter(assignment__user=request.user).select_related(
        "assignment__requirement__course"
    )
    page = Paginator(logs, 50).get_page(request.GET.get("page"))
    return render(request, "compliance/reminders_sent.html", {"page": page})


@login_required
@require_GET
def team(request):
    """Everyone in the user's organisations who is overdue or due soon."""
    visible = organisations_visible_to(request.user)
    if not visible.exists():
        raise Http404("You do not manage any staff.")
    rows = (
        Assignment.objects.filter(
            organisation__in=visible,
            in_audience=True,
            requirement__retired_at__isnull=True,
            status__in=["overdue", "expired", "due_soon"],
        )
        .select_related("user", "organisation", "requirement__course")
        .order_by("due_on", "user__full_name")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    lines = [(a, *status_tag(a)) for a in page]
    return render(request, "compliance/team.html", {"page": page, "lines": lines})
