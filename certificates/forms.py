from django import forms

from certificates.codes import code_normalise


class VerifyForm(forms.Form):
    """The public check: one code, typed as printed (case, spaces and dashes ignored)."""

    code = forms.CharField(
        label="Certificate code",
        max_length=100,
        help_text="It is printed on the certificate, like ABCD-EFGH-JKMN-PQRS-TWXY-Z234-5678.",
        error_messages={"required": "Enter the certificate code"},
        widget=forms.TextInput(
            attrs={
                "class": "govuk-input--width-30",
                "autocomplete": "off",
                "spellcheck": "false",
                "autocapitalize": "characters",
            }
        ),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                "Enter the certificate code in the correct format: "
                "28 letters and numbers, in groups of 4"
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Why is this certificate being revoked?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Kept with the certificate. It is not shown on the public check.",
    )
