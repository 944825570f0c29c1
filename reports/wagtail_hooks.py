from wagtail import hooks

from kits.audit import AuditAction, register_audit_actions

ACTIONS = (
    AuditAction(
        "reports.export",
        "Export report",
        "{what} exported as {format}. Filters: {filters}",
    ),
)


@hooks.register("register_log_actions")
def register_report_actions(actions):
    register_audit_actions(actions, ACTIONS)
