"""Nothing the browser sends can change a score it should not: every refused
submission says why and records nothing."""

import pytest
from django.urls import reverse

from quizzes.models import Attempt, Response
from quizzes.services import attempt_start
from tests.quizzes.factories import KnowledgeCheckFactory, answer_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def attempt(enrolment, quiz):
    return attempt_start(enrolment=enrolment, quiz=quiz)


def submit(client, attempt, data):
    return client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]), data, follow=True)


def assert_nothing_recorded(attempt):
    attempt.refresh_from_db()
    assert not attempt.is_submitted and attempt.score is None
    assert not Response.objects.filter(attempt=attempt).exists()


def assert_refused(response, attempt, message):
    assert response.redirect_chain[-1][0] == reverse(
        "quizzes:knowledge_check", args=[attempt.quiz_id]
    )
    html = response.content.decode()
    assert message in html and "Your answers have not been recorded." in html
    assert_nothing_recorded(attempt)


def test_an_answer_to_a_question_not_in_the_attempt_is_refused(signed_in, attempt, tree):
    other = KnowledgeCheckFactory(module=tree.modules[1])
    foreign = next(iter(other.question_map().values()))
    data = {**answer_post(attempt), f"answer-{foreign.key}": [foreign.options[0].key]}
    response = submit(signed_in, attempt, data)
    assert_refused(response, attempt, "a question that is not in this attempt")


def test_an_option_from_another_question_is_refused(signed_in, attempt):
    data = answer_post(attempt)
    first, second = list(attempt.quiz.question_map().values())[:2]
    data[f"answer-{first.key}"] = [second.options[0].key]
    response = submit(signed_in, attempt, data)
    assert_refused(response, attempt, "not one of its question&#x27;s options")


def test_an_invented_option_is_refused(signed_in, attempt):
    data = answer_post(attempt)
    myth_fact = next(q for q in attempt.quiz.question_map().values() if q.kind == "myth_fact")
    data[f"answer-{myth_fact.key}"] = ["true"]
    response = submit(signed_in, attempt, data)
    assert_refused(response, attempt, "not one of its question&#x27;s options")


def test_two_answers_to_a_single_choice_question_are_refused(signed_in, attempt):
    data = answer_post(attempt)
    single = next(q for q in attempt.quiz.question_map().values() if q.kind == "single")
    data[f"answer-{single.key}"] = [option.key for option in single.options[:2]]
    response = submit(signed_in, attempt, data)
    assert_refused(response, attempt, "More than one answer was sent")


def test_someone_elses_attempt_is_not_found(client, other_user, attempt):
    client.force_login(other_user)
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    assert client.post(url, answer_post(attempt)).status_code == 404
    assert client.get(reverse("quizzes:attempt_result", args=[attempt.pk])).status_code == 404
    assert_nothing_recorded(attempt)


def test_a_learner_who_has_used_up_their_attempts_is_refused(signed_in, enrolment, tree):
    quiz = KnowledgeCheckFactory(module=tree.modules[0], max_attempts=1)
    first = attempt_start(enrolment=enrolment, quiz=quiz)
    submit(signed_in, first, answer_post(first, wrong=4))
    response = signed_in.post(reverse("quizzes:attempt_start", args=[quiz.pk]), follow=True)
    assert "You have used all 1 of your attempts" in response.content.decode()
    assert Attempt.objects.filter(quiz=quiz).count() == 1


def test_an_open_attempt_is_refused_once_the_limit_drops_below_what_was_used(
    signed_in, enrolment, tree
):
    quiz = KnowledgeCheckFactory(module=tree.modules[0], max_attempts=2)
    first = attempt_start(enrolment=enrolment, quiz=quiz)
    submit(signed_in, first, answer_post(first, wrong=4))
    second = attempt_start(enrolment=enrolment, quiz=quiz)
    quiz.max_attempts = 1
    quiz.save()
    response = submit(signed_in, second, answer_post(second))
    assert_refused(response, second, "You have used all 1 of your attempts")


def test_a_repeated_submission_gives_one_scored_attempt_and_shows_its_result(signed_in, attempt):
    right = answer_post(attempt)
    first = submit(signed_in, attempt, answer_post(attempt, wrong=4))
    second = submit(signed_in, attempt, right)  # a changed resubmission changes nothing
    result_url = reverse("quizzes:attempt_result", args=[attempt.pk])
    assert first.redirect_chain[-1][0] == second.redirect_chain[-1][0] == result_url
    assert "These answers had already been submitted" in second.content.decode()
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (0, False)
    assert Response.objects.filter(attempt=attempt).count() == 4


def test_a_stale_form_from_an_earlier_attempt_changes_nothing(signed_in, enrolment, attempt):
    submit(signed_in, attempt, answer_post(attempt, wrong=4))
    retry = attempt_start(enrolment=enrolment, quiz=attempt.quiz)
    response = submit(signed_in, attempt, answer_post(attempt))
    assert response.redirect_chain[-1][0] == reverse("quizzes:attempt_result", args=[attempt.pk])
    assert_nothing_recorded(retry)


def test_unanswered_questions_are_asked_for_and_the_answers_given_are_kept(signed_in, attempt):
    data = answer_post(attempt)
    missing = next(iter(data))
    del data[missing]
    response = signed_in.post(reverse("quizzes:attempt_submit", args=[attempt.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and 'href="#q1-1">Answer question 1</a>' in html
    assert html.count("checked") == sum(len(keys) for keys in data.values())
    assert_nothing_recorded(attempt)


def test_submitting_needs_a_post_with_a_csrf_token(attempt, user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, answer_post(attempt)).status_code == 403
    assert_nothing_recorded(attempt)
