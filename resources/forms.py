import uuid

from django import forms

from resources.date_input import DateInputField
from resources.models import Delivery, LessonPlanPage
from resources.models.taxonomy import YEAR_GROUP_CHOICES


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.get_key_stage_display()})"


class DeliveryForm(forms.ModelForm):
    """A lesson taught. The rules (date, pupils, year group for the key stage)
    live on the model; the duplicate check lives in the service."""

    plan = PlanChoiceField(
        label="Lesson plan",
        queryset=LessonPlanPage.objects.none(),
        empty_label="Choose a lesson plan",
        error_messages={"required": "Choose the lesson plan you taught"},
    )
    year_group = forms.TypedChoiceField(
        label="Year group",
        choices=[("", "Choose a year group"), *YEAR_GROUP_CHOICES],
        coerce=int,
        error_messages={"required": "Choose the year group you taught"},
    )
    delivered_on = DateInputField(label="Date you taught it", help_text="For example, 27 3 2025")
    confirm_duplicate = forms.BooleanField(label="Log it anyway", required=False)
    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Delivery
        fields = [
            "plan",
            "organisation",
            "year_group",
            "class_name",
            "delivered_on",
            "pupils",
            "notes",
        ]
        labels = {
            "organisation": "School",
            "class_name": "Class (optional)",
            "notes": "Notes (optional)",
        }
        help_texts = {
            "class_name": "For example, 9B or 9 Maple.",
            "pupils": "How many pupils were in the lesson.",
            "notes": "For example, how it went or what to change next time.",
        }
        error_messages = {
            "organisation": {"required": "Choose the school you taught at"},
            "pupils": {
                "required": "Enter the number of pupils",
                "invalid": "The number of pupils must be a whole number, like 28",
            },
        }
        widgets = {
            "pupils": forms.TextInput(
                attrs={"inputmode": "numeric", "class": "govuk-input--width-3"}
            ),
            "class_name": forms.TextInput(attrs={"class": "govuk-input--width-10"}),
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = LessonPlanPage.objects.live().order_by("key_stage", "title")
        self.fields["organisation"].queryset = schools
        self.fields["organisation"].empty_label = "Choose a school"
        only = list(schools[:2])
        if len(only) == 1:
            # One school: nothing to choose, so nothing to show.
            self.fields["organisation"].widget = forms.HiddenInput()
            self.fields["organisation"].initial = only[0].pk
        if self.instance.pk is None and not self.is_bound:
            self.initial.setdefault("submission_token", uuid.uuid4())

    @property
    def duplicate_warning(self) -> bool:
        """Show the "Log it anyway" box once the service has found a likely duplicate."""
        return bool(self.errors.get("confirm_duplicate") or self.data.get("confirm_duplicate"))

    def clean_submission_token(self):
        # A form without a token (an old tab, a hand-made post) still works,
        # it just loses the double-submit protection.
        return self.cleaned_data["submission_token"] or uuid.uuid4()


class ParentLinkForm(forms.Form):
    plan = forms.ModelChoiceField(queryset=LessonPlanPage.objects.live(), widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        label="School", queryset=None, empty_label="Choose a school"
    )

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = schools
