"""Showing and submitting a check take the same number of queries whatever its
length (design.md, budgets)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from quizzes.services import attempt_start
from tests.courses.factories import ModulePageFactory
from tests.quizzes.factories import KnowledgeCheckFactory, answer_post, bank, topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempts(enrolment, tree):
    """Open attempts at checks of 3 and 12 questions, each linked to its lessons,
    and one to warm up on."""
    modules = [*tree.modules, ModulePageFactory(parent=tree.course, slug="module-3")]
    return [
        attempt_start(
            enrolment=enrolment,
            quiz=KnowledgeCheckFactory(
                module=module,
                questions=bank(size, lessons=tree.lessons[:2]),
                topics=topics("a", "b", "c"),
                shuffle_options=True,
            ),
        )
        for module, size in zip(modules, (3, 3, 12), strict=True)
    ]


def test_the_check_page_makes_the_same_queries_for_3_and_12_questions(
    signed_in, attempts, django_assert_num_queries
):
    warm, small, large = (reverse("quizzes:knowledge_check", args=[a.quiz_id]) for a in attempts)
    signed_in.get(warm)  # per-process caches: content types, site root paths
    with CaptureQueriesContext(connection) as captured:
        assert signed_in.get(small).content.decode().count('class="govuk-fieldset"') == 3
    with django_assert_num_queries(len(captured)):
        assert signed_in.get(large).content.decode().count('class="govuk-fieldset"') == 12


def test_submitting_makes_the_same_queries_for_3_and_12_questions(
    signed_in, attempts, django_assert_num_queries
):
    def submit(attempt):
        url = reverse("quizzes:attempt_submit", args=[attempt.pk])
        assert signed_in.post(url, answer_post(attempt)).status_code == 302

    warm, small, large = attempts
    submit(warm)
    with CaptureQueriesContext(connection) as captured:
        submit(small)
    with django_assert_num_queries(len(captured)):
        submit(large)
    large.refresh_from_db()
    assert (large.score, large.out_of, large.responses.count()) == (12, 12, 12)


def test_a_failed_result_makes_the_same_queries_for_3_and_12_questions(
    signed_in, attempts, django_assert_num_queries
):
    def fail(attempt):
        submit = reverse("quizzes:attempt_submit", args=[attempt.pk])
        signed_in.post(submit, answer_post(attempt, wrong=len(attempt.layout)))
        return reverse("quizzes:attempt_result", args=[attempt.pk])

    warm, small, large = (fail(attempt) for attempt in attempts)
    signed_in.get(warm)
    with CaptureQueriesContext(connection) as captured:
        assert signed_in.get(small).content.decode().count("Reread the lesson") == 3
    with django_assert_num_queries(len(captured)):
        assert signed_in.get(large).content.decode().count("Reread the lesson") == 12
