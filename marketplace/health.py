"""Health probes for /healthz: one function per dependency, each answering a `Check`.

A dependency that is not configured (no Elasticsearch URL in the embedded default, say) is
reported as such and does not make the site unhealthy; one that is configured and does not
answer within HEALTHCHECK_TIMEOUT seconds does.
"""

import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections as default_connections

UP, DOWN, NOT_CONFIGURED = "up", "down", "not_configured"


@dataclass(frozen=True)
class Check:
    status: str
    detail: str = ""

    @property
    def failing(self) -> bool:
        return self.status == DOWN


def check_database(*, connections=default_connections) -> Check:
    try:
        for alias in connections:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except Exception as exc:
        return Check(DOWN, _describe(exc))
    return Check(UP)


def check_search() -> Check:
    if not settings.ELASTICSEARCH_URL:
        return Check(NOT_CONFIGURED)
    return _check_http(settings.ELASTICSEARCH_URL)


def check_storage() -> Check:
    try:
        # For S3 this is a HEAD request on the bucket; locally a stat of the media folder.
        default_storage.exists("healthz-probe")
        location = getattr(default_storage, "location", None)
        if location is not None and not _writable_dir(location):
            return Check(DOWN, f"media folder {location} is not writable")
    except Exception as exc:
        return Check(DOWN, _describe(exc))
    return Check(UP)


def check_payments() -> Check:
    if not settings.STRIPE_SECRET_KEY:
        return Check(NOT_CONFIGURED)
    return _check_http(settings.STRIPE_API_BASE or "https://api.stripe.com")


CHECKS = {
    "database": check_database,
    "search": check_search,
    "storage": check_storage,
    "payments": check_payments,
}


def health_report() -> dict[str, Check]:
    return {name: check() for name, check in CHECKS.items()}


def _check_http(url: str) -> Check:
    try:
        with urllib.request.urlopen(url, timeout=settings.HEALTHCHECK_TIMEOUT):
            pass
    except urllib.error.HTTPError as exc:
        # The server answered: it is up, even if it wants credentials for this path.
        if exc.code >= 500:
            return Check(DOWN, f"HTTP {exc.code}")
    except Exception as exc:
        return Check(DOWN, _describe(exc))
    return Check(UP)


def _writable_dir(path) -> bool:
    """True when files can be written under `path`; a missing folder is created on first upload."""
    path = Path(path)
    while not path.exists() and path != path.parent:
        path = path.parent
    return path.is_dir() and os.access(path, os.W_OK)


def _describe(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:200]
