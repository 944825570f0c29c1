from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Certificates"

    def ready(self):
        # Before anything asks Wagtail for the model's policy (design: certificates
        # are read-only evidence in the admin, see certificates.permissions).
        from wagtail.permissions import register_permission_policy

        from certificates.models import Certificate
        from certificates.permissions import CertificatePermissionPolicy

        register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))
