from django import forms

from organisations.models import Sector

SORT_CHOICES = [
    ("name", "Organisation"),
    ("sector", "Sector"),
    ("coverage", "Coverage"),
    ("overdue", "Overdue"),
    ("assigned", "Assigned"),
]


class DashboardForm(forms.Form):
    """The dashboard's filters. Anything unrecognised is ignored with a message,
    never an error page."""

    requirement = forms.TypedChoiceField(
        label="Requirement", required=False, coerce=int, empty_value=None
    )
    sector = forms.ChoiceField(
        label="Sector", required=False, choices=[("", "All sectors"), *Sector.choices]
    )
    as_at = forms.ChoiceField(label="Figures as at", required=False)
    sort = forms.ChoiceField(label="Sort organisations by", required=False, choices=SORT_CHOICES)
    order = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("asc", "Ascending"), ("desc", "Descending")],
    )

    def __init__(self, *args, requirements, snapshot_dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirement"].choices = [(r.pk, r.course.title) for r in requirements]
        self.fields["as_at"].choices = [("", "Today (live figures)")] + [
            (day.isoformat(), f"{day:%-d %B %Y} (snapshot)") for day in snapshot_dates
        ]


class StaffFilterForm(forms.Form):
    """The organisation view's filters. Anything unrecognised is ignored with a
    message, never an error page."""

    status = forms.ChoiceField(label="Status", required=False)
    requirement = forms.TypedChoiceField(
        label="Requirement the status applies to",
        required=False,
        coerce=int,
        empty_value=None,
    )
    group = forms.TypedChoiceField(
        label="Workforce group", required=False, coerce=int, empty_value=None
    )
    job_role = forms.ChoiceField(label="Job role", required=False)
    q = forms.CharField(label="Name or email", required=False, max_length=200, strip=True)

    def __init__(self, *args, requirements, groups, job_roles, status_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Any status"), *status_choices]
        self.fields["requirement"].choices = [(r.pk, r.course.title) for r in requirements]
        self.fields["group"].choices = [("", "All groups")] + [(g.pk, g.name) for g in groups]
        self.fields["job_role"].choices = [("", "All job roles")] + [(r, r) for r in job_roles]
