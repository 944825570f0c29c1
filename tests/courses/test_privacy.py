import pytest
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db


def test_view_restrictions_match_wagtails_own_check(tree):
    """Course pages find their restrictions in one query; the answer must be Wagtail's."""
    PageViewRestriction.objects.create(
        page=tree.modules[0], restriction_type=PageViewRestriction.LOGIN
    )
    alias = tree.course.create_alias(recursive=True, update_slug="cse-awareness-copy")
    pages = [page.specific for page in Page.objects.descendant_of(tree.course.get_parent())]
    assert any(page.alias_of_id for page in pages) and pages[0] != alias
    for page in pages:
        ours = set(page.get_view_restrictions())
        wagtails = set(Page.get_view_restrictions(page))
        assert ours == wagtails, page.url_path


def test_a_lesson_checks_its_restrictions_in_one_query(tree, django_assert_num_queries):
    lesson = tree.lessons[0]
    with django_assert_num_queries(1):
        list(lesson.get_view_restrictions())


@pytest.mark.parametrize("level", ["home", "index", "course", "module", "lesson"])
def test_a_restriction_at_any_level_guards_the_lesson(client, tree, level):
    course = tree.course
    page = {
        "home": course.get_parent().get_parent(),
        "index": course.get_parent(),
        "course": course,
        "module": tree.modules[0],
        "lesson": tree.lessons[0],
    }[level]
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(tree.lessons[0].url)
    assert response.status_code == 302 and "login/?next=" in response["Location"]
    assert client.get(tree.lessons[2].url).status_code == (
        200 if level in ("module", "lesson") else 302
    )


def test_a_restriction_on_an_aliased_original_guards_the_alias(client, tree):
    from courses.models import LessonPage

    alias = tree.course.create_alias(recursive=True, update_slug="cse-awareness-copy")
    PageViewRestriction.objects.create(page=tree.course, restriction_type=PageViewRestriction.LOGIN)
    alias_lesson = LessonPage.objects.descendant_of(alias).first()
    response = client.get(alias_lesson.url)
    assert response.status_code == 302 and "login/?next=" in response["Location"]


def test_an_unrestricted_lesson_is_served(client, tree):
    assert client.get(tree.lessons[0].url).status_code == 200
