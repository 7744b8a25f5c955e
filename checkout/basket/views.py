from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.views.generic import FormView
from oscar.apps.basket import views
from oscar.core.loading import get_class

from .selectors import products_to_add

BasketMessageGenerator = get_class("basket.utils", "BasketMessageGenerator")


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
        messages.success(self.request, self.get_success_message(form), extra_tags="safe noicon")
        # Offers gained or lost, and the new total.
        BasketMessageGenerator().apply_messages(self.request, offers_before, offers=offers)
        self.add_signal.send(sender=self, product=form.product, user=self.request.user, request=self.request)
        return FormView.form_valid(self, form)
