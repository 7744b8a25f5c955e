"""Public provenance pages and their QR codes."""

import io

import segno
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from .provenance import provenance_resolve


def _resolve_or_404(token: str):
    obj = provenance_resolve(token)
    if obj is None:
        raise Http404("Unknown or altered provenance code")
    return obj


def provenance_detail(request, token: str):
    obj = _resolve_or_404(token)
    if obj._meta.model_name == "cooperative":
        cooperative, product = obj, None
    else:
        cooperative, product = obj.cooperative, obj
        if cooperative is None:
            raise Http404("This product has no cooperative")
    certificates = cooperative.certificates.filter(review_status="approved").order_by("type", "-expires_on")
    return render(
        request,
        "vendors/provenance_detail.html",
        {"cooperative": cooperative, "product": product, "certificates": certificates, "token": token},
    )


@cache_control(public=True, max_age=86400)
def provenance_qr(request, token: str, fmt: str):
    _resolve_or_404(token)
    url = request.build_absolute_uri(reverse("provenance-detail", kwargs={"token": token}))
    qr = segno.make(url, error="m")
    buffer = io.BytesIO()
    if fmt == "svg":
        qr.save(buffer, kind="svg", scale=8, border=2, dark="#1f1b16", xmldecl=False)
        content_type = "image/svg+xml"
    else:
        qr.save(buffer, kind="png", scale=10, border=2, dark="#1f1b16")
        content_type = "image/png"
    return HttpResponse(buffer.getvalue(), content_type=content_type)
