"""The administrators' "Outgoing email" screen (Settings): emails that failed,
or are stuck waiting or half-sent, with their last error and a button to send
one again (``kits.mail.outgoing_email_retry``). Sent emails are not listed: their
bodies are emptied once sent, and the list is for what needs a person."""

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

from kits.mail import outgoing_email_retry, outgoing_emails_needing_attention
from kits.models import OutgoingEmail


class AttentionIndexView(generic.IndexView):
    retry_url_name = None
    page_title = "Outgoing email"

    def get_base_queryset(self):
        return outgoing_emails_needing_attention()

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_permission(self.request.user, "retry"):
            url = reverse(self.retry_url_name, args=[instance.pk])
            buttons.append(MenuItem("Send again", url=url, icon_name="resubmit", priority=10))
        return buttons


class RetryView(PermissionCheckedMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks to confirm, saying what sending again risks; POST sends it
    again and goes back to the list."""

    model = OutgoingEmail
    permission_required = "retry"
    template_name = "kits/admin/email_retry.html"
    page_title = "Send email again"
    header_icon = "resubmit"
    index_url_name = None  # set by the viewset

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.email = get_object_or_404(OutgoingEmail, pk=pk)

    def get_page_subtitle(self):
        return self.email.subject

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            email=self.email, half_sent=self.email.state == OutgoingEmail.State.SENDING, **kwargs
        )

    def post(self, request, *args, **kwargs):
        if outgoing_email_retry(email=self.email, by=request.user):
            messages.success(request, f"“{self.email.subject}” will be sent again now.")
        else:
            messages.warning(request, f"“{self.email.subject}” no longer needs sending again.")
        return redirect(self.index_url_name)


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = "Outgoing email"
    add_to_settings_menu = True
    index_view_class = AttentionIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["subject"]  # never used: only the list and the retry exist
    list_display = [
        "subject",
        Column("recipients", label="To", accessor="recipients"),
        Column("state", label="State", accessor="get_state_display"),
        DateColumn("created_at", label="Queued"),
        Column("attempts", label="Attempts"),
        Column("last_error", label="Last error"),
    ]
    list_filter = ["state"]
    search_fields = ["subject"]

    def get_index_view_kwargs(self, **kwargs):
        kwargs["retry_url_name"] = self.get_url_name("retry")
        return super().get_index_view_kwargs(**kwargs)

    @property
    def retry_view(self):
        return RetryView.as_view(index_url_name=self.get_url_name("index"))

    def get_urlpatterns(self):
        kept = [url for url in super().get_urlpatterns() if url.name in ("index", "index_results")]
        return [*kept, path("retry/<str:pk>/", self.retry_view, name="retry")]
