"""Checks on uploaded certification documents: by content, never by file name."""

import re
import warnings
import zlib

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
# A scan at 600 dpi of an A3 page is about 35 megapixels; more is a decompression bomb.
MAX_DOCUMENT_PIXELS = 40_000_000
ALLOWED_DOCUMENT_KINDS = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
# PDF name tokens that make a reader run code or open something when the file is opened.
ACTIVE_PDF_TOKENS = (
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/OpenAction",
    b"/AA",
    b"/RichMedia",
)
_PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)


def _pdf_texts(body: bytes):
    """The PDF's bytes, then each compressed stream inflated: object streams can hide names."""
    yield body
    for match in _PDF_STREAM.finditer(body):
        try:
            yield zlib.decompressobj().decompress(match.group(1), MAX_DOCUMENT_BYTES)
        except zlib.error:
            continue


def pdf_is_active(body: bytes) -> bool:
    """Whether the PDF carries scripts or automatic actions, even behind #xx escapes or in streams."""
    for text in _pdf_texts(body):
        # "/J#61vaScript" is "/JavaScript" to a PDF reader.
        text = _PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), text)
        if any(token in text for token in ACTIVE_PDF_TOKENS):
            return True
    return False


def _image_check(upload) -> None:
    upload.seek(0)
    try:
        # The pixel count is read from the header; the bomb is refused before it is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(upload)
        with image:
            width, height = image.size
            if width * height > MAX_DOCUMENT_PIXELS:
                raise ValidationError(
                    _("The image is %(megapixels)s megapixels; the limit is 40. Scan at a lower resolution."),
                    params={"megapixels": round(width * height / 1_000_000)},
                    code="too_many_pixels",
                )
            image.verify()
    except (Image.DecompressionBombError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This image could not be read. Send it again as a PDF, JPEG or PNG scan."), code="unreadable"
        ) from error


def validate_certificate_document(upload) -> None:
    """Accept a PDF, JPEG or PNG of at most 10 MB and 40 megapixels, and no PDF that carries
    scripts or actions. SVG, HTML and everything else is refused, whatever its name says."""
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
        if pdf_is_active(upload.read()):
            raise ValidationError(
                _("This PDF contains scripts or automatic actions. Print it to a new PDF or send a scan."),
                code="active_pdf",
            )
    else:
        _image_check(upload)
    upload.seek(0)
