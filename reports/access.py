"""Who may open which report. Every report reads through here, and through
``organisations.access`` beneath it: out of scope answers 404, exactly as a
missing partnership or organisation does.

- Partnership reports (dashboard, schools, knowledge, evidence packs): the
  partnership's leads and administrators.
- Organisation reports (the staff list and a person's history): the
  organisation's managers, its partnership's leads and administrators.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import (
    organisation_for_staff,
    organisations_visible_to,
    partnership_for_lead,
    partnerships_led_by,
)
from organisations.models import Membership, MembershipState, Organisation, Partnership


def partnership_for_reports(user, partnership_id: int) -> Partnership:
    """A partnership whose reports ``user`` may read, or 404."""
    return partnership_for_lead(user, partnership_id)


def organisation_for_reports(user, organisation_id: int) -> Organisation:
    """An organisation whose staff report ``user`` may read, or 404."""
    return organisation_for_staff(user, organisation_id)


def member_for_reports(user, organisation: Organisation, membership_id: int) -> Membership:
    """One membership of ``organisation`` (active or ended: history is kept)
    whose record ``user`` may read, or 404."""
    if not organisations_visible_to(user).filter(pk=organisation.pk).exists():
        raise Http404("No such person.")
    return get_object_or_404(
        Membership.objects.filter(
            organisation=organisation, state__in=[MembershipState.ACTIVE, MembershipState.ENDED]
        ).select_related("user", "group"),
        pk=membership_id,
    )


def reports_scope(user) -> tuple[list[Partnership], list[Organisation]]:
    """What the reports home lists: the partnerships led, and the organisations
    managed outside them. 404 for anyone with neither, as if Reports did not
    exist."""
    partnerships = list(partnerships_led_by(user).order_by("name"))
    led = {p.pk for p in partnerships}
    organisations = list(
        organisations_visible_to(user)
        .exclude(partnership_id__in=led)
        .select_related("partnership")
        .order_by("name")
    )
    if not partnerships and not organisations:
        raise Http404("No reports.")
    return partnerships, organisations
