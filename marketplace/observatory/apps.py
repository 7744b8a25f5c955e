from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    """The export observatory: behaviour events, daily roll-ups and the staff dashboard pages."""

    name = "marketplace.observatory"
    label = "observatory"
    verbose_name = _("Export observatory")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
