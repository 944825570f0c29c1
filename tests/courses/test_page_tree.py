import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from lms.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    """Wagtail's page-tree assertions, usable from a plain pytest function."""
    return WagtailPageTestCase(methodName="assertCanCreateAt")


def test_the_course_tree_goes_index_course_module_lesson(pages):
    pages.assertCanCreateAt(HomePage, CourseIndexPage)
    pages.assertCanCreateAt(CourseIndexPage, CoursePage)
    pages.assertCanCreateAt(CoursePage, ModulePage)
    pages.assertCanCreateAt(ModulePage, LessonPage)


def test_no_level_can_be_skipped_or_nested(pages):
    pages.assertCanNotCreateAt(Page, CourseIndexPage)
    pages.assertCanNotCreateAt(HomePage, CoursePage)
    pages.assertCanNotCreateAt(CourseIndexPage, ModulePage)
    pages.assertCanNotCreateAt(CoursePage, LessonPage)
    pages.assertCanNotCreateAt(CoursePage, CoursePage)
    pages.assertCanNotCreateAt(ModulePage, ModulePage)
    pages.assertCanNotCreateAt(LessonPage, LessonPage)
    pages.assertAllowedSubpageTypes(LessonPage, [])


def test_course_pages_are_under_the_moderation_workflow(tree):
    for page in [tree.course, tree.modules[0], tree.lessons[0]]:
        workflow = page.get_workflow()
        assert workflow is not None and workflow.active


def test_an_editor_can_preview_each_page_type(tree):
    for page in [tree.course.get_parent().specific, tree.course, tree.modules[0], tree.lessons[0]]:
        response = page.make_preview_request()
        assert response.status_code == 200, page
        assert page.title in response.content.decode()


def test_a_draft_lesson_previews_before_it_is_published(tree):
    draft = tree.lessons[0]
    draft.title = "A draft title"
    draft.live = False
    draft.save()
    response = draft.make_preview_request()
    assert "A draft title" in response.content.decode()


def test_revisions_keep_each_edit(tree):
    lesson = tree.lessons[0]
    lesson.title = "First"
    lesson.save_revision().publish()
    lesson.title = "Second"
    lesson.save_revision()
    assert lesson.revisions.count() == 2
    assert LessonPage.objects.get(pk=lesson.pk).title == "First"
