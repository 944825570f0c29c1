"""How compliance hears about the events of the apps to its left, and answers
My learning: each through a named Wagtail hook (see docs/decisions.md)."""

from wagtail import hooks

from compliance.viewsets import RequirementViewSet


def _recompute_later(*, user_id: int) -> None:
    # Called on commit by the announcing app; the work itself goes to a worker.
    from compliance.tasks import recompute_person

    recompute_person.delay(user_id)


hooks.register("organisations_membership_changed", _recompute_later)
hooks.register("courses_enrolment_changed", _recompute_later)
hooks.register("certificates_certificate_revoked", _recompute_later)


@hooks.register("courses_required_training")
def required_training(*, user):
    from compliance.selectors import required_training_for

    return required_training_for(user=user)


@hooks.register("register_admin_viewset")
def register_requirement_admin():
    return RequirementViewSet("compliance_requirements")


@hooks.register("register_log_actions")
def register_compliance_log_actions(actions):
    actions.register_action("compliance.requirement.retire", "Retire requirement", "Retired")
    actions.register_action("compliance.record.approve", "Approve record", "Approved")
    actions.register_action("compliance.record.decline", "Decline record", "Declined")
