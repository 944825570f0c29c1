"""A lesson's images and videos fetched in a constant number of queries.

Each figure would otherwise look up its rendition, and each video its embed,
one query apiece (design.md budget: a lesson page costs the same whatever its
length). Both are fetched here for the whole body at once and handed to the
blocks' values, which then render without a query. A rendition or embed not
yet made is made on the first view, as Wagtail would.
"""

from collections import defaultdict

from django.template.loader import render_to_string
from django.utils.timezone import now
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model

FIGURE_FILTER = "width-960"  # the one rendition courses/blocks/figure.html uses


def _values(body, block_type: str) -> list:
    return [block.value for block in body if block.block_type == block_type]


def _prefetch_renditions(figures) -> None:
    images = [figure["image"] for figure in figures if figure.get("image")]
    if not images:
        return
    Rendition = get_image_model().get_rendition_model()
    found = defaultdict(list)
    for rendition in Rendition.objects.filter(
        image_id__in={image.pk for image in images}, filter_spec=FIGURE_FILTER
    ):
        found[rendition.image_id].append(rendition)
    for image in images:
        for rendition in found[image.pk]:
            rendition.image = image  # the tag reads it: no query to fetch it again
        image.prefetched_renditions = list(found[image.pk])


def _prefetch_embeds(videos) -> None:
    embeds = [video["video"] for video in videos if video.get("video")]
    if not embeds:
        return
    hashes = {
        get_embed_hash(value.url, value.max_width, value.max_height): value for value in embeds
    }
    stored = Embed.objects.exclude(cache_until__lte=now()).filter(hash__in=hashes)
    for embed in stored:
        # What EmbedValue.html would render, without its own lookup.
        html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
        hashes[embed.hash].__dict__["html"] = html


def lesson_media_prefetch(body) -> None:
    """Fetch every figure's rendition and every video's embed in ``body`` (a
    lesson's StreamField value) in one query each."""
    _prefetch_renditions(_values(body, "figure"))
    _prefetch_embeds(_values(body, "video"))
