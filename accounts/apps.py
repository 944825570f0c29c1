from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default = True


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-and-full-name user."""

    user_viewset = "accounts.viewsets.UserViewSet"
