"""The GOV.UK date input (day, month and year boxes) as a Django form field.

https://design-system.service.gov.uk/components/date-input/
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError

PARTS = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))


class DateInputWidget(forms.MultiWidget):
    template_name = "resources/widgets/date_input.html"

    def __init__(self, attrs=None):
        widgets = {name: forms.TextInput() for name, _, _ in PARTS}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (_, label, width) in zip(
            context["widget"]["subwidgets"], PARTS, strict=True
        ):
            css = subwidget["attrs"].get("class", "govuk-input")
            subwidget["attrs"]["class"] = (
                f"{css} govuk-date-input__input govuk-input--width-{width}"
            )
            subwidget["attrs"]["inputmode"] = "numeric"
            subwidget["label"] = label
        # The error summary links to the field's id: let that land on "Day".
        if attrs and attrs.get("id"):
            context["widget"]["subwidgets"][0]["attrs"]["id"] = attrs["id"]
        return context

    def id_for_label(self, id_):
        return id_


class DateInputField(forms.MultiValueField):
    widget = DateInputWidget
    default_error_messages = {
        "required": "Enter the date",
        "incomplete": "The date must include a day, month and year",
        "invalid": "The date must be a real date, for example 27 3 2025",
    }

    def __init__(self, **kwargs):
        fields = tuple(forms.CharField(required=False) for _ in PARTS)
        super().__init__(fields, require_all_fields=False, **kwargs)

    def clean(self, value):
        parts = [str(part).strip() if part is not None else "" for part in (value or [])]
        parts += [""] * (len(PARTS) - len(parts))
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        if not all(parts):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            # Digits only, at most four: "1e5", "٣" or a 40-digit year is no date
            # (and a huge one would overflow rather than fail cleanly).
            if not all(part.isascii() and part.isdigit() and len(part) <= 4 for part in parts):
                raise ValueError(parts)
            day, month, year = (int(part) for part in parts)
            if year < 1900:
                raise ValueError(year)
            result = datetime.date(year, month, day)
        except (ValueError, OverflowError) as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
        self.run_validators(result)
        return result
