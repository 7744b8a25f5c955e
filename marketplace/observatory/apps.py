from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    """The export observatory: behaviour events, daily roll-ups and the staff dashboard pages."""

    name = "marketplace.observatory"
    label = "observatory"
    verbose_name = _("Export observatory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from oscar.apps.analytics.receivers import receive_product_view
        from oscar.apps.catalogue.signals import product_viewed

        from . import receivers  # noqa: F401

        # Our receiver counts product views for Oscar too, buffered or not (receivers.py).
        product_viewed.disconnect(receive_product_view)
