"""Login, signup, password reset, applications, checkout and search are rate-limited by path."""

import pytest
from django.test import override_settings

from marketplace.ratelimits import RULES

pytestmark = pytest.mark.django_db

limited = override_settings(SOUK_RATE_LIMITS_ENABLED=True)


@limited
@override_settings(SOUK_RATE_LIMITS={"login": "3/m"})
def test_login_attempts_over_the_limit_get_a_429_with_retry_after(client):
    for _ in range(3):
        response = client.post("/shop/accounts/login/", {"login-username": "a@b.test", "login-password": "x"})
        assert response.status_code != 429

    response = client.post("/shop/accounts/login/", {"login-username": "a@b.test", "login-password": "x"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Please slow down a little" in response.content.decode()


@limited
@override_settings(SOUK_RATE_LIMITS={"search": "2/m"})
def test_search_is_limited_in_every_language(client):
    client.get("/shop/search/?q=rug")
    client.get("/fr/shop/search/?q=tapis")

    response = client.get("/ar/shop/search/?q=zellige")

    assert response.status_code == 429


@limited
@override_settings(SOUK_RATE_LIMITS={"password-reset": "1/m"})
def test_password_reset_requests_are_limited(client):
    client.post("/shop/password-reset/", {"email": "someone@souk.test"})

    response = client.post("/shop/password-reset/", {"email": "someone@souk.test"})

    assert response.status_code == 429


@limited
@override_settings(SOUK_RATE_LIMITS={"search": "1/m"})
def test_limits_count_per_address(client):
    client.get("/shop/search/?q=rug", REMOTE_ADDR="10.0.0.1")

    other = client.get("/shop/search/?q=rug", REMOTE_ADDR="10.0.0.2")
    same = client.get("/shop/search/?q=rug", REMOTE_ADDR="10.0.0.1")

    assert other.status_code != 429
    assert same.status_code == 429


@override_settings(SOUK_RATE_LIMITS_ENABLED=False, SOUK_RATE_LIMITS={"search": "1/m"})
def test_limits_can_be_switched_off(client):
    for _ in range(3):
        assert client.get("/shop/search/?q=rug").status_code == 200


@pytest.mark.parametrize(
    ("path", "method", "group"),
    [
        ("/shop/accounts/login/", "POST", "login"),
        ("/fr/shop/accounts/login/", "POST", "login"),
        ("/shop/accounts/register/", "POST", "signup"),
        ("/shop/password-reset/", "POST", "password-reset"),
        ("/sell/", "POST", "application"),
        ("/ar/sell/documents/", "POST", "application"),
        ("/shop/checkout/payment-details/", "POST", "checkout"),
        ("/shop/search/", "GET", "search"),
        ("/shop/search/suggest/", "GET", "search"),
        ("/cms/login/", "POST", "login-admin"),
    ],
)
def test_every_abused_endpoint_has_a_rule(path, method, group):
    matching = {rule.group for rule in RULES if method in rule.methods and rule.pattern.match(path)}

    assert group in matching


@pytest.mark.parametrize("path", ["/shop/catalogue/rug_1/", "/shop/checkout/webhook/stripe/", "/"])
def test_product_pages_and_payment_webhooks_are_not_limited(path):
    assert not [rule for rule in RULES if rule.pattern.match(path)]
