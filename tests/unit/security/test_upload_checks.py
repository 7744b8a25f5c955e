"""Certificate uploads are judged by their content: wrong types, bombs and active PDFs are refused."""

import io
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from vendors.validators import validate_certificate_document

PLAIN_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _upload(name: str, body: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body)


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("L", (width, height)).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _rejection(upload) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_certificate_document(upload)
    return caught.value


def test_a_plain_pdf_and_a_small_scan_are_accepted():
    validate_certificate_document(_upload("label.pdf", PLAIN_PDF))
    validate_certificate_document(_upload("label.png", _png(1200, 1600)))


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("label.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("label.pdf", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>'),
        ("label.pdf", b"<html><body onload=alert(1)>certificate</body></html>"),
        ("label.jpg", b"MZ\x90\x00\x03\x00\x00\x00 an executable, renamed"),
        ("label.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
    ],
)
def test_other_types_are_refused_whatever_their_name(name, body):
    assert _rejection(_upload(name, body)).code == "invalid_type"


def test_a_document_over_10_mb_is_refused_with_its_size():
    error = _rejection(_upload("scan.pdf", PLAIN_PDF + b"0" * (10 * 1024 * 1024)))

    assert error.code == "too_large"
    assert "10 MB" in str(error.message % error.params)


def test_a_decompression_bomb_is_refused_before_it_is_decoded():
    bomb = _png(10_000, 10_000)  # 100 megapixels, a few kilobytes on disk

    error = _rejection(_upload("scan.png", bomb))

    assert len(bomb) < 200_000
    assert error.code == "too_many_pixels"


def test_a_truncated_image_is_refused_as_unreadable():
    assert _rejection(_upload("scan.png", _png(800, 600)[:200])).code == "unreadable"


@pytest.mark.parametrize(
    "body",
    [
        b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF",
        b"%PDF-1.4\n1 0 obj << /AA << /O 2 0 R >> >> endobj\n%%EOF",
        b"%PDF-1.4\n1 0 obj << /S /Launch /F (cmd.exe) >> endobj\n%%EOF",
        # Name escapes: a reader decodes /J#61vaScript to /JavaScript.
        b"%PDF-1.4\n1 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj\n%%EOF",
        # Hidden in a compressed object stream.
        b"%PDF-1.5\n1 0 obj << /Type /ObjStm /Filter /FlateDecode >>\nstream\n"
        + zlib.compress(b"<< /S /JavaScript /JS (app.alert(1)) >>")
        + b"\nendstream\nendobj\n%%EOF",
    ],
    ids=["open-action", "additional-actions", "launch", "escaped-name", "object-stream"],
)
def test_a_pdf_with_scripts_or_actions_is_refused(body):
    assert _rejection(_upload("label.pdf", body)).code == "active_pdf"
