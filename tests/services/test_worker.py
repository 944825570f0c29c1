import pytest
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from kits.mail import mail_send_later
from tests.services.conftest import wait_for

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True),
]


def test_the_services_lane_uses_a_real_broker_and_shared_cache(celery_worker_process):
    from lms.celery import app

    assert not app.conf.task_always_eager
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    assert settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def test_an_email_is_sent_by_the_worker_process(celery_worker_process, mail_dir):
    message = EmailMultiAlternatives(
        subject="Confirm your email address",
        body="Follow the link to confirm: https://training.example/confirm/abc/",
        from_email="training@safeguarding.example",
        to=["worker-test@example.org"],
    )
    mail_send_later(message)  # outside a transaction: queued at once

    sent = wait_for(lambda: list(mail_dir.iterdir()))
    assert sent, "the worker did not send the email"
    text = "".join(path.read_text() for path in sent)
    assert "worker-test@example.org" in text
    assert "Confirm your email address" in text
