"""Repeated failed logins pause the account for that address; a locked account cannot sign in."""

import pytest
from django.test import override_settings

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email, password, address="10.1.1.1"):
    return client.post(
        "/shop/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "1"},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def buyer():
    return UserFactory(email="amina@example.test")


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_correct_password_is_refused_after_too_many_failures(client, buyer):
    for _ in range(3):
        _login(client, buyer.email, "wrong")

    response = _login(client, buyer.email, PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_count_ignores_the_case_of_the_email(client, buyer):
    for email in ("AMINA@example.test", "Amina@Example.test", "amina@example.test"):
        _login(client, email, "wrong")

    assert _login(client, buyer.email, PASSWORD).status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_another_address_is_not_locked_out_by_someone_elses_guesses(client, buyer):
    for _ in range(3):
        _login(client, buyer.email, "wrong", address="10.6.6.6")

    response = _login(client, buyer.email, PASSWORD, address="10.1.1.1")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(buyer.pk)


@override_settings(AXES_FAILURE_LIMIT=3)
def test_a_successful_login_resets_the_count(client, buyer):
    _login(client, buyer.email, "wrong")
    _login(client, buyer.email, "wrong")
    assert _login(client, buyer.email, PASSWORD).status_code == 302
    client.logout()

    _login(client, buyer.email, "wrong")
    _login(client, buyer.email, "wrong")

    assert _login(client, buyer.email, PASSWORD).status_code == 302
