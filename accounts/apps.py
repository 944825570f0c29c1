from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"
    default = True

    def ready(self):
        # Role changes are audited however they are made (accounts/audit.py).
        from accounts import audit

        audit.connect()


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-and-full-name user."""

    user_viewset = "accounts.viewsets.UserViewSet"
