from django.db.models import Count, Q, QuerySet

from organisations.models import (
    Membership,
    MembershipState,
    Organisation,
    OrganisationDomain,
    Partnership,
    WorkforceGroup,
)
from organisations.workforce_defaults import DEFAULT_POSITION, STANDARD_GROUPS


def _domain_candidates(email: str) -> list[str]:
    """``ward.trust.example`` and then ``trust.example`` for ``a@ward.trust.example``."""
    _, at, domain = email.strip().lower().rpartition("@")
    if not at or not domain:
        return []
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]


def organisation_for_email(email: str) -> Organisation | None:
    """The organisation whose registered domain matches ``email``, if any.

    Subdomains count: ``nurse@ward.trust.example`` matches ``trust.example`` when
    ``ward.trust.example`` is not itself registered. The most specific wins.
    """
    candidates = _domain_candidates(email)
    matches = {
        row.domain: row.organisation
        for row in OrganisationDomain.objects.filter(domain__in=candidates).select_related(
            "organisation"
        )
    }
    return next((matches[c] for c in candidates if c in matches), None)


def organisation_matches_email(organisation: Organisation, email: str) -> bool:
    """Whether ``email`` is on one of ``organisation``'s domains or a subdomain of one."""
    candidates = _domain_candidates(email)
    return bool(candidates) and organisation.domains.filter(domain__in=candidates).exists()


def workforce_groups_of(partnership: Partnership) -> list[WorkforceGroup]:
    """The partnership's groups in order, creating the standard list if it has none."""
    groups = list(partnership.workforce_groups.all())
    if groups:
        return groups
    for position, (name, description) in enumerate(STANDARD_GROUPS):
        WorkforceGroup.objects.get_or_create(
            partnership=partnership,
            name=name,
            defaults={
                "description": description,
                "position": position,
                "is_default": position == DEFAULT_POSITION,
            },
        )
    return list(partnership.workforce_groups.all())


def default_group_of(partnership: Partnership) -> WorkforceGroup | None:
    groups = workforce_groups_of(partnership)
    return next((g for g in groups if g.is_default), groups[0] if groups else None)


def staff_of(
    *, memberships: QuerySet[Membership], search: str = "", state: str = "", group_id=None
) -> QuerySet[Membership]:
    """A staff list: ``memberships`` (already scoped by ``organisations.access``)
    filtered by a search of name, email and job role, a state and a group."""
    rows = memberships.select_related("user", "group")
    if search:
        rows = rows.filter(
            Q(user__full_name__icontains=search)
            | Q(user__email__icontains=search)
            | Q(job_role__icontains=search)
        )
    if state in MembershipState.values:
        rows = rows.filter(state=state)
    if group_id:
        rows = rows.filter(group_id=group_id)
    return rows.order_by("user__full_name", "pk")


def staff_counts(memberships: QuerySet[Membership]) -> dict[str, int]:
    """How many memberships are in each state, in one query."""
    row = memberships.aggregate(
        **{state: Count("pk", filter=Q(state=state)) for state in MembershipState.values}
    )
    return row
