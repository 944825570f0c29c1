"""The admin's "Stuck certificates" screen: certificates still pending, or not
yet emailed, long after they should have been, and any that have failed, with
their last error and a button to try again."""

from datetime import timedelta

from django.conf import settings
from wagtail.admin.ui.tables import Column, DateColumn

from certificates.models import Certificate
from certificates.selectors import certificates_needing_attention
from certificates.services import certificate_retry
from kits.admin_actions import ActionIndexView, ActionListViewSet, ConfirmActionView


def _overdue_after() -> timedelta:
    return timedelta(seconds=settings.CERTIFICATES_RETRY_AFTER)


class StuckIndexView(ActionIndexView):
    page_title = "Stuck certificates"
    action_label = "Retry"
    permission_action = "retry"

    def get_base_queryset(self):
        return certificates_needing_attention(older_than=_overdue_after()).select_related(None)


class RetryView(ConfirmActionView):
    model = Certificate
    permission_required = "retry"
    template_name = "certificates/admin/retry.html"
    page_title = "Retry certificate"
    done = "{} will be tried again now."
    nothing = "{} has nothing left to retry."

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(certificate=self.object, **kwargs)

    def act(self, user) -> bool:
        return certificate_retry(certificate=self.object, by=user)


class StuckCertificateViewSet(ActionListViewSet):
    model = Certificate
    icon = "warning"
    menu_label = "Stuck certificates"
    index_view_class = StuckIndexView
    action_view_class = RetryView
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
