from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView
from oscar.apps.catalogue.reviews.views import CreateProductReview as OscarCreateProductReview
from oscar.apps.catalogue.reviews.views import ProductReviewDetail as OscarProductReviewDetail

from vendors.selectors import cooperative_public_detail

from .forms import CooperativeReviewForm
from .selectors import (
    cooperative_rating,
    cooperative_review_by,
    cooperative_review_permitted,
    cooperative_reviews_approved,
    product_review_permitted,
    product_reviews_visible,
)
from .services import ReviewNotPermitted, cooperative_review_create


class CreateProductReview(OscarCreateProductReview):
    """Oscar's review form, open only to buyers who bought the product (and once each)."""

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(self.product_model, pk=kwargs["product_pk"], is_public=True)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not product_review_permitted(product=self.product, user=request.user):
            if self.product.has_review_by(request.user):
                message = _("You have already reviewed this piece.")
            else:
                message = _("Only buyers who have bought this piece can review it.")
            messages.warning(request, message)
            return redirect(self.product.get_absolute_url())
        # Skip Oscar's own check (any signed-in user) but keep the rest of its dispatch chain.
        return super(OscarCreateProductReview, self).dispatch(request, *args, **kwargs)

    def get_success_url(self):
        if settings.OSCAR_MODERATE_REVIEWS:
            messages.success(self.request, _("Thank you: your review will appear once our team has read it."))
        else:
            messages.success(self.request, _("Thank you for reviewing this piece."))
        return self.product.get_absolute_url()


class ProductReviewDetail(OscarProductReviewDetail):
    """One review of the product in the URL: published, or the reader's own while it waits.

    Oscar's view serves any review by primary key, so a review awaiting moderation (or rejected)
    would be public at its address.
    """

    def get_queryset(self):
        return product_reviews_visible(product_pk=self.kwargs["product_pk"], user=self.request.user)


class CooperativeReviewCreateView(FormView):
    """A buyer's review of a cooperative they bought from (a shipped or delivered order)."""

    form_class = CooperativeReviewForm
    template_name = "vendors/cooperative_review_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.cooperative = cooperative_public_detail(slug=kwargs["slug"])
        if self.cooperative is None:
            raise Http404("No such cooperative")
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not cooperative_review_permitted(cooperative=self.cooperative, user=request.user):
            return self._turn_away()
        return super().dispatch(request, *args, **kwargs)

    def _turn_away(self):
        if cooperative_review_by(cooperative=self.cooperative, user=self.request.user) is not None:
            message = _("You have already reviewed this cooperative.")
        else:
            message = _("Only buyers whose order from this cooperative has been shipped can review it.")
        messages.warning(self.request, message)
        return redirect(self.cooperative.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cooperative"] = self.cooperative
        return context

    def form_valid(self, form):
        try:
            cooperative_review_create(
                cooperative=self.cooperative,
                user=self.request.user,
                language=get_language() or "",
                **form.cleaned_data,
            )
        except ReviewNotPermitted:
            return self._turn_away()
        if settings.OSCAR_MODERATE_REVIEWS:
            messages.success(self.request, _("Thank you: your review will appear once our team has read it."))
        else:
            messages.success(self.request, _("Thank you for reviewing this cooperative."))
        return redirect(self.cooperative.get_absolute_url())


class CooperativeReviewListView(ListView):
    """Every published review of a cooperative, newest first."""

    template_name = "vendors/cooperative_review_list.html"
    context_object_name = "reviews"
    paginate_by = 20

    def get_queryset(self):
        self.cooperative = cooperative_public_detail(slug=self.kwargs["slug"])
        if self.cooperative is None:
            raise Http404("No such cooperative")
        return cooperative_reviews_approved(cooperative=self.cooperative)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cooperative"] = self.cooperative
        context["rating"] = cooperative_rating(cooperative=self.cooperative)
        return context
