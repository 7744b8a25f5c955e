"""`make bench-web` WSGI app and URLconf: the site's URLs plus media files, which production serves
from object storage and DEBUG-off Django does not serve at all."""

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()

from django.conf import settings  # noqa: E402
from django.urls import re_path  # noqa: E402
from django.views.static import serve  # noqa: E402

from marketplace.urls import urlpatterns as site_urlpatterns  # noqa: E402

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]
