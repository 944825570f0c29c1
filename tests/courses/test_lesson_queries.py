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


def _media_lesson(tree, count: int):
    """A lesson with ``count`` figures and ``count`` videos, their renditions
    and embeds already made (as after the first view)."""
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.models import Embed
    from wagtail_factories import ImageFactory

    body = []
    for n in range(count):
        image = ImageFactory(title=f"Figure {n}")
        image.get_rendition("width-960")
        url = f"https://www.youtube.com/watch?v=video{count}x{n}"
        Embed.objects.create(
            hash=get_embed_hash(url),
            url=url,
            type="video",
            html=f'<iframe title="Video {n}" src="https://www.youtube-nocookie.com/embed/{n}"></iframe>',
        )
        body.append(("figure", {"image": image, "alt_text": f"Figure {n}", "caption": ""}))
        body.append(("video", {"video": url, "title": f"Video {n}", "transcript": "<p>T</p>"}))
    return LessonPageFactory(parent=tree.modules[0], slug=f"media-{count}", body=body)


def test_images_and_videos_stay_inside_the_lesson_budget(
    signed_in, user, tree, django_assert_max_num_queries, monkeypatch
):
    def no_network(*args, **kwargs):
        raise AssertionError("an embed was fetched from its provider")

    monkeypatch.setattr("wagtail.embeds.embeds.get_finder_for_embed", no_network)
    enrolment_start(user=user, course=tree.course)
    small, large = _media_lesson(tree, 1), _media_lesson(tree, 8)
    for lesson in (small, large):
        signed_in.get(lesson.url)  # warm the per-process caches
    counts = []
    for lesson, count in ((small, 1), (large, 8)):
        # One query each for the images, their renditions and the videos'
        # embeds, however many there are, inside the lesson's budget of 12.
        with django_assert_max_num_queries(12) as captured:
            response = signed_in.get(lesson.url)
        html = response.content.decode()
        assert html.count("<iframe") == count
        assert html.count("app-figure__image") == count
        counts.append(len(captured))
    assert counts[0] == counts[1]
