import pytest

from compliance.models import Assignment

pytestmark = pytest.mark.django_db


def test_known_data_set_statuses(known):
    statuses = sorted(
        Assignment.objects.filter(organisation=known.ash).values_list("status", flat=True)
    )
    assert statuses == ["completed", "completed", "completed", "exempt", "overdue", "overdue"]


def test_dashboard_smoke(lead_client, known):
    response = lead_client.get(f"/reports/partnerships/{known.partnership.pk}/")
    assert response.status_code == 200, response.content[:3000]
    body = response.content.decode()
    assert "23.5%" in body
