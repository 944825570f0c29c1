from wagtail import hooks

from kits.audit import register_audit_actions


@hooks.register("register_log_actions")
def register_audited_actions(actions):
    register_audit_actions(actions)
