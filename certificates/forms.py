from django import forms

from certificates.codes import code_normalise


class VerifyForm(forms.Form):
    """The public check: one code, typed as printed (case, spaces and dashes ignored)."""

    code = forms.CharField(
        label="Certificate code",
        max_length=100,
        help_text="It is printed on the certificate, in 7 groups of 4 letters and numbers.",
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
                "Enter the code exactly as it is printed on the certificate, "
                "for example 7K3M-9QXR-…: 28 letters and numbers"
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Why is this certificate being revoked?",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Kept with the certificate. It is not shown on the public check.",
    )
