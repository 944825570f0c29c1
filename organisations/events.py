"""Membership events for the apps to the right (compliance), through a named
Wagtail hook so organisations imports none of them (see docs/decisions.md).

A handler registered for ``organisations_membership_changed`` is called with
``user_id=`` once the transaction that activated, ended or moved a membership
commits; it should enqueue its work rather than do it.
"""

from django.db import transaction
from wagtail import hooks

MEMBERSHIP_CHANGED_HOOK = "organisations_membership_changed"


def membership_changed(membership) -> None:
    """Announce, on commit, that ``membership`` joined, left, rejoined or moved group."""
    user_id = membership.user_id

    def announce():
        for handler in hooks.get_hooks(MEMBERSHIP_CHANGED_HOOK):
            handler(user_id=user_id)

    transaction.on_commit(announce)
