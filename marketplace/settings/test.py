"""Settings for the test suite: SQLite unless DATABASE_URL names PostgreSQL (as CI does)."""

from .base import *  # noqa: F403
from .base import BASE_DIR, ELASTICSEARCH_URL, env

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "marketplace.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": BASE_DIR / "var" / "test-private"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///:memory:")}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Search: the engine is off for the suite; the search tests' fixture (tests/search_server.py) turns
# it on, against osmem it starts itself, or against the real Elasticsearch 8 named by ELASTICSEARCH_URL
# (which then gets the stock client headers).
SEARCH_TEST_URL = ELASTICSEARCH_URL
ELASTICSEARCH_URL = ""
ELASTICSEARCH_NODE_CLASS = env(
    "ELASTICSEARCH_NODE_CLASS", default="" if SEARCH_TEST_URL else "search.osmem.OsmemNode"
)
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="souk-test")

# Rate limits would make tests depend on each other through the cache; their own tests turn them on.
SOUK_RATE_LIMITS_ENABLED = False
