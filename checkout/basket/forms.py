from oscar.apps.basket import forms


class AddToBasketForm(forms.AddToBasketForm):
    def cleaned_options(self):
        """Oscar's, without querying the options of a product that has none (has_options is
        annotated on the product the view loads)."""
        if not self.parent_product.has_options:
            return []
        return super().cleaned_options()
