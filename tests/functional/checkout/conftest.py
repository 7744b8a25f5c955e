"""Fixtures of the checkout tests (defined in tests/checkout_support.py, shared with functional tests)."""

from tests.checkout_support import ledger_calls, local_stripe, stripe_settings  # noqa: F401
