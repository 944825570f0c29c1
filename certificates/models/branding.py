"""A partnership's look on its certificates, edited in the Wagtail admin."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

# The logo is read from storage into the PDF, never fetched, and kept small.
LOGO_MAX_BYTES = 1024 * 1024


def validate_logo_size(file) -> None:
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError("The logo must be smaller than 1 MB.")


class CertificateBranding(models.Model):
    """How a partnership's certificates look: logo, signatory and a line of wording."""

    partnership = models.OneToOneField(
        "organisations.Partnership", on_delete=models.CASCADE, related_name="certificate_branding"
    )
    logo = models.ImageField(
        upload_to="certificate-branding/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg"]), validate_logo_size],
        help_text="PNG or JPEG, under 1 MB. Printed at the top left, about 3 cm high.",
    )
    signatory_name = models.CharField(max_length=120, blank=True)
    signatory_title = models.CharField(
        max_length=160, blank=True, help_text="For example 'Independent Scrutineer'."
    )
    wording = models.CharField(
        max_length=300,
        blank=True,
        help_text="One line printed under the course, e.g. the standard the training meets.",
    )

    panels = [
        FieldPanel("partnership"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("signatory_name"), FieldPanel("signatory_title")], heading="Signed by"
        ),
        FieldPanel("wording"),
    ]

    class Meta:
        verbose_name = "certificate branding"
        verbose_name_plural = "certificate branding"

    def __str__(self):
        return f"Certificates of {self.partnership}"
