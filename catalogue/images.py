"""Product photos: what an upload must be, how it is cleaned, and its responsive renditions.

Pure image work with Pillow and Django's storage API, no database. An upload is checked by
its content (never its name or declared type), decoded with a pixel ceiling so a
decompression bomb is refused before it is expanded, turned upright from its EXIF
orientation, and re-encoded without any metadata (EXIF, GPS, XMP, comments). Renditions are
WebP copies at a few widths with deterministic names in the default storage (S3 in
production), so they are written once and never looked up by listing a directory.
"""

import hashlib
import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (320, 480, 768, 1024, 1600)
RENDITION_QUALITY = 80
RENDITION_FOLDER = "images/renditions"


@dataclass(frozen=True)
class CleanImage:
    """An upload that passed the checks, re-encoded without metadata."""

    file: ContentFile
    format: str
    width: int
    height: int


def _open_checked(data: bytes) -> Image.Image:
    """Open and fully decode `data`, refusing bombs and anything but JPEG, PNG or WebP.

    Image.open reads only the header, so the pixel count is checked before anything is
    decoded. Pillow's own guard (Image.MAX_IMAGE_PIXELS: DecompressionBombError above twice
    it, raised by Image.open itself) stays at its process-wide default; it is a refusal too.
    """
    try:
        image = Image.open(io.BytesIO(data))
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(
                _("This file is a %(format)s image; upload a JPEG, PNG or WebP photo.")
                % {"format": image.format},
                code="image_format",
            )
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise ValidationError(
                _(
                    "This photo is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels. "
                    "Resize it and upload it again."
                )
                % {"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
                code="image_pixels",
            )
        image.load()
        return image
    except Image.DecompressionBombError as exc:
        raise ValidationError(
            _("This photo has too many pixels to process safely (limit %(limit)s megapixels).")
            % {"limit": MAX_PIXELS // 1_000_000},
            code="image_bomb",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("This file is not a photo we can read; upload a JPEG, PNG or WebP image."),
            code="image_unreadable",
        ) from exc


def image_clean(upload) -> CleanImage:
    """Check an uploaded photo and return it upright and stripped of metadata.

    Raises ValidationError with a message for the person uploading: over 15 MB, not a
    JPEG/PNG/WebP by content, over 40 megapixels, a decompression bomb, or unreadable.
    """
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This photo is %(size).1f MB; the limit is 15 MB.") % {"size": size / 1024 / 1024},
            code="image_size",
        )
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("This photo is larger than the 15 MB limit."), code="image_size")
    image = _open_checked(data)
    source_format = image.format
    # Orientation lives in EXIF, which is about to be dropped: apply it to the pixels first.
    image = ImageOps.exif_transpose(image)
    buffer = io.BytesIO()
    if source_format == "JPEG":
        image = image.convert("RGB") if image.mode not in ("RGB", "L") else image
        image.save(buffer, format="JPEG", quality=90, optimize=True, progressive=True)
    elif source_format == "PNG":
        image.save(buffer, format="PNG", optimize=True)
    else:
        image.save(buffer, format="WEBP", quality=90)
    stem = PurePosixPath(getattr(upload, "name", "") or "photo").stem[:60] or "photo"
    name = f"{stem}.{ALLOWED_FORMATS[source_format]}"
    return CleanImage(
        file=ContentFile(buffer.getvalue(), name=name),
        format=source_format,
        width=image.width,
        height=image.height,
    )


def rendition_name(original_name: str, width: int) -> str:
    """The storage name of the `width`-pixel WebP of a stored original (deterministic)."""
    digest = hashlib.sha256(original_name.encode()).hexdigest()[:16]
    stem = PurePosixPath(original_name).stem[:40]
    return f"{RENDITION_FOLDER}/{digest[:2]}/{stem}-{digest}-{width}w.webp"


def rendition_widths(original_width: int) -> list[int]:
    """The widths worth making: each standard width below the original, and the original's
    own width when it is smaller than the largest (never upscaled)."""
    widths = [width for width in RENDITION_WIDTHS if width < original_width]
    if original_width <= RENDITION_WIDTHS[-1]:
        widths.append(original_width)
    return sorted(set(widths)) or [original_width]


class StorageUnavailable(OSError):
    """The file store could not be read or written (an S3 outage): renditions wait for the next view."""


def renditions_write(*, original_name: str, storage: Storage = default_storage) -> dict:
    """Write the WebP renditions of a stored original; returns
    {"width": w, "height": h, "files": {str(width): [name, height]}}.

    Reads the original once through the storage API (works the same on S3). A storage that does
    not answer raises StorageUnavailable (an OSError), so pages fall back to the original's URL.
    """
    from marketplace.s3_storage import STORAGE_ERRORS

    try:
        return _renditions_write(original_name=original_name, storage=storage)
    except STORAGE_ERRORS as exc:
        raise StorageUnavailable(f"{type(exc).__name__}: {exc}") from exc


def _renditions_write(*, original_name: str, storage: Storage) -> dict:
    with storage.open(original_name, "rb") as handle:
        image = _open_checked(handle.read())
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    files = {}
    for width in rendition_widths(image.width):
        height = max(1, round(image.height * width / image.width))
        copy = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        copy.save(buffer, format="WEBP", quality=RENDITION_QUALITY, method=4)
        name = rendition_name(original_name, width)
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, ContentFile(buffer.getvalue()))
        files[str(width)] = [saved, height]
    return {"width": image.width, "height": image.height, "files": files}
