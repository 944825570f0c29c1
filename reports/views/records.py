"""The full export of every training record in a partnership."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_GET

from reports.access import partnership_for_reports
from reports.selectors.records import HEADER, record_rows
from reports.views.common import export_response


@login_required
@require_GET
def records_export(request, partnership: int):
    """Personal data of the whole workforce: leads and administrators only,
    confirmed and logged like every export, streamed as CSV."""
    partnership = partnership_for_reports(request.user, partnership)
    return export_response(
        request,
        fmt="csv",
        name=f"training records {partnership.name}",
        header=HEADER,
        rows=record_rows(partnership),
        instance=partnership,
        what="Every training record",
    )
