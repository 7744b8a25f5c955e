"""gunicorn settings for the web service, all overridable from the environment.

    gunicorn marketplace.wsgi          # reads this file from the working directory

Sync workers: Django's ORM is synchronous and each request holds one database connection, so
throughput scales with processes (GUNICORN_WORKERS, default 2 per CPU + 1), and a slow client
is absorbed by the load balancer in front, which buffers requests and responses.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Recycle each worker after this many requests (± jitter so they do not restart together): a
# slow leak in a library cannot grow a process for ever.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", 200))
# A request still running after this long is killed and logged; uploads of 15 MB photos fit.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
# Above the load balancer's idle timeout, so the balancer, not gunicorn, closes idle connections.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 75))
# Load the application once in the master and fork: workers share its memory pages.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"


def pre_fork(server, worker):
    """Keep the master's objects out of the workers' garbage collections: a collection writes to
    every object it scans, so each new worker would copy the master's pages it shares."""
    import gc

    gc.freeze()


# The load balancer sets X-Forwarded-For/Proto; trust it only from the networks given.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files in memory, not on a possibly slow container disk.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None)

# One JSON object per request on stdout, next to the application's JSON logs.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logger_class = "marketplace.gunicorn_logging.JSONAccessLogger"
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        # Access lines arrive as JSON (JSONAccessLogger); error lines go through the app's formatter.
        "raw": {"format": "%(message)s"},
        "json": {"()": "marketplace.jsonlog.JSONFormatter"},
    },
    "handlers": {
        "access": {"class": "logging.StreamHandler", "formatter": "raw", "stream": "ext://sys.stdout"},
        "error": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
    },
    # gunicorn merges this into its defaults, whose root logger names a "console" handler.
    "root": {"handlers": ["error"], "level": "INFO"},
    "loggers": {
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["error"], "level": loglevel.upper(), "propagate": False},
    },
}
