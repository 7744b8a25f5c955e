"""The embedded default: SQLite, local media, console email, no external service required."""

from search.local_server import server_url as _local_search_url

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-only-not-secret-4f1b7c2e9a")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# Search: the osmem server `make run` starts (search/local_server.py) unless ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="") or _local_search_url()
ELASTICSEARCH_NODE_CLASS = env("ELASTICSEARCH_NODE_CLASS", default="search.osmem.OsmemNode")

# `make run` starts localstripe here (checkout/local_stripe.py), so test cards work offline.
STRIPE_API_BASE = env("STRIPE_API_BASE", default="http://127.0.0.1:8420")
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="sk_test_local")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="pk_test_local")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="whsec_local")
