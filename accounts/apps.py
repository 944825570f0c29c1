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

        from allauth.mfa.models import Authenticator
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from accounts.models import User

        # The MFA status is cached; a change to anything it depends on forgets it.
        for signal in (post_save, post_delete):
            signal.connect(_owner_changed, sender=Authenticator, dispatch_uid=f"mfa-a-{signal}")
            signal.connect(_user_changed, sender=User, dispatch_uid=f"mfa-u-{signal}")
        for through in (User.groups.through, User.user_permissions.through):
            m2m_changed.connect(_users_changed, sender=through, dispatch_uid=f"mfa-{through}")


def _owner_changed(sender, instance, **kwargs):
    from accounts.mfa_policy import mfa_status_forget

    mfa_status_forget(instance.user_id)


def _user_changed(sender, instance, **kwargs):
    from accounts.mfa_policy import mfa_status_forget

    mfa_status_forget(instance.pk)


def _users_changed(sender, instance, pk_set=None, reverse=False, **kwargs):
    """A user's groups changed (from either side of the relation)."""
    from django.contrib.auth import get_user_model

    from accounts.mfa_policy import mfa_status_forget

    if isinstance(instance, get_user_model()):
        mfa_status_forget(instance.pk)
    else:
        for user_id in pk_set or get_user_model().objects.values_list("pk", flat=True):
            mfa_status_forget(user_id)


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms for our email-and-full-name user."""

    user_viewset = "accounts.viewsets.UserViewSet"
