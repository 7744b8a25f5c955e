"""Content-Security-Policy: one strict policy for the storefront, a relaxed one for back offices.

The storefront policy is `CONTENT_SECURITY_POLICY` in settings. Two things are decided per
request, which is why this subclasses django-csp's middleware (its documented extension point,
`get_policy_parts`) instead of using a static setting:

- The Wagtail admin, the Django admin and Oscar's dashboard ship inline scripts, inline `style`
  attributes and `javascript:`-free but handler-heavy markup that we do not control. Under the
  prefixes in `SOUK_CSP_RELAXED_PATHS` the policy allows inline scripts and styles, and nothing
  else more than the storefront (no third-party host, still `frame-ancestors 'none'`). Only
  staff reach those paths.
- A local Stripe server (localstripe) serves its Stripe.js and API from `STRIPE_API_BASE`; its
  origin is allowed wherever Stripe's own hosts are, read at request time so that tests that
  start one on a free port and override the setting are covered too.
"""

from urllib.parse import urlsplit

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings

# Directives that name Stripe's hosts; a local Stripe server stands in for all of them.
STRIPE_DIRECTIVES = ("script-src", "connect-src", "frame-src")


class SoukCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if parts.config is None and is_relaxed_path(request.path_info):
            parts.config = relaxed_policy()
        stripe_origin = origin(settings.STRIPE_API_BASE)
        if stripe_origin:
            update = dict(parts.update or {})
            for directive in STRIPE_DIRECTIVES:
                update[directive] = [*update.get(directive, ()), stripe_origin]
            parts.update = update
        return parts


def is_relaxed_path(path: str) -> bool:
    """True under a back-office prefix, with or without a language prefix (/fr/shop/dashboard/)."""
    prefixes = tuple(settings.SOUK_CSP_RELAXED_PATHS)
    first, _, rest = path.lstrip("/").partition("/")
    if first in {code for code, _name in settings.LANGUAGES}:
        path = f"/{rest}"
    return path.startswith(prefixes)


def relaxed_policy() -> dict:
    """The storefront's directives plus inline scripts and styles.

    No nonce: a nonce in script-src would make browsers ignore 'unsafe-inline'.
    """
    directives = default_config(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
    directives["script-src"] = [SELF, UNSAFE_INLINE]
    directives["style-src"] = [SELF, UNSAFE_INLINE]
    # Wagtail's image and document choosers preview uploads as blob: URLs.
    directives["img-src"] = [*(directives.get("img-src") or [SELF]), "blob:"]
    return directives


def origin(url: str | None) -> str:
    """'https://media.example.com' for any URL on that host; '' for a relative URL or none."""
    if not url:
        return ""
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"
