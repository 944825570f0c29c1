"""Managers run their organisation; leads run every organisation in their
partnership and its workforce groups, without being superusers."""

import pytest

from organisations.models import OrganisationDomain, WorkforceGroup
from organisations.selectors import workforce_groups_of
from tests.organisations.factories import (
    MembershipFactory,
    OrganisationDomainFactory,
    PartnershipLeadFactory,
)

pytestmark = pytest.mark.django_db


def test_a_manager_sets_the_headcount_and_domains(head_client, school):
    url = f"/organisations/{school.pk}/settings/"
    response = head_client.post(
        url, {"headcount": "120", "domains": "riverside.sch.example\n@RIVERSIDE.example\n"}
    )
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.headcount == 120
    assert set(school.domains.values_list("domain", flat=True)) == {
        "riverside.sch.example",
        "riverside.example",
    }


@pytest.mark.parametrize(
    "domains, message",
    [
        ("not a domain", "“not a domain” is not a domain"),
        ("hilltop.sch.example", "hilltop.sch.example belongs to another organisation"),
    ],
)
def test_bad_or_taken_domains_are_refused_and_nothing_changes(
    head_client, school, other_school, domains, message
):
    OrganisationDomainFactory(organisation=other_school, domain="hilltop.sch.example")
    response = head_client.post(
        f"/organisations/{school.pk}/settings/", {"headcount": "5", "domains": domains}
    )
    assert message in response.content.decode()
    school.refresh_from_db()
    assert school.headcount != 5
    assert list(school.domains.values_list("domain", flat=True)) == ["riverside.sch.example"]


def test_a_manager_cannot_edit_another_organisation_or_the_groups(
    head_client, school, other_school
):
    assert head_client.get(f"/organisations/{other_school.pk}/settings/").status_code == 404
    url = f"/organisations/partnerships/{school.partnership_id}/groups/"
    assert head_client.get(url).status_code == 404


def test_a_lead_edits_any_organisation_in_their_partnership(client, school, other_school, lead):
    client.force_login(lead)
    url = f"/organisations/{other_school.pk}/settings/"
    assert client.post(url, {"headcount": "33", "domains": ""}).status_code == 302
    other_school.refresh_from_db()
    assert other_school.headcount == 33
    elsewhere = PartnershipLeadFactory().partnership
    assert client.get(f"/organisations/partnerships/{elsewhere.pk}/groups/").status_code == 404


def test_a_lead_adds_reorders_and_removes_workforce_groups(client, school, lead):
    client.force_login(lead)
    base = f"/organisations/partnerships/{school.partnership_id}/groups/"
    client.post(base, {"name": "Group 4: volunteers", "description": ""})
    client.post(base, {"name": "group 4: VOLUNTEERS"})  # same name, any case: refused
    groups = workforce_groups_of(school.partnership)
    assert [g.name for g in groups][-1] == "Group 4: volunteers"
    assert len(groups) == 4
    new = groups[-1]
    client.post(f"{base}{new.pk}/up/")
    assert [g.pk for g in workforce_groups_of(school.partnership)][2] == new.pk
    client.post(f"{base}{new.pk}/default/")
    assert WorkforceGroup.objects.get(partnership=school.partnership, is_default=True) == new
    client.post(f"{base}{groups[0].pk}/delete/")
    assert WorkforceGroup.objects.filter(pk=groups[0].pk).exists() is False


def test_a_group_with_members_or_the_default_cannot_be_removed(client, school, lead):
    client.force_login(lead)
    groups = workforce_groups_of(school.partnership)
    MembershipFactory(organisation=school, group=groups[1])
    base = f"/organisations/partnerships/{school.partnership_id}/groups/"
    client.post(f"{base}{groups[1].pk}/delete/")
    client.post(f"{base}{groups[0].pk}/delete/")
    assert WorkforceGroup.objects.filter(pk__in=[groups[0].pk, groups[1].pk]).count() == 2
    assert OrganisationDomain.objects.count() == 1


def test_a_lead_renames_a_workforce_group(client, school, lead):
    client.force_login(lead)
    group = workforce_groups_of(school.partnership)[1]
    url = f"/organisations/partnerships/{school.partnership_id}/groups/{group.pk}/"
    assert group.name in client.get(url).content.decode()
    response = client.post(url, {"name": "Group 2: regular contact with children"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.name == "Group 2: regular contact with children"
    other = WorkforceGroup.objects.exclude(partnership=school.partnership).first()
    if other is not None:
        elsewhere = f"/organisations/partnerships/{other.partnership_id}/groups/{other.pk}/"
        assert client.get(elsewhere).status_code == 404
