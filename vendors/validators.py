"""Checks on uploaded certification documents: by content, never by file name."""

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
ALLOWED_DOCUMENT_KINDS = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
# PDF name tokens that make a reader run code or open something when the file is opened.
ACTIVE_PDF_TOKENS = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/OpenAction", b"/AA")


def validate_certificate_document(upload) -> None:
    """Accept a PDF, JPEG or PNG of at most 10 MB, and no PDF that carries scripts or actions."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The document is %(size)s MB; the limit is 10 MB. Scan at a lower resolution or as PDF."),
            params={"size": round(upload.size / 1024 / 1024, 1)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8192)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in ALLOWED_DOCUMENT_KINDS:
        raise ValidationError(_("Upload the document as a PDF, JPEG or PNG file."), code="invalid_type")
    if kind.extension == "pdf":
        upload.seek(0)
        body = upload.read()
        if any(token in body for token in ACTIVE_PDF_TOKENS):
            raise ValidationError(
                _("This PDF contains scripts or automatic actions. Print it to a new PDF or send a scan."),
                code="active_pdf",
            )
    upload.seek(0)
