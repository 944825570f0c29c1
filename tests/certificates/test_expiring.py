import datetime

import pytest
from django.utils import timezone

from certificates.models import Certificate
from certificates.selectors import certificates_expiring_within
from certificates.services import certificate_revoke
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _expiring_in(certificate, days):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_at=timezone.now() + datetime.timedelta(days=days)
    )


def test_certificates_expiring_within_n_days_are_listed_for_reminders(issued):
    _expiring_in(issued, 20)
    assert list(certificates_expiring_within(days=30)) == [issued]
    assert list(certificates_expiring_within(days=10)) == []


def test_expired_revoked_and_never_expiring_certificates_are_not(issued):
    _expiring_in(issued, -1)
    assert not certificates_expiring_within(days=30).exists()
    Certificate.objects.filter(pk=issued.pk).update(expires_at=None)
    assert not certificates_expiring_within(days=30).exists()
    _expiring_in(issued, 5)
    certificate_revoke(certificate=issued, by=UserFactory(), reason="Error")
    assert not certificates_expiring_within(days=30).exists()


def test_the_status_follows_the_expiry_date(issued):
    now = timezone.now()
    assert issued.status(now).label == "Valid"
    assert issued.status(issued.expires_at).label == "Expired"
