"""Who may do what with certificates in the Wagtail admin."""

from kits.permissions import ReadOnlyPermissionPolicy


class CertificatePermissionPolicy(ReadOnlyPermissionPolicy):
    """Certificates are made by the issuing service and are evidence: in the admin
    they can be looked at (``view``) and revoked (``revoke``, the model's
    ``revoke_certificate`` permission, which superusers have), but never added,
    edited or deleted, by anyone."""
