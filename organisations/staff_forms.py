"""Forms for the pages where managers and leads look after their staff."""

from django import forms
from django.utils import timezone

from organisations.models import MembershipState, WorkforceGroup


class GroupChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class StaffFilterForm(forms.Form):
    q = forms.CharField(label="Search by name, email or job role", required=False, max_length=100)
    state = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Everyone")] + list(MembershipState.choices),
    )
    group = GroupChoiceField(
        label="Workforce group",
        required=False,
        queryset=WorkforceGroup.objects.none(),
        empty_label="All groups",
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class MemberForm(forms.Form):
    group = GroupChoiceField(label="Workforce group", queryset=WorkforceGroup.objects.none())
    job_role = forms.CharField(label="Job role", max_length=120, required=False)
    is_manager = forms.BooleanField(
        label="Manager",
        required=False,
        help_text="Managers see the training records of everyone in the organisation.",
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class EndMembershipForm(forms.Form):
    left_on = forms.DateField(
        label="Date they left",
        help_text="For example, 27 3 2026. Their training records are kept.",
        widget=forms.DateInput(attrs={"type": "date"}),
        initial=timezone.localdate,
    )
    reason = forms.CharField(
        label="Reason",
        max_length=200,
        help_text="For example, moved to another employer or retired.",
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    full_name = forms.CharField(label="Full name", max_length=200, required=False)
    job_role = forms.CharField(label="Job role", max_length=120, required=False)
    group = GroupChoiceField(label="Workforce group", queryset=WorkforceGroup.objects.none())
    is_manager = forms.BooleanField(
        label="Make them a manager",
        required=False,
        help_text="Managers see the training records of everyone in the organisation.",
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        self.fields["group"].initial = next((g.pk for g in groups if g.is_default), None)


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text=(
            "A CSV or XLSX file with the columns email, full name, job role and "
            "workforce group, and optionally manager (yes or no)."
        ),
    )

    MAX_BYTES = 10 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError("The file must be smaller than 10 MB.")
        return upload


class RequestDecisionForm(forms.Form):
    group = GroupChoiceField(
        label="Workforce group",
        queryset=WorkforceGroup.objects.none(),
        required=False,
    )

    def __init__(self, *args, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups


class OrganisationSettingsForm(forms.Form):
    headcount = forms.IntegerField(
        label="Workforce headcount",
        min_value=0,
        max_value=1_000_000,
        help_text="How many staff should be trained; used for coverage figures.",
    )
    domains = forms.CharField(
        label="Email domains",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
        help_text=(
            "One a line, such as riverside.sch.example. Verified addresses on these "
            "domains, or their subdomains, join the organisation without approval."
        ),
    )

    def clean_domains(self):
        from organisations.models import domain_validator

        domains = []
        for line in self.cleaned_data["domains"].splitlines():
            domain = line.strip().lower().removeprefix("@")
            if not domain:
                continue
            try:
                domain_validator(domain)
            except forms.ValidationError:
                raise forms.ValidationError(
                    f"“{domain}” is not a domain. Enter domains such as example.org.uk."
                ) from None
            if domain not in domains:
                domains.append(domain)
        return domains


class WorkforceGroupForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120)
    description = forms.CharField(label="Description", max_length=300, required=False)
