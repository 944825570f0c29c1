"""Evidence files: what they are is read from their bytes, never their name."""

from io import BytesIO

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
IMAGE_TYPES = {"PNG": ("image/png", "png"), "JPEG": ("image/jpeg", "jpg")}


def evidence_type(upload) -> tuple[str, str]:
    """(content type, extension) of an uploaded PDF, PNG or JPEG; ValidationError
    for anything else, or anything over the size limit."""
    if upload.size > MAX_BYTES:
        raise ValidationError("The evidence file must be smaller than 5 MB.")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    try:
        image = Image.open(BytesIO(upload.read()))
        image.verify()
        kind = IMAGE_TYPES.get(image.format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    finally:
        upload.seek(0)
    if kind is None:
        raise ValidationError("The evidence file must be a PDF, a PNG or a JPEG.")
    return kind
