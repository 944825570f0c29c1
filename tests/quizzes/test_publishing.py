"""The admin refuses to publish (or send for moderation) a check whose bank is too
small for its draw, and says why; a draft may be saved meanwhile. The loader
refuses such a file, naming it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from courses.loader.source import ContentError
from quizzes.loader.source import read_quiz
from quizzes.loader.sync import CONTENT_ROOT
from quizzes.models import KnowledgeCheck
from tests.accounts.factories import UserFactory
from tests.accounts.mfa import activate_totp

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, password):
    moderator = UserFactory(full_name="Mo Moderator")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    activate_totp(client, password)
    return client


def question(n: int, topic: str, lesson) -> tuple:
    options = streamfield(
        [
            ("item", {"text": f"Right {n}", "correct": "on", "feedback": ""}),
            ("item", {"text": f"Wrong {n}", "feedback": ""}),
        ]
    )
    return (
        "single",
        {
            "text": f"Question {n}?",
            "options": options,
            "explanation": f"Why {n}.",
            "topic": topic,
            "lesson": str(lesson.pk),
            "principle": f"Principle {n}.",
            "not_with": "",
        },
    )


def form(module, lesson, *, size: int, draw: int, action: str) -> dict:
    topic_data = [
        ("topic", {"slug": "a", "label": "Topic A"}),
        ("topic", {"slug": "b", "label": "B"}),
    ]
    data = nested_form_data(
        {
            "title": "Check: module 1",
            "module": str(module.pk),
            "draw": str(draw),
            "topics": streamfield(topic_data),
            "questions": streamfield([question(n, "ab"[n % 2], lesson) for n in range(size)]),
            "pass_mark": "80",
            "question_order": "random",
            "shuffle_options": "on",
            "retry_wait_minutes": "0",
        }
    )
    if action:
        data[action] = action
    return data


ADD = reverse("wagtailsnippets_quizzes_knowledgecheck:add")


def test_publishing_a_bank_smaller_than_one_and_a_half_draws_is_refused(moderator_client, tree):
    module, lesson = tree.modules[0], tree.lessons[0]
    data = form(module, lesson, size=5, draw=4, action="action-publish")
    response = moderator_client.post(ADD, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This knowledge check cannot be published yet." in html
    assert "The bank has 5 questions: a draw of 4 needs at least 6." in html
    assert not KnowledgeCheck.objects.exists()


def test_a_draft_of_a_small_bank_can_be_saved(moderator_client, tree):
    data = form(tree.modules[0], tree.lessons[0], size=2, draw=4, action="")
    assert moderator_client.post(ADD, data).status_code == 302
    check = KnowledgeCheck.objects.get()
    assert not check.live and len(check.question_map()) == 2


def test_a_big_enough_bank_is_published(moderator_client, tree):
    data = form(tree.modules[0], tree.lessons[0], size=6, draw=4, action="action-publish")
    assert moderator_client.post(ADD, data).status_code == 302
    check = KnowledgeCheck.objects.get()
    assert check.live and check.draw == 4 and list(check.topic_labels()) == ["a", "b"]
    assert {q.lesson.pk for q in check.question_map().values()} == {tree.lessons[0].pk}


def test_a_lesson_from_another_module_is_refused(moderator_client, tree):
    data = form(tree.modules[0], tree.lessons[2], size=6, draw=4, action="action-publish")
    html = moderator_client.post(ADD, data).content.decode()
    assert "Question 1&#x27;s lesson is not in Module 1." in html
    assert not KnowledgeCheck.objects.exists()


def test_the_loader_refuses_a_bank_too_small_for_its_draw(tmp_path):
    folder = tmp_path / "cse-awareness"
    folder.mkdir()
    source = (CONTENT_ROOT / "cse-awareness" / "01-what-cse-is.yaml").read_text()
    path = folder / "01-what-cse-is.yaml"
    path.write_text(source.replace("draw: 10", "draw: 13"))  # a bank of 19
    with pytest.raises(ContentError, match="a draw of 13 needs at least 20") as error:
        read_quiz(path, course_slug="cse-awareness")
    assert "01-what-cse-is.yaml" in str(error.value)
