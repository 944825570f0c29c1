"""The one write the admin makes to a certificate: revoking it, with a reason."""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from accounts.reauthentication import require_recent_authentication
from certificates.forms import RevokeForm
from certificates.models import Certificate
from certificates.services import certificate_revoke


class RevokeView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    model = Certificate
    permission_required = "revoke"
    form_class = RevokeForm
    template_name = "certificates/admin/revoke.html"
    page_title = "Revoke certificate"
    header_icon = "warning"
    index_url_name = None  # set by the viewset
    inspect_url_name = None

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.certificate = get_object_or_404(Certificate, pk=pk)

    def get_page_subtitle(self):
        return str(self.certificate)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": "Certificates"},
            {"url": "", "label": self.page_title, "sublabel": str(self.certificate)},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.certificate,
            action_url=self.request.path,
            submit_button_label="Revoke certificate",
            submit_button_active_label="Revoking…",
            **kwargs,
        )

    def form_valid(self, form):
        require_recent_authentication(self.request)
        certificate_revoke(
            certificate=self.certificate, by=self.request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(self.request, f"Certificate {self.certificate.display_code} revoked.")
        return redirect(self.inspect_url_name, self.certificate.pk)
