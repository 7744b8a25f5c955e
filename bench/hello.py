"""The ceiling: a hello-world Django view behind the same gunicorn, no database, no middleware.

DJANGO_SETTINGS_MODULE=bench.hello gunicorn bench.hello:application
"""

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

DEBUG = False
SECRET_KEY = "bench-hello-not-secret"
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []


def hello(request):
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("", hello)]

application = get_wsgi_application()
