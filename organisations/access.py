"""Who may see whose records. Every read of another person's data goes through here.

Anything outside a user's scope is treated exactly like something that does not
exist: views answer 404 for both.
"""

from django.db.models import Q, QuerySet

from organisations.models import Membership, Organisation, Partnership, Sector


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
    return Organisation.objects.filter(
        Q(partnership__leads__user=user) | Q(memberships__user=user, memberships__is_manager=True)
    ).distinct()


def user_can_see_reports(user) -> bool:
    return organisations_visible_to(user).exists()


def user_is_teacher(user) -> bool:
    """A teacher is anyone who belongs to an education-sector organisation."""
    return (
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation__sector=Sector.EDUCATION).exists()
    )


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
