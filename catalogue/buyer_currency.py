"""How a buyer sees prices and sizes: their choice, else what their browser suggests."""

from .money import SUPPORTED_CURRENCIES, currency_from_accept_language
from .units import UNIT_SYSTEMS, units_from_accept_language

SESSION_KEY = "souk_currency"
COOKIE_NAME = "souk_currency"
UNITS_KEY = "souk_units"
COOKIE_MAX_AGE = 365 * 24 * 3600


def buyer_currency_get(request) -> str:
    for candidate in (request.session.get(SESSION_KEY), request.COOKIES.get(COOKIE_NAME)):
        if candidate in SUPPORTED_CURRENCIES:
            return candidate
    return currency_from_accept_language(request.headers.get("Accept-Language", ""))


def buyer_currency_remember(request, response, currency: str) -> None:
    request.session[SESSION_KEY] = currency
    response.set_cookie(COOKIE_NAME, currency, max_age=COOKIE_MAX_AGE, samesite="Lax")


def buyer_units_get(request) -> str:
    for candidate in (request.session.get(UNITS_KEY), request.COOKIES.get(UNITS_KEY)):
        if candidate in UNIT_SYSTEMS:
            return candidate
    return units_from_accept_language(request.headers.get("Accept-Language", ""))


def buyer_units_remember(request, response, units: str) -> None:
    request.session[UNITS_KEY] = units
    response.set_cookie(UNITS_KEY, units, max_age=COOKIE_MAX_AGE, samesite="Lax")
