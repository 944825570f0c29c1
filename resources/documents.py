"""Lesson-plan documents are served only to those who may see a plan that
offers them, never to anyone who merely has the address.

Wagtail's ``before_serve_document`` hook asks :func:`document_viewable`; the
serving view itself is wrapped in ``never_cache`` (lms/urls.py). Registered
from ``ResourcesConfig.ready``.
"""

from django.http import Http404
from wagtail import hooks

from kits.page_privacy import page_viewable
from resources.models import LessonPlanPage, ParentLink

PARENT_TOKEN = "parent"  # noqa: S105 (the query parameter's name)


def document_viewable(request, document) -> bool:
    """Editors (who manage documents in the admin) see every document. Others
    see one offered by a live plan: signed in and allowed by the plan's page
    privacy, or holding an open parent link to that plan as ``?parent=``."""
    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    plans = LessonPlanPage.objects.live().filter(documents__document=document)
    token = request.GET.get(PARENT_TOKEN, "")
    if token:
        return ParentLink.objects.open().filter(token=token, plan__in=plans).exists()
    if not user.is_authenticated:
        return False
    return any(page_viewable(request, plan) for plan in plans)


@hooks.register("before_serve_document")
def refuse_documents_out_of_reach(document, request):
    # 404, as for a missing document: an address says nothing about what exists.
    if not document_viewable(request, document):
        raise Http404("No such document.")
