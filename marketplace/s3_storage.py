"""The two S3 stores of production, as classes so that every user gets the same options.

Django's STORAGES passes OPTIONS only to the storages it builds itself; sorl-thumbnail (Oscar's
thumbnails) instantiates THUMBNAIL_STORAGE with no arguments. A bare S3Storage there would
write thumbnails at the bucket's root, outside the public `media/` prefix, with signed URLs
that expire while pages holding them are still cached.
"""

from storages.backends.s3 import S3Storage


class PublicMediaStorage(S3Storage):
    """Product photos, renditions, thumbnails: under `media/`, plain URLs (public bucket policy)."""

    location = "media"
    querystring_auth = False


class PrivateMediaStorage(S3Storage):
    """Certification documents: under `private/`, reachable only through short-lived signed URLs.

    Signed URLs always name the bucket's own host: a CDN in front of `media/` never serves them.
    """

    location = "private"
    default_acl = "private"
    querystring_auth = True
    custom_domain = None
    object_parameters = {"CacheControl": "private, no-store"}
