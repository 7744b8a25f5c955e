"""The two S3 stores of production, as classes so that every user gets the same options.

Django's STORAGES passes OPTIONS only to the storages it builds itself; sorl-thumbnail (Oscar's
thumbnails) instantiates THUMBNAIL_STORAGE with no arguments. A bare S3Storage there would
write thumbnails at the bucket's root, outside the public `media/` prefix, with signed URLs
that expire while pages holding them are still cached.

Both give up on an unreachable endpoint within seconds (boto's defaults are 60 s per attempt and
five attempts), so an S3 outage turns into a clear message on an upload form instead of a
request that hangs until gunicorn kills it. `STORAGE_ERRORS` is what such an outage raises.
"""

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from storages.backends.s3 import S3Storage

# What a storage call raises when the file store is down or refuses: connection and timeout errors
# (botocore), S3 error answers, and the OSError of a local disk.
STORAGE_ERRORS = (OSError, BotoCoreError, ClientError)

# Seconds, and attempts in all (the first and one retry), unless AWS_S3_CLIENT_CONFIG says otherwise.
CONNECT_TIMEOUT = 3
READ_TIMEOUT = 20
MAX_ATTEMPTS = 2


class _BoundedS3Storage(S3Storage):
    def __init__(self, **options):
        super().__init__(**options)
        if getattr(settings, "AWS_S3_CLIENT_CONFIG", None) is None:
            self.client_config = self.client_config.merge(
                Config(
                    connect_timeout=CONNECT_TIMEOUT,
                    read_timeout=READ_TIMEOUT,
                    retries={"max_attempts": MAX_ATTEMPTS, "mode": "standard"},
                )
            )


class PublicMediaStorage(_BoundedS3Storage):
    """Product photos, renditions, thumbnails: under `media/`, plain URLs (public bucket policy)."""

    location = "media"
    querystring_auth = False


class PrivateMediaStorage(_BoundedS3Storage):
    """Certification documents: under `private/`, reachable only through short-lived signed URLs.

    Signed URLs always name the bucket's own host: a CDN in front of `media/` never serves them.
    """

    location = "private"
    default_acl = "private"
    querystring_auth = True
    custom_domain = None
    object_parameters = {"CacheControl": "private, no-store"}
