"""Joining, approving, declining, ending and changing memberships.

Every change that a manager makes is written to Wagtail's log with who and when.
"""

from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from organisations.events import membership_changed
from organisations.models import (
    Membership,
    MembershipSource,
    MembershipState,
    Organisation,
    WorkforceGroup,
)
from organisations.notifications import notify_managers_of_request, notify_requester
from organisations.selectors import (
    default_group_of,
    organisation_for_email,
    organisation_matches_email,
)


def _activate(membership: Membership, *, source: str, group=None) -> None:
    membership.state = MembershipState.ACTIVE
    membership.source = source
    membership.joined_at = timezone.now()
    membership.left_at = None
    membership.left_reason = ""
    membership.group = (
        group or membership.group or default_group_of(membership.organisation.partnership)
    )


@transaction.atomic
def membership_join_at_signup(
    *, user, organisation: Organisation | None, job_role: str
) -> Membership | None:
    """Record where a new user says they work.

    A choice whose domains match the email (or no choice, with a known domain)
    waits only for the email to be verified; any other choice is a join request
    for the organisation's managers. Nothing is active yet either way.
    """
    organisation = organisation or organisation_for_email(user.email)
    if organisation is None:
        return None
    matches = organisation_matches_email(organisation, user.email)
    membership, _ = Membership.objects.get_or_create(
        user=user,
        organisation=organisation,
        defaults={
            "job_role": job_role,
            "state": MembershipState.PENDING,
            "source": MembershipSource.DOMAIN if matches else MembershipSource.REQUEST,
            "joined_at": None,
        },
    )
    return membership


@transaction.atomic
def memberships_email_verified(*, user, email: str) -> list[Membership]:
    """A verified address activates pending memberships on its domain; any other
    pending request now goes to the organisation's managers."""
    activated = []
    pending = Membership.objects.select_for_update(of=("self",)).filter(
        user=user, state=MembershipState.PENDING
    )
    for membership in pending.select_related("organisation__partnership"):
        if organisation_matches_email(membership.organisation, email):
            _activate(membership, source=MembershipSource.DOMAIN)
            membership.save()
            log(membership, "organisations.membership.verified", user=user)
            membership_changed(membership)
            activated.append(membership)
        elif membership.source == MembershipSource.REQUEST:
            notify_managers_of_request(membership)
    return activated


def _require_pending(membership: Membership) -> None:
    if membership.state != MembershipState.PENDING:
        raise ValidationError("This request has already been decided.")


@transaction.atomic
def membership_approve(*, membership: Membership, by, group: WorkforceGroup | None = None):
    """A manager accepts a join request: the membership becomes active."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_pending(membership)
    _activate(membership, source=MembershipSource.REQUEST, group=group)
    membership.decided_by = by
    membership.save()
    log(membership, "organisations.membership.approve", user=by)
    membership_changed(membership)
    notify_requester(membership, approved=True)
    return membership


@transaction.atomic
def membership_decline(*, membership: Membership, by) -> Membership:
    """A manager refuses a join request; it grants nothing and stays on record."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    _require_pending(membership)
    membership.state = MembershipState.DECLINED
    membership.decided_by = by
    membership.save(update_fields=["state", "decided_by"])
    log(membership, "organisations.membership.decline", user=by)
    notify_requester(membership, approved=False)
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, by, left_on, reason: str) -> Membership:
    """Someone has left: they drop out of current figures, their records stay."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.state != MembershipState.ACTIVE:
        raise ValidationError("Only a current member can leave.")
    if left_on < timezone.localdate(membership.joined_at):
        raise ValidationError("The leaving date must be on or after the date they joined.")
    if left_on > timezone.localdate():
        raise ValidationError("The leaving date must be today or in the past.")
    left_at = timezone.make_aware(datetime.combine(left_on, time.min))
    membership.state = MembershipState.ENDED
    membership.left_at = left_at
    membership.left_reason = reason
    membership.is_manager = False
    membership.decided_by = by
    membership.save()
    log(membership, "organisations.membership.end", user=by, data={"reason": reason})
    membership_changed(membership)
    return membership


@transaction.atomic
def membership_change(
    *, membership: Membership, by, group: WorkforceGroup, job_role: str, is_manager: bool
) -> Membership:
    """Change a member's workforce group, job role or manager flag."""
    if group.partnership_id != membership.organisation.partnership_id:
        raise ValidationError("Choose one of the partnership's workforce groups.")
    changes = {}
    if membership.group_id != group.pk:
        changes["group"] = [str(membership.group), str(group)]
    if membership.job_role != job_role:
        changes["job_role"] = [membership.job_role, job_role]
    membership.group, membership.job_role = group, job_role
    membership.save(update_fields=["group", "job_role"])
    if changes:
        log(membership, "organisations.membership.change", user=by, data=changes)
    if "group" in changes:
        membership_changed(membership)
    if membership.is_manager != is_manager:
        membership_set_manager(membership=membership, is_manager=is_manager, by=by)
    return membership


@transaction.atomic
def membership_set_manager(*, membership: Membership, is_manager: bool, by) -> Membership:
    """Give or take away the manager flag (only on an active membership)."""
    if is_manager and membership.state != MembershipState.ACTIVE:
        raise ValidationError("Only a current member can be a manager.")
    membership.is_manager = is_manager
    membership.save(update_fields=["is_manager"])
    log(membership, "organisations.membership.manager", user=by, data={"manager": is_manager})
    return membership
