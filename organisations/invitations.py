"""Inviting people to an organisation and accepting invitations.

An invitation's link is single-use and expires after 14 days. Its email goes
through Celery after commit; the task records each send before making it, so a
retry or a second worker never sends the same invitation twice.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from wagtail.log_actions import log

from organisations.events import membership_changed
from organisations.models import (
    Invitation,
    Membership,
    MembershipSource,
    MembershipState,
    Organisation,
    WorkforceGroup,
)
from organisations.models.invitations import new_expiry, new_token
from organisations.selectors import default_group_of


def invitations_enqueue(ids: list[int]) -> None:
    """Send these invitations' emails once the transaction commits."""
    from organisations.tasks import send_invitations

    chunk = 500
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        transaction.on_commit(lambda part=part: send_invitations.delay(part))


def _is_current_member(organisation: Organisation, email: str) -> bool:
    return (
        Membership.objects.active()
        .filter(organisation=organisation)
        .annotate(address=Lower("user__email"))
        .filter(address=email.lower())
        .exists()
    )


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    full_name: str,
    job_role: str,
    group: WorkforceGroup | None,
    is_manager: bool,
    by,
) -> Invitation:
    """Invite one person. Someone already on the staff, or already invited,
    is refused with a message (resend the open invitation instead)."""
    email = email.strip()
    if _is_current_member(organisation, email):
        raise ValidationError(f"{email} is already a member of {organisation}.")
    if group is not None and group.partnership_id != organisation.partnership_id:
        raise ValidationError("Choose one of the partnership's workforce groups.")
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                organisation=organisation,
                email=email,
                full_name=full_name,
                job_role=job_role,
                group=group,
                is_manager=is_manager,
                invited_by=by,
            )
    except IntegrityError:
        raise ValidationError(
            f"{email} has already been invited. Resend that invitation instead."
        ) from None
    invitations_enqueue([invitation.pk])
    return invitation


@transaction.atomic
def invitation_resend(*, invitation: Invitation, by) -> Invitation:
    """Send an open invitation again with a fresh link and a fresh 14 days.
    The old link stops working."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError("This invitation has already been used or withdrawn.")
    invitation.token = new_token()
    invitation.expires_at = new_expiry()
    invitation.sends_requested += 1
    invitation.save(update_fields=["token", "expires_at", "sends_requested"])
    invitations_enqueue([invitation.pk])
    return invitation


@transaction.atomic
def invitation_withdraw(*, invitation: Invitation, by) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


def _lock_usable(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organisation__partnership")
        .filter(token=token)
        .first()
    )
    if invitation is None or invitation.accepted_at or invitation.revoked_at:
        raise ValidationError("This invitation link has already been used or withdrawn.")
    if invitation.has_expired:
        raise ValidationError("This invitation link has expired. Ask for a new one.")
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, user) -> Membership:
    """The signed-in ``user`` accepts: their membership becomes active at once.

    Only the invited address may accept: a forwarded or leaked link does not let
    another account join (the invitation stays open for its invitee)."""
    invitation = _lock_usable(token)
    if not _holds_address(user, invitation.email):
        raise ValidationError(
            f"This invitation was sent to {invitation.email}. Sign in with that address "
            "to accept it, or ask the manager to invite the address you use."
        )
    membership, _ = Membership.objects.select_for_update().get_or_create(
        user=user,
        organisation=invitation.organisation,
        defaults={"joined_at": None, "state": MembershipState.PENDING},
    )
    membership.state = MembershipState.ACTIVE
    membership.source = MembershipSource.INVITATION
    if membership.joined_at is None or membership.left_at is not None:
        membership.joined_at = timezone.now()
    membership.left_at, membership.left_reason = None, ""
    membership.job_role = invitation.job_role or membership.job_role
    membership.group = (
        invitation.group
        or membership.group
        or default_group_of(invitation.organisation.partnership)
    )
    membership.is_manager = membership.is_manager or invitation.is_manager
    membership.save()
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log(membership, "organisations.membership.invited", user=user)
    membership_changed(membership)
    return membership


def _holds_address(user, email: str) -> bool:
    """Whether ``email`` is ``user``'s sign-in address or one they have verified."""
    if user.email.casefold() == email.casefold():
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def invitation_accept_new_account(*, token: str, full_name: str, password: str):
    """Create the invitee's account with the invited address already verified
    (following the link proves they hold it), then accept."""
    invitation = _lock_usable(token)
    User = get_user_model()
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError("An account with this email address exists. Sign in to accept.")
    user = User.objects.create_user(email=invitation.email, password=password, full_name=full_name)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    membership = invitation_accept(token=token, user=user)
    return user, membership
