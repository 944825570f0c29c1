"""The audit trail: who did what to which record, and when.

Built on Wagtail's log entries, so administrators read and filter it in the
admin's site history report (Reports > Site history: by action, user and date).
Each audited action is named here and registered with Wagtail by
``kits/wagtail_hooks.py``; other apps register theirs the same way, through the
``register_log_actions`` hook, and record them with :func:`audit_log`.
"""

from dataclasses import dataclass

from wagtail.log_actions import LogFormatter, log


@dataclass(frozen=True)
class AuditAction:
    """``message`` may name keys of the entry's ``data``, e.g. ``{reason}``."""

    action: str
    label: str
    message: str


ACTIONS = (
    AuditAction(
        "certificates.revoke", "Revoke certificate", "Certificate revoked. Reason: {reason}"
    ),
    AuditAction(
        "certificates.retry",
        "Retry certificate",
        "Stuck certificate retried. Last error: {last_error}",
    ),
    AuditAction(
        "kits.email_retry",
        "Send email again",
        "Email sent again ({was} before): {subject}",
    ),
    AuditAction(
        "resources.delivery_log_export",
        "Export delivery log",
        "Delivery log of {school} exported as CSV",
    ),
    AuditAction(
        "accounts.superuser_granted", "Grant administrator", "Made an administrator (superuser)"
    ),
    AuditAction("accounts.superuser_removed", "Remove administrator", "No longer an administrator"),
    AuditAction("accounts.groups_added", "Add to groups", "Added to groups: {groups}"),
    AuditAction("accounts.groups_removed", "Remove from groups", "Removed from groups: {groups}"),
)


class AuditFormatter(LogFormatter):
    """Fills the action's message from the entry's data; a missing key shows as
    a blank rather than breaking the report."""

    def format_message(self, log_entry):
        data = log_entry.data if isinstance(log_entry.data, dict) else {}
        return self.message.format_map(_Blank(data))


class _Blank(dict):
    def __missing__(self, key):
        return ""


def register_audit_actions(actions, audit_actions=ACTIONS) -> None:
    """Register ``audit_actions`` with Wagtail's log action registry."""
    for item in audit_actions:
        formatter = type(
            "AuditFormatter", (AuditFormatter,), {"label": item.label, "message": item.message}
        )
        actions.register_action(item.action)(formatter)


def audit_log(*, instance, action: str, user=None, data: dict | None = None):
    """Record ``action`` on ``instance`` by ``user`` (by default the admin user
    Wagtail's log context holds), now. Call it inside the transaction that makes
    the change, so the record and the change commit together."""
    return log(instance, action, user=user, data=data or {})
