"""Who may see and change which delivery-log entries and parent links.

Built on ``organisations.access``. Anything outside a user's scope is treated
exactly like something that does not exist: views answer 404 for both.
"""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from organisations.access import (
    manager_memberships,
    organisations_visible_to,
    teacher_memberships,
)
from organisations.models import Organisation, Sector
from resources.models import Delivery, ParentLink


def schools_for_teacher(user) -> QuerySet[Organisation]:
    """The schools ``user`` teaches at, where they may log lessons: the
    education-sector organisations they belong to (see ``user_is_teacher``)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        pk__in=teacher_memberships().filter(user=user).values("organisation_id")
    )


def schools_with_log_visible_to(user) -> QuerySet[Organisation]:
    """Schools whose whole delivery log ``user`` may see: the schools they
    manage, and every school in a partnership they lead."""
    return organisations_visible_to(user).filter(sector=Sector.EDUCATION)


def schools_managed_by(user) -> QuerySet[Organisation]:
    """Schools ``user`` manages, which may share plans with their parents."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    managed = manager_memberships().filter(user=user).values("organisation_id")
    return Organisation.objects.filter(sector=Sector.EDUCATION, pk__in=managed)


def school_log_for_user(user, school_id: int) -> Organisation:
    """A school whose log ``user`` may see, or 404."""
    return get_object_or_404(schools_with_log_visible_to(user), pk=school_id)


def deliveries_editable_by(user) -> QuerySet[Delivery]:
    """A teacher edits and deletes only the entries they logged."""
    if not user.is_authenticated:
        return Delivery.objects.none()
    return Delivery.objects.filter(teacher=user)


def delivery_for_editing(user, pk: int) -> Delivery:
    """One of ``user``'s own entries, or 404 (another school's is "missing")."""
    return get_object_or_404(
        deliveries_editable_by(user).select_related("plan", "organisation"), pk=pk
    )


def parent_links_managed_by(user) -> QuerySet[ParentLink]:
    """The parent links of the schools ``user`` manages."""
    return ParentLink.objects.filter(organisation__in=schools_managed_by(user).values("pk"))


def parent_link_for_token(token: str) -> ParentLink:
    """An open link to a live plan, for anyone who holds its token; otherwise 404."""
    return get_object_or_404(
        ParentLink.objects.open().select_related("plan", "organisation"),
        token=token,
        plan__live=True,
    )
