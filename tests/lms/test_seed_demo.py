import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from lms.demo import DEMO_USERS
from lms.models import HomePage
from organisations.models import Membership, Organisation, Partnership, Sector

pytestmark = pytest.mark.django_db


def counts():
    models = (get_user_model(), Organisation, Partnership, Membership, Page, Site)
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_twice_creates_nothing_new(capsys):
    call_command("seed_demo", allow_demo_accounts=True)
    first = counts()
    call_command("seed_demo", allow_demo_accounts=True)
    assert counts() == first
    assert "0 organisations, 0 users, 0 pages added" in capsys.readouterr().out


def test_seed_demo_makes_a_partnership_with_a_school_and_one_user_per_role(capsys):
    call_command("seed_demo", allow_demo_accounts=True)
    assert Partnership.objects.count() == 1
    assert Organisation.objects.count() >= 8
    assert Organisation.objects.filter(sector=Sector.EDUCATION).exists()
    roles = {demo.role for demo in DEMO_USERS}
    assert roles == {
        "learner",
        "teacher",
        "organisation manager",
        "partnership lead",
        "editor",
        "administrator",
    }
    output = capsys.readouterr().out
    for demo in DEMO_USERS:
        assert demo.email in output and demo.password in output
        user = get_user_model().objects.get(email=demo.email)
        assert user.check_password(demo.password)


def test_seed_demo_makes_the_home_page_the_site_root():
    call_command("seed_demo", allow_demo_accounts=True)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert Page.objects.filter(depth=2).count() == 1


def test_demo_users_can_sign_in(client):
    call_command("seed_demo", allow_demo_accounts=True)
    learner = DEMO_USERS[0]
    response = client.post(
        "/accounts/login/", {"login": learner.email, "password": learner.password}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_seed_demo_refuses_without_debug_or_the_flag():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="published passwords"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


def test_seed_demo_runs_with_debug_on(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    assert get_user_model().objects.filter(is_superuser=True).count() == 1
