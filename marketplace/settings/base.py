"""Settings shared by every environment.

Environment-specific modules (local, test, production) import everything from here and
override what differs. Values that differ between deployments come from the environment
through django-environ; a `.env` file next to manage.py is read when present.
"""

from pathlib import Path

import environ
from csp.constants import NONCE
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's settings are a flat namespace by design)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
APPS_DIR = BASE_DIR

env = environ.Env()
env.read_env(str(BASE_DIR / ".env"), overwrite=False)

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])

# --- Applications -------------------------------------------------------------------------
DJANGO_APPS = [
    # modeltranslation patches model fields, so it must load before the apps it translates.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    # Oscar's dashboard imports flatpages; content itself is managed in Wagtail.
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Failed-login counting and lockout (marketplace/security.py).
    "axes",
    # Who changed what, when: staff and cooperative actions (AUDITLOG_INCLUDE_TRACKING_MODELS).
    "auditlog",
]

OSCAR_APPS = [
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "checkout.apps.CheckoutConfig",
    "checkout.ledger.apps.LedgerConfig",
    # The export observatory: behaviour events and daily roll-ups (docs/observatory.md).
    "marketplace.observatory.apps.ObservatoryConfig",
    "oscar.apps.address.apps.AddressConfig",
    "checkout.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "vendors.apps.PartnerConfig",
    # Forked: adding to the basket reads each row once (checkout/basket/models.py).
    "checkout.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    # Forked: sign-up confirms the email and never reveals whether an account exists.
    "marketplace.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "vendors.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "vendors.dashboard.orders.apps.OrdersDashboardConfig",
    "vendors.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "vendors.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    # haystack must precede wagtail.search: both ship an `update_index` command and the
    # first listed wins. Haystack only serves Oscar's own internals; shop search is ours.
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    "django_tasks",
]

WAGTAIL_APPS = [
    # wagtail-localize 1.14 declares Wagtail 7 and 8 support: translators get its side-by-side
    # editor and page trees stay in sync; its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
]

LOCAL_APPS = [
    "marketplace.apps.MarketplaceConfig",
]

INSTALLED_APPS = DJANGO_APPS + LOCAL_APPS + OSCAR_APPS + WAGTAIL_APPS

AUTH_USER_MODEL = "marketplace.User"
# Oscar's email login and Django's, both refusing members of a suspended cooperative.
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out account before any password is checked.
    "marketplace.security.LockoutBackend",
    "vendors.auth_backends.EmailBackend",
    "vendors.auth_backends.SuspensionAwareModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Oscar lives under /shop/, so Django's default /accounts/login/ does not exist.
LOGIN_URL = "customer:login"
LOGIN_REDIRECT_URL = "customer:summary"

# --- Requests -----------------------------------------------------------------------------
MIDDLEWARE = [
    # Stored storefront pages for visitors with no session or basket, answered before the rest of
    # the stack (marketplace/pagecache.py); the hole middleware below serves the ones that need
    # the visitor's recently viewed row.
    "marketplace.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp): strict on the storefront, see marketplace/csp.py.
    "marketplace.csp.SoukCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "marketplace.pagecache.PageCacheHoleMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Caps on login, signup, password reset, applications, checkout and search: marketplace/ratelimits.py.
    "marketplace.ratelimits.RateLimitMiddleware",
    # Records the signed-in person as the actor of every audited change.
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Oscar's, keeping the offers it priced the basket with (checkout/basket/middleware.py).
    "checkout.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: answers a locked-out login with account_locked.html.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"
SITE_ID = 1

# --- Templates and theme ------------------------------------------------------------------
# A theme is a folder under themes/ with templates/ and static/. Switching theme is a setting.
SOUK_THEME = env("SOUK_THEME", default="default")
THEMES_DIR = BASE_DIR / "themes"
THEME_DIRS = (
    [THEMES_DIR / SOUK_THEME]
    if SOUK_THEME == "default"
    else [
        THEMES_DIR / SOUK_THEME,
        THEMES_DIR / "default",
    ]
)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [d / "templates" for d in THEME_DIRS],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.i18n",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                # Oscar's unread-notifications count, counted only where a template shows it.
                "marketplace.customer.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "wagtail.contrib.settings.context_processors.settings",
                "marketplace.context_processors.site_chrome",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "souk",
    }
}

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("Français")),
    ("ar", _("العربية")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Africa/Casablanca"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [d / "static" for d in THEME_DIRS]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "var" / "media"
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Certification documents: outside MEDIA_ROOT, so no URL serves them directly.
    "private": {
        "BACKEND": "marketplace.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 16 * 1024 * 1024

# --- Email --------------------------------------------------------------------------------
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="Souk <hello@souk.test>")

# --- Oscar --------------------------------------------------------------------------------
OSCAR_SHOP_NAME = "Souk"
OSCAR_SHOP_TAGLINE = _("Crafts from Morocco's certified cooperatives")
# The home page in the buyer's language (/ar/ for Arabic): where logging out and Oscar's "Home"
# links lead. Lazy: resolved per request, with that request's language.
OSCAR_HOMEPAGE = reverse_lazy("wagtail_serve", args=[""])
# Cooperatives price in dirhams; buyers see converted prices (see catalogue issue).
OSCAR_DEFAULT_CURRENCY = "MAD"
# "6,100.00 MAD" rather than Babel's "MAD6,100.00"; the locale still decides separators.
OSCAR_CURRENCY_FORMAT = {"MAD": {"format": "#,##0.00\u00a0¤"}}
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
# An order exists before its card is charged; only Stripe's verified webhook marks it paid.
OSCAR_INITIAL_ORDER_STATUS = "Pending payment"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending payment": ("Paid", "Cancelled"),
    "Paid": ("Partially refunded", "Refunded", "Complete"),
    "Partially refunded": ("Refunded", "Complete"),
    "Refunded": (),
    "Cancelled": (),
    "Complete": (),
}
OSCAR_PRODUCTS_PER_PAGE = 24
# Reviews come only from buyers who bought (catalogue/reviews/) and wait for staff approval.
OSCAR_MODERATE_REVIEWS = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_IMAGE_FOLDER = "images/products/%Y/%m/"
OSCAR_SEARCH_FACETS = {"fields": {}, "queries": {}}
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {"label": _("Hang-tags and QR codes"), "icon": "fas fa-qrcode", "url_name": "dashboard:hang-tags"},
    {"label": _("Shipping rates"), "icon": "fas fa-truck", "url_name": "dashboard:shipping-rates"},
    {
        "label": _("Sales and payouts"),
        "icon": "fas fa-coins",
        "children": [
            {"label": _("Insights: what sells where"), "url_name": "dashboard:cooperative-insights"},
            {"label": _("Vendor orders"), "url_name": "dashboard:vendor-order-list"},
            {"label": _("Balance and ledger"), "url_name": "dashboard:ledger"},
            {"label": _("Payout batches"), "url_name": "dashboard:payout-batch-list"},
        ],
    },
    {
        "label": _("Export observatory"),
        "icon": "fas fa-globe-africa",
        "children": [
            {"label": _("Sales by country and craft"), "url_name": "dashboard:observatory-sales"},
            {"label": _("Demand and searches"), "url_name": "dashboard:observatory-demand"},
            {"label": _("Buyer funnel"), "url_name": "dashboard:observatory-funnel"},
        ],
    },
    {
        "label": _("Cooperative applications"),
        "icon": "fas fa-handshake",
        "url_name": "dashboard:cooperative-application-list",
    },
]


def _with_cooperative_reviews(children: list) -> list:
    """Oscar's Customers menu with "Cooperative reviews" right after its (product) Reviews."""
    entry = {"label": _("Cooperative reviews"), "url_name": "dashboard:cooperative-reviews-list"}
    result = []
    for child in children:
        result.append(child)
        if child.get("url_name") == "dashboard:reviews-list":
            result.append(entry)
    return result


OSCAR_DASHBOARD_NAVIGATION = [
    {**item, "children": _with_cooperative_reviews(item["children"])} if "children" in item else item
    for item in OSCAR_DASHBOARD_NAVIGATION
]

HAYSTACK_CONNECTIONS = {
    "default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"},
}

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Souk"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# One translated page tree per language; pages live at the same i18n_patterns URLs as the shop.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Security headers ---------------------------------------------------------------------
# Active in every environment so local runs and tests exercise the policy production sends.
# Scripts: our static files, the one inline block that carries the request's nonce, Stripe.js.
# Back offices under SOUK_CSP_RELAXED_PATHS also allow inline scripts and styles (marketplace/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE, "https://js.stripe.com", "https://*.js.stripe.com"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https://*.stripe.com"],
        "font-src": ["'self'"],
        "connect-src": ["'self'", "https://api.stripe.com"],
        "frame-src": [
            "https://js.stripe.com",
            "https://*.js.stripe.com",
            "https://hooks.stripe.com",
            # Video blocks in artisan stories (Wagtail embeds).
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
SOUK_CSP_RELAXED_PATHS = ["/cms/", "/django-admin/", "/shop/dashboard/"]
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# --- External services --------------------------------------------------------------------
# Each is optional in the embedded default; /healthz reports the ones that are configured.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
# Search (search/): a node class only for osmem in local/test settings; production sends the stock headers.
ELASTICSEARCH_NODE_CLASS = env("ELASTICSEARCH_NODE_CLASS", default="")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=3.0)
SEARCH_INDEX_PREFIX = env("SEARCH_INDEX_PREFIX", default="souk")
# After a failed call, search reads the database for this many seconds before trying the engine again.
SEARCH_RETRY_AFTER = env.int("SEARCH_RETRY_AFTER", default=30)
# Background tasks (django-tasks): immediate here; production names a worker backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STRIPE_API_BASE = env("STRIPE_API_BASE", default="")
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# Stripe calls give up after these many seconds (connect, read) and are retried this many times
# (safe: every write carries an idempotency key); the worst case stays under gunicorn's 30 s timeout.
STRIPE_CONNECT_TIMEOUT = env.float("STRIPE_CONNECT_TIMEOUT", default=3.0)
STRIPE_TIMEOUT = env.float("STRIPE_TIMEOUT", default=8.0)
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=1)
# Seconds an anonymous storefront page stays stored (marketplace/pagecache.py); 0 turns it off.
# Changes to the catalogue, cooperatives and CMS invalidate stored pages at once; this bounds
# what depends on the clock alone (announcement windows). Off by default so a developer sees
# every template edit; production and the benchmark turn it on.
SOUK_PAGE_CACHE_SECONDS = env.int("SOUK_PAGE_CACHE_SECONDS", default=0)
# Each web process also keeps the pages it served last (up to SOUK_PAGE_CACHE_LOCAL_PAGES) and
# serves them without asking Redis for this many seconds: a change made through another process
# shows on this one's pages that much later. 0 asks Redis on every hit.
SOUK_PAGE_CACHE_LOCAL_SECONDS = env.float("SOUK_PAGE_CACHE_LOCAL_SECONDS", default=0)
SOUK_PAGE_CACHE_LOCAL_PAGES = env.int("SOUK_PAGE_CACHE_LOCAL_PAGES", default=200)
# Anonymous buyers' product views are buffered in Redis and written in batches
# (marketplace/observatory/buffer.py). Needs the Redis cache backend (marketplace.cache).
SOUK_VIEW_BUFFER = env.bool("SOUK_VIEW_BUFFER", default=False)
# With the buffer, each web process holds up to this many views and sends them in one RPUSH,
# at the latest after SOUK_VIEW_BUFFER_HOLD_SECONDS; 1 sends each view at once.
SOUK_VIEW_BUFFER_BATCH = env.int("SOUK_VIEW_BUFFER_BATCH", default=1)
SOUK_VIEW_BUFFER_HOLD_SECONDS = env.float("SOUK_VIEW_BUFFER_HOLD_SECONDS", default=2.0)
# Orders still waiting for their card after this long are cancelled and their stock released.
SOUK_PENDING_ORDER_MINUTES = env.int("SOUK_PENDING_ORDER_MINUTES", default=60)
# Export observatory (docs/observatory.md): raw events are kept this many days after roll-up,
# and a basket untouched this many hours counts as abandoned.
SOUK_OBSERVATORY_RETENTION_DAYS = env.int("SOUK_OBSERVATORY_RETENTION_DAYS", default=400)
SOUK_OBSERVATORY_ABANDONED_HOURS = env.int("SOUK_OBSERVATORY_ABANDONED_HOURS", default=24)
# Seconds a health probe of an external service may take before it counts as down.
HEALTHCHECK_TIMEOUT = env.float("HEALTHCHECK_TIMEOUT", default=2.0)

# --- Logging ------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Oscar logs two lines per stock record saved; noise during imports and demo loads.
        "oscar.alerts": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # One INFO line per search request otherwise.
        "elastic_transport": {"level": "WARNING"},
    },
}
SOUK_DEFAULT_COMMISSION_RATE = env.float("SOUK_DEFAULT_COMMISSION_RATE", default=0.12)

# --- Abuse protection ---------------------------------------------------------------------
# Per-path rate limits (marketplace/ratelimits.py); {group: "N/period"} overrides a default.
SOUK_RATE_LIMITS_ENABLED = env.bool("SOUK_RATE_LIMITS_ENABLED", default=True)
SOUK_RATE_LIMITS = {}
# Login lockout (django-axes): 5 failures for one account from one address pause it for 15 min.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "marketplace.security.login_identifier"
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Audit log (django-auditlog): every change to these models, with who made it, listed for
# platform staff at /django-admin/auditlog/logentry/. Buyers' own data is not tracked.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "partner.partner",
    "partner.cooperative",
    "partner.cooperativestatuschange",
    "partner.certificate",
    "partner.stockrecord",
    {"model": "catalogue.product", "exclude_fields": ["date_updated", "rating"]},
    "catalogue.productclass",
    "catalogue.exchangerate",
    {"model": "order.order", "include_fields": ["status"]},
    {
        "model": "marketplace.user",
        "include_fields": ["is_staff", "is_superuser", "is_active"],
        "m2m_fields": {"groups", "user_permissions"},
    },
    {"model": "auth.group", "m2m_fields": {"permissions"}},
)
AUDITLOG_DISABLE_ON_RAW_SAVE = True
AUDITLOG_STORE_JSON_CHANGES = True
# With EMAIL_BACKEND = "marketplace.mail.QueuedEmailBackend", a task worker sends mail through this one.
SOUK_QUEUED_EMAIL_BACKEND = env(
    "SOUK_QUEUED_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend"
)
