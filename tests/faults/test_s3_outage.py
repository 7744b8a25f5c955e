"""The S3 endpoint stops while buyers browse and cooperatives upload, then comes back.

Media storage is production's (marketplace.storage.s3_storages) pointed at moto's S3 server,
started in this process on a free port. Stopping it closes the port (connections refused);
starting it again on the same port finds the bucket as it was, like S3 after an outage.
"""

import io
import json
import time
import uuid

import boto3
import pytest
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.functional import empty
from oscar.core.loading import get_model
from PIL import Image
from sorl.thumbnail.default import storage as thumbnail_storage

from catalogue.images import image_clean
from catalogue.services import product_classes_sync, product_image_renditions_ensure
from marketplace.storage import s3_storages
from tests.factories import (
    PASSWORD,
    CooperativeFactory,
    CooperativeStaffFactory,
    ProductClassFactory,
    ProductFactory,
    category_create,
    pdf_file,
)
from tests.fault_servers import free_port, wait_for
from vendors.models import ApplicationDocument, Certificate, CooperativeApplication

moto_server = pytest.importorskip("moto.server", reason="moto[server] is a test requirement")

pytestmark = [pytest.mark.faults, pytest.mark.django_db]

Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
AttributeOption = get_model("catalogue", "AttributeOption")
CREDENTIALS = {"aws_access_key_id": "souk-test", "aws_secret_access_key": "souk-test-secret"}
REGION = "us-east-1"
PHOTOS_DOWN = "We could not store your photos just now, so nothing was saved."
DOCUMENT_DOWN = "We could not store your document just now"
SEND_AGAIN = "your application was not sent"


class S3Endpoint:
    """moto's S3 on 127.0.0.1:`port`, stopped (port closed) and started again at will."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.bucket = f"souk-faults-{uuid.uuid4().hex[:12]}"
        self.server = None

    def start(self) -> "S3Endpoint":
        self.server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            # moto's stop() leaves the socket listening (a hang); close it: connections are refused.
            self.server._server.server_close()
            self.server = None

    @property
    def client(self):
        return boto3.client("s3", endpoint_url=self.url, region_name=REGION, **CREDENTIALS)

    def keys(self, prefix: str = "") -> set[str]:
        listing = self.client.list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return {item["Key"] for item in listing.get("Contents", [])}


@pytest.fixture
def s3(settings, monkeypatch):
    """Production's STORAGES on a moto endpoint of this test's own; the endpoint is stopped at the end."""
    endpoint = S3Endpoint().start()
    try:
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", CREDENTIALS["aws_access_key_id"])
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", CREDENTIALS["aws_secret_access_key"])
        endpoint.client.create_bucket(Bucket=endpoint.bucket)
        endpoint.client.put_bucket_policy(
            Bucket=endpoint.bucket,
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "s3:GetObject",
                            "Resource": f"arn:aws:s3:::{endpoint.bucket}/media/*",
                        }
                    ],
                }
            ),
        )
        settings.AWS_STORAGE_BUCKET_NAME = endpoint.bucket
        settings.AWS_S3_ENDPOINT_URL = endpoint.url
        settings.AWS_S3_REGION_NAME = REGION
        settings.AWS_S3_ADDRESSING_STYLE = "path"
        settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
        settings.AWS_DEFAULT_ACL = None
        settings.AWS_S3_FILE_OVERWRITE = False
        settings.AWS_QUERYSTRING_AUTH = False
        settings.MEDIA_URL = f"{endpoint.url}/{endpoint.bucket}/media/"
        # Media and certificates on S3; static files as the test settings serve them (no manifest).
        settings.STORAGES = {
            **s3_storages(private_bucket=endpoint.bucket, private_url_expiry=60),
            "staticfiles": settings.STORAGES["staticfiles"],
        }
        settings.THUMBNAIL_STORAGE = settings.STORAGES["default"]["BACKEND"]
        thumbnail_storage._wrapped = empty
        # Certificate fields resolve their storage callable once, when the models load.
        for model in (ApplicationDocument, Certificate):
            monkeypatch.setattr(model._meta.get_field("document"), "storage", storages["private"])
        yield endpoint
    finally:
        thumbnail_storage._wrapped = empty
        endpoint.stop()


def _photo(name="rug.jpg", size=(900, 600)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (160, 70, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _stored_photo(product, caption: str):
    return ProductImage.objects.create(product=product, original=image_clean(_photo()).file, caption=caption)


def _no_row_without_its_file(endpoint: S3Endpoint) -> None:
    media, private = endpoint.keys("media/"), endpoint.keys("private/")
    for image in ProductImage.objects.all():
        assert f"media/{image.original.name}" in media, image.original.name
    for document in ApplicationDocument.objects.all():
        assert f"private/{document.document.name}" in private, document.document.name


def test_with_s3_stopped_pages_with_photos_still_render_and_health_says_storage_is_down(client, s3):
    cooperative = CooperativeFactory(name="Coopérative Tifawin")
    shown = ProductFactory(title="Beni Ourain rug, ivory", stockrecord__cooperative=cooperative)
    fresh = ProductFactory(title="Kilim, madder red", stockrecord__cooperative=cooperative)
    rendered = _stored_photo(shown, "An ivory rug")
    product_image_renditions_ensure(image=rendered)  # shown before: its renditions exist
    unrendered = _stored_photo(fresh, "A red kilim")  # uploaded just before the outage
    client.post(reverse("basket:add", kwargs={"pk": shown.pk}), {"quantity": 1})

    s3.stop()
    started = time.monotonic()
    pages = {
        "home": client.get("/"),
        "catalogue": client.get("/shop/catalogue/"),
        "shown": client.get(shown.get_absolute_url()),
        "fresh": client.get(fresh.get_absolute_url()),
        "cooperative": client.get(cooperative.get_absolute_url()),
        "basket": client.get(reverse("basket:summary")),
    }
    elapsed = time.monotonic() - started
    health = client.get("/healthz")

    assert {name: page.status_code for name, page in pages.items()} == dict.fromkeys(pages, 200)
    # Renditions made earlier are plain URLs: no S3 call is needed to show them.
    rendered.refresh_from_db()
    first_rendition = rendered.renditions["files"]["320"][0]
    assert default_storage.url(first_rendition) in pages["shown"].content.decode()
    # The photo without renditions degrades to its original file's URL (the browser may fail to
    # load it while S3 is down; the page does not).
    assert unrendered.original.url in pages["fresh"].content.decode()
    assert ProductImage.objects.get(pk=unrendered.pk).renditions == {}
    assert elapsed < 30
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["failing"] == ["storage"]

    # Back up: the next view of the page writes the missing renditions.
    s3.start()
    client.get(fresh.get_absolute_url())
    assert ProductImage.objects.get(pk=unrendered.pk).renditions["files"]
    assert client.get("/healthz").json()["checks"]["storage"]["status"] == "up"


def _option(code: str, value: str):
    return AttributeOption.objects.get(group__code=f"rug-{code}", option=value).pk


def _rug_form(category, photo) -> dict:
    """The product editor's form for a new rug with one photo (see the product editor tests)."""
    return {
        "title_en": "Cream Beni Ourain rug",
        "title_fr": "Tapis Beni Ourain crème",
        "description_en": "Hand-knotted in the Middle Atlas.",
        "description_fr": "Noué main dans le Moyen Atlas.",
        "structure": "standalone",
        "is_labelled": "on",
        "weight_kg": "9.5",
        "packed_length_cm": "100",
        "packed_width_cm": "40",
        "packed_height_cm": "40",
        "lead_time_days": "0",
        "categories": [category.pk],
        "attr_style": _option("style", "Beni Ourain"),
        "attr_weave": _option("weave", "Hand-knotted pile"),
        "attr_material": _option("material", "Sheep wool"),
        "attr_width_cm": "200",
        "attr_length_cm": "300",
        "attr_one_of_a_kind": "on",
        "stockrecords-TOTAL_FORMS": "1",
        "stockrecords-INITIAL_FORMS": "0",
        "stockrecords-MIN_NUM_FORMS": "0",
        "stockrecords-MAX_NUM_FORMS": "1",
        "stockrecords-0-price": "4200.00",
        "stockrecords-0-num_in_stock": "1",
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0",
        "images-MAX_NUM_FORMS": "12",
        "images-0-caption": "A cream Beni Ourain rug on a tiled floor",
        "images-0-display_order": "1",
        "images-0-original": photo,
        "action": "save",
    }


def test_with_s3_stopped_a_product_photo_upload_fails_clearly_saves_nothing_and_works_once_s3_is_back(
    client, s3, django_capture_on_commit_callbacks
):
    product_classes_sync()
    rugs = category_create(name="Rugs", slug="rugs")
    cooperative = CooperativeFactory(name="Tifawin", slug="tifawin")
    client.login(username=CooperativeStaffFactory(cooperative=cooperative).email, password=PASSWORD)
    create_url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "rug"})

    s3.stop()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(create_url, _rug_form(rugs, _photo()))
    elapsed = time.monotonic() - started

    assert refused.status_code == 200
    assert PHOTOS_DOWN in refused.content.decode()
    assert 'value="Cream Beni Ourain rug"' in refused.content.decode()  # what was typed is kept
    assert not Product.objects.filter(title_en="Cream Beni Ourain rug").exists()
    assert not ProductImage.objects.exists()
    assert elapsed < 20  # bounded connect timeouts and one retry, not boto's minutes

    s3.start()
    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(create_url, _rug_form(rugs, _photo()))

    assert saved.status_code == 302
    image = ProductImage.objects.get(product__title_en="Cream Beni Ourain rug")
    assert f"media/{image.original.name}" in s3.keys("media/")
    assert image.renditions["files"]
    _no_row_without_its_file(s3)


WIZARD = "cooperative_application_wizard"


def _step(client, step, data, files=None):
    payload = {f"{WIZARD}-current_step": step, **{f"{step}-{key}": value for key, value in data.items()}}
    payload.update(files or {})
    return client.post("/sell/", payload)


def _cooperative(craft) -> dict:
    return {
        "name": "Coopérative Tafoukt",
        "legal_name": "Coopérative artisanale Tafoukt",
        "registration_number": "ODCO-2019-118",
        "ice": "001234567000089",
        "region": "souss-massa",
        "city": "Tiznit",
        "crafts": [craft.pk],
        "founded_year": "2011",
        "members_count": "18",
        "women_members_count": "15",
        "is_women_led": "on",
        "languages": ["zgh", "ar"],
        "story": "Silver from Tiznit.",
    }


DOCUMENTS = {
    "TOTAL_FORMS": "1",
    "INITIAL_FORMS": "0",
    "MIN_NUM_FORMS": "1",
    "MAX_NUM_FORMS": "8",
    "0-type": "registration",
    "0-number": "REG-118",
    "0-issuing_body": "ODCo",
    "0-issued_on": "2019-03-01",
    "0-expires_on": "",
}
CONTACT = {
    "contact_name": "Fatima Aït Lahcen",
    "contact_role": "Présidente",
    "contact_email": "fatima@tafoukt.example",
    "contact_phone": "0612345678",
}


def test_with_s3_stopped_a_certificate_upload_and_the_final_send_fail_clearly_and_save_nothing(
    client, s3, django_capture_on_commit_callbacks
):
    craft = ProductClassFactory(name="Jewellery", slug="jewellery")
    _step(client, "cooperative", _cooperative(craft))

    # The scan is chosen while S3 is down: refused with a message, the applicant stays on the step.
    s3.stop()
    refused = _step(client, "documents", DOCUMENTS, {"documents-0-document": pdf_file("reg.pdf")})
    assert refused.status_code == 200
    assert DOCUMENT_DOWN in refused.content.decode()
    assert refused.context["wizard"]["steps"].current == "documents"

    # Back up: the same scan goes through; then S3 stops again just before "Send".
    s3.start()
    kept = _step(client, "documents", DOCUMENTS, {"documents-0-document": pdf_file("reg.pdf")})
    assert kept.context["wizard"]["steps"].current == "contact"
    assert s3.keys("private/applications/pending/")
    review = _step(client, "contact", CONTACT)
    assert "REG-118" in review.content.decode()
    s3.stop()
    with django_capture_on_commit_callbacks(execute=True):
        not_sent = _step(client, "review", {"confirm": "on"})

    assert not_sent.status_code == 200
    assert SEND_AGAIN in not_sent.content.decode()
    assert not CooperativeApplication.objects.exists()
    assert not ApplicationDocument.objects.exists()

    # Back up again: pressing Send again sends it, with the scan stored next to its row.
    s3.start()
    with django_capture_on_commit_callbacks(execute=True):
        sent = _step(client, "review", {"confirm": "on"})

    assert sent.status_code == 302 and sent["Location"] == "/sell/thank-you/"
    document = ApplicationDocument.objects.get()
    assert document.application.name == "Coopérative Tafoukt"
    assert storages["private"].open(document.document.name).read().startswith(b"%PDF")
    wait_for(lambda: not s3.keys("private/applications/pending/"), timeout=5, what="pending scans discarded")
    _no_row_without_its_file(s3)
