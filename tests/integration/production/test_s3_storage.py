"""The storage layer against a real S3 API: moto's standalone server on 127.0.0.1.

Settings are production's (marketplace.storage.s3_storages) pointed at that endpoint, with the
same bucket policy deploy/minio-init.sh gives MinIO: `media/` public, `private/` not.
"""

import io
import json
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.utils.functional import empty
from oscar.core.loading import get_model
from PIL import Image
from sorl.thumbnail import get_thumbnail
from sorl.thumbnail.default import storage as thumbnail_storage

from catalogue.images import image_clean
from catalogue.services import product_image_renditions_ensure
from marketplace.storage import s3_storages
from tests.factories import ProductFactory

moto_server = pytest.importorskip("moto.server", reason="moto[server] is a test requirement")

ProductImage = get_model("catalogue", "ProductImage")
BUCKET = "souk-media-test"
CREDENTIALS = {"aws_access_key_id": "souk-test", "aws_secret_access_key": "souk-test-secret"}
REGION = "us-east-1"
PUBLIC_READ_MEDIA = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/media/*",
        }
    ],
}


@pytest.fixture(scope="module")
def s3_endpoint():
    """A moto S3 server on a free port for this module, with the bucket and its policy."""
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **CREDENTIALS)
    client.create_bucket(Bucket=BUCKET)
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ_MEDIA))
    yield endpoint
    server.stop()


@pytest.fixture
def s3(s3_endpoint, settings, monkeypatch):
    """Production's STORAGES at the moto endpoint; returns a boto3 client to inspect the bucket."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", CREDENTIALS["aws_access_key_id"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", CREDENTIALS["aws_secret_access_key"])
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = s3_endpoint
    settings.AWS_S3_REGION_NAME = REGION
    settings.AWS_S3_ADDRESSING_STYLE = "path"
    settings.AWS_S3_SIGNATURE_VERSION = "s3v4"
    settings.AWS_DEFAULT_ACL = None
    settings.AWS_S3_FILE_OVERWRITE = False
    settings.MEDIA_URL = f"{s3_endpoint}/{BUCKET}/media/"
    settings.AWS_QUERYSTRING_AUTH = False
    settings.STORAGES = s3_storages(private_bucket=BUCKET, private_url_expiry=1)
    settings.THUMBNAIL_STORAGE = settings.STORAGES["default"]["BACKEND"]
    # sorl-thumbnail builds its storage once per process; rebuild it for these settings.
    thumbnail_storage._wrapped = empty
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION, **CREDENTIALS)
    yield client
    thumbnail_storage._wrapped = empty
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])


def keys(client, prefix: str) -> list[str]:
    return [item["Key"] for item in client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])]


def http_status(url: str) -> int:
    """GET without credentials, as a browser would."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def photo_upload(width: int = 900, height: int = 600):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#9c4a2b").save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="beni-ourain.jpg")


@pytest.mark.django_db
def test_a_product_photo_and_its_renditions_land_in_the_public_media_prefix(s3):
    # Given a cleaned photo saved on a product, as the vendor dashboard saves it
    cleaned = image_clean(photo_upload())
    image = ProductImage.objects.create(product=ProductFactory(), original=cleaned.file, caption="A rug")

    # When its renditions are made
    renditions = product_image_renditions_ensure(image=image)

    # Then the original and every rendition are objects under media/, readable by anyone
    stored = keys(s3, "media/")
    assert f"media/{image.original.name}" in stored
    rendition_names = [name for name, _height in renditions["files"].values()]
    assert sorted(f"media/{name}" for name in rendition_names) == sorted(
        key for key in stored if key.startswith("media/images/renditions/")
    )
    assert len(rendition_names) == 4  # 320, 480, 768 and the original's 900
    assert http_status(image.original.url) == 200
    assert all(http_status(default_storage.url(name)) == 200 for name in rendition_names)
    assert image.original.url.startswith(f"{s3.meta.endpoint_url}/{BUCKET}/media/")
    assert "Signature" not in image.original.url


@pytest.mark.django_db
def test_oscar_thumbnails_of_a_product_photo_are_written_to_the_bucket(s3):
    image = ProductImage.objects.create(product=ProductFactory(), original=image_clean(photo_upload()).file)

    thumbnail = get_thumbnail(image.original, "200x200", upscale=False)

    assert f"media/{thumbnail.name}" in keys(s3, "media/")
    assert http_status(thumbnail.url) == 200
    assert "Signature" not in thumbnail.url


def test_a_certificate_document_is_stored_under_the_private_prefix_and_not_readable_anonymously(s3):
    # Given a scanned certificate saved in the private storage
    name = storages["private"].save("certificates/7/label.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    # When someone requests the object's plain URL, without a signature
    plain_url = f"{s3.meta.endpoint_url}/{BUCKET}/private/{name}"

    # Then S3 refuses, while the object is there
    assert keys(s3, "private/") == [f"private/{name}"]
    assert http_status(plain_url) == 403
    assert keys(s3, "media/") == []


def test_a_certificate_is_read_through_a_signed_url_that_lives_for_the_configured_seconds(s3):
    name = storages["private"].save("certificates/7/card.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))

    signed_url = storages["private"].url(name)

    # The signature works now...
    assert http_status(signed_url) == 200
    # ...on the bucket's own host, and S3 refuses it once X-Amz-Expires seconds have passed
    # since X-Amz-Date. moto enforces neither signatures nor expiry, so the lifetime is asserted
    # on the URL, which is what S3 and MinIO check, rather than by waiting for it to lapse.
    query = parse_qs(urlsplit(signed_url).query)
    assert signed_url.startswith(f"{s3.meta.endpoint_url}/{BUCKET}/private/{name}?")
    assert query["X-Amz-Expires"] == ["1"]
    signed_at = datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    assert abs(datetime.now(tz=UTC) - signed_at) < timedelta(minutes=1)
