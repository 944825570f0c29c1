"""The knowledge check loader: every module of the CSE course gets its check,
loading again changes nothing, and editors' changes are left alone."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from courses.models import ModulePage
from kits.content.source import ContentError
from quizzes.loader.sync import CONTENT_ROOT, load_knowledge_checks
from quizzes.models import KnowledgeCheck, QuestionOrder
from tests.accounts.factories import UserFactory
from tests.courses.factories import CourseIndexPageFactory, CoursePageFactory, ModulePageFactory
from tests.quizzes.factories import KnowledgeCheckFactory

pytestmark = pytest.mark.django_db

MODULES = [
    "what-cse-is",
    "warning-signs",
    "myths-and-realities",
    "engaging-with-children",
    "working-together",
]


@pytest.fixture
def course(home):
    index = CourseIndexPageFactory(parent=home, slug="training")
    course = CoursePageFactory(parent=index, slug="cse-awareness")
    for slug in MODULES:
        ModulePageFactory(parent=course, slug=slug, title=slug.replace("-", " ").capitalize())
    return course


@pytest.fixture
def source(tmp_path):
    """A copy of the CSE course's checks that a test may edit."""
    folder = tmp_path / "cse-awareness"
    shutil.copytree(CONTENT_ROOT / "cse-awareness", folder)
    return folder


def run(*args) -> str:
    out = StringIO()
    call_command("load_knowledge_checks", *args, stdout=out)
    return out.getvalue()


def test_every_module_gets_a_published_check_of_8_to_12_questions(course):
    assert "5 created, 0 updated, 0 unchanged, 0 kept" in run("cse-awareness")
    quizzes = KnowledgeCheck.objects.select_related("module").order_by("module__path")
    assert [quiz.module.slug for quiz in quizzes] == MODULES
    for quiz in quizzes:
        assert quiz.live and quiz.live_revision is not None and quiz.source_key
        assert 8 <= len(quiz.question_map()) <= 12
        assert quiz.pass_mark == 80 and quiz.question_order == QuestionOrder.RANDOM
    kinds = {q.kind for quiz in quizzes for q in quiz.question_map().values()}
    assert kinds == {"single", "multiple", "myth_fact", "scenario"}


def test_loading_again_changes_nothing(course):
    run()
    revisions = {quiz.pk: quiz.latest_revision_id for quiz in KnowledgeCheck.objects.all()}
    assert "0 created, 0 updated, 5 unchanged, 0 kept" in run()
    assert revisions == {q.pk: q.latest_revision_id for q in KnowledgeCheck.objects.all()}


def test_a_changed_file_updates_its_check_and_keeps_question_identities(course, source):
    load_knowledge_checks(folder=source)
    quiz = KnowledgeCheck.objects.get(module__slug="warning-signs")
    before = quiz.question_map()
    path = source / "02-warning-signs.yaml"
    path.write_text(path.read_text().replace("pass_mark: 80", "pass_mark: 70"))
    report = load_knowledge_checks(folder=source)
    assert (report.counts["updated"], report.counts["unchanged"]) == (1, 4)
    quiz.refresh_from_db()
    assert quiz.pass_mark == 70
    after = quiz.question_map()
    assert list(after) == list(before)
    assert all(after[key].option_keys == before[key].option_keys for key in before)


def test_a_check_an_editor_has_changed_is_left_alone(course, source):
    load_knowledge_checks(folder=source)
    quiz = KnowledgeCheck.objects.get(module__slug="what-cse-is")
    quiz.title = "Our own check"
    quiz.save_revision(user=UserFactory()).publish()
    path = source / "01-what-cse-is.yaml"
    path.write_text(path.read_text().replace("pass_mark: 80", "pass_mark: 60"))
    report = load_knowledge_checks(folder=source)
    assert report.kept == ["cse-awareness/what-cse-is"]
    quiz.refresh_from_db()
    assert (quiz.title, quiz.pass_mark) == ("Our own check", 80)


def test_a_check_made_in_the_admin_is_never_replaced(course, source):
    module = ModulePage.objects.get(slug="myths-and-realities")
    own = KnowledgeCheckFactory(module=module, title="Written by an editor")
    report = load_knowledge_checks(folder=source)
    assert report.kept == ["cse-awareness/myths-and-realities"]
    own.refresh_from_db()
    assert own.title == "Written by an editor"


def test_a_missing_module_is_reported(home, source):
    with pytest.raises(ContentError, match="no module 'what-cse-is'"):
        load_knowledge_checks(folder=source)
    with pytest.raises(CommandError, match="Load the course first"):
        run("cse-awareness")


@pytest.mark.parametrize(
    ("find", "replace", "message"),
    [
        (
            "        correct: false\n",
            "        correct: true\n",
            "Mark exactly one option as correct",
        ),
        ("    answer: myth\n", "    answer: maybe\n", "answer must be myth or fact"),
        ("  - type: single\n", "  - type: essay\n", "type must be one of"),
        ("pass_mark: 80", "pass_mark: 120", "pass_mark must be a whole number"),
    ],
)
def test_content_that_breaks_the_format_is_reported_with_its_place(
    course, source, find, replace, message
):
    path = source / "03-myths-and-realities.yaml"
    path.write_text(path.read_text().replace(find, replace, 1))
    with pytest.raises(ContentError, match=message) as error:
        load_knowledge_checks(folder=source)
    assert "03-myths-and-realities.yaml" in str(error.value)
    assert not KnowledgeCheck.objects.exists()  # all or nothing
