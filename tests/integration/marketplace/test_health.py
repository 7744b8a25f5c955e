"""/healthz tells a load balancer which dependency is down."""

import socket

import pytest
from django.db.utils import ConnectionHandler

from marketplace import health

pytestmark = pytest.mark.django_db


def _closed_port() -> int:
    """A local port nothing listens on: a stopped server."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_is_200_when_every_configured_dependency_is_up(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "up"
    assert body["checks"]["storage"]["status"] == "up"
    assert set(body["checks"]) == {"database", "search", "storage", "payments"}


def test_healthz_is_503_and_names_the_database_when_the_database_is_stopped(client, monkeypatch):
    stopped = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": _closed_port(),
                "NAME": "souk",
                "USER": "souk",
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )
    monkeypatch.setitem(health.CHECKS, "database", lambda: health.check_database(connections=stopped))

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["failing"] == ["database"]
    assert body["checks"]["database"]["status"] == "down"
    assert "OperationalError" in body["checks"]["database"]["detail"]


def test_healthz_names_search_as_degraded_when_the_search_server_does_not_answer(client, settings):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"

    response = client.get("/healthz")

    # The site still serves pages (search falls back to the database): keep the node in service.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["failing"] == ["search"]


def test_healthz_names_payments_when_the_configured_stripe_api_does_not_answer(client, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_local"
    settings.STRIPE_API_BASE = f"http://127.0.0.1:{_closed_port()}"

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["failing"] == ["payments"]


def test_unconfigured_services_do_not_make_the_site_unhealthy(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.STRIPE_SECRET_KEY = ""

    report = health.health_report()

    assert report["search"].status == health.NOT_CONFIGURED
    assert report["payments"].status == health.NOT_CONFIGURED
    assert not any(check.failing for check in report.values() if check.status == health.NOT_CONFIGURED)


def test_storage_is_down_when_the_media_folder_cannot_be_created(settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = str(blocker / "media")

    check = health.check_storage()

    assert check.status == health.DOWN
    assert "not writable" in check.detail
