"""Product photos: checked by content, cleaned of metadata, rendered once at several widths."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from catalogue.images import MAX_UPLOAD_BYTES, RENDITION_WIDTHS, image_clean
from catalogue.services import product_image_renditions_ensure
from tests.factories import ProductFactory

ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)


def _upload(image: Image.Image, fmt: str, name: str = "photo.jpg", **save) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save)
    return SimpleUploadedFile(name, buffer.getvalue())


def _exif_with_gps_and_rotation() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned, the pixels are not
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (31.0, 37.0, 0.0)  # Marrakesh
    return exif


def _png_bomb(width: int, height: int) -> bytes:
    """A valid PNG header claiming enormous dimensions, a few hundred bytes long."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_photos_are_accepted(fmt):
    cleaned = image_clean(_upload(Image.new("RGB", (300, 200), "red"), fmt))

    assert (cleaned.format, cleaned.width, cleaned.height) == (fmt, 300, 200)


def test_a_gif_named_like_a_jpeg_is_refused_by_its_content():
    with pytest.raises(ValidationError) as error:
        image_clean(_upload(Image.new("RGB", (50, 50), "blue"), "GIF", name="holiday.jpg"))

    assert error.value.code == "image_format"
    assert "JPEG, PNG or WebP" in error.value.messages[0]


def test_a_text_file_named_like_a_photo_is_refused():
    with pytest.raises(ValidationError) as error:
        image_clean(SimpleUploadedFile("rug.png", b"<?php echo 'hello'; ?>"))

    assert error.value.code == "image_unreadable"


def test_a_file_over_fifteen_megabytes_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("big.jpg", b"\xff" * (MAX_UPLOAD_BYTES + 1))

    with pytest.raises(ValidationError) as error:
        image_clean(upload)

    assert error.value.code == "image_size"
    assert "15 MB" in error.value.messages[0]


def test_a_photo_over_forty_megapixels_is_refused_without_decoding_it():
    with pytest.raises(ValidationError) as error:
        image_clean(SimpleUploadedFile("wide.png", _png_bomb(8000, 6000)))

    assert error.value.code == "image_pixels"
    assert "40 megapixels" in error.value.messages[0]


def test_a_decompression_bomb_gets_a_clear_error():
    with pytest.raises(ValidationError) as error:
        image_clean(SimpleUploadedFile("bomb.png", _png_bomb(100_000, 100_000)))

    assert error.value.code == "image_bomb"
    assert "too many pixels" in error.value.messages[0]


def test_exif_and_gps_are_stripped_after_the_photo_is_turned_upright():
    upload = _upload(Image.new("RGB", (400, 100), "green"), "JPEG", exif=_exif_with_gps_and_rotation())

    cleaned = image_clean(upload)

    stored = Image.open(io.BytesIO(cleaned.file.read()))
    assert stored.size == (100, 400)  # orientation 6 applied to the pixels
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert (cleaned.width, cleaned.height) == (100, 400)


def test_png_text_chunks_do_not_survive_cleaning():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "taken at 31.63N 8.00W")
    cleaned = image_clean(_upload(Image.new("RGB", (40, 40)), "PNG", name="a.png", pnginfo=info))

    assert "Comment" not in Image.open(io.BytesIO(cleaned.file.read())).info


def _stored_image(width: int, height: int):
    product = ProductFactory()
    cleaned = image_clean(_upload(Image.new("RGB", (width, height), (150, 90, 60)), "JPEG"))
    return ProductImage.objects.create(
        product=product, original=cleaned.file, caption="A rug", width=width, height=height
    )


@pytest.mark.django_db
def test_renditions_are_webp_at_each_width_below_the_original():
    image = _stored_image(1200, 800)

    renditions = product_image_renditions_ensure(image=image)

    widths = sorted(int(width) for width in renditions["files"])
    assert widths == [width for width in RENDITION_WIDTHS if width < 1200] + [1200]
    for width in widths:
        name, height = renditions["files"][str(width)]
        with default_storage.open(name) as handle:
            stored = Image.open(handle)
            assert (stored.format, stored.size) == ("WEBP", (width, height))
    image.refresh_from_db()
    assert image.renditions == renditions


@pytest.mark.django_db
def test_renditions_are_created_once_and_then_read_from_the_row(django_assert_num_queries, monkeypatch):
    image = _stored_image(700, 700)
    product_image_renditions_ensure(image=image)
    image = ProductImage.objects.get(pk=image.pk)

    def fail(**kwargs):
        raise AssertionError("renditions written twice")

    monkeypatch.setattr("catalogue.services.renditions_write", fail)
    with django_assert_num_queries(0):
        again = product_image_renditions_ensure(image=image)

    assert again == image.renditions


@pytest.mark.django_db
def test_a_small_photo_is_never_upscaled():
    image = _stored_image(200, 100)

    renditions = product_image_renditions_ensure(image=image)

    assert list(renditions["files"]) == ["200"]
