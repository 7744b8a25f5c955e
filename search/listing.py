"""Listing pages (search, catalogue, categories) on `product_search`, through Django's paginator.

`SearchSequence` looks like a sized sequence to `Paginator`/`ListView`: its length is the
total number of hits and slicing it returns that page's products. One search runs per page.
"""

from urllib.parse import urlencode

from django.utils.translation import get_language

from catalogue.buyer_preferences import CURRENCY

from .queries import BOOLEAN_FACETS, TERM_FACETS
from .selectors import SearchResults, product_search

MAX_VALUES_PER_FACET = 20


def filters_from_querydict(params) -> dict:
    """Facet choices from a query string: ?style=Kilim&style=Azilal&in_stock=1&price=50-100."""
    filters: dict = {}
    for name in TERM_FACETS:
        values = [v.strip()[:80] for v in params.getlist(name) if v.strip()][:MAX_VALUES_PER_FACET]
        if values:
            filters[name] = values
    for name in BOOLEAN_FACETS:
        if params.get(name) in ("1", "on", "true"):
            filters[name] = True
    price = params.get("price", "").strip()[:40]
    if price:
        filters["price"] = price
    return filters


def _page_number(params) -> int:
    try:
        return max(1, min(int(params.get("page", 1)), 10_000))
    except (TypeError, ValueError):
        return 1


class SearchSequence:
    """The hits of one search, sized for the paginator, fetched one page at a time."""

    def __init__(
        self, *, query="", filters=None, sort="relevance", page=1, per_page=24, language="en", currency="MAD"
    ):
        self.kwargs = {
            "query": query,
            "filters": filters or {},
            "sort": sort,
            "per_page": per_page,
            "language": language,
            "currency": currency,
        }
        self.requested_page = page
        self._results: dict[int, SearchResults] = {}

    def results(self, page: int | None = None) -> SearchResults:
        page = page or self.requested_page
        if page not in self._results:
            self._results[page] = product_search(page=page, **self.kwargs)
        return self._results[page]

    def __len__(self) -> int:
        return self.results().total

    def count(self) -> int:
        return len(self)

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("SearchSequence supports slices only")
        page = (item.start or 0) // self.kwargs["per_page"] + 1
        return self.results(page).products

    def __iter__(self):
        return iter(self.results().products)


def search_from_request(
    request, *, sort: str, per_page: int, query: str = "", category=None
) -> SearchSequence:
    filters = filters_from_querydict(request.GET)
    if category is not None:
        filters["category_id"] = category.pk
    return SearchSequence(
        query=query,
        filters=filters,
        sort=sort,
        page=_page_number(request.GET),
        per_page=per_page,
        language=(get_language() or "en")[:2],
        currency=CURRENCY.get(request),
    )


def facet_context(request, results: SearchResults) -> dict:
    """Facets with the link that toggles each value, and the active choices to remove one by one."""
    params = request.GET.copy()
    params.pop("page", None)

    def url_with(changes: dict[str, list[str]]) -> str:
        new = params.copy()
        for key, values in changes.items():
            new.setlist(key, values)
        return "?" + urlencode([(k, v) for k in new for v in new.getlist(k) if v], doseq=False)

    active = []
    for facet in results.facets.values():
        current = params.getlist(facet.name)
        for value in facet.values:
            if facet.kind == "terms":
                values = (
                    [v for v in current if v != value.value] if value.selected else [*current, value.value]
                )
            else:
                values = [] if value.selected else [value.value]
            value.url = url_with({facet.name: values})
            if value.selected:
                active.append({"facet": facet.label, "label": value.label, "url": value.url})
    return {
        "facets": [
            f
            for f in results.facets.values()
            if f.values and (f.kind != "flag" or f.values[0].count or f.selected)
        ],
        "active_filters": active,
        "clear_filters_url": "?" + urlencode({k: params.get(k) for k in ("q", "sort") if params.get(k)}),
        "page_query": urlencode([(k, v) for k in params for v in params.getlist(k) if v]),
        "hidden_params": [(k, v) for k in params for v in params.getlist(k) if v and k != "sort"],
    }


def listing_context(request, search: SearchSequence, *, page: int) -> dict:
    """What a listing template needs beyond the products: facets, the fallback flag, paging links."""
    results = search.results(page)
    return {**facet_context(request, results), "search": results, "search_engine_down": results.engine_down}
