"""Uploads held between the steps of an application, until it is submitted.

A browser cannot refill a file input, so when a step fails validation the files that were
fine are kept here and the form carries a signed reference to them instead.
"""

import uuid
from datetime import timedelta
from pathlib import PurePath

from django.core import signing
from django.core.files import File
from django.core.files.storage import storages
from django.utils import timezone
from django.utils.text import get_valid_filename

UPLOAD_SALT = "vendors.application-upload"
STASH_DIR = "applications/pending"


def upload_stash(*, upload) -> str:
    """Store an uploaded file privately; return the signed reference the form carries."""
    filename = get_valid_filename(PurePath(upload.name).name) or "document"
    upload.seek(0)
    name = storages["private"].save(f"{STASH_DIR}/{uuid.uuid4().hex}/{filename}", upload)
    return signing.dumps(name, salt=UPLOAD_SALT)


def upload_name(*, ref: str) -> str | None:
    """The stored name behind a reference, or None if it is forged or the file is gone."""
    try:
        name = signing.loads(ref, salt=UPLOAD_SALT)
    except signing.BadSignature:
        return None
    if not name.startswith(f"{STASH_DIR}/") or not storages["private"].exists(name):
        return None
    return name


def upload_open(*, ref: str) -> File | None:
    name = upload_name(ref=ref)
    if name is None:
        return None
    return File(storages["private"].open(name, "rb"), name=PurePath(name).name)


def upload_discard(*, ref: str) -> None:
    name = upload_name(ref=ref)
    if name is not None:
        storages["private"].delete(name)


def uploads_purge(*, older_than: timedelta = timedelta(days=2)) -> int:
    """Delete pending scans of applications never sent; returns how many files went.

    A submitted application copies its scans and discards the pending ones, so what stays
    here is from wizards abandoned half-way.
    """
    storage = storages["private"]
    if not storage.exists(STASH_DIR):
        return 0
    cut_off = timezone.now() - older_than
    removed = 0
    folders, _ = storage.listdir(STASH_DIR)
    for folder in folders:
        _, files = storage.listdir(f"{STASH_DIR}/{folder}")
        for filename in files:
            name = f"{STASH_DIR}/{folder}/{filename}"
            if storage.get_modified_time(name) < cut_off:
                storage.delete(name)
                removed += 1
    return removed
