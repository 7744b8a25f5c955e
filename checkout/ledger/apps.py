from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "checkout.ledger"
    label = "ledger"
    verbose_name = _("Vendor orders and payouts")
    default_auto_field = "django.db.models.BigAutoField"
