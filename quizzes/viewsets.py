"""The knowledge check in the Wagtail admin: a snippet with revisions, drafts,
preview, locking and moderation, and a tab of question statistics for editors."""

from wagtail.admin.panels import FieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from courses.models import ModulePage
from quizzes.models import KnowledgeCheck
from quizzes.statistics import question_statistics


class QuestionStatisticsPanel(Panel):
    """Read-only: how learners have answered each question so far, overall.
    Counts only, never who answered: editors see no learner records."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "quizzes/admin/question_statistics_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            quiz = self.instance
            context["statistics"] = question_statistics(quiz=quiz) if quiz.pk else []
            return context


class KnowledgeCheckCreateView(CreateView):
    """``?module=<id>`` (from the module's page header) picks the module and a title."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        module_id = self.request.GET.get("module", "")
        module = ModulePage.objects.filter(pk=module_id).first() if module_id.isdigit() else None
        if module is not None:
            instance.module = module
            instance.title = f"Knowledge check: {module.title}"
        return instance


class KnowledgeCheckViewSet(SnippetViewSet):
    model = KnowledgeCheck
    add_view_class = KnowledgeCheckCreateView
    icon = "help"
    menu_label = "Knowledge checks"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "module", "pass_mark", "max_attempts"]
    search_fields = ["title"]

    def get_queryset(self, request):
        return KnowledgeCheck.objects.select_related("module")

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [FieldPanel("title"), FieldPanel("module"), FieldPanel("questions")],
                heading="Questions",
            ),
            ObjectList(
                [
                    FieldPanel("pass_mark"),
                    FieldPanel("question_order"),
                    FieldPanel("shuffle_options"),
                    FieldPanel("max_attempts"),
                ],
                heading="Settings",
            ),
            ObjectList([QuestionStatisticsPanel()], heading="Statistics"),
        ]
    )
