"""Certificates (the outbox rows that become PDFs) and each partnership's branding."""

from certificates.models.branding import CertificateBranding
from certificates.models.certificate import Certificate, CertificateStatus

__all__ = ["Certificate", "CertificateBranding", "CertificateStatus"]
