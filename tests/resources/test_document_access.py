"""A plan's documents reach only those who may see the plan: signed-in staff
the plan's privacy allows, or parents holding an open link; never an address
alone, never from a cache, and not after the link is revoked."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from resources.models import LessonPlanDocument
from tests.accounts.factories import UserFactory
from tests.resources.factories import LessonPlanPageFactory, ParentLinkFactory

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.4 scenario cards"


@pytest.fixture
def plan(library):
    return LessonPlanPageFactory(parent=library, title="Consent")


@pytest.fixture
def document(plan):
    document = Document.objects.create(
        title="Scenario cards", file=ContentFile(CONTENT, name="scenario-cards.pdf")
    )
    LessonPlanDocument.objects.create(page=plan, document=document)
    return document


def fetch(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, body


def test_an_address_alone_gets_nothing(client, document):
    response, body = fetch(client, document.url)
    assert response.status_code == 404
    assert body == b""


def test_signed_in_staff_download_it_uncached(client, user, document):
    client.force_login(user)
    response, body = fetch(client, document.url)
    assert response.status_code == 200 and body == CONTENT
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_plans_page_privacy_applies_to_its_documents(client, user, plan, document):
    PageViewRestriction.objects.create(
        page=plan, restriction_type=PageViewRestriction.PASSWORD, password="staff-only"
    )
    client.force_login(user)
    assert fetch(client, document.url)[0].status_code == 404


def test_a_document_on_no_live_plan_is_not_served(client, user, plan, document):
    plan.unpublish()
    client.force_login(user)
    assert fetch(client, document.url)[0].status_code == 404


def test_parents_fetch_it_through_their_link_until_it_is_revoked(client, plan, document, school):
    link = ParentLinkFactory(plan=plan, organisation=school)
    html = client.get(f"/rse/for-parents/{link.token}/").content.decode()
    url = f"{document.url}?parent={link.token}"
    assert f'href="{url}"' in html
    response, body = fetch(client, url)
    assert response.status_code == 200 and body == CONTENT
    assert "no-store" in response["Cache-Control"]
    link.revoke()
    assert fetch(client, url)[0].status_code == 404
    assert client.get(f"/rse/for-parents/{link.token}/").status_code == 404


def test_a_link_to_another_plan_does_not_open_this_document(client, library, document, school):
    other = ParentLinkFactory(plan=LessonPlanPageFactory(parent=library), organisation=school)
    assert fetch(client, f"{document.url}?parent={other.token}")[0].status_code == 404
    assert fetch(client, f"{document.url}?parent=made-up")[0].status_code == 404


def test_editors_see_documents_in_the_admin(client, document):
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Permission

    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    # Editors use two-factor authentication on every page.
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    assert fetch(client, document.url)[0].status_code == 200
