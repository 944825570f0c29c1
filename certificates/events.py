"""Certificate events for the apps to the right (compliance), through a named
Wagtail hook so certificates imports none of them (see docs/decisions.md).

A handler registered for ``certificates_certificate_revoked`` is called with
``user_id=`` once the transaction that revoked a certificate commits; it
should enqueue its work rather than do it.
"""

from django.db import transaction
from wagtail import hooks

CERTIFICATE_REVOKED_HOOK = "certificates_certificate_revoked"


def certificate_revoked(certificate) -> None:
    """Announce, on commit, that ``certificate`` was revoked."""
    user_id = certificate.enrolment.user_id

    def announce():
        for handler in hooks.get_hooks(CERTIFICATE_REVOKED_HOOK):
            handler(user_id=user_id)

    transaction.on_commit(announce)
