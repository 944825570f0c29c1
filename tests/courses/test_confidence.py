"""Confidence before and after a course: optional, skippable, stored once per
enrolment, stage and statement; and the figures the reports show, by statement
and by sector, with small numbers suppressed."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.confidence import SUPPRESSED, confidence_by_sector, confidence_by_statement
from courses.confidence_recording import confidence_record
from courses.models import ConfidenceRating, Stage
from courses.services import enrolment_start, lesson_complete
from organisations.models import Sector
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

STATEMENTS = [
    ("statement", "I can recognise the warning signs of CSE."),
    ("statement", "I know what to do if I am worried about a child."),
]


@pytest.fixture
def course(tree):
    tree.course.confidence_statements = STATEMENTS
    tree.course.save_revision().publish()
    tree.course.refresh_from_db()
    return tree.course


def keys(course) -> list[str]:
    return [child.id for child in course.confidence_statements]


def url(enrolment, stage):
    return reverse("courses:confidence", args=[enrolment.pk, stage])


def test_starting_a_course_asks_first_and_the_answers_are_stored_once(signed_in, user, course):
    response = signed_in.post(reverse("courses:course_start", args=[course.pk]))
    enrolment = user.enrolments.get()
    assert response["Location"] == url(enrolment, "before")
    html = signed_in.get(url(enrolment, "before")).content.decode()
    assert "Before you start: how confident do you feel?" in html and STATEMENTS[0][1] in html
    first, second = keys(course)
    data = {f"rating-{first}": "2"}
    for _ in range(2):  # a double submit
        response = signed_in.post(url(enrolment, "before"), data)
        assert response.status_code == 302
    assert list(ConfidenceRating.objects.values_list("statement_key", "stage", "rating")) == [
        (first, "before", 2)
    ]


def test_skipping_stores_nothing_and_goes_on_to_the_first_lesson(signed_in, user, course, tree):
    enrolment = enrolment_start(user=user, course=course)
    first = keys(course)[0]
    response = signed_in.post(url(enrolment, "before"), {"skip": "skip", f"rating-{first}": "4"})
    assert response["Location"] == tree.lessons[0].url
    assert not ConfidenceRating.objects.exists()


@pytest.mark.parametrize("value", ["0", "6", "three"])
def test_a_bad_rating_is_refused_with_a_message_and_records_nothing(signed_in, user, course, value):
    enrolment = enrolment_start(user=user, course=course)
    first, second = keys(course)
    data = {f"rating-{first}": "3", f"rating-{second}": value}
    response = signed_in.post(url(enrolment, "before"), data)
    assert response.status_code == 400
    assert "Each rating must be a number from 1 to 5." in response.content.decode()
    assert not ConfidenceRating.objects.exists()


def test_someone_elses_enrolment_or_an_unknown_stage_is_not_found(
    client, signed_in, other_user, user, course
):
    enrolment = enrolment_start(user=user, course=course)
    assert signed_in.get(url(enrolment, "during")).status_code == 404
    client.force_login(other_user)
    assert client.post(url(enrolment, "before"), {}).status_code == 404


def test_completing_the_course_asks_again(signed_in, user, course, tree):
    enrolment = enrolment_start(user=user, course=course)
    assert signed_in.get(url(enrolment, "after")).status_code == 302  # not yet
    for lesson in tree.lessons[:-1]:
        lesson_complete(enrolment=enrolment, lesson=lesson)
    last = reverse("courses:lesson_complete", args=[enrolment.pk, tree.lessons[-1].pk])
    assert signed_in.post(last)["Location"] == url(enrolment, "after")
    html = signed_in.get(course.url).content.decode()
    assert "Tell us how confident you feel now (optional)" in html
    second = keys(course)[1]
    signed_in.post(url(enrolment, "after"), {f"rating-{second}": "5"})
    assert ConfidenceRating.objects.get().stage == Stage.AFTER
    assert "Tell us how confident" not in signed_in.get(course.url).content.decode()
    # Answered: not asked again.
    assert signed_in.get(url(enrolment, "after"))["Location"] == course.url


def people(course, count, sector, before, after):
    """``count`` learners in one organisation of ``sector``, each rating the first
    statement ``before`` at the start and ``after`` on completion (None: skipped)."""
    organisation = OrganisationFactory(sector=sector)
    first = keys(course)[0]
    for _ in range(count):
        enrolment = enrolment_start(
            user=MembershipFactory(organisation=organisation).user, course=course
        )
        if before is not None:
            confidence_record(enrolment=enrolment, stage="before", ratings={first: str(before)})
        if after is not None:
            enrolment.completed_at = enrolment.started_at
            enrolment.save()
            confidence_record(enrolment=enrolment, stage="after", ratings={first: str(after)})
    return organisation


def test_figures_by_statement_and_sector_with_small_numbers_suppressed(course):
    health = people(course, 4, Sector.HEALTH, 2, 4)
    people(course, 2, Sector.HEALTH, 3, None)  # answered only at the start
    people(course, 3, Sector.POLICE, 1, 5)
    first, second = confidence_by_statement(course=course)
    assert (first.people_before, first.mean_before) == (9, round((4 * 2 + 2 * 3 + 3 * 1) / 9, 2))
    assert (first.people_after, first.mean_after) == (7, round((4 * 4 + 3 * 5) / 7, 2))
    assert (first.people_both, first.change) == (7, round((4 * 2 + 3 * 4) / 7, 2))
    assert second.mean_before is None and second.shown("mean_before") == SUPPRESSED
    sectors = confidence_by_sector(course=course)
    health_first = sectors[Sector.HEALTH][0]
    assert (health_first.people_before, health_first.mean_before) == (6, round(14 / 6, 2))
    assert health_first.mean_after is None and health_first.change is None  # 4 people
    assert sectors[Sector.POLICE][0].mean_before is None  # 3 people
    assert sectors[Sector.EDUCATION][0].people_before is None
    only_health = confidence_by_statement(course=course, organisation_ids=[health.pk])
    assert only_health[0].people_before is None  # 4 people in that organisation


def test_figures_take_the_same_queries_for_few_and_many(course, django_assert_num_queries):
    people(course, 2, Sector.HEALTH, 2, 4)
    with CaptureQueriesContext(connection) as few:
        confidence_by_statement(course=course)
        confidence_by_sector(course=course)
    people(course, 8, Sector.POLICE, 3, 5)
    with django_assert_num_queries(len(few)):
        confidence_by_statement(course=course)
        confidence_by_sector(course=course)


def test_a_period_keeps_the_ratings_given_in_it(course):
    """Six people rated before 40 days ago and after 10 days ago; five more
    rated both 100 days ago. The last 30 days: no before figures (fewer than
    5), the six after ratings, each paired with a before given earlier."""
    people(course, 6, Sector.HEALTH, 2, 5)
    people(course, 5, Sector.POLICE, 4, 4)
    now = timezone.now()
    police = ConfidenceRating.objects.filter(
        enrolment__user__memberships__organisation__sector=Sector.POLICE
    )
    police.update(created_at=now - timedelta(days=100))
    health = ConfidenceRating.objects.exclude(pk__in=police.values("pk"))
    health.filter(stage=Stage.BEFORE).update(created_at=now - timedelta(days=40))
    health.filter(stage=Stage.AFTER).update(created_at=now - timedelta(days=10))
    today = timezone.localdate()

    [first, _] = confidence_by_statement(
        course=course, rated_from=today - timedelta(days=30), rated_to=today
    )
    assert first.people_before is None
    assert (first.people_after, first.mean_after) == (6, 5.0)
    assert (first.people_both, first.change) == (6, 3.0)

    [first, _] = confidence_by_statement(
        course=course,
        rated_from=today - timedelta(days=120),
        rated_to=today - timedelta(days=35),
    )
    assert (first.people_before, first.mean_before) == (11, round((6 * 2 + 5 * 4) / 11, 2))
    assert (first.people_after, first.change) == (5, 0.0)

    by_sector = confidence_by_sector(
        course=course, rated_from=today - timedelta(days=30), rated_to=today
    )
    assert by_sector[Sector.HEALTH][0].change == 3.0
    assert by_sector[Sector.POLICE][0].people_after is None
