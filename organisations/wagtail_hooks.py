from wagtail import hooks

from organisations.access import privileged_users
from organisations.viewsets import OrganisationsViewSetGroup


@hooks.register("register_admin_viewset")
def register_organisation_admin():
    return OrganisationsViewSetGroup()


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    actions.register_action(
        "organisations.membership.verified", "Verify by email domain", "Verified by email domain"
    )
    actions.register_action("organisations.membership.approve", "Approve request", "Approved")
    actions.register_action("organisations.membership.decline", "Decline request", "Declined")
    actions.register_action("organisations.membership.end", "End membership", "Left")
    actions.register_action("organisations.membership.change", "Change member", "Changed")
    actions.register_action(
        "organisations.membership.manager", "Change manager flag", "Manager flag changed"
    )
    actions.register_action(
        "organisations.membership.invited", "Accept invitation", "Joined by invitation"
    )


@hooks.register("accounts_privileged_users")
def organisation_roles_are_privileged():
    """Managers and leads see other people's records, so they need MFA."""
    return privileged_users()
