"""How quizzes plug into courses and the admin: module requirements, the snippet,
a shortcut from a module's page, and keeping attempts from being deleted."""

from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from courses.models import ModulePage
from courses.requirements import MODULE_REQUIREMENTS_HOOK, MODULE_REQUIREMENTS_MANY_HOOK
from quizzes.models import Attempt, KnowledgeCheck
from quizzes.selectors import knowledge_check_requirements, knowledge_check_requirements_many
from quizzes.viewsets import KnowledgeCheckViewSet

register_snippet(KnowledgeCheckViewSet)


@hooks.register(MODULE_REQUIREMENTS_HOOK)
def knowledge_checks(*, enrolment, module_ids):
    """A module with a live knowledge check is complete only once it is passed."""
    return knowledge_check_requirements(enrolment=enrolment, module_ids=module_ids)


@hooks.register(MODULE_REQUIREMENTS_MANY_HOOK)
def knowledge_checks_many(*, enrolments, module_ids):
    return knowledge_check_requirements_many(enrolments=enrolments, module_ids=module_ids)


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


REFUSAL = "{what} cannot be deleted because learners have attempted {which}. " + (
    "Unpublish it instead: their records are kept."
)


def _has_attempts(*, pages=(), quizzes=()) -> bool:
    """Whether any attempt was made at ``quizzes`` or at a check under ``pages``."""
    where = Q(quiz__in=[quiz.pk for quiz in quizzes])
    for page in pages:
        where |= Q(quiz__module__path__startswith=page.path)
    return Attempt.objects.filter(where).exists()


@hooks.register("before_delete_page")
def keep_modules_with_attempts(request, page):
    """Attempts are evidence (protected in the database too): a module, or anything
    above it, whose knowledge check has attempts is unpublished, not deleted."""
    if _has_attempts(pages=[page]):
        title = page.get_admin_display_title()
        messages.error(request, REFUSAL.format(what=f"'{title}'", which="a knowledge check in it"))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_delete_snippet")
def keep_knowledge_checks_with_attempts(request, instances):
    quizzes = [obj for obj in instances if isinstance(obj, KnowledgeCheck)]
    if quizzes and _has_attempts(quizzes=quizzes):
        messages.error(request, REFUSAL.format(what="This knowledge check", which="it"))
        return redirect(KnowledgeCheck.snippet_viewset.get_url_name("list"))
    return None


@hooks.register("before_bulk_action")
def keep_attempts_in_bulk_deletes(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    quizzes = [obj for obj in objects if isinstance(obj, KnowledgeCheck)]
    if (pages or quizzes) and _has_attempts(pages=pages, quizzes=quizzes):
        which = "a knowledge check in them"
        messages.error(request, REFUSAL.format(what="Some of these items", which=which))
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None
