"""The "Made in Morocco" badge follows the label certificate; provenance pages prove it."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from tests.factories import CooperativeFactory, CooperativeStaffFactory, ProductFactory, StaffUserFactory
from vendors.models import Certificate, Cooperative
from vendors.provenance import provenance_resolve, provenance_token
from vendors.services import certificate_review, certifications_expire, cooperative_refresh_label
from vendors.validators import validate_certificate_document

pytestmark = pytest.mark.django_db


def _label(cooperative, *, expires_in_days: int, approved: bool = True) -> Certificate:
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        cooperative=cooperative,
        type=Certificate.Type.LABEL,
        number=f"MIM-{expires_in_days}",
        issuing_body="Ministère de l'Artisanat",
        issued_on=today - timedelta(days=400),
        expires_on=today + timedelta(days=expires_in_days),
    )
    if approved:
        certificate_review(certificate=certificate, approve=True, reviewer=StaffUserFactory())
    return certificate


def test_labelled_product_of_a_certified_cooperative_shows_the_badge(client):
    cooperative = CooperativeFactory()
    _label(cooperative, expires_in_days=200)
    product = ProductFactory(is_labelled=True, stockrecord__cooperative=cooperative)

    assert product.shows_made_in_morocco_label
    assert "Made in Morocco" in client.get(product.get_absolute_url()).content.decode()


def test_product_not_marked_as_labelled_shows_no_badge():
    cooperative = CooperativeFactory()
    _label(cooperative, expires_in_days=200)

    assert not ProductFactory(
        is_labelled=False, stockrecord__cooperative=cooperative
    ).shows_made_in_morocco_label


def test_a_certificate_waiting_for_review_does_not_earn_the_badge():
    cooperative = CooperativeFactory()
    _label(cooperative, expires_in_days=200, approved=False)
    cooperative_refresh_label(cooperative=cooperative)

    assert not ProductFactory(stockrecord__cooperative=cooperative).shows_made_in_morocco_label


def test_the_label_disappears_when_the_certificate_expires(client):
    cooperative = CooperativeFactory()
    _label(cooperative, expires_in_days=10)
    product = ProductFactory(is_labelled=True, stockrecord__cooperative=cooperative)
    assert "Made in Morocco" in client.get(product.get_absolute_url()).content.decode()

    report = certifications_expire(today=timezone.localdate() + timedelta(days=11))

    cooperative.refresh_from_db()
    assert report.labels_removed == [cooperative.slug]
    assert cooperative.label_valid_until is None
    product = type(product).objects.get(pk=product.pk)
    assert not product.shows_made_in_morocco_label
    assert "Made in Morocco" not in client.get(product.get_absolute_url()).content.decode()


def test_the_cooperative_is_told_once_thirty_days_before_its_label_lapses():
    cooperative = CooperativeFactory(email="tifawin@example.test")
    member = CooperativeStaffFactory(email="fatima@example.test", cooperative=cooperative)
    _label(cooperative, expires_in_days=25)

    call_command("expire_certifications")
    call_command("expire_certifications")

    assert len(mail.outbox) == 1
    assert set(mail.outbox[0].to) == {"tifawin@example.test", member.email}
    assert "expires in 25 days" in mail.outbox[0].subject


def test_a_suspended_cooperative_loses_the_badge_even_with_a_valid_label():
    cooperative = CooperativeFactory()
    _label(cooperative, expires_in_days=300)
    cooperative.status = Cooperative.Status.SUSPENDED

    assert not cooperative.has_label


def test_provenance_page_shows_cooperative_certificates_and_product(client):
    cooperative = CooperativeFactory(name="Coopérative Tifawin", registration_number="COOP-2009-1")
    _label(cooperative, expires_in_days=120)
    product = ProductFactory(title="Beni Ourain rug no. 7", stockrecord__cooperative=cooperative)

    response = client.get(f"/verify/{provenance_token(product)}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Beni Ourain rug no. 7" in html
    assert "Coopérative Tifawin" in html
    assert "MIM-120" in html
    assert "COOP-2009-1" in html


def test_a_tampered_provenance_token_is_a_404(client):
    product = ProductFactory()
    token = provenance_token(product)
    forged = token.replace(f"p{product.pk}:", f"p{product.pk + 1}:")

    assert provenance_resolve(forged) is None
    assert client.get(f"/verify/{forged}/").status_code == 404
    assert client.get("/verify/p1/").status_code == 404


def test_provenance_qr_codes_come_as_svg_and_png(client):
    cooperative = CooperativeFactory()
    token = provenance_token(cooperative)

    svg = client.get(f"/verify/{token}/qr.svg")
    png = client.get(f"/verify/{token}/qr.png")

    assert svg["Content-Type"] == "image/svg+xml"
    assert b"<svg" in svg.content
    assert png["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(png.content)).size[0] > 100


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def test_certificate_documents_are_checked_by_content_not_by_name():
    png = io.BytesIO()
    Image.new("RGB", (10, 10)).save(png, format="PNG")
    validate_certificate_document(_upload("scan.pdf", png.getvalue()))  # a PNG named .pdf is still a PNG

    with pytest.raises(ValidationError, match="PDF, JPEG or PNG"):
        validate_certificate_document(_upload("scan.pdf", b"MZ\x90\x00 not a document at all"))


def test_a_pdf_with_javascript_is_refused():
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF"

    with pytest.raises(ValidationError, match="scripts"):
        validate_certificate_document(_upload("label.pdf", pdf))


def test_a_document_over_ten_megabytes_is_refused():
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 1)

    with pytest.raises(ValidationError, match="10 MB"):
        validate_certificate_document(_upload("label.pdf", big))


def test_certificate_documents_are_not_stored_under_the_public_media_url(settings):
    cooperative = CooperativeFactory()
    certificate = _label(cooperative, expires_in_days=100)
    certificate.document.save("label.png", SimpleUploadedFile("label.png", b"\x89PNG fake"), save=True)

    assert not certificate.document.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        certificate.document.url  # noqa: B018  (no public URL exists for it)
