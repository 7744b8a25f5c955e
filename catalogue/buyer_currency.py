"""Which currency a buyer sees prices in: their choice, else what their browser suggests."""

from .money import SUPPORTED_CURRENCIES, currency_from_accept_language

SESSION_KEY = "souk_currency"
COOKIE_NAME = "souk_currency"
COOKIE_MAX_AGE = 365 * 24 * 3600


def buyer_currency_get(request) -> str:
    for candidate in (request.session.get(SESSION_KEY), request.COOKIES.get(COOKIE_NAME)):
        if candidate in SUPPORTED_CURRENCIES:
            return candidate
    return currency_from_accept_language(request.headers.get("Accept-Language", ""))


def buyer_currency_remember(request, response, currency: str) -> None:
    request.session[SESSION_KEY] = currency
    response.set_cookie(COOKIE_NAME, currency, max_age=COOKIE_MAX_AGE, samesite="Lax")
