import pytest
from django.core import mail
from django.core.mail import send_mail
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(
    EMAIL_BACKEND="marketplace.mail.QueuedEmailBackend",
    SOUK_QUEUED_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
)
def test_queued_email_is_delivered_by_the_task():
    send_mail("Welcome", "Hello", "hello@souk.test", ["amina@example.test"])

    (delivered,) = mail.outbox
    assert delivered.subject == "Welcome"
    assert delivered.to == ["amina@example.test"]
