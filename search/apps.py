from django.urls import path
from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app with our own search (Elasticsearch, database fallback) in place of Haystack's."""

    name = "search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers
        from .views import ProductSearchView, SearchClickView, SearchSuggestView

        self.search_view = ProductSearchView
        self.suggest_view = SearchSuggestView
        self.click_view = SearchClickView
        receivers.connect()

    def get_urls(self):
        return self.post_process_urls(
            [
                path("", self.search_view.as_view(), name="search"),
                path("suggest/", self.suggest_view.as_view(), name="suggest"),
                path("click/", self.click_view.as_view(), name="click"),
            ]
        )
