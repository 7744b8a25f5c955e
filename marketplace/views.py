from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

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


@require_POST
def language_switch(request):
    """The header's language switcher: remember the language as Django's `set_language` does,
    then go to this page in that language (`selectors.language_switch_url`: the page's real
    translation, whatever its slug, or its nearest translated ancestor; never a 404).

    `next` is the current URL with its language prefix and query string.
    """
    from .selectors import language_switch_url

    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    language = request.POST.get("language", "")
    if not check_for_language(language) or language not in dict(settings.LANGUAGES):
        return HttpResponseRedirect(next_url)
    response = HttpResponseRedirect(language_switch_url(request=request, path=next_url, language=language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
