from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from accounts.models import User

NAME_FIELDS = {"email", "full_name", "job_role", "is_superuser", "groups"}


class UserCreateForm(UserCreationForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label="Full name", max_length=200)

    class Meta(UserCreationForm.Meta):
        model = User
        fields = NAME_FIELDS


class UserChangeForm(UserEditForm):
    first_name = None
    last_name = None
    full_name = forms.CharField(label="Full name", max_length=200)

    class Meta(UserEditForm.Meta):
        model = User
        fields = NAME_FIELDS | {"is_active"}


class UserViewSet(WagtailUserViewSet):
    template_prefix = "accounts/wagtail_users/"

    def get_form_class(self, for_update=False):
        return UserChangeForm if for_update else UserCreateForm
