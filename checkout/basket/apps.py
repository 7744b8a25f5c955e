import oscar.apps.basket.apps as apps


class BasketConfig(apps.BasketConfig):
    """Oscar's basket app, forked so a request loads the basket, its lines and the site offers
    once (models.py, middleware.py, offers.py, views.py). Migrations are Oscar's, copied unchanged."""

    name = "checkout.basket"

    def ready(self):
        super().ready()
        from django.apps import apps as registry
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .offers import offers_forget

        # Cached site offers (offers.py) hold offers, conditions, benefits and ranges, with the
        # products a range includes or excludes: any change to the offer app's rows forgets them.
        for model in registry.get_app_config("offer").get_models(include_auto_created=True):
            for signal in (post_save, post_delete, m2m_changed):
                uid = f"basket-offers-forget-{id(signal)}-{model._meta.label}"
                signal.connect(offers_forget, sender=model, dispatch_uid=uid)
