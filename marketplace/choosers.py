"""Wagtail admin choosers for shop objects, so editors pick products and cooperatives in a
searchable modal instead of a select box of hundreds of rows."""

from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet


def _search_form(lookups: tuple[str, ...]) -> type[BaseFilterForm]:
    """A chooser filter form whose search box matches any of `lookups` (ORM lookups)."""

    class SearchForm(BaseFilterForm):
        q = forms.CharField(
            label=_("Search term"),
            required=False,
            widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        )

        def filter(self, objects):
            query = self.cleaned_data.get("q")
            if query:
                self.is_searching = True
                self.search_query = query
                objects = objects.filter(reduce(or_, (Q(**{lookup: query}) for lookup in lookups)))
            return objects

    return SearchForm


class SearchableChooserViewSet(ChooserViewSet):
    search_lookups: tuple[str, ...] = ()
    per_page = 20

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        form = _search_form(self.search_lookups)
        self.choose_view_class = type("ChooseView", (ChooseView,), {"filter_form_class": form})
        self.choose_results_view_class = type(
            "ChooseResultsView", (ChooseResultsView,), {"filter_form_class": form}
        )


class ProductChooserViewSet(SearchableChooserViewSet):
    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    search_lookups = ("title__icontains", "upc__iexact")

    def get_object_list(self):
        return self.model_class.objects.browsable().order_by("-date_created")


class CooperativeChooserViewSet(SearchableChooserViewSet):
    model = "partner.Cooperative"
    icon = "group"
    choose_one_text = _("Choose a cooperative")
    choose_another_text = _("Choose another cooperative")
    search_lookups = ("name__icontains", "city__icontains")

    def get_object_list(self):
        return self.model_class.objects.verified().order_by("name")


product_chooser_viewset = ProductChooserViewSet("product_chooser")
cooperative_chooser_viewset = CooperativeChooserViewSet("cooperative_chooser")
