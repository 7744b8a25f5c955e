# The search tests' shop (`shop`, `indexed_shop`); engine fixtures: tests/search_server.py.
from tests.search_shop import indexed_shop, shop  # noqa: F401
