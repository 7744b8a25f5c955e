"""Email sent from a background task, so no request waits on the mail server.

`QueuedEmailBackend` turns each message into plain data and enqueues `email_deliver`, which a
task worker sends with `SOUK_QUEUED_EMAIL_BACKEND` (SMTP in production). Besides speed, this makes
"we sent you an email" pages take the same time whether or not an email was actually sent, so
password reset timing does not reveal which addresses have accounts.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


def message_to_data(message) -> dict:
    """A JSON-serialisable copy of an EmailMessage (attachments base64-encoded)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment
        raw = content.encode() if isinstance(content, str) else bytes(content)
        attachments.append([filename, base64.b64encode(raw).decode(), mimetype])
    return {
        "subject": message.subject,
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
    }


def message_from_data(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, encoded, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(encoded), mimetype)
    return message


@task()
def email_deliver(data: dict) -> None:
    connection = get_connection(settings.SOUK_QUEUED_EMAIL_BACKEND)
    connection.send_messages([message_from_data(data)])


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            email_deliver.enqueue(message_to_data(message))
        return len(email_messages)
