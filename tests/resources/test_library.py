import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.models import KeyStage, LessonFormat
from tests.resources.factories import LessonPlanPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(library):
    """Six plans covering each filter's edges."""
    make = LessonPlanPageFactory
    return {
        "ks2_help": make(
            parent=library,
            title="Asking for help",
            key_stage=KeyStage.KS2,
            year_from=5,
            year_to=6,
            topics=["getting-help"],
            lesson_format=LessonFormat.ACTIVITY,
            duration_minutes=45,
        ),
        "ks3_consent": make(
            parent=library,
            title="Consent: getting it and giving it",
            key_stage=KeyStage.KS3,
            year_from=8,
            year_to=9,
            topics=["consent", "peer-pressure"],
            duration_minutes=55,
        ),
        "ks3_grooming": make(
            parent=library,
            title="Grooming online and offline",
            key_stage=KeyStage.KS3,
            year_from=8,
            year_to=9,
            topics=["grooming", "online-safety"],
            duration_minutes=60,
        ),
        "ks3_images": make(
            parent=library,
            title="Sharing images",
            key_stage=KeyStage.KS3,
            year_from=9,
            year_to=9,
            topics=["online-safety", "consent"],
            duration_minutes=30,
            lesson_format=LessonFormat.DISCUSSION,
        ),
        "ks4_gangs": make(
            parent=library,
            title="Gangs and groups",
            key_stage=KeyStage.KS4,
            year_from=10,
            year_to=11,
            topics=["gangs-and-groups"],
            duration_minutes=75,
        ),
        "ks5_consent": make(
            parent=library,
            title="Consent revisited",
            key_stage=KeyStage.KS5,
            year_from=12,
            year_to=13,
            topics=["consent"],
            lesson_format=LessonFormat.DISCUSSION,
            duration_minutes=60,
        ),
    }


def titles(response) -> set[str]:
    return {plan.title for plan in response.context["plans"]}


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    return client


def test_library_needs_sign_in(client, library):
    response = client.get(library.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_no_filters_lists_every_plan_with_its_count(signed_in, library, plans):
    response = signed_in.get(library.url)
    assert response.status_code == 200
    assert titles(response) == {plan.title for plan in plans.values()}
    assert "6 lesson plans" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # OR within one filter
        ("key_stage=ks2&key_stage=ks4", {"ks2_help", "ks4_gangs"}),
        ("topic=grooming&topic=gangs-and-groups", {"ks3_grooming", "ks4_gangs"}),
        # AND across filters
        ("key_stage=ks3&topic=consent", {"ks3_consent", "ks3_images"}),
        ("key_stage=ks3&topic=consent&format=discussion", {"ks3_images"}),
        (
            "key_stage=ks3&key_stage=ks5&topic=consent&format=discussion",
            {"ks3_images", "ks5_consent"},
        ),
        # a year group matches every plan whose range includes it
        ("year=9", {"ks3_consent", "ks3_grooming", "ks3_images"}),
        ("year=8&year=13", {"ks3_consent", "ks3_grooming", "ks5_consent"}),
        ("year=7", set()),
        # duration bands, inclusive at both ends
        ("duration=up-to-30", {"ks3_images"}),
        ("duration=31-45", {"ks2_help"}),
        ("duration=46-60", {"ks3_consent", "ks3_grooming", "ks5_consent"}),
        ("duration=over-60", {"ks4_gangs"}),
        ("duration=up-to-30&duration=over-60&topic=gangs-and-groups", {"ks4_gangs"}),
        # a plan with two chosen topics is listed once
        (
            "topic=consent&topic=online-safety",
            {"ks3_consent", "ks3_grooming", "ks3_images", "ks5_consent"},
        ),
    ],
)
def test_filters_combine_with_and_across_and_or_within(signed_in, library, plans, query, expected):
    response = signed_in.get(f"{library.url}?{query}")
    listed = [plan.title for plan in response.context["plans"]]
    assert len(listed) == len(set(listed))
    assert set(listed) == {plans[key].title for key in expected}
    count = len(expected)
    assert f"{count} lesson plan{'' if count == 1 else 's'}" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "key_stage=ks9",
        "year=0&year=14&year=nine&year=",
        "topic=%3Cscript%3E",
        "format=lecture&duration=forever",
        "key_stage=ks3&key_stage=ks3x",
    ],
)
def test_invalid_filter_values_are_ignored(signed_in, library, plans, query):
    response = signed_in.get(f"{library.url}?{query}")
    assert response.status_code == 200
    expected = {p.title for p in plans.values()}
    if "key_stage=ks3&" in query:
        expected = {p.title for p in plans.values() if p.key_stage == "ks3"}
    assert titles(response) == expected
    assert "<script>" not in response.content.decode()


def test_filter_form_is_accessible_and_remembers_choices(signed_in, library, plans):
    html = signed_in.get(f"{library.url}?key_stage=ks3&topic=consent").content.decode()
    assert html.count('<fieldset class="govuk-fieldset">') == 5
    for legend in ("Key stage", "Year group", "Topic", "Format", "Duration"):
        assert f'govuk-fieldset__legend--s">{legend}</legend>' in html
    assert 'id="filter-key_stage-ks3"' in html
    assert 'for="filter-key_stage-ks3"' in html
    assert (
        'value="ks3"\n                           checked' in html or 'value="ks3" checked' in html
    )
    assert "Apply filters" in html
    assert f'href="{library.url}">Clear filters</a>' in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_query_count_does_not_grow_with_results(signed_in, library, django_assert_num_queries):
    for _ in range(2):
        LessonPlanPageFactory(parent=library, topics=["consent", "grooming"])
    url = f"{library.url}?topic=consent"
    _queries(signed_in, url)  # warm the site-root cache
    small = _queries(signed_in, url)
    for _ in range(20):
        LessonPlanPageFactory(parent=library, topics=["consent", "online-safety", "grooming"])
    with django_assert_num_queries(small):
        response = signed_in.get(url)
    assert len(response.context["plans"]) == 22
    # Site, routing, session, user and header queries, then plans, topics, teacher check.
    assert small <= 15
