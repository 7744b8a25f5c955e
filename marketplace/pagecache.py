"""The anonymous page cache: storefront pages rendered once, served to every first-time visitor.

Most of a marketplace's traffic is people who are not signed in and have no basket yet,
landing on a product, a category or the home page. Their page is the same for everyone who
shares their language, currency, units and destination country, so it is rendered once and
kept in the cache (Redis in production) for `SOUK_PAGE_CACHE_SECONDS`.

What takes part
- A view opts in with `page_cache_allow(request)` (the catalogue, categories, the product
  page, cooperatives, Wagtail pages); nothing else is ever stored. A view opts out of one
  response with `page_cache_deny(request)` (a listing answered by the database because the
  search engine is down: it carries a notice, and the next visitor should get the engine).
- Only GET requests from visitors with no session, basket or messages cookie are served or
  stored, and a response is stored only if it is a 200 for an anonymous user that queued no
  message, wrote nothing to the session and does not say `private` or `no-store`.

What is still per visitor on a cached page (hole punching)
- The CSRF token of every form and the CSP nonce of every inline script are replaced by
  fresh ones on each hit, so forms post and scripts run exactly as on a rendered page.
- The "Recently viewed" row is cut out before storing and rendered for the visitor on a hit
  (from their own history cookie; nothing when they have none).
- A product page hit still counts the view (analytics, the export observatory) and updates
  the visitor's history cookie: through Oscar's `product_viewed` signal, or, with
  `SOUK_VIEW_BUFFER`, through a Redis buffer written in batches (observatory/buffer.py).

Invalidation
Every stored page carries the generation number it was rendered in, read with the page in
one round trip; a page of an older generation is a miss. Any saved or deleted row of the apps in
`INVALIDATING_APPS` (products, stock, prices, categories, cooperatives, reviews, CMS pages,
menus, settings, exchange rates) bumps the generation once its transaction commits, so no
visitor sees a page older than the data. Time-dependent content (an announcement's start
and end) is bounded by the timeout.

Where it sits
`PageCacheMiddleware` is first in MIDDLEWARE. A hit is answered there, before the rest of the
stack runs (half the CPU of a hit went to the middleware it now skips): the stored page keeps
every header the stack gave it when it was rendered (security headers, CSP, Vary,
Content-Language), and the hit asks Django's own CSRF middleware for this visitor's token and
cookie. Only a product page for a visitor with a browsing history needs more (their recently
viewed row is rendered with their language and preferences): that hit goes on to
`PageCacheHoleMiddleware`, after the session, locale and CSRF middleware, which serves it there.

If the cache is unreachable the page is rendered as if there were no cache.
"""

import base64
import functools
import hashlib
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.translation import get_language_from_path

from catalogue.buyer_preferences import CURRENCY, UNITS
from catalogue.selectors import history_manager, history_product_ids
from checkout.destination import COUNTRY

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
# Rows of these apps change what a storefront page shows.
INVALIDATING_APPS = frozenset(
    {
        "catalogue",
        "partner",
        "vendors",
        "reviews",
        "offer",
        "marketplace",
        "wagtailcore",
        "wagtailimages",
        "wagtailsettings",
        "taggit",
    }
)
# Per-visitor parts, as they appear in a stored page.
NONCE_MARK = "\x00souk-csp-nonce\x00"
CSRF_MARK = "\x00souk-csrf-token\x00"
RECENT_MARK = "<!--souk:recent--><!--/souk:recent-->"
CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
RECENT_HOLE = re.compile(r"<!--souk:recent-->.*?<!--/souk:recent-->", re.DOTALL)
# Headers a stored page is sent with again. Cookies are never stored; Content-Length is counted
# afresh; the CSP header's nonce is replaced by each hit's own.
UNSTORED_HEADERS = frozenset({"content-length", "set-cookie", "x-page-cache"})
# A hit served behind the session, locale and CSRF middleware keeps only the view's own headers:
# the middleware in front add theirs on the way out.
VIEW_HEADERS = ("Content-Type", "X-Frame-Options", "X-Robots-Tag", "Link")


def page_cache_allow(request, **meta) -> None:
    """This response may be stored for anonymous visitors. `meta` travels with it: a product
    page passes `product_id` and `cooperative_id` so a hit can count the view."""
    if getattr(request, "_page_cache", None) is not False:
        request._page_cache = meta


def page_cache_deny(request) -> None:
    """Never store this response, whatever the view allowed earlier."""
    request._page_cache = False


class PageCacheMixin:
    """A class-based view whose successful GET responses may be stored for anonymous visitors."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200:
            page_cache_allow(request, **self.page_cache_meta())
        return response

    def page_cache_meta(self) -> dict:
        return {}


def page_cache_invalidate() -> None:
    """Make every stored page stale once the current transaction commits: one bump per
    transaction however many rows it saves (a demo load or an import), none if it rolls back."""
    if not settings.SOUK_PAGE_CACHE_SECONDS:
        return
    bump = getattr(_local, "bump", None)
    if bump is None or bump.done:
        bump = _local.bump = _PendingBump()
    # Registered with every save (so a rolled-back savepoint cannot take it away), run once.
    transaction.on_commit(bump)


_local = threading.local()


class _PendingBump:
    """The bump this thread's transaction makes when it commits; later calls do nothing."""

    done = False

    def __call__(self):
        if not self.done:
            self.done = True
            _generation_bump()


def _generation_bump() -> None:
    _LOCAL.forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet (or evicted): any new value makes old keys unreachable
        cache.set(GENERATION_KEY, _initial_generation(), timeout=None)
    except Exception:
        logger.exception("page cache: could not bump the generation; pages expire by their timeout")


def _initial_generation() -> int:
    # Time-based, so a generation lost from the cache never comes back to an old value.
    return int(time.time() * 1000)


def _model_changed(sender, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    if sender._meta.app_label in INVALIDATING_APPS and not issubclass(sender, _never_shown()):
        page_cache_invalidate()


@functools.cache
def _never_shown() -> tuple[type, ...]:
    """Rows of those apps that change no stored page: an image rendition is made while a page
    renders (the page already names it), a draft revision or a log entry is the editors' own."""
    from wagtail.images.models import AbstractRendition
    from wagtail.models import BaseLogEntry, Revision

    return (AbstractRendition, BaseLogEntry, Revision)


def connect_invalidation() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"pagecache-{id(signal)}")


# --- Requests ---------------------------------------------------------------------------------
def _cookie_names() -> tuple[str, ...]:
    return (settings.SESSION_COOKIE_NAME, settings.OSCAR_BASKET_COOKIE_OPEN, "messages")


def request_cacheable(request) -> bool:
    """A GET from a visitor the site knows nothing about (no session, basket or messages), that
    no middleware in front would redirect (HTTP to HTTPS) or refuse (a blocked User-Agent)."""
    if request.method != "GET" or not settings.SOUK_PAGE_CACHE_SECONDS:
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False
    if settings.DISALLOWED_USER_AGENTS:
        return False
    return not any(name in request.COOKIES for name in _cookie_names())


def request_language(request) -> str:
    """The language LocaleMiddleware gives a storefront URL: its prefix, else the default (the
    shop, cooperative and CMS URLs are i18n_patterns with prefix_default_language=False)."""
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def page_key(request) -> str:
    """One stored page per URL, host, language, currency, units, destination and theme."""
    variant = "|".join(
        (
            request.scheme,
            request.get_host(),  # raises DisallowedHost for a host not in ALLOWED_HOSTS
            request.get_full_path(),
            request_language(request),
            CURRENCY.get(request),
            UNITS.get(request),
            COUNTRY.get(request),
            settings.SOUK_THEME,
        )
    )
    # v2: entries carry the whole stack's headers; entries stored by earlier code are never read.
    return f"pagecache:v2:{hashlib.sha256(variant.encode()).hexdigest()}"


def _lookup(key: str) -> tuple[int, dict | None]:
    """The current generation and the stored page, in one round trip (none if this process
    has it and read the generation less than SOUK_PAGE_CACHE_LOCAL_SECONDS ago); None if stale
    or absent."""
    local = _LOCAL.get(key)
    if local is not None:
        return local
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _initial_generation(), timeout=None)
        return cache.get(GENERATION_KEY), None
    entry = found.get(key)
    if entry is None or entry.get("generation") != generation:
        _LOCAL.put(generation, key, None)
        return generation, None
    _LOCAL.put(generation, key, entry)
    return generation, entry


class LocalPages:
    """The pages this process served last, kept beside the shared cache.

    A hit from here makes no round trip to Redis: ~20% of a stored page's CPU. The price is
    that a change made in another process reaches this one's visitors up to
    SOUK_PAGE_CACHE_LOCAL_SECONDS later (the generation is read again after that long); a change
    made in this process is seen at once. At most SOUK_PAGE_CACHE_LOCAL_PAGES pages, the least
    recently served leaving first. Off (0 seconds) unless configured.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._pages: OrderedDict[str, dict | None] = OrderedDict()
        self._generation = None
        self._read_at = 0.0

    def get(self, key: str) -> tuple[int, dict] | None:
        seconds = settings.SOUK_PAGE_CACHE_LOCAL_SECONDS
        if not seconds:
            return None
        with self._lock:
            if self._generation is None or time.monotonic() - self._read_at > seconds:
                return None
            entry = self._pages.get(key)
            if entry is None:
                return None
            self._pages.move_to_end(key)
            return self._generation, entry

    def put(self, generation: int, key: str, entry: dict | None) -> None:
        """Remember `entry` (None: only that `generation` is current, read just now)."""
        if not settings.SOUK_PAGE_CACHE_LOCAL_SECONDS:
            return
        with self._lock:
            if generation != self._generation:
                self._pages.clear()
                self._generation = generation
            self._read_at = time.monotonic()
            if entry is None:
                return
            self._pages[key] = entry
            self._pages.move_to_end(key)
            while len(self._pages) > settings.SOUK_PAGE_CACHE_LOCAL_PAGES:
                self._pages.popitem(last=False)

    def forget(self) -> None:
        with self._lock:
            self._pages.clear()
            self._generation = None


_LOCAL = LocalPages()


# --- Responses --------------------------------------------------------------------------------
def response_storable(request, response) -> bool:
    if not isinstance(getattr(request, "_page_cache", None), dict):
        return False
    if response.status_code != 200 or response.streaming:
        return False
    if "private" in response.get("Cache-Control", "") or "no-store" in response.get("Cache-Control", ""):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    return not (messages is not None and getattr(messages, "added_new", False))


def entry_from_response(request, response, generation) -> dict:
    """The page with its per-visitor parts replaced by marks, and what a hit needs to know."""
    content = response.content.decode(response.charset)
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str) and nonce:
        content = content.replace(nonce, NONCE_MARK)
    content = CSRF_INPUT.sub(lambda m: m.group(1) + CSRF_MARK + m.group(2), content)
    content = RECENT_HOLE.sub(RECENT_MARK, content)
    headers = {name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS}
    if isinstance(nonce, str) and nonce:
        headers = {name: value.replace(nonce, NONCE_MARK) for name, value in headers.items()}
    return {
        "generation": generation,
        "content": content,
        "charset": response.charset,
        "headers": headers,
        "meta": getattr(request, "_page_cache", None) or {},
    }


def needs_rendering(request, entry) -> bool:
    """True if this visitor's copy of the page has a part only templates can make: the recently
    viewed row of a visitor who has viewed pieces."""
    return RECENT_MARK in entry["content"] and bool(history_product_ids(request=request))


def response_from_entry(request, entry) -> HttpResponse:
    """The stored page as the whole stack would send it to this visitor, answered before the
    stack runs: their nonce, their CSRF token and cookie, their view counted."""
    request.user = AnonymousUser()
    request.LANGUAGE_CODE = request_language(request)
    _CSRF.process_request(request)  # reads the visitor's CSRF cookie, if they have one
    nonce = base64.b64encode(os.urandom(16)).decode("ascii")  # as django-csp makes them
    response = _response(entry, nonce=nonce, csrf_token=get_token(request), recent=RECENT_MARK)
    for name, value in entry["headers"].items():
        response[name] = value.replace(NONCE_MARK, nonce)
    _product_viewed(request, response, entry["meta"])
    return _CSRF.process_response(request, response)  # sets the CSRF cookie when it is new


def response_from_entry_rendered(request, entry) -> HttpResponse:
    """The stored page with this visitor's recently viewed row, served behind the session, locale
    and CSRF middleware (the middleware in front add their headers on the way out)."""
    request.user = AnonymousUser()
    response = _response(
        entry,
        nonce=str(request.csp_nonce),
        csrf_token=get_token(request),
        recent=_recently_viewed(request, entry["meta"]),
    )
    for name in VIEW_HEADERS:
        if name in entry["headers"]:
            response[name] = entry["headers"][name]
    _product_viewed(request, response, entry["meta"])
    return response


def _response(entry, *, nonce: str, csrf_token: str, recent: str) -> HttpResponse:
    content = entry["content"]
    if NONCE_MARK in content:
        content = content.replace(NONCE_MARK, nonce)
    if CSRF_MARK in content:
        content = content.replace(CSRF_MARK, csrf_token)
    if RECENT_MARK in content:
        content = content.replace(RECENT_MARK, recent)
    response = HttpResponse(content.encode(entry["charset"]), charset=entry["charset"])
    response["X-Page-Cache"] = "hit"
    return response


# Django's CSRF middleware, asked for a hit's token and cookie exactly as for a rendered page.
_CSRF = CsrfViewMiddleware(lambda request: None)


def _recently_viewed(request, meta) -> str:
    from django.template.loader import render_to_string

    # The cards' prices come from the pricing strategy that Oscar's basket middleware sets.
    request.strategy = _strategy_selector().strategy(request=request, user=request.user)
    context = {"product": _product_standin(meta) if meta.get("product_id") else ""}
    return render_to_string("souk/partials/recently_viewed.html", context, request=request)


def _product_standin(meta):
    """A product with only its id and cooperative, for the receivers of `product_viewed`."""
    from oscar.core.loading import get_model

    from vendors.models import Cooperative

    product = get_model("catalogue", "Product")(id=meta["product_id"])
    cooperative_id = meta.get("cooperative_id")
    product.__dict__["cooperative"] = Cooperative(id=cooperative_id) if cooperative_id else None
    return product


def _product_viewed(request, response, meta) -> None:
    """Count a product page served from the cache as a rendered one would be counted."""
    product_id = meta.get("product_id")
    if not product_id:
        return
    from oscar.apps.catalogue.signals import product_viewed

    from marketplace.observatory.buffer import view_push
    from marketplace.observatory.services import visitor_from_request

    visitor = visitor_from_request(request)
    if visitor is not None and view_push(
        visitor=visitor, product_id=product_id, cooperative_id=meta.get("cooperative_id")
    ):
        # Buffered in Redis: only the visitor's history is left to update.
        history_manager().update(SimpleNamespace(id=product_id), request, response)
        return
    product_viewed.send(
        sender=PageCacheMiddleware,
        product=_product_standin(meta),
        user=request.user,
        request=request,
        response=response,
    )


@functools.cache
def _strategy_selector():
    from oscar.core.loading import get_class

    return get_class("partner.strategy", "Selector")()


class PageCacheMiddleware:
    """Serve stored pages to anonymous visitors; store what views allow, with every header the
    rest of the stack gave them. First in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if request_cacheable(request):
            try:
                key = page_key(request)
                generation, entry = _lookup(key)
            except DisallowedHost:  # CommonMiddleware answers it with a 400
                key, entry = None, None
            except Exception:
                logger.warning("page cache: unavailable, rendering", exc_info=True)
                key, entry = None, None
            if entry is not None:
                if not needs_rendering(request, entry):
                    return response_from_entry(request, entry)
                request._page_cache_entry = entry
                key = None
        response = self.get_response(request)
        if key is not None and response_storable(request, response):
            try:
                entry = entry_from_response(request, response, generation)
                cache.set(key, entry, settings.SOUK_PAGE_CACHE_SECONDS)
                _LOCAL.put(generation, key, entry)
                response["X-Page-Cache"] = "miss"
            except Exception:
                logger.warning("page cache: could not store %s", request.path, exc_info=True)
        return response


class PageCacheHoleMiddleware:
    """Serve the stored page that needs this visitor's recently viewed row (found by
    PageCacheMiddleware). After the session, locale and CSRF middleware, before authentication."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        entry = getattr(request, "_page_cache_entry", None)
        if entry is None:
            return self.get_response(request)
        return response_from_entry_rendered(request, entry)
