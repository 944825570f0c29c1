"""How quizzes plug into courses and the admin: module requirements, the snippet,
a shortcut from a module's page, and keeping attempts from being deleted."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from courses.models import ModulePage
from courses.requirements import MODULE_REQUIREMENTS_HOOK
from kits.evidence import protect_evidence, rows_under
from quizzes.models import Attempt, KnowledgeCheck
from quizzes.selectors import knowledge_check_requirements
from quizzes.viewsets import KnowledgeCheckViewSet

register_snippet(KnowledgeCheckViewSet)


@hooks.register(MODULE_REQUIREMENTS_HOOK)
def knowledge_checks(*, enrolment, module_ids):
    """A module with a live knowledge check is complete only once it is passed."""
    return knowledge_check_requirements(enrolment=enrolment, module_ids=module_ids)


@hooks.register("register_page_header_buttons")
def knowledge_check_button(page, user, view_name, next_url=None):
    """On a module's page in the admin: edit its knowledge check, or add one."""
    if page.specific_class is not ModulePage:
        return
    viewset = KnowledgeCheck.snippet_viewset
    if not viewset.permission_policy.user_has_any_permission(user, ["add", "change"]):
        return
    quiz_id = KnowledgeCheck.objects.filter(module_id=page.pk).values_list("pk", flat=True).first()
    if quiz_id is not None:
        url = reverse(viewset.get_url_name("edit"), args=[quiz_id])
    else:
        url = reverse(viewset.get_url_name("add")) + f"?module={page.pk}"
    yield Button("Knowledge check", url=url, icon_name="help", priority=40)


protect_evidence(
    reason="learners have attempted a knowledge check in it",
    pages=lambda pages: Attempt.objects.filter(rows_under(pages, "quiz__module")).exists(),
)
protect_evidence(
    reason="learners have attempted it",
    objects=lambda objects: Attempt.objects.filter(
        quiz__in=[obj.pk for obj in objects if isinstance(obj, KnowledgeCheck)]
    ).exists(),
)
