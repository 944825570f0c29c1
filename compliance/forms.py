"""Forms for the requirements screen and for records of training done elsewhere."""

from django import forms
from django.utils import timezone

from compliance.models import RecordKind
from compliance.uploads import MAX_BYTES
from courses.models import CoursePage
from organisations.models import Organisation, Sector, WorkforceGroup

DATE = forms.DateInput(attrs={"type": "date"})


class CourseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class NamedChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class RequirementForm(forms.Form):
    course = CourseChoiceField(label="Course", queryset=CoursePage.objects.none())
    sectors = forms.MultipleChoiceField(
        label="Sectors",
        required=False,
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all sectors, organisations and groups unticked to require it of everyone.",
    )
    organisations = NamedChoices(
        label="Organisations", required=False, queryset=Organisation.objects.none()
    )
    groups = NamedChoices(
        label="Workforce groups", required=False, queryset=WorkforceGroup.objects.none()
    )
    starts_on = forms.DateField(label="Starts on", widget=DATE, initial=timezone.localdate)
    due_within_days = forms.IntegerField(
        label="Due within (days of joining)",
        min_value=1,
        max_value=3650,
        initial=90,
        help_text="New starters, and anyone moving into the audience, get this long.",
    )
    due_by = forms.DateField(
        label="Fixed due date for current staff (optional)",
        required=False,
        widget=DATE,
        help_text="For everyone already in the audience when the requirement starts.",
    )
    validity_months = forms.IntegerField(
        label="Renew every (months, optional)",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Leave blank to use the course's own validity.",
    )
    window_days = forms.IntegerField(
        label="Renewal window (days before expiry)", min_value=0, max_value=365, initial=60
    )
    target_percent = forms.IntegerField(
        label="Coverage target (%)",
        required=False,
        min_value=0,
        max_value=100,
        initial=80,
        help_text="Reports mark organisations and sectors below this share of staff trained. "
        "Blank: 80%.",
    )
    renewal_course = CourseChoiceField(
        label="Shorter renewal course (optional)",
        required=False,
        queryset=CoursePage.objects.none(),
    )

    def __init__(self, *args, partnership, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        courses = CoursePage.objects.live().order_by("title")
        self.fields["course"].queryset = courses
        self.fields["renewal_course"].queryset = courses
        self.fields["groups"].queryset = partnership.workforce_groups.all()
        if organisation is None:
            self.fields["organisations"].queryset = partnership.organisations.order_by("name")
        else:
            # A manager's requirement covers their own organisation only.
            del self.fields["organisations"], self.fields["sectors"]

    def clean(self):
        data = super().clean()
        starts, due_by = data.get("starts_on"), data.get("due_by")
        if starts and due_by and due_by < starts:
            self.add_error("due_by", "The fixed due date must be on or after the start date.")
        course, renewal = data.get("course"), data.get("renewal_course")
        if course and renewal and course.pk == renewal.pk:
            self.add_error("renewal_course", "Choose a different renewal course, or none.")
        return data


class RecordForm(forms.Form):
    kind = forms.ChoiceField(
        label="What are you recording?",
        choices=RecordKind.choices,
        widget=forms.RadioSelect,
    )
    provider = forms.CharField(label="Who provided the training", max_length=200, required=False)
    completed_on = forms.DateField(label="Date completed", required=False, widget=DATE)
    reason = forms.CharField(
        label="Reason for the exemption", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.FileField(
        label="Evidence (optional)",
        required=False,
        help_text=f"A PDF, PNG or JPEG, smaller than {MAX_BYTES // (1024 * 1024)} MB.",
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == RecordKind.PRIOR_LEARNING:
            if not data.get("provider", "").strip():
                self.add_error("provider", "Enter who provided the training.")
            if not data.get("completed_on"):
                self.add_error("completed_on", "Enter the date the training was completed.")
            elif data["completed_on"] > timezone.localdate():
                self.add_error("completed_on", "The date must be today or in the past.")
        if data.get("kind") == RecordKind.EXEMPTION and not data.get("reason", "").strip():
            self.add_error("reason", "Enter the reason for the exemption.")
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Decision",
        choices=[("approve", "Approve"), ("decline", "Decline")],
        widget=forms.RadioSelect,
    )
    expires_on = forms.DateField(
        label="Counts until",
        required=False,
        widget=DATE,
        help_text="Required to approve training done elsewhere. For an exemption, leave "
        "blank for no end date.",
    )
    note = forms.CharField(label="Note (optional)", required=False, max_length=500)

    def __init__(self, *args, record, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record

    def clean(self):
        data = super().clean()
        approving = data.get("decision") == "approve"
        expires = data.get("expires_on")
        if approving and self.record.kind == RecordKind.PRIOR_LEARNING and not expires:
            self.add_error("expires_on", "Enter the date the training done elsewhere runs out.")
        if approving and expires and expires <= timezone.localdate():
            self.add_error("expires_on", "The date must be in the future.")
        return data
