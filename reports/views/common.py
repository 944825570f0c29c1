"""What every report view shares: exports that are confirmed, logged and
formula-safe, and the period a report covers."""

from datetime import date, timedelta

from django import forms
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify

from accounts.reauthentication import require_recent_authentication
from kits.audit import audit_log
from kits.tabular import csv_response, xlsx_response

FORMATS = ("csv", "xlsx")


def export_response(request, *, fmt, name, header, rows, instance, what, filters=None):
    """``rows`` as a CSV or XLSX download called ``name``, after the person has
    recently confirmed who they are, with the export recorded in the audit log
    (who, what, when, which filters). Call it after the access check."""
    if fmt not in FORMATS:
        raise Http404("No such format.")
    require_recent_authentication(request)
    filters = {key: value for key, value in (filters or {}).items() if value not in ("", None)}
    audit_log(
        instance=instance,
        action="reports.export",
        user=request.user,
        data={
            "what": what,
            "format": fmt.upper(),
            "filters": ", ".join(f"{k}={v}" for k, v in sorted(filters.items())) or "none",
        },
    )
    filename = f"{slugify(name)}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        return csv_response(filename, header, rows)
    return xlsx_response(filename, header, rows, title=what)


DATE = forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-input--width-10"})


class PeriodForm(forms.Form):
    """A period of whole days; by default the last twelve months to today."""

    start = forms.DateField(label="From", required=False, widget=DATE)
    end = forms.DateField(label="To", required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date must be on or after the start date.")
        if end and end > timezone.localdate():
            self.add_error("end", "The end date must be today or in the past.")
        return data

    def period(self) -> tuple[date, date]:
        today = timezone.localdate()
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or today
        start = data.get("start") or (
            end.replace(year=end.year - 1) + timedelta(days=1)
            if not (end.month == 2 and end.day == 29)
            else date(end.year - 1, 3, 1)
        )
        return start, end
