import pytest
from django.test import RequestFactory
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.models import Embed
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.blocks import FigureBlock, LessonBodyBlock, SignpostingBlock, VideoBlock
from organisations.models import DefaultContacts
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

BLOCKS = LessonBodyBlock().child_blocks


@pytest.fixture
def request_for(home, rf: RequestFactory):
    def make(user):
        request = rf.get("/")
        request.user = user
        return request

    return make


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_every_block_renders_its_preview_value(name, request_for, user):
    block = BLOCKS[name]
    meta = block.meta
    assert meta.icon and meta.template and meta.description
    html = block.render(block.get_preview_value(), context={"request": request_for(user)})
    assert html.strip()
    assert "None" not in html


def test_every_block_shows_in_the_admin_block_picker_preview():
    assert all(block.is_previewable for block in BLOCKS.values())


def test_editor_text_is_escaped(request_for, user):
    block = BLOCKS["quote"]
    value = block.normalize({"text": "<script>alert(1)</script>", "attribution": "A <b>child</b>"})
    html = block.render(value, context={"request": request_for(user)})
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;" in html


def test_a_callout_says_what_kind_it_is_in_words(request_for, user):
    block = BLOCKS["callout"]
    for style, label in [("warning", "Warning"), ("practice-point", "Practice point")]:
        value = block.normalize({"style": style, "heading": "", "text": "<p>Text</p>"})
        assert label in block.render(value, context={"request": request_for(user)})


def test_a_figure_shows_the_image_with_its_alt_text(request_for, user):
    image = Image.objects.create(title="Drop-in", file=get_test_image_file())
    block = FigureBlock()
    value = block.normalize({"image": image, "alt_text": "A nurse at a desk", "caption": "At work"})
    html = block.render(value, context={"request": request_for(user)})
    assert 'alt="A nurse at a desk"' in html and "<figcaption" in html


def test_a_figure_needs_alt_text():
    image = Image.objects.create(title="Drop-in", file=get_test_image_file())
    block = FigureBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.normalize({"image": image, "alt_text": "", "caption": ""}))
    assert set(raised.value.block_errors) == {"alt_text"}


def test_a_video_comes_with_its_transcript(request_for, user):
    url = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
    # Wagtail keeps fetched embeds in its Embed table: seed it so nothing leaves the machine.
    Embed.objects.create(
        url=url, max_width=None, hash=_embed_hash(url), type="video", html="<iframe></iframe>"
    )
    block = VideoBlock()
    value = block.normalize(
        {"video": url, "title": "Everyone on alert", "transcript": "<p>Said</p>"}
    )
    html = block.render(value, context={"request": request_for(user)})
    assert "<iframe></iframe>" in html
    assert "Read the transcript" in html and "Said" in html


def _embed_hash(url):
    from wagtail.embeds.embeds import get_embed_hash

    return get_embed_hash(url, None, None)


def test_signposting_shows_the_learners_own_partnership(request_for, user):
    membership = MembershipFactory(user=user, organisation__partnership__name="Northvale SCP")
    block = SignpostingBlock()
    html = block.render(block.get_preview_value(), context={"request": request_for(user)})
    assert "Northvale SCP" in html
    assert membership.organisation.partnership.referral_phone in html


def test_signposting_falls_back_to_the_site_default(request_for, user, home):
    settings = DefaultContacts.for_site(home.get_site())
    settings.name = "Area front door"
    settings.referral_phone = "01632 960 999"
    settings.save()
    block = SignpostingBlock()
    html = block.render(block.get_preview_value(), context={"request": request_for(user)})
    assert "Area front door" in html and "tel:01632960999" in html
