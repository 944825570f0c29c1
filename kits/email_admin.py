"""The administrators' "Outgoing email" screen (Settings): emails that failed,
or are stuck waiting or half-sent, with their last error and a button to send
one again (``kits.mail.outgoing_email_retry``). Sent emails are not listed: their
bodies are emptied once sent, and the list is for what needs a person."""

from wagtail.admin.ui.tables import Column, DateColumn

from kits.admin_actions import ActionIndexView, ActionListViewSet, ConfirmActionView
from kits.mail import outgoing_email_retry, outgoing_emails_needing_attention
from kits.models import OutgoingEmail


class AttentionIndexView(ActionIndexView):
    page_title = "Outgoing email"
    action_label = "Send again"
    permission_action = "retry"

    def get_base_queryset(self):
        return outgoing_emails_needing_attention()


class RetryView(ConfirmActionView):
    """Says what sending again risks for a half-sent email."""

    model = OutgoingEmail
    permission_required = "retry"
    template_name = "kits/admin/email_retry.html"
    page_title = "Send email again"
    done = "“{}” will be sent again now."
    nothing = "“{}” no longer needs sending again."

    def described(self) -> str:
        return self.object.subject

    def get_page_subtitle(self):
        return self.object.subject

    def get_context_data(self, **kwargs):
        half_sent = self.object.state == OutgoingEmail.State.SENDING
        return super().get_context_data(email=self.object, half_sent=half_sent, **kwargs)

    def act(self, user) -> bool:
        return outgoing_email_retry(email=self.object, by=user)


class OutgoingEmailViewSet(ActionListViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = "Outgoing email"
    add_to_settings_menu = True
    index_view_class = AttentionIndexView
    action_view_class = RetryView
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
