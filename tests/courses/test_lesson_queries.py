"""A lesson page's queries do not grow with its length (design.md: <= 12)."""

import pytest
from wagtail.rich_text import RichText

from courses.services import enrolment_start
from tests.courses.factories import LessonPageFactory
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

# One of each kind that a long lesson repeats; images and videos are left out, as
# each costs a rendition or embed lookup of its own.
PATTERN = [
    ("heading", {"text": "A section", "level": "h2"}),
    ("text", RichText("<p>Some <b>prose</b> with a <a href='https://example.org'>link</a>.</p>")),
    ("callout", {"style": "key-fact", "heading": "A fact", "text": RichText("<p>Fact</p>")}),
    (
        "case_study",
        {
            "title": "A case",
            "scenario": RichText("<p>Scenario</p>"),
            "prompts": ["What do you notice?"],
            "good_response": RichText("<p>Listen and record.</p>"),
        },
    ),
    ("signposting", {"heading": "Who to contact", "intro": "Use these."}),
]


def lesson_with(tree, blocks: int):
    body = [PATTERN[i % len(PATTERN)] for i in range(blocks)]
    return LessonPageFactory(parent=tree.modules[0], slug=f"long-{blocks}", body=body)


@pytest.mark.parametrize("has_partnership", [True, False], ids=["own contacts", "site default"])
def test_a_lesson_page_makes_the_same_queries_for_5_and_50_blocks(
    signed_in, user, tree, has_partnership, django_assert_max_num_queries
):
    if has_partnership:
        MembershipFactory(user=user)
    enrolment_start(user=user, course=tree.course)
    short, long = lesson_with(tree, 5), lesson_with(tree, 50)
    for lesson in (short, long):  # warm the per-process caches (content types)
        signed_in.get(lesson.url)
    counts = []
    for lesson in (short, long):
        with django_assert_max_num_queries(12) as captured:
            response = signed_in.get(lesson.url)
        assert response.status_code == 200
        assert response.content.decode().count("app-signposting") == len(
            [b for b in lesson.body if b.block_type == "signposting"]
        )
        counts.append(len(captured))
    assert counts[0] == counts[1]
