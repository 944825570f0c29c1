import pytest
from django.core.management import call_command

from tests.organisations.factories import MembershipFactory, PartnershipLeadFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(db):
    call_command("seed_demo", allow_demo_accounts=True)


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/signup/", "/accessibility/"])
def test_public_pages_open(client, site, path):
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="#main-content"' in page  # skip link
    assert 'id="main-content"' in page
    assert "Safeguarding Learning" in page  # the service's own header


def test_home_page_routes_to_training_and_schools(client, site):
    page = client.get("/").content.decode()
    assert "Take the training" in page
    assert "Teach relationships and sex education" in page
    assert "Create an account" in page


def test_signed_in_header_offers_my_learning_and_sign_out(client, site, user):
    client.force_login(user)
    page = client.get("/").content.decode()
    assert 'href="/my-learning/"' in page
    assert "Sign out" in page
    assert "Create an account" not in page


def test_my_learning_has_an_empty_state_for_newcomers(client, user):
    client.force_login(user)
    page = client.get("/my-learning/").content.decode()
    assert "My learning" in page
    assert "You have not started any training yet" in page


def test_my_learning_needs_sign_in(client, db):
    response = client.get("/my-learning/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_pages_send_a_content_security_policy_with_a_nonce(client, site):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_user_text_is_escaped_in_the_header(client, site):
    from tests.accounts.factories import UserFactory

    user = UserFactory(full_name='<script>alert("x")</script>')
    MembershipFactory(user=user)
    client.force_login(user)
    page = client.get("/my-learning/").content.decode()
    assert '<script>alert("x")</script>' not in page


def test_leads_see_reports_and_learners_do_not(client, site, user, other_user):
    client.force_login(other_user)
    page = client.get("/").content.decode()
    assert "See training reports" not in page and 'href="/reports/"' not in page
    PartnershipLeadFactory(user=user)
    client.force_login(user)
    page = client.get("/").content.decode()
    assert "See training reports" in page and 'href="/reports/"' in page


def test_teachers_find_their_delivery_log_in_the_header(client, site):
    from organisations.models import Membership, Organisation, Sector

    teacher = Membership.objects.get(
        organisation__sector=Sector.EDUCATION, user__email="teacher@riverside.sch.example"
    ).user
    client.force_login(teacher)
    page = client.get("/").content.decode()
    assert "Delivery log" in page
    assert "My certificates" in page

    nurse = (
        Membership.objects.exclude(
            organisation__in=Organisation.objects.filter(sector=Sector.EDUCATION)
        )
        .first()
        .user
    )
    client.force_login(nurse)
    assert "Delivery log" not in client.get("/").content.decode()


def test_only_people_who_can_open_the_admin_see_its_link(client, site, user):
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    client.force_login(user)
    assert 'href="/admin/"' not in client.get("/").content.decode()
    user.groups.add(Group.objects.get(name="Editors"))
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert 'href="/admin/"' in client.get("/").content.decode()
