"""Queued email arrives exactly as it was written, attachments included."""

from django.core.mail import EmailMultiAlternatives

from marketplace.mail import message_from_data, message_to_data


def test_a_message_survives_the_queue_unchanged():
    message = EmailMultiAlternatives(
        "Your order SK-1001",
        "Thank you",
        "Souk <hello@souk.test>",
        ["amina@example.test"],
        reply_to=["help@souk.test"],
    )
    message.attach_alternative("<p>Thank you</p>", "text/html")
    message.attach("invoice.pdf", b"%PDF-1.4 binary \x00\xff", "application/pdf")

    copy = message_from_data(message_to_data(message))

    assert (copy.subject, copy.body, copy.from_email, copy.to, copy.reply_to) == (
        "Your order SK-1001",
        "Thank you",
        "Souk <hello@souk.test>",
        ["amina@example.test"],
        ["help@souk.test"],
    )
    assert copy.alternatives[0][0] == "<p>Thank you</p>"
    assert copy.attachments[0][1] == b"%PDF-1.4 binary \x00\xff"
