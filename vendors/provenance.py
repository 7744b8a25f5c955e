"""Signed provenance tokens: the `/verify/<token>/` pages printed as QR codes on hang-tags.

A token names one product or one cooperative and is signed with SECRET_KEY, so it cannot be
guessed or altered: a tampered token resolves to nothing and the page is a 404.
"""

from django.core import signing
from oscar.core.loading import get_model

SALT = "souk.provenance.v1"
_signer = signing.Signer(salt=SALT)

PRODUCT, COOPERATIVE = "p", "c"


def provenance_token(obj) -> str:
    kind = COOPERATIVE if obj._meta.model_name == "cooperative" else PRODUCT
    return _signer.sign(f"{kind}{obj.pk}")


def provenance_resolve(token: str):
    """The product or cooperative a token names, or None if it is forged or names nothing."""
    try:
        value = _signer.unsign(token)
    except signing.BadSignature:
        return None
    kind, pk = value[:1], value[1:]
    if not pk.isdigit():
        return None
    if kind == COOPERATIVE:
        return get_model("partner", "Cooperative").objects.filter(pk=pk).first()
    if kind == PRODUCT:
        return (
            get_model("catalogue", "Product")
            .objects.prefetch_related("stockrecords__partner__cooperative")
            .filter(pk=pk)
            .first()
        )
    return None
