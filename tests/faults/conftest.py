"""Fixtures of the fault tests: the search tests' shop, the checkout tests' Stripe, and servers to break.

Servers are in tests/fault_servers.py; each fixture stops what it started, even when the test fails.
"""

import pytest

from tests.checkout_support import ledger_calls, local_stripe, stripe_settings  # noqa: F401
from tests.search_shop import indexed_shop, shop  # noqa: F401


@pytest.fixture(autouse=True)
def _migration_rows(request):
    """The rows data migrations make (CMS tree and home pages, locales, France), put back if a
    transactional test flushed them before this one ran."""
    if not request.node.get_closest_marker("django_db"):
        return
    request.getfixturevalue("db")
    from tests.checkout_support import country_ensure
    from tests.cms_baseline import cms_baseline_ensure

    cms_baseline_ensure()
    country_ensure("FR")


@pytest.fixture
def restarted_osmem():
    """Start osmem again on a given address (the one a killed process used); stopped afterwards."""
    from osmem_server import OsmemServer

    started = []

    def start(addr: str):
        server = OsmemServer.start(japanese=False, addr=addr)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close(grace=0.5)
