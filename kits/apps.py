from django.apps import AppConfig


class KitsConfig(AppConfig):
    name = "kits"
    verbose_name = "Shared kits"

    def ready(self):
        # Outgoing email is written by the mail kit only: in the admin it is
        # listed and sent again, never added, edited or deleted.
        from wagtail.permissions import register_permission_policy

        from kits.models import OutgoingEmail
        from kits.permissions import ReadOnlyPermissionPolicy

        register_permission_policy(OutgoingEmail, ReadOnlyPermissionPolicy(OutgoingEmail))
