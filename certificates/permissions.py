"""Who may do what with certificates in the Wagtail admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class CertificatePermissionPolicy(ModelPermissionPolicy):
    """Certificates are made by the issuing service and are evidence: in the admin
    they can be looked at (``view``) and revoked (``revoke``, the model's
    ``revoke_certificate`` permission, which superusers have), but never added,
    edited or deleted, by anyone."""

    NEVER = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user, action):
        if action in self.NEVER:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.NEVER]
        if not actions:
            return super().users_with_any_permission(["view"]).none()
        return super().users_with_any_permission(actions)
