from django.http import Http404
from django.views.generic import DetailView, ListView

from catalogue.selectors import cooperative_products
from marketplace.pagecache import PageCacheMixin

from .forms import CooperativeFilterForm
from .selectors import cooperative_public_detail, cooperative_public_list


class CooperativeListView(PageCacheMixin, ListView):
    template_name = "vendors/cooperative_list.html"
    context_object_name = "cooperatives"
    paginate_by = 24

    def get_queryset(self):
        self.filter_form = CooperativeFilterForm(self.request.GET or None)
        filters = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return cooperative_public_list(
            region=filters.get("region", ""),
            craft=filters.get("craft", ""),
            women_led=filters.get("women_led", False),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        return context


class CooperativeDetailView(PageCacheMixin, DetailView):
    template_name = "vendors/cooperative_detail.html"
    context_object_name = "cooperative"

    def get_object(self, queryset=None):
        cooperative = cooperative_public_detail(slug=self.kwargs["slug"])
        if cooperative is None:
            raise Http404("No such cooperative")
        return cooperative

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["products"] = cooperative_products(cooperative=self.object)[:24]
        context["certificates"] = [c for c in self.object.certificates.all() if c.is_valid]
        return context
