"""SOUK_THEME picks a theme by setting alone; whatever the theme lacks comes from the default."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

PROBE = """
import json
import django
django.setup()
from django.contrib.staticfiles import finders
from django.template.loader import get_template
print(json.dumps({
    "theme_head": str(get_template("souk/partials/theme_head.html").origin.name),
    "not_found": str(get_template("404.html").origin.name),
    "atlas_css": finders.find("atlas/css/atlas.css"),
    "souk_css": finders.find("souk/css/souk.css"),
}))
"""


def _probe(theme: str | None) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "marketplace.settings.test"}
    env.pop("SOUK_THEME", None)
    if theme:
        env["SOUK_THEME"] = theme
    out = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def atlas():
    return _probe("atlas")


@pytest.fixture(scope="module")
def default():
    return _probe(None)


def test_the_atlas_theme_overrides_its_own_templates_and_adds_its_stylesheet(atlas):
    assert atlas["theme_head"] == str(ROOT / "themes/atlas/templates/souk/partials/theme_head.html")
    assert atlas["atlas_css"] == str(ROOT / "themes/atlas/static/atlas/css/atlas.css")


def test_the_atlas_theme_falls_back_to_the_default_for_everything_else(atlas):
    assert atlas["not_found"] == str(ROOT / "themes/default/templates/404.html")
    assert atlas["souk_css"] == str(ROOT / "themes/default/static/souk/css/souk.css")


def test_without_the_setting_the_default_theme_serves_and_atlas_files_are_absent(default):
    assert default["theme_head"] == str(ROOT / "themes/default/templates/souk/partials/theme_head.html")
    assert default["atlas_css"] is None
