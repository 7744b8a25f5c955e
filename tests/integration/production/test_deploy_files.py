"""deploy/compose.yaml and its .env example agree with each other and with production settings.

Compose cannot run here (no container engine): these checks read the files instead.
"""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
SETTINGS = ROOT / "marketplace" / "settings"
# Variables production.py requires without a default.
REQUIRED = {
    "DJANGO_SECRET_KEY",
    "DJANGO_ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "AWS_STORAGE_BUCKET_NAME",
}


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def env_example() -> dict[str, str]:
    lines = (DEPLOY / ".env.example").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def settings_variables() -> set[str]:
    """Every variable production settings read (directly or through base.py)."""
    names = set()
    for module in ("base.py", "production.py"):
        source = (SETTINGS / module).read_text()
        names |= set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z0-9_]+)"', source))
    return names


def test_compose_runs_web_worker_and_every_backing_service():
    services = compose()["services"]

    assert {"web", "worker", "postgres", "elasticsearch", "redis", "minio", "minio-init", "migrate"} <= set(
        services
    )
    assert services["postgres"]["image"] == "postgres:16"
    assert services["elasticsearch"]["image"].split(":")[-1].startswith("8.")
    assert services["web"]["command"][0] == "gunicorn"
    assert services["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]


def test_web_and_worker_start_only_after_migrations_succeeded():
    services = compose()["services"]

    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}


def test_every_variable_production_requires_is_set_by_compose_or_the_env_example():
    app = compose()["services"]["web"]
    provided = set(app["environment"]) | set(env_example())

    assert provided >= REQUIRED


def test_the_env_example_names_only_variables_that_settings_or_compose_read():
    compose_text = (DEPLOY / "compose.yaml").read_text()
    gunicorn_text = (ROOT / "gunicorn.conf.py").read_text()
    known = settings_variables() | set(re.findall(r"\$\{(\w+)\}", compose_text))
    known |= set(re.findall(r'os\.environ\.get\("(\w+)"', gunicorn_text))

    unknown = set(env_example()) - known

    assert unknown == set()


def test_compose_references_only_variables_the_env_example_defines():
    referenced = set(re.findall(r"\$\{(\w+)\}", (DEPLOY / "compose.yaml").read_text()))

    assert referenced - set(env_example()) == set()


def test_the_bucket_script_makes_only_the_media_prefix_public():
    script = (DEPLOY / "minio-init.sh").read_text()

    assert 'anonymous set none "souk/$AWS_STORAGE_BUCKET_NAME"' in script
    assert 'anonymous set download "souk/$AWS_STORAGE_BUCKET_NAME/media"' in script
    assert "private" not in re.findall(r"anonymous set download (\S+)", script)[0]
