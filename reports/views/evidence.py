"""Evidence packs: made for a chosen period on request, and the monthly packs
prepared for each lead."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kits.audit import audit_log
from reports.access import partnership_for_reports
from reports.evidence import render_evidence_pack
from reports.models import EvidencePack
from reports.views.common import PeriodForm


def _logged(request, partnership, start, end):
    audit_log(
        instance=partnership,
        action="reports.export",
        user=request.user,
        data={"what": "Evidence pack", "format": "PDF", "filters": f"start={start}, end={end}"},
    )


def _pdf(content: bytes, filename: str):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
@require_GET
def evidence_pack(request, partnership: int):
    partnership = partnership_for_reports(request.user, partnership)
    form = PeriodForm(request.GET or None)
    if request.GET.get("download") and form.is_valid():
        start, end = form.period()
        _logged(request, partnership, start, end)
        name = slugify(f"evidence pack {partnership.name} {start} to {end}")
        return _pdf(render_evidence_pack(partnership, start, end), f"{name}.pdf")
    start, end = PeriodForm().period()
    return render(
        request,
        "reports/evidence_pack.html",
        {
            "partnership": partnership,
            "form": form,
            "default_start": start,
            "default_end": end,
            "packs": EvidencePack.objects.filter(partnership=partnership)[:24],
        },
    )


@never_cache
@login_required
@require_GET
def evidence_pack_file(request, partnership: int, pk: int):
    """A monthly pack, from private storage, to a lead of its partnership."""
    partnership = partnership_for_reports(request.user, partnership)
    pack = get_object_or_404(EvidencePack, partnership=partnership, pk=pk)
    _logged(request, partnership, pack.period_start, pack.period_end)
    name = slugify(f"evidence pack {partnership.name} {pack.period_start:%Y-%m}")
    response = FileResponse(
        pack.file.open("rb"),
        as_attachment=True,
        filename=f"{name}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
