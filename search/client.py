"""The Elasticsearch client, built once from settings, and the index names.

ELASTICSEARCH_URL empty means no search engine: every reader falls back to the database and
index updates are skipped (there is nothing to keep in sync).
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

# Raised by the client when the engine is unreachable or answers with an error.
from elasticsearch import ApiError, Elasticsearch, TransportError

ENGINE_ERRORS = (TransportError, ApiError, ConnectionError, OSError)


def search_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


@cache
def _client(url: str, node_class_path: str, timeout: float) -> Elasticsearch:
    options = {"request_timeout": timeout, "max_retries": 0, "retry_on_timeout": False}
    if node_class_path:
        options["node_class"] = import_string(node_class_path)
    return Elasticsearch(url, **options)


def search_client() -> Elasticsearch:
    """The shared client for ELASTICSEARCH_URL (a new one if the settings changed)."""
    return _client(
        settings.ELASTICSEARCH_URL,
        settings.ELASTICSEARCH_NODE_CLASS,
        float(settings.ELASTICSEARCH_TIMEOUT),
    )


def index_alias(kind: str) -> str:
    """The alias readers use, e.g. 'souk-products'; the concrete index behind it changes on rebuild."""
    return f"{settings.SEARCH_INDEX_PREFIX}-{kind}"
