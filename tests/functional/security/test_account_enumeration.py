"""Signing up and resetting a password never reveal whether an email has an account."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def _sign_up(client, email, password="Tagine-and-mint-tea-42"):
    return client.post(
        "/shop/accounts/register/",
        {"email": email, "password1": password, "password2": password},
        follow=True,
    )


def _visible_text(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<input[^>]*csrfmiddlewaretoken[^>]*>", "", html)
    html = re.sub(r' nonce="[^"]*"', "", html)  # a fresh CSP nonce per response
    return re.sub(r"\s+", " ", html)


def test_signing_up_with_a_taken_email_looks_exactly_like_signing_up_with_a_new_one(client):
    UserFactory(email="taken@example.test")

    new = _sign_up(client, "fresh@example.test")
    client.session.flush()
    taken = _sign_up(client, "taken@example.test")

    assert new.redirect_chain == taken.redirect_chain
    assert "already exists" not in taken.content.decode()
    assert _visible_text(new).replace("fresh@", "X@") == _visible_text(taken).replace("taken@", "X@")


def test_a_new_account_must_confirm_its_email_before_signing_in(client):
    _sign_up(client, "fresh@example.test")

    user = User.objects.get(email="fresh@example.test")
    assert not user.is_active
    assert "_auth_user_id" not in client.session
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/activate/\S+/", message.body).group(0)

    response = client.get(link.split("testserver", 1)[1], follow=True)

    user.refresh_from_db()
    assert user.is_active
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Your email is confirmed" in response.content.decode()


def test_an_activation_link_works_once(client):
    _sign_up(client, "fresh@example.test")
    link = re.search(r"https?://testserver(\S+/activate/\S+/)", mail.outbox[0].body).group(1)
    client.get(link)
    client.logout()

    response = client.get(link, follow=True)

    assert "invalid or was already used" in response.content.decode()


def test_the_owner_of_a_taken_email_is_told_how_to_sign_in_and_nothing_changes(client):
    owner = UserFactory(email="taken@example.test")
    password_before = owner.password

    _sign_up(client, "Taken@Example.test")

    (message,) = mail.outbox
    assert message.to == ["taken@example.test"]
    assert "already has an account" in message.body
    owner.refresh_from_db()
    assert owner.password == password_before
    assert User.objects.filter(email__iexact="taken@example.test").count() == 1


def test_an_unconfirmed_sign_up_can_be_started_again(client):
    _sign_up(client, "fresh@example.test", password="First-password-77")

    _sign_up(client, "fresh@example.test", password="Second-password-88")

    assert len(mail.outbox) == 2
    assert "activate" in mail.outbox[1].body
    assert User.objects.get(email="fresh@example.test").check_password("Second-password-88")


def test_the_login_page_sign_up_form_behaves_the_same(client):
    UserFactory(email="taken@example.test")

    response = client.post(
        "/shop/accounts/login/",
        {
            "registration-email": "taken@example.test",
            "registration-password1": "Tagine-and-mint-tea-42",
            "registration-password2": "Tagine-and-mint-tea-42",
            "registration_submit": "1",
        },
    )

    assert response.status_code == 302
    assert response["Location"].endswith("/shop/accounts/welcome/")


@pytest.mark.parametrize("email", ["someone@example.test", "nobody@example.test"])
def test_password_reset_answers_the_same_for_known_and_unknown_emails(client, email):
    UserFactory(email="someone@example.test")

    response = client.post("/shop/password-reset/", {"email": email})

    assert response.status_code == 302
    assert response["Location"].endswith("/shop/password-reset/done/")
