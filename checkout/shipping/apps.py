import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    name = "checkout.shipping"

    def ready(self):
        super().ready()
        from django.apps import apps as registry
        from django.db.models.signals import post_delete, post_save

        from checkout.selectors import shipping_rates_forget

        # Cooperatives' own rates are read from the cache (checkout.selectors.shipping_rates_own).
        rate = registry.get_model("checkout", "ShippingRate")
        post_save.connect(shipping_rates_forget, sender=rate, dispatch_uid="shipping-rates-forget-save")
        post_delete.connect(shipping_rates_forget, sender=rate, dispatch_uid="shipping-rates-forget-delete")
