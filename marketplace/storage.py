from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Local storage for private documents: files outside MEDIA_ROOT and no URL at all.

    They are read only by views that check who is asking (the review queue, the vendor
    dashboard). In production the same role is played by a private S3 prefix whose URLs are
    short-lived signatures.
    """

    def url(self, name):
        raise ValueError(
            "Private documents have no public URL; serve them through a permission-checked view."
        )
