from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import health_report

# Without these the site cannot serve a page; every other dependency degrades one feature
# (search falls back to the database, payments wait, images degrade), so a load balancer
# must keep the node in service and only alerting should fire.
ESSENTIAL_SERVICES = {"database"}


@never_cache
@require_GET
def healthz(request):
    """JSON state of each dependency: 503 when an essential one is down, else 200.

    `status` is "ok", "degraded" (a non-essential service is down, named in `failing`) or "down".
    """
    report = health_report()
    failing = [name for name, check in report.items() if check.failing]
    down = bool(ESSENTIAL_SERVICES.intersection(failing))
    body = {
        "status": "down" if down else "degraded" if failing else "ok",
        "failing": failing,
        "checks": {name: {"status": c.status, "detail": c.detail} for name, c in report.items()},
    }
    return JsonResponse(body, status=503 if down else 200)


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
