"""The kits' admin hooks: the audited log actions (``kits.audit``), and the
protected-records hooks (``kits.evidence``), one rule for every delete.

A single page, snippet or user goes back to its own edit view with the
explanation; a bulk delete goes back to where the editor came from.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from kits.audit import register_audit_actions
from kits.email_admin import OutgoingEmailViewSet
from kits.evidence import refusal


def _refuse(request, message: str, url: str):
    messages.error(request, message)
    return redirect(url)


@hooks.register("before_delete_page")
def keep_pages_with_records(request, page):
    if message := refusal([page], kind="page"):
        return _refuse(request, message, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return None


@hooks.register("before_delete_snippet")
def keep_snippets_with_records(request, instances):
    instances = list(instances)
    if message := refusal(instances, kind="object"):
        viewset = instances[0].snippet_viewset
        if len(instances) == 1:
            url = reverse(viewset.get_url_name("edit"), args=[instances[0].pk])
        else:
            url = reverse(viewset.get_url_name("list"))
        return _refuse(request, message, url)
    return None


@hooks.register("before_delete_user")
def keep_users_with_records(request, user):
    if message := refusal([user], kind="user"):
        return _refuse(request, message, reverse("wagtailusers_users:edit", args=[user.pk]))
    return None


@hooks.register("before_bulk_action")
def keep_records_in_bulk_deletes(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    objects = list(objects)
    kind = _kind(objects[0]) if objects else "object"
    if objects and (message := refusal(objects, kind=kind)):
        return _refuse(request, message, get_valid_next_url_from_request(request) or "/admin/")
    return None


def _kind(obj) -> str:
    if isinstance(obj, Page):
        return "page"
    return "user" if isinstance(obj, get_user_model()) else "object"


@hooks.register("register_log_actions")
def register_audited_actions(actions):
    register_audit_actions(actions)


@hooks.register("register_admin_viewset")
def register_outgoing_email_admin():
    return OutgoingEmailViewSet("outgoing_email_admin", url_prefix="outgoing-email")
