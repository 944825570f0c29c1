from django import forms

from organisations.models import Organisation
from organisations.services import membership_join_at_signup


class SignupForm(forms.Form):
    """The extra questions allauth's sign-up asks: name, organisation and role.

    The organisation is optional: someone whose employer is not listed yet can
    still sign up, and a known email domain fills it in when left blank.
    """

    full_name = forms.CharField(
        label="Full name",
        max_length=200,
        help_text="As it should appear on your certificates.",
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.select_related("partnership").order_by("name"),
        required=False,
        empty_label="Not listed or not sure",
        help_text="Where you work. Start typing to search. Leave it if yours is not listed.",
    )
    job_role = forms.CharField(
        label="Job role",
        max_length=120,
        help_text="For example, school nurse, youth worker or taxi driver.",
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )

    field_order = ["full_name", "email", "organisation", "job_role", "password1", "password2"]

    def signup(self, request, user):
        membership_join_at_signup(
            user=user,
            organisation=self.cleaned_data.get("organisation"),
            job_role=self.cleaned_data["job_role"],
        )
