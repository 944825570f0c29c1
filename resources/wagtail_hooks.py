"""Keep schools' evidence safe from the page tree: a plan with logged lessons
cannot be deleted in the admin (the log protects it); editors unpublish it."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from resources.models import Delivery

REFUSAL = (
    "{title} cannot be deleted: schools have logged lessons from it, and the log is "
    "their evidence. Unpublish it instead."
)


def _has_logged_lessons(pages) -> bool:
    """Whether any of ``pages``, or a page below one, is a plan with logged lessons."""
    under = Q()
    for page in pages:
        under |= Q(plan__path__startswith=page.path)
    return bool(pages) and Delivery.objects.filter(under).exists()


@hooks.register("before_delete_page")
def refuse_to_delete_a_logged_plan(request, page):
    if _has_logged_lessons([page]):
        messages.error(request, REFUSAL.format(title=f"“{page.title}”"))
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def refuse_to_bulk_delete_logged_plans(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type == "delete" and _has_logged_lessons(pages):
        messages.error(request, REFUSAL.format(title="Some of these pages"))
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
    return None
