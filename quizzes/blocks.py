"""The blocks a knowledge check's questions are written in.

Each question is one block in a StreamField, and each option one item in a
ListBlock. Wagtail gives both a uuid that survives editing and reordering; those
uuids are the identities attempts, responses and statistics refer to (see
``quizzes.questions``). The ``template`` of each block is the editor's view, with
the answers marked: learners' forms are rendered separately and never see it.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from organisations.models import Sector

# A scenario is a short case: prose and lists, no links or headings.
SCENARIO_FEATURES = ["bold", "italic", "ol", "ul"]
MYTH_FACT = [("myth", "Myth"), ("fact", "Fact")]
PREVIEW_TEMPLATE = "quizzes/blocks/question_preview.html"
# The sector groups scenario questions are written for.
SCENARIO_SECTORS = [
    (sector.value, sector.label)
    for sector in (
        Sector.POLICE,
        Sector.HEALTH,
        Sector.SOCIAL_CARE,
        Sector.EDUCATION,
        Sector.VOLUNTARY,
        Sector.LICENSED,
    )
]


class TopicBlock(blocks.StructBlock):
    """One module outcome the check tests: every attempt asks at least one
    question on each topic."""

    slug = blocks.RegexBlock(
        regex=r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
        max_length=50,
        help_text="A short name in lower case with hyphens, e.g. 'power'. Questions name it.",
        error_messages={"invalid": "Use lower-case letters, digits and hyphens."},
    )
    label = blocks.CharBlock(max_length=200, help_text="Shown to learners after a failed attempt.")

    class Meta:
        icon = "tag"
        label = "Topic"


def _teaching_blocks() -> list[tuple[str, blocks.Block]]:
    """What every question says about what it tests and where that is taught."""
    return [
        (
            "topic",
            blocks.CharBlock(
                max_length=50, help_text="The slug of one of this check's topics (Settings tab)."
            ),
        ),
        (
            "lesson",
            blocks.PageChooserBlock(
                page_type="courses.LessonPage",
                required=False,
                help_text="The lesson in this module that teaches it.",
            ),
        ),
        (
            "principle",
            blocks.TextBlock(
                help_text="Shown after a wrong answer: the principle in one or two sentences. "
                "It must not give away which option is right."
            ),
        ),
        (
            "not_with",
            blocks.CharBlock(
                required=False,
                max_length=50,
                help_text="Optional group name: no attempt asks two questions of the same group.",
            ),
        ),
    ]


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.TextBlock(
        required=False,
        help_text="Optional. Shown with every answer once the learner has passed.",
    )

    class Meta:
        icon = "radio-full"
        label = "Option"
        form_classname = "app-quiz-option"


def _explanation_block() -> blocks.TextBlock:
    return blocks.TextBlock(
        help_text="Shown after a pass: why the right answer is right, and the others wrong."
    )


def _options_block() -> blocks.ListBlock:
    return blocks.ListBlock(OptionBlock(), min_num=2, max_num=10)


def options_problems(options, *, exactly_one: bool) -> list[str]:
    texts = [option["text"].strip().casefold() for option in options]
    correct = sum(bool(option["correct"]) for option in options)
    errors = []
    if len(set(texts)) != len(texts):
        errors.append("Two options have the same text.")
    if exactly_one and correct != 1:
        errors.append("Mark exactly one option as correct.")
    elif not exactly_one and correct < 1:
        errors.append("Mark at least one option as correct.")
    return errors


class QuestionBlock(blocks.StructBlock):
    """Shared by every question type: its topic, lesson, principle and group."""

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__([*(local_blocks or []), *_teaching_blocks()], **kwargs)


class ChoiceQuestionBlock(QuestionBlock):
    """Shared rules for questions answered by choosing options."""

    exactly_one_correct = False

    def clean(self, value):
        value = super().clean(value)
        errors = options_problems(value["options"], exactly_one=self.exactly_one_correct)
        if errors:
            raise StructBlockValidationError(
                block_errors={"options": ValidationError(" ".join(errors))}
            )
        return value


class SingleChoiceBlock(ChoiceQuestionBlock):
    text = blocks.TextBlock(label="Question")
    options = _options_block()
    explanation = _explanation_block()

    exactly_one_correct = True

    class Meta:
        icon = "radio-empty"
        label = "Single choice"
        template = PREVIEW_TEMPLATE
        description = "One right answer among several options."
        preview_value = {
            "text": "What is the defining feature of CSE?",
            "options": [
                {"text": "The child, or someone else, receives something", "correct": True},
                {"text": "Money is paid to the child", "correct": False},
            ],
            "explanation": "The exchange of something is what defines it.",
        }


class MultipleResponseBlock(ChoiceQuestionBlock):
    text = blocks.TextBlock(label="Question")
    options = _options_block()
    explanation = _explanation_block()

    class Meta:
        icon = "tasks"
        label = "Multiple response"
        template = PREVIEW_TEMPLATE
        description = "Several right answers: every one, and no wrong one, must be chosen."
        preview_value = {
            "text": "Which of these can be the 'something' in CSE?",
            "options": [
                {"text": "Affection", "correct": True},
                {"text": "Somewhere to stay", "correct": True},
                {"text": "Only money", "correct": False},
            ],
            "explanation": "Affection, gifts, food and accommodation all count.",
        }


class ScenarioBlock(ChoiceQuestionBlock):
    scenario = blocks.RichTextBlock(features=SCENARIO_FEATURES, help_text="The short case.")
    text = blocks.TextBlock(label="Question", default="Which of these are warning signs?")
    options = _options_block()
    explanation = _explanation_block()
    sector = blocks.ChoiceBlock(
        choices=SCENARIO_SECTORS, required=False, help_text="Optional: the sector it is set in."
    )

    class Meta:
        icon = "doc-full"
        label = "Scenario"
        template = PREVIEW_TEMPLATE
        description = "A short case, then 'which of these are warning signs?' (several right)."
        preview_value = {
            "scenario": "<p>Jade, 14, has missed school and has a new phone from 'a friend'.</p>",
            "text": "Which of these are warning signs?",
            "options": [
                {"text": "Missing school", "correct": True},
                {"text": "Playing netball", "correct": False},
            ],
            "explanation": "Absence and gifts from unknown sources are warning signs.",
        }


class MythFactBlock(QuestionBlock):
    text = blocks.TextBlock(label="Statement", help_text="The statement the learner judges.")
    answer = blocks.ChoiceBlock(choices=MYTH_FACT, default="myth")
    explanation = blocks.TextBlock(help_text="Shown after a pass: why it is a myth or a fact.")

    class Meta:
        icon = "help"
        label = "Myth or fact"
        template = PREVIEW_TEMPLATE
        description = "A statement the learner judges to be a myth or a fact."
        preview_value = {
            "text": "Only girls are victims of CSE.",
            "answer": "myth",
            "explanation": "Boys are a significant minority of victims.",
        }


class QuestionsBlock(blocks.StreamBlock):
    single = SingleChoiceBlock()
    multiple = MultipleResponseBlock()
    myth_fact = MythFactBlock()
    scenario = ScenarioBlock()

    class Meta:
        min_num = 1
