"""Ordinary mistakes and odd input get a clear answer and change nothing."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/organisations/suggest/?email=a@b%00c",
        "/rse/for-parents/%00/",
        "/certificates/verify/?code=AB%00CD",
        "/%00/",
    ],
)
def test_a_nul_character_is_refused_with_a_message(client, home, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "a character we cannot accept" in response.content.decode()


def test_a_nul_character_in_a_form_is_refused_and_saves_nothing(client, password):
    from django.contrib.auth import get_user_model

    response = client.post(
        "/accounts/signup/",
        {"email": "nul\x00@example.org", "password1": password, "password2": password},
    )
    assert response.status_code == 400
    assert not get_user_model().objects.exists()


def test_ordinary_addresses_pass(client, home):
    assert client.get("/organisations/suggest/?email=a%2500@b.example").status_code == 200
