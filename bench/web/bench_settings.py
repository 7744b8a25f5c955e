"""`make bench-web` settings: the local site with DEBUG off, static files as production serves them
(hashed, compressed, cached for a year by WhiteNoise) and media served by the bench URLconf."""

import tempfile
from pathlib import Path

from marketplace.settings.local import *  # noqa: F403
from marketplace.settings.local import STORAGES

DEBUG = False
ROOT_URLCONF = "bench_urls_wsgi"
STATIC_ROOT = Path(tempfile.gettempdir()) / "souk-bench-web-static"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365
