"""The admin's "Stuck certificates" screen: certificates still pending, or not
yet emailed, long after they should have been, and any that have failed, with
their last error and a button to try again."""

from datetime import timedelta

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from certificates.models import Certificate
from certificates.selectors import certificates_needing_attention
from certificates.services import certificate_retry


def _overdue_after() -> timedelta:
    return timedelta(seconds=settings.CERTIFICATES_RETRY_AFTER)


class StuckIndexView(generic.IndexView):
    retry_url_name = None
    page_title = "Stuck certificates"

    def get_base_queryset(self):
        return certificates_needing_attention(older_than=_overdue_after()).select_related(None)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "retry"):
            url = reverse(self.retry_url_name, args=[instance.pk])
            buttons.append(MenuItem("Retry", url=url, icon_name="resubmit", priority=10))
        return buttons


class RetryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm; POST retries and goes back to the list."""

    model = Certificate
    permission_required = "retry"
    template_name = "certificates/admin/retry.html"
    page_title = "Retry certificate"
    header_icon = "resubmit"
    index_url_name = None  # set by the viewset

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.certificate = get_object_or_404(Certificate, pk=pk)

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.certificate, **kwargs)

    def post(self, request, *args, **kwargs):
        if certificate_retry(certificate=self.certificate, by=request.user):
            messages.success(request, f"{self.certificate} will be tried again now.")
        else:
            messages.warning(request, f"{self.certificate} has nothing left to retry.")
        return redirect(self.index_url_name)


class StuckCertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "warning"
    menu_label = "Stuck certificates"
    index_view_class = StuckIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["revocation_reason"]  # never used: only the list and retry exist
    list_display = [
        "holder_name",
        "course_title",
        Column("state", label="State", accessor="get_state_display"),
        DateColumn("created_at", label="Completed"),
        Column("attempts", label="Failed attempts"),
        Column("last_error", label="Last error"),
        DateColumn("next_requeue_at", label="Next automatic try"),
    ]
    list_filter = []
    search_fields = ["holder_name", "course_title", "code"]

    def get_index_view_kwargs(self, **kwargs):
        kwargs["retry_url_name"] = self.get_url_name("retry")
        return super().get_index_view_kwargs(**kwargs)

    @property
    def retry_view(self):
        return RetryView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        kept = [url for url in super().get_urlpatterns() if url.name in ("index", "index_results")]
        return [*kept, path("retry/<str:pk>/", self.retry_view, name="retry")]
