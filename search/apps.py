from django.urls import path
from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    """Oscar's search app with our own product search view in place of Haystack's."""

    name = "search"

    def ready(self):
        from .views import ProductSearchView

        self.search_view = ProductSearchView

    def get_urls(self):
        return self.post_process_urls([path("", self.search_view.as_view(), name="search")])
