"""Rate limits for the endpoints people abuse, applied in one place by path.

Each rule names a group, a path pattern (the language prefix is optional), the HTTP methods it
counts, a rate ("10/m", "100/h") and what identifies the caller. Counting uses django-ratelimit's
core on the default cache (Redis in production, so every web process shares the counters).
Views stay unaware of it; a caller over the limit gets the theme's 429 page with Retry-After.

Settings:
- `SOUK_RATE_LIMITS_ENABLED`: False turns every rule off (the test settings do, except in the
  tests of this module).
- `SOUK_RATE_LIMITS`: {group: rate} overrides a rule's rate, e.g. {"search": "120/m"}.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.core import get_usage

_LANG = r"^/(?:(?:fr|ar)/)?"


@dataclass(frozen=True)
class Rule:
    group: str
    pattern: re.Pattern
    methods: tuple[str, ...]
    rate: str
    key: str = "ip"


def _rule(group: str, path: str, methods: tuple[str, ...], rate: str, key: str = "ip") -> Rule:
    return Rule(group, re.compile(_LANG + path), methods, rate, key)


RULES: tuple[Rule, ...] = (
    # Password guessing is also stopped per account by django-axes; this caps one address.
    _rule("login", r"shop/accounts/login/$", ("POST",), "20/m"),
    _rule("login-admin", r"(?:cms|django-admin)/login/$", ("POST",), "20/m"),
    _rule("password-reset", r"shop/password-reset/$", ("POST",), "5/m"),
    _rule("signup", r"shop/accounts/(?:login|register)/$", ("POST",), "10/h"),
    _rule("application", r"sell/", ("POST",), "30/h"),
    # Stripe's webhooks arrive in bursts from few addresses: never limited.
    _rule("checkout", r"shop/checkout/(?!.*webhook)", ("POST",), "30/m"),
    _rule("search", r"shop/search/(?:suggest/)?$", ("GET",), "60/m"),
)


def _rate_for(rule: Rule) -> str:
    return getattr(settings, "SOUK_RATE_LIMITS", {}).get(rule.group, rule.rate)


def rule_exceeded(request) -> tuple[Rule, int] | None:
    """The first rule this request breaks (counting it against every matching rule), if any.

    Returns the rule and the seconds until its window resets.
    """
    if not getattr(settings, "SOUK_RATE_LIMITS_ENABLED", True):
        return None
    broken = None
    for rule in RULES:
        if request.method not in rule.methods or not rule.pattern.match(request.path_info):
            continue
        usage = get_usage(
            request, group=rule.group, key=rule.key, rate=_rate_for(rule), method=rule.methods, increment=True
        )
        if usage and usage["should_limit"] and broken is None:
            broken = (rule, max(1, int(usage["time_left"])))
    return broken


class RateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        exceeded = rule_exceeded(request)
        if exceeded is None:
            return self.get_response(request)
        rule, retry_after = exceeded
        response = render(request, "429.html", {"retry_after": retry_after, "group": rule.group}, status=429)
        response["Retry-After"] = str(retry_after)
        return response
