"""Enrolment events for the apps to the right (compliance), through a named
Wagtail hook so courses imports none of them (see docs/decisions.md).

A handler registered for ``courses_enrolment_changed`` is called with
``user_id=`` once the transaction that started or completed an enrolment
commits; it should enqueue its work rather than do it.
"""

from django.db import transaction
from wagtail import hooks

ENROLMENT_CHANGED_HOOK = "courses_enrolment_changed"


def enrolment_changed(enrolment) -> None:
    """Announce, on commit, that ``enrolment`` started or completed."""
    user_id = enrolment.user_id

    def announce():
        for handler in hooks.get_hooks(ENROLMENT_CHANGED_HOOK):
            handler(user_id=user_id)

    transaction.on_commit(announce)
