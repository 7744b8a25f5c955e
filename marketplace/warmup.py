"""What a web process would otherwise do on its first request, done when it loads the app.

Django imports the URLconf (and with it every view module: the invoice PDFs' fpdf, Wagtail's
admin), builds each language's URL resolver and loads the translation catalogues lazily, on
the first request a process serves: about 0.4 s of CPU here. gunicorn recycles workers
(`max_requests`), so without this each new worker made its first visitors wait for it, and
on a busy node that showed as a slow 95th percentile (bench/README.md). With `preload_app`
the master warms once and every forked worker inherits the result.

Nothing here opens a database or cache connection: sockets must not cross a fork.
"""

from django.apps import apps
from django.conf import settings
from django.urls import get_resolver
from django.utils import translation


def warm_up() -> None:
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Basket")  # loads this language's catalogues
            get_resolver().reverse_dict  # noqa: B018 (imports the URLconf, builds this language's resolver)
    # Imported by Django's Redis cache client when it is first built, and inside functions on
    # the page cache's path (a stored page's first hit).
    import redis  # noqa: F401

    if apps.is_installed("marketplace.observatory"):  # not in bench/stock_oscar's settings
        import marketplace.observatory.buffer  # noqa: F401
