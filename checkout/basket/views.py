from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.views.generic import FormView
from oscar.apps.basket import views
from oscar.core.loading import get_class

from .offers import Applicator
from .selectors import products_to_add

BasketMessageGenerator = get_class("basket.utils", "BasketMessageGenerator")


class BasketView(views.BasketView):
    """Oscar's basket page, showing the lines the request's basket already loaded (with their
    photos, `Basket.lines_shown`) and telling upsells from the offers it was priced with."""

    def get_queryset(self):
        return self.request.basket.lines_shown()

    def get_upsell_messages(self, basket):
        """Oscar's, over the offers the basket was priced with (none for an empty basket, which
        no offer's condition is partly met by)."""
        offers = basket.candidate_offers or []
        applied = list(basket.offer_applications.offers.values())
        return [
            {"message": offer.get_upsell_message(basket), "offer": offer}
            for offer in offers
            if offer.is_condition_partially_satisfied(basket) and offer not in applied
        ]


class BasketAddView(views.BasketAddView):
    """Oscar's add-to-basket, reading the product, its stock record and the basket's lines
    once each: the product with what the form and the strategy read (selectors.py), the
    basket's own loaded lines for the merge, the offers it was priced with to price it again."""

    def post(self, request, *args, **kwargs):
        self.product = get_object_or_404(products_to_add(), pk=kwargs["pk"])
        return FormView.post(self, request, *args, **kwargs)

    def form_valid(self, form):
        basket = self.request.basket
        offers_before = basket.applied_offers()
        offers = basket.candidate_offers
        self.line, self.line_created = basket.add_product(
            form.product, form.cleaned_data["quantity"], form.cleaned_options()
        )
        if offers is None:  # the basket was empty, so not priced yet
            offers = Applicator().get_offers(basket, self.request.user, self.request)
            basket.candidate_offers = offers
        messages.success(self.request, self.get_success_message(form), extra_tags="safe noicon")
        # Offers gained or lost, and the new total.
        BasketMessageGenerator().apply_messages(self.request, offers_before, offers=offers)
        self.add_signal.send(sender=self, product=form.product, user=self.request.user, request=self.request)
        return FormView.form_valid(self, form)
