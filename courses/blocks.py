"""The blocks a lesson is written in. Each renders GOV.UK Frontend markup from
``courses/templates/courses/blocks/`` and escapes whatever an editor typed."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

# Lessons keep to plain prose: no headings (those are blocks), images or embeds.
TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def text_block(**kwargs) -> blocks.RichTextBlock:
    return blocks.RichTextBlock(features=TEXT_FEATURES, **kwargs)


class LessonTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/text.html"
        description = "Paragraphs and lists of plain prose."
        preview_value = (
            "<p>Child sexual exploitation is a form of child sexual abuse. It is often "
            "<b>hidden</b>, and the children affected may not see themselves as victims.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        description = "A section heading or subheading within the lesson."
        preview_value = {"text": "Why this matters in your role", "level": "h2"}


CALLOUT_STYLES = [
    ("key-fact", "Key fact"),
    ("practice-point", "Practice point"),
    ("warning", "Warning"),
]


class CalloutValue(blocks.StructValue):
    def label(self) -> str:
        """The callout's kind in words, so it never relies on colour alone."""
        return dict(CALLOUT_STYLES).get(self.get("style"), "Key fact")


class CalloutBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(choices=CALLOUT_STYLES, default="key-fact")
    heading = blocks.CharBlock(required=False, max_length=120)
    text = text_block()

    class Meta:
        icon = "info-circle"
        value_class = CalloutValue
        template = "courses/blocks/callout.html"
        description = "A boxed key fact, practice point or warning, labelled in words."
        preview_value = {
            "style": "key-fact",
            "heading": "The exchange is the defining feature",
            "text": "<p>The child, or someone else, receives <b>something</b> in return.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(
        max_length=120,
        help_text="Generic, never a real name: e.g. 'A young person, 15 (illustrative)'.",
    )

    class Meta:
        icon = "openquote"
        template = "courses/blocks/quote.html"
        description = "The voice of a child or young person, attributed generically."
        preview_value = {
            "text": "I didn't think anyone would believe me.",
            "attribution": "A young person, 15 (illustrative)",
        }


class ChecklistBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300, label="Item"))

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/checklist.html"
        description = "A list to check against, such as warning signs."
        preview_value = {
            "heading": "Signs to look out for",
            "intro": "",
            "items": ["Missing from home or care", "Gifts from unknown sources"],
        }


class MythFactBlock(blocks.StructBlock):
    myth = blocks.TextBlock()
    fact = text_block()

    class Meta:
        icon = "help"
        template = "courses/blocks/myth_fact.html"
        description = "A common myth and the fact that corrects it."
        preview_value = {
            "myth": "Only girls are victims.",
            "fact": "<p>Boys are a significant minority of victims.</p>",
        }


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    scenario = text_block()
    prompts = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label="Prompt"), label="Reflection prompts"
    )
    good_response = text_block(label="What a good response looks like")

    class Meta:
        icon = "user"
        template = "courses/blocks/case_study.html"
        description = "A scenario, questions to reflect on, and a good response to reveal."
        preview_value = {
            "title": "A worry at the drop-in",
            "scenario": "<p>A pupil mentions a flat where older lads give her alcohol.</p>",
            "prompts": ["What warning signs can you see?", "What should you do next?"],
            "good_response": "<p>Listen, record it factually and tell your safeguarding lead.</p>",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, help_text="Describe what the image shows for people who cannot see it."
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "courses/blocks/figure.html"
        description = "An image with required alternative text and an optional caption."
        preview_value = {
            "image": None,
            "alt_text": "A practitioner talking with a young person",
            "caption": "Gaining a child's confidence takes time.",
        }


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(help_text="A YouTube or Vimeo address.")
    title = blocks.CharBlock(max_length=120)
    transcript = text_block()

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        description = "An embedded video, with a transcript for everyone who cannot watch it."
        preview_value = {
            "video": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "title": "Everyone on alert",
            "transcript": "<p>A transcript of everything said and shown in the video.</p>",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=120, help_text="Leave blank to use the document's title."
    )
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document.html"
        description = "A document to download, with its file type and size."
        preview_value = {
            "document": None,
            "title": "Local CSE information-sharing protocol",
            "description": "What to share, with whom, and how.",
        }


class SignpostingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    intro = blocks.TextBlock(required=False)

    def get_context(self, value, parent_context=None):
        from organisations.contacts import local_contacts_for

        context = super().get_context(value, parent_context=parent_context)
        # The lesson page passes the contacts it looked up once; anywhere else
        # (block previews) looks them up for the request's user.
        if "local_contacts" not in context:
            context["local_contacts"] = local_contacts_for(context.get("request"))
        return context

    class Meta:
        icon = "site"
        template = "courses/blocks/signposting.html"
        description = "The learner's own partnership's contacts, or the site's default."
        preview_value = {
            "heading": "Your local safeguarding contacts",
            "intro": "Use these to make a referral or to ask for advice.",
        }


class PartnershipTextBlock(blocks.StructBlock):
    """A text each partnership supplies in the CMS, such as its summary of the law
    on RSE: the course never states what the partnership has not written."""

    heading = blocks.CharBlock(max_length=120)
    text = blocks.ChoiceBlock(choices=[("rse_law_summary", "Its summary of the law for RSE")])

    def get_context(self, value, parent_context=None):
        from organisations.access import partnership_for_user

        context = super().get_context(value, parent_context=parent_context)
        if "reader_partnership" not in context:
            request = context.get("request")
            user = getattr(request, "user", None)
            context["reader_partnership"] = partnership_for_user(user) if user else None
        partnership = context["reader_partnership"]
        context["partnership_text"] = getattr(partnership, value["text"], "") if partnership else ""
        return context

    class Meta:
        icon = "doc-full-inverse"
        template = "courses/blocks/partnership_text.html"
        description = "A text the learner's partnership supplies, such as its summary of the law."
        preview_value = {"heading": "The law: a summary", "text": "rse_law_summary"}


class PrintableLinkBlock(blocks.StructBlock):
    """In a lesson: a link to a printable tool, as a page and as a PDF."""

    printable = blocks.PageChooserBlock(page_type="courses.PrintablePage")
    text = blocks.CharBlock(
        max_length=200, required=False, help_text="Optional. Why the reader might print it."
    )

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/printable_link.html"
        description = "A link to a printable tool (page and PDF) with the reader's contacts."
        preview_value = {"printable": None, "text": "Print it and keep it to hand."}


class LessonBodyBlock(blocks.StreamBlock):
    text = LessonTextBlock()
    heading = HeadingBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    checklist = ChecklistBlock()
    myth_fact = MythFactBlock()
    case_study = CaseStudyBlock()
    figure = FigureBlock()
    video = VideoBlock()
    document = DocumentBlock()
    signposting = SignpostingBlock()
    printable = PrintableLinkBlock()
    partnership_text = PartnershipTextBlock()
