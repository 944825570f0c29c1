"""A chooser for people in the Wagtail admin: a searchable, paginated modal,
so a form never renders every user as an option."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from accounts.models import User


class UserFilterForm(BaseFilterForm):
    q = forms.CharField(
        label="Search by name or email",
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "Name or email"}),
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching, self.search_query = True, query
            objects = objects.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
        return objects


class UserChooseView(ChooseView):
    filter_form_class = UserFilterForm


class UserChooseResultsView(ChooseResultsView):
    filter_form_class = UserFilterForm


class UserChooserViewSet(ChooserViewSet):
    model = User
    icon = "user"
    choose_one_text = "Choose a person"
    choose_another_text = "Choose another person"
    edit_item_text = "Edit this person"
    choose_view_class = UserChooseView
    choose_results_view_class = UserChooseResultsView
    per_page = 25


user_chooser_viewset = UserChooserViewSet("user_chooser")
UserChooserWidget = user_chooser_viewset.widget_class
