"""Writes of the search app: the query log (no personal data)."""

import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from oscar.core.loading import get_model

from .models import QueryLog

Product = get_model("catalogue", "Product")

# Headers a CDN or proxy sets with the visitor's country (never the IP itself).
GEO_HEADERS = ("CF-IPCountry", "CloudFront-Viewer-Country", "X-Country-Code", "X-Geo-Country")


def buyer_country(request) -> str:
    """The buyer's country from a geo header, else the region of their browser language; '' if neither."""
    for header in GEO_HEADERS:
        value = request.headers.get(header, "").strip().upper()
        if re.fullmatch(r"[A-Z]{2}", value) and value not in ("XX", "T1"):
            return value
    for part in request.headers.get("Accept-Language", "").split(","):
        tag = part.split(";", 1)[0].strip().replace("_", "-")
        _language, _sep, region = tag.partition("-")
        if re.fullmatch(r"[A-Za-z]{2}", region):
            return region.upper()
    return ""


def query_log_record(*, request, text: str, results) -> QueryLog:
    """Log one search: the words (normalised), language, country and how many results.
    One INSERT, atomic by itself: no transaction of its own (that would be two more round trips)."""
    return QueryLog.objects.create(
        text=" ".join(text.lower().split())[:200],
        language=(get_language() or "en")[:8],
        country=buyer_country(request),
        results=results.total,
        used_fallback=results.used_fallback,
    )


@transaction.atomic
def query_log_click(*, log_id: int, product_id: int) -> bool:
    """Record the first result clicked after a search; False for an unknown log or product."""
    if not Product.objects.filter(pk=product_id).exists():
        return False
    updated = QueryLog.objects.filter(pk=log_id, clicked_product__isnull=True).update(
        clicked_product_id=product_id, clicked_at=timezone.now()
    )
    return bool(updated)
