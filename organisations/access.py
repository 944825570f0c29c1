"""Who may see whose records. Every read of another person's data goes through here.

Anything outside a user's scope is treated exactly like something that does not
exist: views answer 404 for both.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from organisations.models import (
    Invitation,
    Membership,
    Organisation,
    Partnership,
    PartnershipLead,
    Sector,
    WorkforceGroup,
)


def active_memberships() -> QuerySet[Membership]:
    """Memberships that count: in rights, on certificates and in figures.
    Pending, declined and ended memberships grant nothing (design.md, Evidence)."""
    return Membership.objects.active()


def teacher_memberships() -> QuerySet[Membership]:
    """Memberships that make their holder a teacher: those in an
    education-sector organisation. The one definition of "teacher".
    Pending, declined and ended memberships grant nothing."""
    return active_memberships().filter(organisation__sector=Sector.EDUCATION)


def manager_memberships() -> QuerySet[Membership]:
    """Memberships whose holder manages the organisation and sees its staff's
    records. The one definition of "manager". Only active memberships count."""
    return active_memberships().filter(is_manager=True)


def partnerships_led_by(user) -> QuerySet[Partnership]:
    if not user.is_authenticated:
        return Partnership.objects.none()
    if user.is_superuser:
        return Partnership.objects.all()
    return Partnership.objects.filter(leads__user=user)


def organisations_visible_to(user) -> QuerySet[Organisation]:
    """Organisations whose staff records ``user`` may see."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.all()
    managed = manager_memberships().filter(user=user).values("organisation_id")
    return Organisation.objects.filter(
        Q(partnership__leads__user=user) | Q(pk__in=managed)
    ).distinct()


def user_is_teacher(user) -> bool:
    """A teacher is anyone who belongs to an education-sector organisation."""
    return user.is_authenticated and teacher_memberships().filter(user=user).exists()


def partnership_for_user(user) -> Partnership | None:
    """The partnership whose local contacts a learner should see."""
    if not user.is_authenticated:
        return None
    membership = (
        active_memberships()
        .filter(user=user)
        .select_related("organisation__partnership")
        .order_by("joined_at", "pk")
        .first()
    )
    return membership.organisation.partnership if membership else None


@dataclass(frozen=True)
class Roles:
    sees_reports: bool = False
    is_teacher: bool = False
    manages_staff: bool = False
    opens_admin: bool = False


def user_roles(user) -> Roles:
    """What the site's navigation needs to know about ``user``, in one query."""
    if not user.is_authenticated:
        return Roles()
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            leads=Exists(PartnershipLead.objects.filter(user=OuterRef("pk"))),
            manages=Exists(manager_memberships().filter(user=OuterRef("pk"))),
            teaches=Exists(teacher_memberships().filter(user=OuterRef("pk"))),
            # In this query rather than ``perms`` in the template, which costs two.
            opens_admin=Exists(
                Permission.objects.filter(
                    Q(user=OuterRef("pk")) | Q(group__user=OuterRef("pk")),
                    codename="access_admin",
                    content_type__app_label="wagtailadmin",
                )
            ),
        )
        .values("leads", "manages", "teaches", "opens_admin")
        .first()
    )
    if row is None:
        return Roles()
    return Roles(
        sees_reports=user.is_superuser or row["leads"] or row["manages"],
        is_teacher=row["teaches"],
        manages_staff=user.is_superuser or row["leads"] or row["manages"],
        opens_admin=user.is_superuser or row["opens_admin"],
    )


def privileged_users() -> Q:
    """A condition on users: organisation managers and partnership leads, who
    see other people's records (so must use two-factor authentication)."""
    return Q(partnership_leads__isnull=False) | Q(pk__in=manager_memberships().values("user_id"))


def organisation_for_staff(user, organisation_id: int) -> Organisation:
    """An organisation whose staff ``user`` may see and manage, or 404."""
    return get_object_or_404(
        organisations_visible_to(user).select_related("partnership"), pk=organisation_id
    )


def memberships_visible_to(user, organisation: Organisation) -> QuerySet[Membership]:
    """Every membership of ``organisation``, if ``user`` may see its staff."""
    if not organisations_visible_to(user).filter(pk=organisation.pk).exists():
        return Membership.objects.none()
    return Membership.objects.filter(organisation=organisation)


def membership_for_staff(user, organisation: Organisation, membership_id: int) -> Membership:
    """One membership of ``organisation`` that ``user`` may manage, or 404."""
    return get_object_or_404(
        memberships_visible_to(user, organisation).select_related("user", "group"),
        pk=membership_id,
    )


def invitations_visible_to(user, organisation: Organisation) -> QuerySet[Invitation]:
    if not organisations_visible_to(user).filter(pk=organisation.pk).exists():
        return Invitation.objects.none()
    return Invitation.objects.filter(organisation=organisation)


def invitation_for_staff(user, organisation: Organisation, invitation_id: int) -> Invitation:
    return get_object_or_404(invitations_visible_to(user, organisation), pk=invitation_id)


def partnership_for_lead(user, partnership_id: int) -> Partnership:
    """A partnership ``user`` leads (administrators lead all), or 404."""
    return get_object_or_404(partnerships_led_by(user), pk=partnership_id)


def workforce_groups_visible_to(user) -> QuerySet[WorkforceGroup]:
    return WorkforceGroup.objects.filter(partnership__in=partnerships_led_by(user))
