"""Our site as production runs it, minus what a benchmark on one machine cannot have.

PostgreSQL (souk_bench) with persistent connections, Redis cache and sessions, DEBUG off and
gunicorn in front, as in marketplace.settings.production; media on the local disk (no S3 server
here) and plain HTTP (no TLS terminator), which take nothing from the pages' own work.
"""

from marketplace.settings.base import *  # noqa: F403
from marketplace.settings.base import BASE_DIR, INSTALLED_APPS, TASKS, env

DEBUG = False
SECRET_KEY = "bench-only-not-secret"
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db", "bench"]
# As production: tasks are rows in PostgreSQL, run by `manage.py db_worker` (bench/run.py starts one
# beside gunicorn), so a request only queues them.
TASKS = {name: {**backend, "BACKEND": "django_tasks_db.DatabaseBackend"} for name, backend in TASKS.items()}
DATABASES = {
    "default": env.db("BENCH_DATABASE_URL", default="postgresql://postgres@127.0.0.1:5432/souk_bench")
}
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off"}  # as production.py
REDIS_URL = env("BENCH_REDIS_URL", default="redis://127.0.0.1:6379/7")
CACHES = {
    "default": {
        "BACKEND": "marketplace.cache.SoukRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "bench",
    },
    "sessions": {
        "BACKEND": "marketplace.cache.SoukRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "bench-session",
    },
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
SESSION_CACHE_ALIAS = "sessions"
# As production: anonymous storefront pages are stored (marketplace/pagecache.py). BENCH_PAGE_CACHE=0
# measures every page rendered.
SOUK_PAGE_CACHE_SECONDS = env.int("BENCH_PAGE_CACHE", default=300)
SOUK_PAGE_CACHE_LOCAL_SECONDS = 1.0  # as production
SOUK_VIEW_BUFFER = True
SOUK_VIEW_BUFFER_BATCH = 25  # as production
MEDIA_ROOT = BASE_DIR / "var" / "bench-media"
STATIC_ROOT = BASE_DIR / "var" / "bench-static"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"handlers": [], "level": "WARNING"},
}
