"""Editors write knowledge checks in the admin, with preview and statistics, and
cannot delete one that learners have attempted."""

import re

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import WorkflowContentType

from quizzes.models import KnowledgeCheck
from quizzes.services import attempt_start
from tests.accounts.factories import UserFactory
from tests.accounts.mfa import activate_totp
from tests.quizzes.factories import submitted

pytestmark = pytest.mark.django_db


def _signed_in_with_mfa(client, password, user):
    client.force_login(user)
    activate_totp(client, password)
    return client


@pytest.fixture
def editor_client(client, password):
    """A member of Wagtail's Editors group, signed in with an authenticator."""
    editor = UserFactory(full_name="Eddie Editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    return _signed_in_with_mfa(client, password, editor)


@pytest.fixture
def admin_client(client, password):
    """An administrator, who may delete anything that is not protected."""
    admin = UserFactory(full_name="Ada Admin", is_staff=True, is_superuser=True)
    return _signed_in_with_mfa(client, password, admin)


def admin_url(action, *args):
    return reverse(KnowledgeCheck.snippet_viewset.get_url_name(action), args=args)


def test_editors_and_moderators_may_work_on_checks_under_moderation():
    editors, moderators = Group.objects.get(name="Editors"), Group.objects.get(name="Moderators")
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"add_knowledgecheck", "change_knowledgecheck"} <= codenames
    assert "publish_knowledgecheck" not in codenames
    assert moderators.permissions.filter(codename="publish_knowledgecheck").exists()
    content_type = ContentType.objects.get_for_model(KnowledgeCheck)
    assert WorkflowContentType.objects.filter(content_type=content_type).exists()


def test_a_module_links_to_a_new_check_with_its_module_chosen(editor_client, tree):
    module = tree.modules[0]
    html = editor_client.get(reverse("wagtailadmin_explore", args=[module.pk])).content.decode()
    add = f"{admin_url('add')}?module={module.pk}"
    assert add in html
    form = editor_client.get(add).content.decode()
    assert 'name="title" value="Knowledge check: Module 1"' in form
    assert re.search(rf'name="module"[^>]*value="{module.pk}"', form)


def test_the_edit_view_has_question_statistics(editor_client, enrolment, quiz, tree):
    submitted(attempt_start(enrolment=enrolment, quiz=quiz), wrong=1)
    explore = reverse("wagtailadmin_explore", args=[tree.modules[0].pk])
    assert admin_url("edit", quiz.pk) in editor_client.get(explore).content.decode()
    html = editor_client.get(admin_url("edit", quiz.pk)).content.decode()
    assert "Statistics" in html and "Item analysis of each question" in html
    assert "0% (0 of 1)" in html and "100% (1 of 1)" in html


def test_preview_shows_the_form_or_the_answers(quiz):
    form = quiz.make_preview_request().content.decode()
    assert form.count('class="govuk-fieldset"') == 4 and "Why:" not in form
    answers = quiz.make_preview_request(preview_mode="answers").content.decode()
    assert answers.count("Correct</strong>") == 6 and "Why:" in answers
    assert "The principle behind: What is the defining feature of CSE?" in answers
    assert "(links to Lesson 1.1)" in answers


def test_a_check_with_attempts_cannot_be_deleted(admin_client, enrolment, quiz, tree):
    attempt_start(enrolment=enrolment, quiz=quiz)
    module = tree.modules[0]
    requests = [
        admin_url("delete", quiz.pk),
        reverse("wagtailadmin_pages:delete", args=[module.pk]),
        f"/admin/bulk/wagtailcore/page/delete/?id={module.pk}&next=/admin/",
        f"/admin/bulk/quizzes/knowledgecheck/delete/?id={quiz.pk}&next=/admin/",
    ]
    for url in requests:
        response = admin_client.post(url, follow=True)
        assert "cannot be deleted" in response.content.decode(), url
    assert KnowledgeCheck.objects.filter(pk=quiz.pk).exists()
    assert module.__class__.objects.filter(pk=module.pk).exists()


def test_a_check_nobody_attempted_can_be_deleted(editor_client, quiz):
    assert editor_client.post(admin_url("delete", quiz.pk)).status_code == 302
    assert not KnowledgeCheck.objects.filter(pk=quiz.pk).exists()


def test_the_list_shows_each_check_with_its_module(editor_client, quiz):
    html = editor_client.get(admin_url("list")).content.decode()
    assert quiz.title in html and "Module 1" in html
