"""The activities of a lesson plan: timed steps, discussion questions,
worksheets for pupils, and the teacher's notes between them."""

from django.core.exceptions import ValidationError
from wagtail import blocks

# What lesson-plan rich text may hold; the content loader converts Markdown to
# exactly these, so the admin editor shows loaded text unchanged.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    minutes = blocks.IntegerBlock(min_value=1, max_value=180, help_text="How long this step takes.")
    instructions = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "time"
        label = "Step"
        template = "resources/blocks/step.html"
        description = "One timed step of the lesson, with instructions for the teacher."
        preview_value = {
            "title": "Ground rules",
            "minutes": 5,
            "instructions": "<p>Agree the ground rules and point out the question box.</p>",
        }


class DiscussionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    questions = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)
    notes = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, required=False, help_text="Points for the teacher to draw out."
    )

    class Meta:
        icon = "help"
        label = "Discussion questions"
        template = "resources/blocks/discussion.html"
        description = "Questions for the class to discuss, with notes for the teacher."
        preview_value = {
            "title": "Why can saying no feel hard?",
            "questions": ["What could a friend do if they saw someone being pressured?"],
        }


class WorksheetBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    instructions = blocks.TextBlock(help_text="Printed for pupils at the top of the worksheet.")
    items = blocks.ListBlock(blocks.TextBlock(), min_num=1, label="Questions or scenarios")

    class Meta:
        icon = "doc-full"
        label = "Worksheet"
        template = "resources/blocks/worksheet.html"
        description = "A worksheet printed for pupils: instructions and numbered items."
        preview_value = {
            "title": "Is this consent?",
            "instructions": "For each situation, decide whether it is consent.",
            "items": ["Kai is asked if he wants to play. He says no and his friend says, 'OK'."],
        }

    def clean(self, value):
        value = super().clean(value)
        if not any(item.strip() for item in value["items"]):
            raise blocks.StructBlockValidationError(
                block_errors={"items": ValidationError("A worksheet needs at least one item.")}
            )
        return value


class TeacherNotesBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = "Teacher notes"
        template = "resources/blocks/teacher_notes.html"
        description = "Background or preparation for the teacher, between the activities."
        preview_value = "<p>Find out from your DSL which pupils may be affected.</p>"


class ActivityStreamBlock(blocks.StreamBlock):
    step = StepBlock()
    discussion = DiscussionBlock()
    worksheet = WorksheetBlock()
    notes = TeacherNotesBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        min_num = 1
