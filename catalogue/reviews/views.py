from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.views import CreateProductReview as OscarCreateProductReview
from oscar.apps.catalogue.reviews.views import ProductReviewDetail as OscarProductReviewDetail

from .selectors import product_review_permitted, product_reviews_visible


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
