from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Local storage for private documents: files outside MEDIA_ROOT and no URL at all.

    They are read only by views that check who is asking (the review queue, the vendor
    dashboard). In production the same role is played by a private S3 prefix whose URLs are
    short-lived signatures.
    """

    def url(self, name):
        raise ValueError(
            "Private documents have no public URL; serve them through a permission-checked view."
        )


def s3_storages(*, private_bucket: str, private_url_expiry: int) -> dict:
    """STORAGES for S3 (production, and the storage tests against a real S3 API).

    Public media under `media/` in AWS_STORAGE_BUCKET_NAME, readable by anyone through the
    bucket policy (or a CDN). Certification documents under `private/` in `private_bucket` (the
    same bucket or another): no policy grants them, so they are read only through signed URLs
    that expire after `private_url_expiry` seconds. See marketplace/s3_storage.py.
    """
    return {
        "default": {"BACKEND": "marketplace.s3_storage.PublicMediaStorage"},
        "private": {
            "BACKEND": "marketplace.s3_storage.PrivateMediaStorage",
            "OPTIONS": {"bucket_name": private_bucket, "querystring_expire": private_url_expiry},
        },
        # Hashed file names and compressed copies; WhiteNoise serves them with far-future caching.
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
