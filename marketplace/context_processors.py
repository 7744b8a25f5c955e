from django.conf import settings
from django.utils.functional import SimpleLazyObject

from catalogue.buyer_preferences import CURRENCY, UNITS
from catalogue.money import SUPPORTED_CURRENCIES
from catalogue.selectors import exchange_rates_current, navigation_categories


def site_chrome(request):
    """What every page's header and footer need: theme, top categories, the buyer's currency."""
    return {
        "souk_theme": settings.SOUK_THEME,
        "nav_categories": navigation_categories(),
        "buyer_currency": CURRENCY.get(request),
        "currency_choices": SUPPORTED_CURRENCIES,
        "buyer_units": UNITS.get(request),
        # Read from the cache once per page, however many prices the page shows.
        "exchange_rates": SimpleLazyObject(exchange_rates_current),
    }
