import pytest
from django.core.cache import cache

pytest_plugins = ["tests.search_server"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache, so cached navigation never leaks between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english():
    """Requests to /fr/ or /ar/ activate a language in the thread; each test starts in English."""
    from django.utils import translation

    with translation.override("en"):
        yield
