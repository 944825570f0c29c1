"""Who may see whose records. Every read of another person's data goes through here.

Anything outside a user's scope is treated exactly like something that does not
exist: views answer 404 for both.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet

from organisations.models import Membership, Organisation, Partnership, PartnershipLead, Sector


def active_memberships() -> QuerySet[Membership]:
    """Memberships that count in figures: the one definition of "active". Every
    membership counts until membership verification (design.md, Evidence)
    narrows it."""
    return Membership.objects.all()


def teacher_memberships() -> QuerySet[Membership]:
    """Memberships that make their holder a teacher: those in an
    education-sector organisation. The one definition of "teacher"."""
    return Membership.objects.filter(organisation__sector=Sector.EDUCATION)


def manager_memberships() -> QuerySet[Membership]:
    """Memberships whose holder manages the organisation and sees its staff's
    records. The one definition of "manager"."""
    return Membership.objects.filter(is_manager=True)


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
        Membership.objects.filter(user=user)
        .select_related("organisation__partnership")
        .order_by("created_at")
        .first()
    )
    return membership.organisation.partnership if membership else None


@dataclass(frozen=True)
class Roles:
    sees_reports: bool = False
    is_teacher: bool = False


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
        )
        .values("leads", "manages", "teaches")
        .first()
    )
    if row is None:
        return Roles()
    return Roles(
        sees_reports=user.is_superuser or row["leads"] or row["manages"],
        is_teacher=row["teaches"],
    )
