"""The knowledge check at the end of a module, edited as a Wagtail snippet.

A snippet rather than a page under the module: the course outline, its routing
and its progress count every page under a module as a lesson, and a snippet
keeps revisions, drafts, preview, locking and moderation without joining the
tree. Its link to the module is one-to-one, so the database allows one check per
module. Learners only ever see the published (live) version.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from kits.content.models import LoadedFromSource
from quizzes.blocks import QuestionsBlock
from quizzes.questions import Question, ShownQuestion, questions_of


class QuestionOrder(models.TextChoices):
    FIXED = "fixed", "In the order written"
    RANDOM = "random", "In a new random order for each attempt"


class KnowledgeCheck(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    LoadedFromSource,
):
    module = models.OneToOneField(
        "courses.ModulePage",
        on_delete=models.CASCADE,
        related_name="knowledge_check",
        help_text="The module this check completes. Each module has at most one.",
    )
    title = models.CharField(max_length=255)
    pass_mark = models.PositiveSmallIntegerField(
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Per cent of questions to get right to pass (1 to 100).",
    )
    question_order = models.CharField(
        max_length=10, choices=QuestionOrder.choices, default=QuestionOrder.FIXED
    )
    shuffle_options = models.BooleanField(
        default=True, help_text="Show each question's options in a new order for each attempt."
    )
    max_attempts = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How many times a learner may submit it. Blank means no limit.",
    )
    questions = StreamField(QuestionsBlock())

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="knowledge_check",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="knowledge_check",
        for_concrete_model=False,
    )

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(pass_mark__gte=1, pass_mark__lte=100),
                name="quizzes_pass_mark_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=Q(max_attempts__isnull=True) | Q(max_attempts__gte=1),
                name="quizzes_max_attempts_at_least_one",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("quizzes:knowledge_check", args=[self.pk])

    def question_map(self) -> dict[str, Question]:
        """The questions as plain values, by key, in the editor's order."""
        return questions_of(self.questions)

    @property
    def random_order(self) -> bool:
        return self.question_order == QuestionOrder.RANDOM

    # Preview for editors: the learner's form, or every answer with its feedback.
    preview_modes = [("", "Questions"), ("answers", "Answers and feedback")]

    def get_preview_template(self, request, mode_name):
        return "quizzes/knowledge_check_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        questions = self.question_map().values()
        context.update(
            quiz=self,
            shown=[
                ShownQuestion(number=number, question=question, options=list(question.options))
                for number, question in enumerate(questions, start=1)
            ],
            show_answers=mode_name == "answers",
        )
        return context
