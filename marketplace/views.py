from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import health_report


@never_cache
@require_GET
def healthz(request):
    """JSON state of each dependency: 200 when none is down, 503 naming those that are."""
    report = health_report()
    failing = [name for name, check in report.items() if check.failing]
    body = {
        "status": "down" if failing else "ok",
        "failing": failing,
        "checks": {name: {"status": c.status, "detail": c.detail} for name, c in report.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)


@require_GET
def robots_txt(request):
    disallowed = [
        "/shop/basket/",
        "/shop/checkout/",
        "/shop/accounts/",
        "/shop/dashboard/",
        "/cms/",
        "/django-admin/",
    ]
    lines = ["User-agent: *"]
    for prefix in disallowed:
        lines.append(f"Disallow: {prefix}")
        for code, _name in settings.LANGUAGES:
            if code != settings.LANGUAGE_CODE:
                lines.append(f"Disallow: /{code}{prefix}")
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
