"""URL map. Oscar is mounted under /shop/; Wagtail's catch-all serves everything else, last.

English lives at unprefixed URLs; French under /fr/ and Arabic under /ar/.
"""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from catalogue.views import currency_set, units_set

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/switch/", views.language_switch, name="language-switch"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("currency/", currency_set, name="currency-set"),
    path("units/", units_set, name="units-set"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("shop/orders/", include("checkout.ledger.urls")),
    path("shop/", include(apps.get_app_config("oscar").urls[0])),
    path("cooperatives/", include("vendors.urls")),
    path("verify/", include("vendors.verify_urls")),
    path("sell/", include("vendors.sell_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
