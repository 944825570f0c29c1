"""Editors work on courses in the Wagtail admin."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from courses.blocks import LessonBodyBlock
from courses.models import CoursePage, LessonPage
from courses.services import enrolment_start, lesson_complete
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    editor = UserFactory(is_staff=True, is_superuser=True)
    # Admin pages ask for two-factor authentication first; this editor has it.
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(editor)
    return client


def test_each_course_page_type_opens_in_the_editor(editor_client, tree):
    for page in [tree.course.get_parent(), tree.course, tree.modules[0], tree.lessons[0]]:
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, page


def test_an_editor_can_add_a_lesson(editor_client, tree):
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", tree.modules[0].pk])
    assert editor_client.get(url).status_code == 200


def test_the_block_picker_previews_every_lesson_block(editor_client, tree):
    editor_client.get(reverse("wagtailadmin_pages:edit", args=[tree.lessons[0].pk]))
    for name, block in LessonBodyBlock().child_blocks.items():
        response = editor_client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        assert "dist/main.css" in response.content.decode()


def test_a_course_with_learners_is_unpublished_not_deleted(editor_client, tree, user):
    enrolment_start(user=user, course=tree.course)
    url = reverse("wagtailadmin_pages:delete", args=[tree.course.pk])
    response = editor_client.post(url, follow=True)
    assert "cannot be deleted because learners have enrolled" in response.content.decode()
    assert CoursePage.objects.filter(pk=tree.course.pk).exists()


def test_bulk_deleting_a_course_with_learners_explains_instead_of_failing(
    editor_client, tree, user
):
    enrolment_start(user=user, course=tree.course)
    index = tree.course.get_parent()
    url = f"/admin/bulk/wagtailcore/page/delete/?id={tree.course.pk}&next=/admin/pages/{index.pk}/"
    response = editor_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{index.pk}/"
    page = editor_client.get(response["Location"]).content.decode()
    assert "cannot be deleted because learners have enrolled on it" in page
    assert CoursePage.objects.filter(pk=tree.course.pk).exists()


def test_a_learner_with_records_is_deactivated_not_deleted(editor_client, tree, user):
    enrolment_start(user=user, course=tree.course)
    for url in (
        reverse("wagtailusers_users:delete", args=[user.pk]),
        f"/admin/bulk/accounts/user/delete/?id={user.pk}&next=/admin/users/",
    ):
        response = editor_client.post(url, follow=True)
        assert response.status_code == 200, url
        assert "Deactivate the account instead" in response.content.decode(), url
    assert type(user).objects.filter(pk=user.pk).exists()


def test_a_user_without_records_can_be_deleted(editor_client):
    someone = UserFactory()
    assert (
        editor_client.post(reverse("wagtailusers_users:delete", args=[someone.pk])).status_code
        == 302
    )
    assert not type(someone).objects.filter(pk=someone.pk).exists()


def test_a_lesson_with_learners_records_can_be_deleted(editor_client, tree, user):
    enrolment = enrolment_start(user=user, course=tree.course)
    lesson_complete(enrolment=enrolment, lesson=tree.lessons[0])
    url = reverse("wagtailadmin_pages:delete", args=[tree.lessons[0].pk])
    assert editor_client.post(url).status_code == 302
    assert not LessonPage.objects.filter(pk=tree.lessons[0].pk).exists()
    assert enrolment.lesson_progress.get().lesson_title == "Lesson 1.1"
