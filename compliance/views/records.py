"""Training done elsewhere and exemptions: the learner (or their manager)
records one, a manager of their organisation decides, and the evidence file is
served only to those allowed to see the record (others get 404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from compliance import services
from compliance.forms import DecisionForm, RecordForm
from compliance.models import Assignment
from compliance.selectors import record_for, records_decidable_by
from organisations.access import organisations_visible_to


def _assignment_for(user, pk: int) -> Assignment:
    """The user's own assignment, or one of their staff's, or 404."""
    visible = organisations_visible_to(user)
    return get_object_or_404(
        Assignment.objects.filter(Q(user=user) | Q(organisation__in=visible)).select_related(
            "requirement__course", "user"
        ),
        pk=pk,
        requirement__retired_at__isnull=True,
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_new(request, assignment: int):
    assignment = _assignment_for(request.user, assignment)
    form = RecordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_submit(
                user=assignment.user,
                requirement=assignment.requirement,
                by=request.user,
                kind=data["kind"],
                provider=data["provider"],
                completed_on=data["completed_on"],
                reason=data["reason"],
                evidence=data["evidence"],
            )
        except ValidationError as error:
            form.add_error("evidence" if data["evidence"] else None, error)
        else:
            messages.success(request, "Sent to a manager to decide.")
            return redirect(
                "my_learning" if assignment.user == request.user else "compliance:records"
            )
    return render(request, "compliance/record_form.html", {"form": form, "assignment": assignment})


@login_required
@require_GET
def record_list(request):
    records = list(records_decidable_by(request.user).filter(state="pending")[:200])
    return render(request, "compliance/record_list.html", {"records": records})


@login_required
@require_http_methods(["GET", "POST"])
def record_detail(request, pk: int):
    record = record_for(request.user, pk)
    can_decide = records_decidable_by(request.user).filter(pk=record.pk).exists()
    form = DecisionForm(request.POST or None, record=record) if can_decide else None
    if request.method == "POST":
        if form is None:
            raise Http404("Not yours to decide.")
        if form.is_valid():
            try:
                services.record_decide(
                    record=record,
                    by=request.user,
                    approve=form.cleaned_data["decision"] == "approve",
                    expires_on=form.cleaned_data["expires_on"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Decision recorded.")
                return redirect("compliance:records")
    return render(request, "compliance/record_detail.html", {"record": record, "form": form})


@login_required
@require_GET
def record_evidence(request, pk: int):
    record = record_for(request.user, pk)
    if not record.evidence:
        raise Http404("No evidence file.")
    response = FileResponse(
        record.evidence.open("rb"),
        content_type=record.evidence_type,
        as_attachment=True,
        filename=f"evidence-{record.pk}.{record.evidence.name.rsplit('.', 1)[-1]}",
    )
    response["Cache-Control"] = "private, no-store"
    return response
