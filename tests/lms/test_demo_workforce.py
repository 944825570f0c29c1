import pytest
from django.core.management import call_command

from organisations.access import organisations_visible_to
from organisations.models import Invitation, Membership, MembershipState, Sector

pytestmark = pytest.mark.django_db


def test_the_demo_gives_every_staff_screen_something_to_show():
    call_command("seed_demo", allow_demo_accounts=True)
    head = Membership.objects.get(user__email="head@riverside.sch.example")
    assert head.is_manager and head.organisation.name == "Riverside Academy"
    assert list(organisations_visible_to(head.user)) == [head.organisation]
    assert (
        Membership.objects.filter(organisation__sector=Sector.EDUCATION)
        .values("organisation")
        .distinct()
        .count()
        == 2
    )
    assert Membership.objects.pending_requests().filter(organisation=head.organisation).exists()
    assert Invitation.objects.usable().filter(organisation=head.organisation).exists()
    staff = Membership.objects.exclude(user__email__in=["head@riverside.sch.example"])
    assert staff.count() >= 200
    assert staff.filter(state=MembershipState.ENDED).exists()
    assert staff.active().values("group").distinct().count() == 3
    assert staff.active().filter(group=None).count() == 0
