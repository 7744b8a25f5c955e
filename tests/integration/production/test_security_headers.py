"""Content-Security-Policy and referrer policy, as every environment sends them."""

import re

import pytest

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_storefront_scripts_run_only_from_our_origin_stripe_and_the_pages_own_nonce(client):
    response = client.get("/shop/catalogue/")

    assert response.status_code == 200
    policy = directives(response)
    nonce = re.search(r'<script nonce="([^"]+)">', response.content.decode()).group(1)
    assert policy["script-src"] == [
        "'self'",
        f"'nonce-{nonce}'",
        "https://js.stripe.com",
        "https://*.js.stripe.com",
    ]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert policy["frame-src"] == [
        "https://js.stripe.com",
        "https://*.js.stripe.com",
        "https://hooks.stripe.com",
        # Video blocks in stories.
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ]
    assert policy["connect-src"] == ["'self'", "https://api.stripe.com"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_each_response_gets_a_fresh_nonce(client):
    first = directives(client.get("/shop/catalogue/"))["script-src"][1]
    second = directives(client.get("/shop/catalogue/"))["script-src"][1]

    assert first != second


def test_a_local_stripe_server_is_allowed_where_stripes_hosts_are(client, settings):
    settings.STRIPE_API_BASE = "http://127.0.0.1:8420/v1"

    policy = directives(client.get("/shop/catalogue/"))

    for directive in ("script-src", "connect-src", "frame-src"):
        assert "http://127.0.0.1:8420" in policy[directive]
    assert "http://127.0.0.1:8420" not in policy["img-src"]


@pytest.mark.parametrize("path", ["/cms/login/", "/django-admin/login/", "/fr/shop/dashboard/login/"])
def test_back_offices_may_use_inline_scripts_and_styles_but_still_cannot_be_framed(client, path):
    response = client.get(path, follow=True)

    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_a_storefront_path_that_merely_starts_like_a_back_office_gets_the_strict_policy(client):
    response = client.get("/cmsx/")

    assert "'unsafe-inline'" not in directives(response)["script-src"]
