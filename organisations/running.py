"""Managers and leads running their own organisations: domains and headcount,
and, for leads, the partnership's ordered list of workforce groups."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from wagtail.log_actions import log

from organisations.models import (
    Invitation,
    Organisation,
    OrganisationDomain,
    Partnership,
    WorkforceGroup,
)
from organisations.selectors import workforce_groups_of


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, headcount: int, domains: list[str], by
) -> Organisation:
    """Set the headcount and the registered email domains. A domain registered
    to another organisation is refused, naming it."""
    taken = (
        OrganisationDomain.objects.filter(domain__in=domains)
        .exclude(organisation=organisation)
        .values_list("domain", flat=True)
    )
    if taken:
        raise ValidationError(
            f"{', '.join(sorted(taken))} belongs to another organisation. Ask the partnership."
        )
    before = sorted(organisation.domains.values_list("domain", flat=True))
    organisation.domains.exclude(domain__in=domains).delete()
    OrganisationDomain.objects.bulk_create(
        [
            OrganisationDomain(organisation=organisation, domain=domain)
            for domain in domains
            if domain not in before
        ]
    )
    changes = {}
    if organisation.headcount != headcount:
        changes["headcount"] = [organisation.headcount, headcount]
    if before != sorted(domains):
        changes["domains"] = [before, sorted(domains)]
    organisation.headcount = headcount
    organisation.save(update_fields=["headcount"])
    if changes:
        log(organisation, "wagtail.edit", user=by, data=changes)
    return organisation


@transaction.atomic
def workforce_group_save(
    *, partnership: Partnership, name: str, description: str, group=None, by
) -> WorkforceGroup:
    """Add a group at the end of the list, or rename one."""
    if group is None:
        position = len(workforce_groups_of(partnership))
        group = WorkforceGroup(partnership=partnership, position=position)
    group.name, group.description = name.strip(), description.strip()
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError:
        raise ValidationError(f"There is already a group called “{name}”.") from None
    log(group, "wagtail.edit", user=by)
    return group


@transaction.atomic
def workforce_group_move(*, group: WorkforceGroup, up: bool, by) -> None:
    """Swap a group with its neighbour in the list."""
    groups = list(
        WorkforceGroup.objects.select_for_update().filter(partnership_id=group.partnership_id)
    )
    index = next(i for i, g in enumerate(groups) if g.pk == group.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(groups):
        return
    groups[index], groups[other] = groups[other], groups[index]
    for position, item in enumerate(groups):
        item.position = position
    WorkforceGroup.objects.bulk_update(groups, ["position"])


@transaction.atomic
def workforce_group_make_default(*, group: WorkforceGroup, by) -> None:
    WorkforceGroup.objects.filter(partnership_id=group.partnership_id, is_default=True).update(
        is_default=False
    )
    WorkforceGroup.objects.filter(pk=group.pk).update(is_default=True)
    log(group, "wagtail.edit", user=by, data={"default": True})


@transaction.atomic
def workforce_group_delete(*, group: WorkforceGroup, by) -> None:
    """Remove a group nobody is in and no invitation uses; never the default."""
    if group.is_default:
        raise ValidationError("Make another group the default before removing this one.")
    if group.memberships.exists():
        raise ValidationError("Move everyone out of this group before removing it.")
    Invitation.objects.filter(group=group).update(group=None)
    partnership_id = group.partnership_id
    log(group, "wagtail.delete", user=by)
    group.delete()
    WorkforceGroup.objects.filter(
        partnership_id=partnership_id, position__gt=group.position
    ).update(position=F("position") - 1)
