"""Stock Oscar's WSGI application, as Oscar's sandbox serves it: no warm-up of ours."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.stock_oscar.settings")

application = get_wsgi_application()
