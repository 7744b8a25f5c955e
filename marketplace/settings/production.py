"""Production: PostgreSQL, Redis, S3 media, Elasticsearch, Stripe, all from the environment.

DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and AWS_STORAGE_BUCKET_NAME
have no defaults on purpose: a deployment that forgets one fails at start-up instead of running
insecurely or on the wrong store. docs/deploy.md lists every variable.
"""

from marketplace.storage import s3_storages

from .base import *  # noqa: F403
from .base import CONTENT_SECURITY_POLICY, INSTALLED_APPS, LOGGING, TASKS, env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# Behind a load balancer that terminates TLS: trust its X-Forwarded-Proto, and accept form posts
# from the public origins (Django checks the Origin header against these).
CSRF_TRUSTED_ORIGINS = env.list(
    "DJANGO_CSRF_TRUSTED_ORIGINS",
    default=[f"https://{'*' if host.startswith('.') else ''}{host}" for host in ALLOWED_HOSTS if host != "*"],
)

# --- Database -----------------------------------------------------------------------------
# Persistent connections rather than psycopg's pool: gunicorn runs sync workers, one request at
# a time per process, so a pool per process would hold one connection anyway. CONN_MAX_AGE keeps
# it across requests and CONN_HEALTH_CHECKS replaces it if the server dropped it (failover,
# restart). Past a few dozen web processes, put PgBouncer (transaction mode) in front and set
# DATABASE_DISABLE_SERVER_SIDE_CURSORS=true (docs/deploy.md).
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool(
    "DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=False
)
DATABASES["default"].setdefault("OPTIONS", {})
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5))
# No JIT compilation: a storefront runs many short queries, and PostgreSQL's JIT (on above a
# plan cost the catalogue's counts reach on 50,000 products) spent 2.4 s compiling one of them
# in the benchmark for nothing gained (bench/README.md).
DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")

# --- Cache and sessions -------------------------------------------------------------------
# Sessions get their own Redis database (REDIS_SESSIONS_URL, else REDIS_URL): clearing the
# cache (RedisCache.clear() flushes its whole database) must not log every buyer out.
REDIS_URL = env("REDIS_URL")
REDIS_SESSIONS_URL = env("REDIS_SESSIONS_URL", default=REDIS_URL)
CACHES = {
    "default": {
        "BACKEND": "marketplace.cache.SoukRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "souk",
        "TIMEOUT": 300,
    },
    "sessions": {
        "BACKEND": "marketplace.cache.SoukRedisCache",
        "LOCATION": REDIS_SESSIONS_URL,
        "KEY_PREFIX": "souk-session",
        "TIMEOUT": None,
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
SESSION_CACHE_ALIAS = "sessions"
# Anonymous storefront pages served from Redis (marketplace/pagecache.py, docs/deploy.md).
SOUK_PAGE_CACHE_SECONDS = env.int("SOUK_PAGE_CACHE_SECONDS", default=300)
SOUK_PAGE_CACHE_LOCAL_SECONDS = env.float("SOUK_PAGE_CACHE_LOCAL_SECONDS", default=1.0)
SOUK_VIEW_BUFFER = env.bool("SOUK_VIEW_BUFFER", default=True)
SOUK_VIEW_BUFFER_BATCH = env.int("SOUK_VIEW_BUFFER_BATCH", default=25)

# --- Media and static files ---------------------------------------------------------------
# One bucket, two prefixes: `media/` is public through the bucket policy (deploy/minio-init.sh
# shows it) or a CDN, `private/` is not, and is read only through signed URLs that expire after
# PRIVATE_MEDIA_URL_EXPIRY seconds. AWS_PRIVATE_BUCKET_NAME moves certificates to a bucket of
# their own. Credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the instance role.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
AWS_PRIVATE_BUCKET_NAME = env("AWS_PRIVATE_BUCKET_NAME", default=AWS_STORAGE_BUCKET_NAME)
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
# A CDN host (or the bucket's public host) for media URLs; unset, URLs point at the endpoint.
AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
# MinIO and most S3-compatible stores want path-style addressing (http://host:9000/bucket/key).
AWS_S3_ADDRESSING_STYLE = env("AWS_S3_ADDRESSING_STYLE", default="path" if AWS_S3_ENDPOINT_URL else "auto")
AWS_S3_SIGNATURE_VERSION = "s3v4"
AWS_DEFAULT_ACL = None
AWS_S3_FILE_OVERWRITE = False
AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=604800"}
PRIVATE_MEDIA_URL_EXPIRY = env.int("PRIVATE_MEDIA_URL_EXPIRY", default=300)
STORAGES = s3_storages(private_bucket=AWS_PRIVATE_BUCKET_NAME, private_url_expiry=PRIVATE_MEDIA_URL_EXPIRY)
# Oscar's thumbnails (sorl) build their storage from this class path, without OPTIONS.
THUMBNAIL_STORAGE = STORAGES["default"]["BACKEND"]
# Anything else that builds a bare S3Storage gets plain URLs; only PrivateMediaStorage signs.
AWS_QUERYSTRING_AUTH = False
if AWS_S3_CUSTOM_DOMAIN:
    MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/media/"
elif AWS_S3_ENDPOINT_URL:
    MEDIA_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/media/"
else:
    MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/media/"
# Product photos and renditions are <img> from the media host.
CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY,
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], MEDIA_URL.rsplit("/media/", 1)[0]],
        "upgrade-insecure-requests": True,
    },
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# --- Background tasks ---------------------------------------------------------------------
# The queues stay as base.py declares them; only the backend changes: tasks are rows in
# PostgreSQL and `manage.py db_worker` (the `worker` service) runs them.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
TASKS = {name: {**backend, "BACKEND": "django_tasks_db.DatabaseBackend"} for name, backend in TASKS.items()}

# --- Security -----------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# The load balancer's health probe talks plain HTTP to the node.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-language"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_PATH = "/"
X_FRAME_OPTIONS = "DENY"
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True

# --- Email --------------------------------------------------------------------------------
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_URL = env.email_url("EMAIL_URL", default="smtp://localhost:25")
EMAIL_HOST = EMAIL_URL["EMAIL_HOST"]
EMAIL_PORT = EMAIL_URL["EMAIL_PORT"]
EMAIL_HOST_USER = EMAIL_URL["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = EMAIL_URL["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = EMAIL_URL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = EMAIL_URL.get("EMAIL_USE_SSL", False)

# --- Logging and error reporting ----------------------------------------------------------
# One JSON object per line on stdout, for the platform's log collector (marketplace/jsonlog.py).
LOGGING = {
    **LOGGING,
    "formatters": {"json": {"()": "marketplace.jsonlog.JSONFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        release=env("SOUK_RELEASE", default=None),
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        # Buyers' addresses and emails stay out of error reports.
        send_default_pii=False,
    )
