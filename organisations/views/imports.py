"""Bulk invitations from a staff file: upload, preview, confirm, progress."""

from allauth.account.decorators import reauthentication_required
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from organisations.access import organisation_for_staff
from organisations.models import StaffImport, StaffImportState
from organisations.staff_forms import StaffFileForm
from organisations.staff_import import staff_import_plan
from organisations.tasks import apply_staff_import

PREVIEW_ROWS = 100


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request, org: int):
    """Check an uploaded file. A file with problems lists every one and is not
    kept; a good one is kept for the preview."""
    organisation = organisation_for_staff(request.user, org)
    form = StaffFileForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        plan = staff_import_plan(organisation=organisation, filename=upload.name, content=content)
        problems = plan.problems
        if not problems:
            staff_import = StaffImport.objects.create(
                organisation=organisation,
                uploaded_by=request.user,
                filename=upload.name[:255],
                content=content,
                total=plan.total,
                preview=plan.counts,
            )
            return redirect("organisations:import_detail", org=organisation.pk, pk=staff_import.pk)
    return render(
        request,
        "organisations/import_upload.html",
        {"organisation": organisation, "form": form, "problems": problems},
    )


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def import_detail(request, org: int, pk: int):
    """The preview with its confirm button, then the progress and the result."""
    organisation = organisation_for_staff(request.user, org)
    staff_import = get_object_or_404(StaffImport.objects.filter(organisation=organisation), pk=pk)
    if request.method == "POST":
        with transaction.atomic():
            claimed = StaffImport.objects.filter(
                pk=staff_import.pk, state=StaffImportState.PREVIEWED
            ).update(state=StaffImportState.QUEUED)
            if claimed:  # a double submit queues it once
                transaction.on_commit(lambda: apply_staff_import.delay(staff_import.pk))
        return redirect("organisations:import_detail", org=organisation.pk, pk=staff_import.pk)
    plan = None
    if staff_import.state == StaffImportState.PREVIEWED:
        plan = staff_import_plan(
            organisation=organisation,
            filename=staff_import.filename,
            content=bytes(staff_import.content),
        )
    return render(
        request,
        "organisations/import_detail.html",
        {
            "organisation": organisation,
            "staff_import": staff_import,
            "plan": plan,
            "preview_rows": PREVIEW_ROWS,
            "new_rows": plan.new[:PREVIEW_ROWS] if plan else [],
            "refresh": staff_import.state in (StaffImportState.QUEUED, StaffImportState.RUNNING),
        },
    )


@login_required
@require_GET
def import_status(request, org: int, pk: int):
    """How far an import has got, for its progress bar."""
    organisation = organisation_for_staff(request.user, org)
    staff_import = get_object_or_404(StaffImport.objects.filter(organisation=organisation), pk=pk)
    finished = staff_import.state in (StaffImportState.DONE, StaffImportState.FAILED)
    return JsonResponse({"percent": staff_import.percent, "finished": finished})
