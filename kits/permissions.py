"""An admin permission policy for records the service writes and people only
read and act on (certificates, outgoing email): they may be viewed, and the
model's own extra permissions (revoke, retry) apply, but nobody adds, edits
or deletes them in the admin, superusers included."""

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
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
