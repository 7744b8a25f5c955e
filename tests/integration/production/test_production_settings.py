"""Production settings load from a minimal environment and pass Django's deployment checks."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from marketplace.jsonlog import JSONFormatter, gunicorn_access_entry

BASE_DIR = Path(__file__).resolve().parents[3]

MINIMAL_ENV = {
    "DJANGO_SETTINGS_MODULE": "marketplace.settings.production",
    "DJANGO_SECRET_KEY": "k9V2x7Qm4Zp8Lr1Tc6Yw3Ns5Hd0Jf2Gb8Uo4Ei7Aa1Sx9Dq3Wc5Ve6Rb0Tn2Ym4Ul8",
    "DJANGO_ALLOWED_HOSTS": "souk.example",
    "DATABASE_URL": "postgresql://souk:secret@127.0.0.1:5432/souk",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "souk-media",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Only the variables given: nothing from the developer's shell or a .env leaks in.
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_report_nothing_with_the_minimal_environment():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env=MINIMAL_ENV)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {key: value for key, value in MINIMAL_ENV.items() if key != "DJANGO_SECRET_KEY"}

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_use_the_worker_backend_the_s3_stores_and_redis_sessions():
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'tasks': s.TASKS['default']['BACKEND'],"
        "'media': s.STORAGES['default']['BACKEND'],"
        "'private': s.STORAGES['private']['BACKEND'],"
        "'private_url_expiry': s.STORAGES['private']['OPTIONS']['querystring_expire'],"
        "'thumbnails': s.THUMBNAIL_STORAGE,"
        "'static': s.STORAGES['staticfiles']['BACKEND'],"
        "'sessions': s.SESSION_ENGINE, 'cache': s.CACHES['default']['BACKEND'],"
        "'conn_max_age': s.DATABASES['default']['CONN_MAX_AGE'],"
        "'health_checks': s.DATABASES['default']['CONN_HEALTH_CHECKS'],"
        "'session_cookie': s.SESSION_COOKIE_NAME, 'csrf_cookie': s.CSRF_COOKIE_NAME}))"
    )

    result = run_manage("shell", "-c", code, env=MINIMAL_ENV)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "tasks": "django_tasks_db.DatabaseBackend",
        "media": "marketplace.s3_storage.PublicMediaStorage",
        "private": "marketplace.s3_storage.PrivateMediaStorage",
        "private_url_expiry": 300,
        "thumbnails": "marketplace.s3_storage.PublicMediaStorage",
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "sessions": "django.contrib.sessions.backends.cache",
        "cache": "marketplace.cache.SoukRedisCache",
        "conn_max_age": 60,
        "health_checks": True,
        "session_cookie": "__Host-sessionid",
        "csrf_cookie": "__Host-csrftoken",
    }


def test_json_log_lines_carry_the_message_the_level_and_the_extra_fields():
    record = logging.LogRecord("souk.orders", logging.WARNING, __file__, 1, "order %s paid", ("S-1",), None)
    record.order_total = "120.00"

    line = json.loads(JSONFormatter().format(record))

    assert line["message"] == "order S-1 paid"
    assert line["level"] == "WARNING"
    assert line["logger"] == "souk.orders"
    assert line["order_total"] == "120.00"
    assert line["time"].endswith("+00:00")


def test_gunicorn_access_lines_name_the_forwarded_client_and_keep_quotes_in_user_agents_valid_json():
    atoms = {
        "m": "GET",
        "U": "/shop/catalogue/",
        "q": "page=2",
        "s": "200",
        "B": 5120,
        "M": 42,
        "h": "10.0.0.5",
        "f": "-",
        "a": 'Mozilla/5.0 "quoted"',
        "p": "<123>",
        "{x-forwarded-for}i": "203.0.113.9",
        "{x-request-id}i": "-",
    }

    line = json.loads(json.dumps(gunicorn_access_entry(atoms)))

    assert line["remote"] == "203.0.113.9"
    assert line["status"] == 200
    assert line["duration_ms"] == 42
    assert line["user_agent"] == 'Mozilla/5.0 "quoted"'
    assert line["request_id"] is None
