"""
WSGI config for marketplace project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings.production")

application = get_wsgi_application()

# URLconf, resolvers and translations loaded now, not on a visitor's first request
# (in gunicorn's master with preload_app, so every worker it forks starts warm).
from marketplace.warmup import warm_up  # noqa: E402

warm_up()
