"""The Wagtail admin for certificates (look and revoke) and partnership branding."""

from django.urls import path, reverse
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import Button

from certificates.admin_views import RevokeView
from certificates.models import Certificate, CertificateBranding
from certificates.stuck_admin import StuckCertificateViewSet

READ_ONLY_DROPS = {"add", "edit", "delete"}


def _revoke_url(view, certificate) -> str | None:
    if certificate.revoked_at or not view.permission_policy.user_has_permission(
        view.request.user, "revoke"
    ):
        return None
    return reverse(view.revoke_url_name, args=[certificate.pk])


class CertificateIndexView(generic.IndexView):
    revoke_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := _revoke_url(self, instance):
            buttons.append(MenuItem("Revoke", url=url, icon_name="warning", priority=40))
        return buttons


class CertificateInspectView(generic.InspectView):
    revoke_url_name = None

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := _revoke_url(self, self.object):
            buttons.append(Button("Revoke", url=url, icon_name="warning", priority=40))
        return buttons


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = "Certificates"
    index_view_class = CertificateIndexView
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # Never used: the policy forbids adding and editing, and the URLs are dropped.
    form_fields = ["revocation_reason"]
    list_display = [
        "holder_name",
        "course_title",
        Column("state", label="State", accessor="get_state_display"),
        DateColumn("completed_at", label="Completed"),
        DateColumn("expires_at", label="Expires"),
        DateColumn("revoked_at", label="Revoked"),
    ]
    list_filter = ["state", "partnership"]
    search_fields = ["holder_name", "course_title", "code"]
    inspect_view_fields = [
        "holder_name",
        "course_title",
        "partnership",
        "code",
        "state",
        "completed_at",
        "expires_at",
        "issued_at",
        "emailed_at",
        "attempts",
        "last_error",
        "revoked_at",
        "revoked_by",
        "revocation_reason",
    ]

    def get_index_view_kwargs(self, **kwargs):
        kwargs["revoke_url_name"] = self.get_url_name("revoke")
        return super().get_index_view_kwargs(**kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        kwargs["revoke_url_name"] = self.get_url_name("revoke")
        return super().get_inspect_view_kwargs(**kwargs)

    @property
    def revoke_view(self):
        return RevokeView.as_view(
            index_url_name=self.get_url_name("index"),
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        kept = [url for url in super().get_urlpatterns() if url.name not in READ_ONLY_DROPS]
        return [*kept, path("revoke/<str:pk>/", self.revoke_view, name="revoke")]


class BrandingIndexView(generic.IndexView):
    def get_base_queryset(self):
        # The partnership column, fetched with the rows rather than one per row.
        return super().get_base_queryset().select_related("partnership")


class CertificateBrandingViewSet(ModelViewSet):
    model = CertificateBranding
    index_view_class = BrandingIndexView
    icon = "image"
    menu_label = "Branding"
    list_display = ["partnership", "signatory_name", "signatory_title"]
    search_fields = ["partnership__name", "signatory_name"]


class CertificatesViewSetGroup(ModelViewSetGroup):
    menu_label = "Certificates"
    menu_icon = "doc-full"
    menu_order = 310
    items = (
        CertificateViewSet("certificate_admin", url_prefix="certificates"),
        CertificateBrandingViewSet("certificate_branding_admin", url_prefix="certificate-branding"),
        StuckCertificateViewSet("certificate_stuck_admin", url_prefix="certificates-stuck"),
    )
