from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import ListView

from catalogue.selectors import navigation_categories

from .listing import facet_context, search_from_request
from .selectors import SORT_OPTIONS, search_suggest, story_search
from .services import query_log_click, query_log_record


class ProductSearchView(ListView):
    """`/shop/search/?q=`: products matching the buyer's words, with facets, in the catalogue's cards."""

    template_name = "oscar/search/results.html"
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def get_query(self) -> str:
        return self.request.GET.get("q", "").strip()[:200]

    def get_sort(self) -> str:
        sort = self.request.GET.get("sort", "")
        return sort if sort in SORT_OPTIONS else "relevance"

    def get_queryset(self):
        self.search = search_from_request(
            self.request, query=self.get_query(), sort=self.get_sort(), per_page=self.get_paginate_by(None)
        )
        return self.search

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = self.search.results(context["page_obj"].number)
        query = self.get_query()
        context.update(facet_context(self.request, results))
        context.update(
            query=query,
            sort=self.get_sort(),
            sort_options=SORT_OPTIONS,
            search=results,
            search_engine_down=results.engine_down,
            suggested_categories=navigation_categories(),
        )
        if query and context["page_obj"].number == 1 and not self.request.GET.get("page"):
            context["query_log"] = query_log_record(request=self.request, text=query, results=results)
            # A few stories and guides that match, under the pieces (first page only).
            context["stories"] = story_search(query=query, language=(get_language() or "en")[:2]).stories
        return context


@method_decorator(never_cache, name="dispatch")
class SearchSuggestView(View):
    """`/shop/search/suggest/?q=`: products, categories and cooperatives for the search box (JSON)."""

    def get(self, request):
        prefix = request.GET.get("q", "").strip()[:100]
        suggestions = search_suggest(prefix=prefix, language=(get_language() or "en")[:2])
        return JsonResponse({"query": prefix, **suggestions})


class SearchClickView(View):
    """Beacon from the results page: which result a search led to (POST log, product)."""

    def post(self, request):
        try:
            log_id, product_id = int(request.POST["log"]), int(request.POST["product"])
        except (KeyError, ValueError):
            return HttpResponseBadRequest("log and product are required integers")
        query_log_click(log_id=log_id, product_id=product_id)
        return HttpResponse(status=204)
